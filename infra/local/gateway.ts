import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { routes, type Route } from '../../functions/routes';
import { pageSecurityHeadersFor } from '../../web/security-headers';
import type { LocalIdentity } from './identity';
import type { LocalLambdaRuntime } from './lambda-runtime';
import { serveStaticFile } from './static-files';

/** API Gateway HTTP APIs refuse bodies over 10 MB before any Lambda runs. */
const GATEWAY_MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * An HTTP API waits at most 30 s for its Lambda integration, then answers 503 on its own. Functions
 * behind routes time out sooner (a unit test holds them to it), so their handler's 503 with
 * Retry-After comes first.
 */
export const INTEGRATION_TIMEOUT_MS = 30_000;

async function withinIntegrationTimeout<T>(invocation: Promise<T>): Promise<T | 'timed-out'> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timed-out'>((resolve) => {
    timer = setTimeout(() => resolve('timed-out'), INTEGRATION_TIMEOUT_MS);
  });
  try {
    return await Promise.race([invocation, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  params: string[];
}

function compile(route: Route): CompiledRoute {
  const params: string[] = [];
  const source = route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(\w+)\\?\}/g, (_, name: string) => {
    params.push(name);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source}$`), params };
}

// Like API Gateway, a literal path segment wins over a parameter.
const compiled = routes.map(compile).sort((a, b) => a.params.length - b.params.length);

export type LocalRouteHandler = (req: IncomingMessage, res: ServerResponse, url: URL, body: Buffer) => Promise<boolean>;

export interface GatewayOptions {
  runtime: LocalLambdaRuntime;
  identity: LocalIdentity;
  /** Local-only operator endpoints (clock, sign-in); return true when handled. */
  localRoutes: LocalRouteHandler;
  /** Folder of the built web pages. */
  staticDir: string;
  /** The documents bucket's origin, which the status page uploads to (its connect-src). */
  uploadOrigin?: string;
}

function send(res: ServerResponse, status: number, body: unknown, headers: Readonly<Record<string, string>> = {}) {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

async function readBody(req: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > GATEWAY_MAX_BODY_BYTES) return 'too-large';
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function toEvent(req: IncomingMessage, url: URL, match: CompiledRoute, values: string[], body: Buffer, claims?: Record<string, unknown>): APIGatewayProxyEventV2 {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(',') : value;
  }
  const query = url.searchParams.size ? Object.fromEntries(url.searchParams) : undefined;
  const routeKey = `${match.route.method} ${match.route.path}`;
  const now = Date.now();
  return {
    version: '2.0',
    routeKey,
    rawPath: url.pathname,
    rawQueryString: url.search.slice(1),
    headers,
    queryStringParameters: query,
    pathParameters: match.params.length ? Object.fromEntries(match.params.map((p, i) => [p, decodePathSegment(values[i]!)])) : undefined,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      domainName: headers.host ?? 'localhost',
      domainPrefix: 'localhost',
      http: {
        method: req.method ?? 'GET',
        path: url.pathname,
        protocol: `HTTP/${req.httpVersion}`,
        sourceIp: req.socket.remoteAddress ?? '127.0.0.1',
        userAgent: headers['user-agent'] ?? '',
      },
      requestId: randomUUID(),
      routeKey,
      stage: '$default',
      time: new Date(now).toUTCString(),
      timeEpoch: now,
      ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
    },
    body: body.length ? body.toString('utf8') : undefined,
    isBase64Encoded: false,
  } as APIGatewayProxyEventV2;
}

/**
 * API Gateway hands path parameters to Lambda decoded. A segment that is not valid percent-encoding
 * (`%E0%A4%A`) is passed on as sent: its handler's own check of the id answers it (a 4xx in the
 * caller's words), as it must whatever API Gateway passes on.
 */
function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The web pages, compressed and cached (static-files.ts), with their security headers (in AWS, S3 + CloudFront serve them). */
async function serveStatic(req: IncomingMessage, res: ServerResponse, dir: string, pathname: string, pageSecurityHeaders: Readonly<Record<string, string>>): Promise<void> {
  if (!(await serveStaticFile(req, res, dir, pathname, pageSecurityHeaders))) send(res, 404, { message: 'Not Found' }, pageSecurityHeaders);
}

/**
 * The local API Gateway: the same route list as the CDK HttpApi, API Gateway v2 events, and the JWT
 * check of the staff authorizer. Web pages are served from the same origin.
 */
export function createGateway(options: GatewayOptions) {
  const pageSecurityHeaders = pageSecurityHeadersFor(options.uploadOrigin ? [options.uploadOrigin] : []);
  return async (req: IncomingMessage, res: ServerResponse) => {
    try {
      const target = req.url ?? '/';
      // A request target that is no URL at all (`GET http://[/x`) never reaches a route.
      if (!URL.canParse(target, 'http://localhost')) return send(res, 400, { message: 'Bad Request' });
      const url = new URL(target, 'http://localhost');
      const body = await readBody(req);
      if (body === 'too-large') return send(res, 413, { message: 'Request Entity Too Large' });
      if (await options.localRoutes(req, res, url, body)) return;

      const candidates = compiled.filter((c) => c.pattern.test(url.pathname));
      if (!candidates.length) {
        if (req.method === 'GET' && !url.pathname.startsWith('/api/')) return serveStatic(req, res, options.staticDir, url.pathname, pageSecurityHeaders);
        return send(res, 404, { message: 'Not Found' });
      }
      const match = candidates.find((c) => c.route.method === req.method);
      if (!match) return send(res, 405, { message: 'Method Not Allowed' });

      let claims: Record<string, unknown> | undefined;
      if (match.route.access !== 'public') {
        claims = await options.identity.verify(req.headers.authorization);
        if (!claims) return send(res, 401, { message: 'Unauthorized' });
      }
      const values = match.pattern.exec(url.pathname)!.slice(1);
      const result = await withinIntegrationTimeout(options.runtime.invoke(match.route.handler, toEvent(req, url, match, values, body, claims)));
      if (result === 'timed-out') return send(res, 503, { message: 'Service Unavailable' });
      const answer = result as APIGatewayProxyStructuredResultV2;
      res.writeHead(answer.statusCode ?? 200, answer.headers as Record<string, string>);
      res.end(answer.body ?? '');
    } catch {
      // Same as API Gateway when the function fails or times out: no detail leaks to the caller.
      send(res, 500, { message: 'Internal Server Error' });
    }
  };
}
