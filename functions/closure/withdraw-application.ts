import { now } from '../commons/clock';
import { httpHandler } from '../commons/http';
import { requireApplication } from '../applications/store';
import { admitById } from '../status/citizen-access';
import { earlyReasonLabels, withdrawalBody, type ClosingRequest } from './closing-reasons';
import { recordClosingRequest, signalClosing } from './closing-signal';

/**
 * POST /api/applications/{applicationId}/withdrawal — the citizen stops the service (서비스 중단·철회)
 * from the status page, with the access code in `x-access-code` (checked as GET /api/applications/{id}
 * checks it, with its guessing limits) and, if they wish, why. Recorded and signalled like a case
 * manager's early closure (request-closure.ts); the answer says what happens in plain words.
 */
export const handler = httpHandler(async (event) => {
  const applicationId = event.pathParameters?.applicationId ?? '';
  const sourceIp = event.requestContext.http.sourceIp;
  await admitById(applicationId, event.headers?.['x-access-code'], sourceIp, 'application.opened-to-withdraw');
  // No body is no reason given; a body that is not the object (JSON null, a list) is refused.
  const body = withdrawalBody.parse(event.jsonBody === undefined ? {} : event.jsonBody);
  const request: ClosingRequest = {
    reason: body.reason ? `withdrawal-${body.reason}` : 'withdrawal',
    ...(body.note ? { note: body.note } : {}),
    by: { kind: 'citizen', sourceIp },
    at: now().toISOString(),
  };
  const standing = await recordClosingRequest(applicationId, request);
  await signalClosing(await requireApplication(applicationId));
  return { status: 202, body: { applicationId, withdrawal: { requestedAt: standing.at, reason: earlyReasonLabels[standing.reason] } } };
});
