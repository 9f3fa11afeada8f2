import { httpHandler } from '../commons/http';
import { openByReceipt } from './citizen-access';
import { lookupSchema } from './lookup-body';

/** POST /api/applications/lookup — the status page: receipt number and access code. */
export const handler = httpHandler(async (event) => {
  const { receiptNumber, accessCode } = lookupSchema.parse(event.jsonBody);
  return { status: 200, body: await openByReceipt(receiptNumber, accessCode, event.requestContext.http.sourceIp) };
});
