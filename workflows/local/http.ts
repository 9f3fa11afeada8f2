/**
 * The JSON API over HTTP, as AWS serves it: POST / with `X-Amz-Target: AWSStepFunctions.<Action>`
 * and `Content-Type: application/x-amz-json-1.0`; errors as HTTP 400 `{"__type", "message"}`
 * (500 `InternalFailure` only for bugs of this service).
 */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { SfnApiError } from './errors';

const CONTENT_TYPE = 'application/x-amz-json-1.0';

export type RequestListener = (request: IncomingMessage, response: ServerResponse) => void;

export function createRequestListener(
  call: (target: string, body: unknown) => Promise<unknown>,
  log: (line: string) => void,
): RequestListener {
  return (request, response) => {
    const requestId = randomUUID();
    handle(request, call).then(
      (result) => reply(response, requestId, 200, result ?? {}),
      (error: unknown) => {
        if (error instanceof SfnApiError) {
          reply(response, requestId, error.status, { __type: error.type, message: error.message }, error.type);
        } else {
          log(`request ${requestId} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
          reply(response, requestId, 500, { __type: 'InternalFailure', message: 'The local Step Functions service failed; see its log' }, 'InternalFailure');
        }
      },
    );
  };
}

async function handle(request: IncomingMessage, call: (target: string, body: unknown) => Promise<unknown>): Promise<unknown> {
  const target = request.headers['x-amz-target'];
  if (request.method !== 'POST' || typeof target !== 'string') {
    throw new SfnApiError('UnknownOperationException', 'Send POST / with an X-Amz-Target header, e.g. AWSStepFunctions.StartExecution');
  }
  const text = await readBody(request);
  let body: unknown;
  try {
    body = text.trim() === '' ? {} : JSON.parse(text);
  } catch {
    throw new SfnApiError('SerializationException', 'The request body is not valid JSON');
  }
  return call(target, body);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function reply(response: ServerResponse, requestId: string, status: number, body: unknown, errorType?: string): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    'Content-Type': CONTENT_TYPE,
    'Content-Length': Buffer.byteLength(text),
    'x-amzn-RequestId': requestId,
    ...(errorType ? { 'x-amzn-ErrorType': errorType } : {}),
  });
  response.end(text);
}
