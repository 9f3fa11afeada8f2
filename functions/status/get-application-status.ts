import { httpHandler } from '../commons/http';
import { openForCitizen } from './citizen-access';

/** GET /api/applications/{applicationId} — status and timeline, for the holder of the access code. */
export const handler = httpHandler(async (event) => ({
  status: 200,
  body: await openForCitizen(event.pathParameters?.applicationId ?? '', event.headers?.['x-access-code'], event.requestContext.http.sourceIp),
}));
