/**
 * Serves the built web pages the way the local gateway does (a path without an extension is
 * index.html) and answers `/api/*`, `/local/*` and `/oauth2/*` + `/logout` (a stand-in for Cognito's hosted
 * pages) from handlers the test sets, recording every call.
 * The unit under test is the page in the browser, so the backend is a fake here on purpose.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { pageSecurityHeaders } from '../../../web/security-headers';

export interface RecordedRequest {
  method: string;
  path: string;
  /** The query string's parameters. */
  query: Record<string, string>;
  headers: IncomingHttpHeaders;
  body: unknown;
}

export interface FakeResponse {
  status: number;
  body?: unknown;
  /** Answer late, e.g. to let a second click arrive while the first request is in flight. */
  delayMs?: number;
  /** A body sent as it is (a CSV file) instead of `body` as JSON, with its own headers. */
  text?: string;
  headers?: Record<string, string>;
}

export type FakeHandler = (request: RecordedRequest, calls: number) => FakeResponse | Promise<FakeResponse>;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json',
};

export interface FakeBackend {
  url: string;
  /** Every `/api/*`, `/local/*`, `/oauth2/*` and `/logout` request, in order of arrival. */
  requests: RecordedRequest[];
  on(method: string, path: string, handler: FakeHandler): void;
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeBackend(staticDir: string): Promise<FakeBackend> {
  const requests: RecordedRequest[] = [];
  const handlers = new Map<string, FakeHandler>();
  const root = path.resolve(staticDir);

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');

    if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/local/') || url.pathname.startsWith('/oauth2/') || url.pathname === '/logout') {
      let body: unknown = raw;
      try {
        body = raw ? JSON.parse(raw) : undefined;
      } catch {
        /* recorded as text */
      }
      const request: RecordedRequest = { method: req.method ?? 'GET', path: url.pathname, query: Object.fromEntries(url.searchParams), headers: req.headers, body };
      requests.push(request);
      const key = `${request.method} ${request.path}`;
      const handler = handlers.get(key);
      const calls = requests.filter((r) => `${r.method} ${r.path}` === key).length;
      const answer = handler ? await handler(request, calls) : { status: 404, body: { message: 'Not Found' } };
      if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
      res.writeHead(answer.status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...answer.headers });
      res.end(answer.text ?? (answer.body === undefined ? '' : JSON.stringify(answer.body)));
      return;
    }

    const relative = url.pathname === '/' || !path.extname(url.pathname) ? 'index.html' : url.pathname.replace(/^\/+/, '');
    const file = path.resolve(root, relative);
    if (!file.startsWith(root + path.sep)) return void res.writeHead(404).end();
    try {
      const content = await readFile(file);
      // The pages run under their real Content-Security-Policy, so a violation fails the browser tests.
      res.writeHead(200, { 'content-type': contentTypes[path.extname(file)] ?? 'application/octet-stream', ...pageSecurityHeaders });
      res.end(content);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    on: (method, path, handler) => void handlers.set(`${method} ${path}`, handler),
    reset: () => {
      requests.length = 0;
      handlers.clear();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
