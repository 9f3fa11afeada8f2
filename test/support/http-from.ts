import { Agent, request, type IncomingHttpHeaders } from 'node:http';

export interface HttpAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  body: any;
}

// A connection per request: a kept-alive socket that sat idle past the server's keep-alive timeout
// may be closed by the server just as the next request is written on it (ECONNRESET).
const agent = new Agent({ keepAlive: false });

/**
 * The n-th of many client addresses on the loopback network (127.10.0.1, 127.10.0.2, …). Linux routes
 * all of 127/8 to this machine, so a request sent from one of them reaches a local cloud with that
 * source IP — as requests from different people would — and per-client limits see different clients.
 */
export function loopbackClient(n: number): string {
  return `127.${10 + Math.floor(n / (254 * 254))}.${1 + (Math.floor(n / 254) % 254)}.${1 + (n % 254)}`;
}

function parsed(text: string): unknown {
  try {
    return text ? JSON.parse(text) : undefined;
  } catch {
    return text;
  }
}

/** An HTTP client of a local cloud whose requests come from `sourceIp` (a loopback address). A string body is sent as it is. */
export function httpFrom(api: string, sourceIp: string) {
  return (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<HttpAnswer> =>
    new Promise((resolve, reject) => {
      const url = new URL(path, api);
      const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
      const req = request(
        {
          host: url.hostname,
          port: url.port,
          path: url.pathname + url.search,
          method,
          agent,
          localAddress: sourceIp,
          headers: { ...(payload === undefined ? {} : { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(payload)) }), ...headers },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: parsed(text) });
          });
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(payload);
    });
}
