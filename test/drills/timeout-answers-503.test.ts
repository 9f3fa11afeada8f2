import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patched, youthExample } from '../support/answers';
import { startDrillCloud, type DrillCloud } from '../support/drill-cloud';
import { storedApplicationIds } from '../support/stored-applications';

/**
 * Issue 6, item 5: a request that outlasts its deadline is answered 503 with Retry-After — not 500 —
 * because its work may still complete; a retry with the same Idempotency-Key then gets that one
 * application, never a second.
 */
let drill: DrillCloud;

beforeAll(async () => {
  drill = await startDrillCloud('timeout');
});
afterAll(async () => drill?.dispose());

const body = { programme: 'youth', answers: patched(youthExample, { applicant: { district: '11110' } }) };

function submit(key: string) {
  return fetch(`${drill.process.api}/api/applications`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': key },
    body: JSON.stringify(body),
    // Only so a broken build fails instead of hanging; API Gateway would have cut it at 30 s.
    signal: AbortSignal.timeout(120_000),
  });
}

describe('a request that outlasts its deadline', () => {
  it('is answered 503 with Retry-After, and a same-key retry gets the one application', async () => {
    // The database stalls (the process is paused): the submission cannot finish within its function's timeout.
    const dynamodbPid = Number(readFileSync(path.join(drill.dataDir, 'dynamodb', 'dynamodb-local.pid'), 'utf8'));
    const key = randomUUID();
    const started = Date.now();
    process.kill(dynamodbPid, 'SIGSTOP');
    let first: Response;
    try {
      first = await submit(key);
    } finally {
      process.kill(dynamodbPid, 'SIGCONT');
    }
    const answer = (await first.json()) as { error?: { code?: string; message?: { ko?: string; en?: string } } };
    console.log(`stalled submission answered ${first.status} after ${Date.now() - started} ms`, answer.error?.code);
    expect(first.status, JSON.stringify(answer)).toBe(503);
    const retryAfter = Number(first.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(answer.error?.message?.ko).toBeTruthy();
    expect(answer.error?.message?.en).toContain('Idempotency-Key');

    // The client does as told: waits Retry-After, then resends with the same key.
    let retry: Response | undefined;
    for (let attempt = 0; attempt < 5 && retry?.status !== 202; attempt++) {
      await sleep(retryAfter * 1000);
      retry = await submit(key);
    }
    expect(retry?.status).toBe(202);
    const receipt = (await retry!.json()) as { applicationId: string };
    const again = await submit(key);
    expect(again.status).toBe(202);
    expect(((await again.json()) as { applicationId: string }).applicationId).toBe(receipt.applicationId);

    // The stalled request's own work may have finished meanwhile: still one application.
    expect(await storedApplicationIds(drill.clients.db)).toEqual([receipt.applicationId]);
  });
});
