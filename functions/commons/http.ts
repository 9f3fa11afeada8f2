import middy from '@middy/core';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { ZodError } from 'zod';
import { fieldErrors } from '../../forms/errors';
import { log } from './logger';
import { HttpProblem, problem } from './problems';

/** The API Gateway v2 event with the parsed JSON body and, for staff routes, the JWT claims. */
export type HttpEvent = APIGatewayProxyEventV2 & {
  jsonBody?: unknown;
  requestContext: APIGatewayProxyEventV2['requestContext'] & {
    authorizer?: { jwt?: { claims: Record<string, string | number | boolean | string[]> } };
  };
};

export interface HttpResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Request = middy.Request<HttpEvent, APIGatewayProxyResultV2, Error, Context>;

const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/** Reads a JSON body into `event.jsonBody`: 413 when too large, 415 when not JSON, 400 when malformed. */
export function jsonBody(maxBytes = DEFAULT_MAX_BODY_BYTES): MiddlewareObj<HttpEvent, APIGatewayProxyResultV2> {
  return {
    before: ({ event }: Request) => {
      if (event.body === undefined || event.body === null || event.body === '') return;
      const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
      if (raw.byteLength > maxBytes) throw problem.tooLarge(maxBytes);
      const contentType = event.headers?.['content-type'] ?? '';
      if (!/^application\/(.+\+)?json\b/i.test(contentType)) throw problem.unsupportedMediaType();
      try {
        event.jsonBody = JSON.parse(raw.toString('utf8'));
      } catch {
        throw new HttpProblem(400, 'malformed-json', {
          ko: '본문이 올바른 JSON이 아닙니다.',
          en: 'The body is not valid JSON.',
        });
      }
    },
  };
}

/** Turns known problems into 4xx answers; anything else is a bug: logged by id only, answered 500. */
export function problemResponses(): MiddlewareObj<HttpEvent, APIGatewayProxyResultV2> {
  return {
    onError: (request: Request) => {
      const error = request.error;
      const known =
        error instanceof HttpProblem
          ? error
          : error instanceof ZodError
            ? problem.invalidInput(fieldErrors(error))
            : undefined;
      if (!known) {
        log.error('unhandled error', { requestId: request.context.awsRequestId, error: error?.name });
      }
      const answer =
        known ??
        new HttpProblem(500, 'internal-error', {
          ko: '일시적인 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.',
          en: 'Something went wrong on our side. Please try again shortly.',
        });
      request.response = toResponse({ status: answer.status, body: answer.toBody(), headers: answer.headers });
    },
  };
}

function toResponse(result: HttpResult): APIGatewayProxyResultV2 {
  return {
    statusCode: result.status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...result.headers },
    body: result.body === undefined ? '' : JSON.stringify(result.body),
  };
}

/**
 * Wraps a route's logic as a Lambda handler: JSON body in, problems mapped to 4xx, result out.
 *
 * @example
 * export const handler = httpHandler(async (event) => ({ status: 200, body: { ok: true } }));
 */
export function httpHandler(fn: (event: HttpEvent, context: Context) => Promise<HttpResult>, options: { maxBodyBytes?: number } = {}) {
  return middy<HttpEvent, APIGatewayProxyResultV2>()
    .use(jsonBody(options.maxBodyBytes))
    .use(problemResponses())
    .handler(async (event, context) => toResponse(await fn(event, context)));
}
