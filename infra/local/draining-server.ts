import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { problem } from '../../functions/commons/problems';

/** About as long as the local cloud takes to start again. */
const RETRY_AFTER_SECONDS = 10;

const restarting = problem.unavailable(
  {
    ko: '서버가 다시 시작하는 중입니다. 잠시 후 다시 시도해 주세요. 신청서는 같은 Idempotency-Key로 다시 보내면 한 번만 접수됩니다.',
    en: 'The server is restarting. Please try again shortly; a submission resent with the same Idempotency-Key is accepted only once.',
  },
  RETRY_AFTER_SECONDS,
);

export interface DrainReport {
  /** Requests that were running when the stop began. */
  inFlight: number;
  /** Of those, the ones still running when the drain bound was reached (their connections were cut). */
  cut: number;
  /** Requests that arrived while stopping and were answered 503. */
  refused: number;
  drainMs: number;
}

export interface DrainingServer {
  server: Server;
  /** Drains and closes: returns once every connection is closed, however much traffic keeps coming. */
  stop(): Promise<DrainReport>;
}

/**
 * An HTTP server that stops the way a load balancer drains a target. From `stop()` on, a request
 * that arrives is answered 503 with Retry-After and `connection: close` (a caller told to come back
 * knows more than one whose connection is refused); the requests already running finish, for at
 * most `drainBoundMs`; then the port and every connection are closed.
 *
 * @example
 * const gateway = drainingServer(listener, INTEGRATION_TIMEOUT_MS);
 * gateway.server.listen(3000);
 * // on SIGTERM:
 * const report = await gateway.stop();
 */
export function drainingServer(listener: (req: IncomingMessage, res: ServerResponse) => unknown, drainBoundMs: number): DrainingServer {
  const running = new Set<ServerResponse>();
  let stopping = false;
  let refused = 0;
  let lastOneDone: (() => void) | undefined;

  const server = createServer((req, res) => {
    if (stopping) {
      refused++;
      res.writeHead(restarting.status, { 'content-type': 'application/json; charset=utf-8', connection: 'close', ...restarting.headers });
      res.end(JSON.stringify(restarting.toBody()));
      return;
    }
    running.add(res);
    res.once('close', () => {
      running.delete(res);
      if (running.size === 0) lastOneDone?.();
    });
    listener(req, res);
  });

  return {
    server,
    async stop() {
      stopping = true;
      const started = Date.now();
      const inFlight = running.size;
      // Their answers close their connections; idle keep-alive connections have nothing to finish.
      for (const res of running) if (!res.headersSent) res.setHeader('connection', 'close');
      server.closeIdleConnections();
      if (running.size > 0) {
        const drained = new Promise<void>((resolve) => (lastOneDone = resolve));
        const bound = new AbortController();
        await Promise.race([drained, sleep(drainBoundMs, undefined, { signal: bound.signal }).catch(() => undefined)]);
        bound.abort();
      }
      const cut = running.size;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await closed;
      return { inFlight, cut, refused, drainMs: Date.now() - started };
    },
  };
}
