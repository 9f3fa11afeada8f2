import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patched, youthExample } from '../support/answers';
import { startDrillCloud, type DrillCloud } from '../support/drill-cloud';
import { storedApplicationIds } from '../support/stored-applications';

/**
 * Issue 6, item 3: SIGTERM to the local cloud's process group (Ctrl-C, a service manager) while
 * citizens keep submitting. Requests that arrive while it stops get 503 with Retry-After, never a
 * 500; the ones in flight finish; it stops although traffic keeps coming; and after a restart every
 * client that resends with its Idempotency-Key ends up with exactly one application.
 */
const CLIENTS = 12;
const ACCEPTED_BEFORE_SIGTERM = 15;
/** How long the clients keep sending after SIGTERM if the cloud does not stop: a bound, not a target. */
const TRAFFIC_AFTER_SIGTERM_MS = 30_000;

let drill: DrillCloud;

beforeAll(async () => {
  drill = await startDrillCloud('sigterm-under-load');
});
afterAll(async () => drill?.dispose());

const body = JSON.stringify({ programme: 'youth', answers: patched(youthExample, { applicant: { district: '11110' } }) });

type Outcome = { status: number; retryAfter: string | null; applicationId?: string } | { status: 'no answer' };

async function submit(key: string): Promise<Outcome> {
  try {
    const response = await fetch(`${drill.process.api}/api/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body,
      signal: AbortSignal.timeout(60_000),
    });
    const answer = (await response.json().catch(() => ({}))) as { applicationId?: string };
    return { status: response.status, retryAfter: response.headers.get('retry-after'), applicationId: answer.applicationId };
  } catch {
    return { status: 'no answer' };
  }
}

describe('SIGTERM while citizens keep submitting', () => {
  it('answers 503 with Retry-After, never 500, stops, and loses or doubles nothing', async () => {
    const outcomes: Outcome[] = [];
    /** Every key a client used, with the application it was finally given (if any yet). */
    const keys = new Map<string, string | undefined>();
    let terminatedAt: number | undefined;
    let exitedAt: number | undefined;
    void drill.process.exited.then(() => (exitedAt = Date.now()));

    // Each client resends the same key until it gets a 202 (what a 503 asks for), then takes a new one.
    const client = async () => {
      let key = randomUUID();
      while (exitedAt === undefined && (terminatedAt === undefined || Date.now() - terminatedAt < TRAFFIC_AFTER_SIGTERM_MS)) {
        keys.set(key, undefined);
        const outcome = await submit(key);
        outcomes.push(outcome);
        if (outcome.status === 202) {
          keys.set(key, (outcome as { applicationId: string }).applicationId);
          key = randomUUID();
        } else if (outcome.status === 'no answer') {
          await sleep(20);
        }
        if (terminatedAt === undefined && outcomes.filter((o) => o.status === 202).length >= ACCEPTED_BEFORE_SIGTERM) {
          terminatedAt = Date.now();
          drill.process.terminate();
        }
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));
    const stopped = exitedAt !== undefined;
    if (!stopped) await drill.process.crash();

    const count = (status: Outcome['status']) => outcomes.filter((o) => o.status === status).length;
    const answeredWhileStopping = outcomes.filter((o) => o.status === 503);
    console.log(
      `${outcomes.length} submissions: ${count(202)} × 202, ${answeredWhileStopping.length} × 503, ${count(500)} × 500, ${count('no answer')} unanswered;` +
        (stopped ? ` stopped ${exitedAt! - terminatedAt!} ms after SIGTERM` : ' still running after SIGTERM'),
    );
    expect(stopped, 'the local cloud stops although traffic keeps coming').toBe(true);
    expect(outcomes.filter((o) => typeof o.status === 'number' && o.status !== 202 && o.status !== 503).map((o) => o.status)).toEqual([]);
    expect(answeredWhileStopping.length).toBeGreaterThan(0);
    for (const outcome of answeredWhileStopping) expect(Number((outcome as { retryAfter: string }).retryAfter)).toBeGreaterThan(0);

    console.log(readFileSync(drill.process.logFile, 'utf8').match(/^Stopped .*$/m)?.[0] ?? 'no drain report in the log');

    // Nothing acknowledged was lost.
    await drill.restart();
    const acknowledged = [...keys.values()].filter((id): id is string => id !== undefined);
    expect(new Set(await storedApplicationIds(drill.clients.db))).toEqual(new Set(acknowledged));

    // Every client resends its key: a 503'd or unanswered one gets its application, an acknowledged one the same again.
    const resentFrom = Date.now();
    const resend = async ([key, applicationId]: [string, string | undefined]) => {
      let outcome = await submit(key);
      for (let attempt = 0; attempt < 3 && outcome.status === 503; attempt++) {
        await sleep(Number((outcome as { retryAfter: string }).retryAfter) * 1000);
        outcome = await submit(key);
      }
      expect(outcome.status, key).toBe(202);
      const given = (outcome as { applicationId: string }).applicationId;
      if (applicationId) expect(given, key).toBe(applicationId);
      keys.set(key, given);
    };
    const queue = [...keys];
    const resender = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) await resend(next);
    };
    await Promise.all(Array.from({ length: CLIENTS }, resender));
    console.log(`resent ${keys.size} keys after the restart in ${Date.now() - resentFrom} ms`);
    const stored = await storedApplicationIds(drill.clients.db);
    expect(stored).toHaveLength(keys.size);
    expect(new Set(stored)).toEqual(new Set(keys.values()));
  });
});
