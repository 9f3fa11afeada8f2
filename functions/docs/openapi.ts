import { httpHandler } from '../commons/http';
import { openApiDocument } from './openapi-document';

// Built once per container: the document only changes with a deployment.
let document: ReturnType<typeof openApiDocument> | undefined;

/** GET /api/openapi.json */
export const handler = httpHandler(async () => {
  document ??= openApiDocument();
  return { status: 200, body: document, headers: { 'cache-control': 'public, max-age=300' } };
});
