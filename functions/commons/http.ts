import { randomUUID } from 'node:crypto';
import middy from '@middy/core';
import type { MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
// The error class alone: `z.core.$ZodError` makes esbuild keep the whole of zod's core namespace,
// every locale included (about 330 KB of each HTTP handler's bundle).
import { $ZodError } from 'zod/v4/core';
import { fieldErrors } from '../../forms/errors';
import { faultInjection } from './fault-injection';
import { parseJsonBody } from './json-body';
import { correlationIdOf, currentCorrelationId, log, withCorrelationId } from './logger';
import { HttpProblem, problem } from './problems';
import { isTransient } from './transient-errors';

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
  /** A body sent as it is instead of `body` as JSON (a CSV file): its content-type goes in `headers`. */
  text?: string;
  headers?: Record<string, string>;
}

type Request = middy.Request<HttpEvent, APIGatewayProxyResultV2, Error, Context>;

const DEFAULT_MAX_BODY_BYTES = 64 * 1024;

/** Time kept back from the function's timeout to return the 503 and write its log line. */
const ANSWER_BEFORE_DEADLINE_MS = 1_000;

/** Reads a JSON body into `event.jsonBody`: 413 when too large, 415 when not JSON, 400 when malformed or too deep. */
export function jsonBody(maxBytes = DEFAULT_MAX_BODY_BYTES): MiddlewareObj<HttpEvent, APIGatewayProxyResultV2> {
  return {
    before: ({ event }: Request) => {
      if (event.body === undefined || event.body === null || event.body === '') return;
      const raw = event.isBase64Encoded ? Buffer.from(event.body, 'base64') : Buffer.from(event.body, 'utf8');
      if (raw.byteLength > maxBytes) throw problem.tooLarge(maxBytes);
      const contentType = event.headers?.['content-type'] ?? '';
      if (!/^application\/(.+\+)?json\b/i.test(contentType)) throw problem.unsupportedMediaType();
      event.jsonBody = parseJsonBody(raw.toString('utf8'));
    },
  };
}

/**
 * Turns known problems into 4xx answers and transient faults of the services behind (throttles,
 * contention, timeouts) into 503 with Retry-After; anything else is a bug: logged by id only, 500.
 */
export function problemResponses(): MiddlewareObj<HttpEvent, APIGatewayProxyResultV2> {
  return {
    onError: (request: Request) => {
      const error = request.error;
      const known =
        error instanceof HttpProblem
          ? error
          : error instanceof $ZodError // zod classic's ZodError and the $ZodError of forms/ (zod/mini) schemas
            ? problem.invalidInput(fieldErrors(error))
            : isTransient(error)
              ? problem.unavailable({
                  ko: '지금은 요청이 많아 처리하지 못했습니다. 잠시 후 같은 요청을 다시 보내 주세요.',
                  en: 'We are too busy to answer right now. Please send the same request again shortly.',
                })
              : undefined;
      if (!known || known.status === 503) {
        log.error(known ? 'transient fault' : 'unhandled error', { requestId: request.context.awsRequestId, route: request.event.routeKey, error: error?.name });
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

/**
 * Sent with every API answer, from the handler so that API Gateway passes them on in AWS too. JSON is
 * never a document to render or frame: the policy allows nothing.
 */
const apiSecurityHeaders = {
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

function toResponse(result: HttpResult): APIGatewayProxyResultV2 {
  return {
    statusCode: result.status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...apiSecurityHeaders, ...result.headers },
    body: result.text ?? (result.body === undefined ? '' : JSON.stringify(result.body)),
  };
}

/**
 * Wraps a route's logic as a Lambda handler: JSON body in, problems mapped to 4xx, a 503 with
 * Retry-After when the function's deadline comes first, result out.
 *
 * @example
 * export const handler = httpHandler(async (event) => ({ status: 200, body: { ok: true } }));
 */
export function httpHandler(fn: (event: HttpEvent, context: Context) => Promise<HttpResult>, options: { maxBodyBytes?: number } = {}) {
  const route = middy<HttpEvent, APIGatewayProxyResultV2>({
    // Answer before Lambda ends the invocation, which API Gateway would turn into a bare 500.
    timeoutEarlyInMillis: ANSWER_BEFORE_DEADLINE_MS,
    timeoutEarlyResponse: () => {
      throw problem.deadlineReached();
    },
  })
    .use(jsonBody(options.maxBodyBytes))
    .use(problemResponses())
    // Drills only (DOLBOM_FAULTS): a delay before the route, a lost answer after it; a no-op otherwise.
    .use(faultInjection())
    .handler(async (event, context) => toResponse(await fn(event, context)));
  // Outside middy, so the correlation id is on every line the route writes, its errors included, and on
  // the workflow it starts. The route key is the route's template: never a path or query with a person's data.
  return (event: HttpEvent, context: Context) =>
    withCorrelationId(correlationIdOf(event.headers, event.requestContext?.requestId ?? randomUUID()), async () => {
      const started = Date.now();
      const response = (await route(event, context)) as Exclude<APIGatewayProxyResultV2, string>;
      // Handed back, so a caller (or the console) can quote it when asking about a request.
      response.headers = { ...response.headers, 'x-correlation-id': currentCorrelationId()! };
      log.info('request', { route: event.routeKey, status: response.statusCode, ms: Date.now() - started });
      return response;
    });
}

