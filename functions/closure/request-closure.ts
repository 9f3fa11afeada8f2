import { now } from '../commons/clock';
import { httpHandler } from '../commons/http';
import { staffActor, staffMember } from '../commons/staff';
import { requireApplication } from '../applications/store';
import { openForStaff } from '../status/staff-access';
import { staffClosureBody, type ClosingRequest } from './closing-reasons';
import { recordClosingRequest, signalClosing } from './closing-signal';

/**
 * POST /api/staff/applications/{applicationId}/closure — a case manager of the application's district
 * closes the case early (drop-out, loss of eligibility, …) with what happened in their words. The
 * request is recorded on the application, then whatever the workflow waits on is answered with
 * `Dolbom.ClosingEarly`; the Closure step closes the case. Sent again, the same request is answered
 * the same (and the workflow signalled again); a closed or rejected application → 409.
 */
export const handler = httpHandler(async (event) => {
  const application = await openForStaff(event, 'application.closing-by-staff');
  const body = staffClosureBody.parse(event.jsonBody);
  const request: ClosingRequest = { reason: body.reason, note: body.note, by: staffActor(staffMember(event), event), at: now().toISOString() };
  const standing = await recordClosingRequest(application.id, request);
  await signalClosing(await requireApplication(application.id));
  return { status: 202, body: { applicationId: application.id, closing: { reason: standing.reason, at: standing.at } } };
});
