import { httpHandler } from '../commons/http';
import { submitApplication } from './submit';

/** POST /api/applications — a citizen submits a programme's form. */
export const handler = httpHandler(async (event) => {
  const receipt = await submitApplication({
    body: event.jsonBody,
    idempotencyKey: event.headers?.['idempotency-key'],
    sourceIp: event.requestContext.http.sourceIp,
  });
  return { status: 202, body: receipt, headers: { location: `/api/applications/${receipt.applicationId}` } };
});
