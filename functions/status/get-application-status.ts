import { httpHandler } from '../commons/http';
import { openById } from './citizen-access';

/** GET /api/applications/{applicationId} — status and timeline, for the holder of the access code. */
export const handler = httpHandler(async (event) => ({
  status: 200,
  body: await openById(event.pathParameters?.applicationId ?? '', event.headers?.['x-access-code'], event.requestContext.http.sourceIp),
}));
