import { setTimeout as sleep } from 'node:timers/promises';
import type { clientsFor } from './clients';

type Clients = ReturnType<typeof clientsFor>;
type Answer = Awaited<ReturnType<Clients['http']>>;

/** What the API answered while a drill ran, every attempt counted: the status a person would have seen. */
export interface AnswerTally {
  /** Attempts by status. */
  byStatus: Record<number, number>;
  /** 503s that lacked a Retry-After header or a message in Korean and English. */
  unhelpful503: { route: string; body: unknown }[];
  /** 5xx other than 503: an answer that tells a person nothing they can do. */
  bare5xx: { route: string; status: number; body: unknown }[];
}

/**
 * The clients of a drill, with `http` sending a request again — the same method, path, body and
 * headers (so the same Idempotency-Key) — after a 503, as a person clicking again or a browser
 * honouring Retry-After would (it waits a moment, not the advertised seconds: the drill is in a
 * hurry, and waiting longer changes nothing the drill checks). Every answer is tallied.
 */
export function retryingClients(clients: Clients, attempts = 25): Clients & { tally: AnswerTally } {
  const tally: AnswerTally = { byStatus: {}, unhelpful503: [], bare5xx: [] };
  async function http(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    const route = `${method} ${path.replace(/\?.*$/, '')}`;
    for (let attempt = 1; ; attempt++) {
      const answer = await clients.http(method, path, body, headers);
      tally.byStatus[answer.status] = (tally.byStatus[answer.status] ?? 0) + 1;
      if (answer.status === 503) {
        const retryAfter = Number(answer.headers.get('retry-after'));
        const text = answer.body?.error?.message;
        if (!(retryAfter > 0) || !text?.ko || !text?.en) tally.unhelpful503.push({ route, body: answer.body });
        if (attempt < attempts) {
          await sleep(150 + Math.floor(Math.random() * 350));
          continue;
        }
      } else if (answer.status >= 500) tally.bare5xx.push({ route, status: answer.status, body: answer.body });
      return answer;
    }
  }
  return { ...clients, http, tally };
}
