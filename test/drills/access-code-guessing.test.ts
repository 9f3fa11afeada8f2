import { randomInt, randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patched, youthExample } from '../support/answers';
import { startDrillCloud, type DrillCloud } from '../support/drill-cloud';
import { httpFrom, loopbackClient, type HttpAnswer } from '../support/http-from';

/**
 * Issue 6, item 6: an attacker guesses access codes and probes receipt numbers. Guessing must be
 * limited per client and per application (429 with Retry-After, even for the right code while
 * locked), every miss audited, and a known receipt must cost what an unknown one costs.
 *
 * Each request comes from a loopback address of its own choosing (127.10.x.y), so "one client" and
 * "many clients" are real source IPs as the gateway sees them.
 */

interface Receipt {
  applicationId: string;
  receiptNumber: string;
  accessCode: string;
}
type Client = ReturnType<typeof newClient>;

let drill: DrillCloud;
let clients = 0;
const applications: Receipt[] = [];
const TIMING_APPLICATIONS = 30;

function newClient() {
  const ip = loopbackClient(clients++);
  return { ip, http: httpFrom(drill.process.api, ip) };
}

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const randomChars = (n: number) => Array.from({ length: n }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
const wrongCode = () => `${randomChars(4)}-${randomChars(4)}-${randomChars(4)}`;
const unknownReceipt = () => `DB-2026-${randomChars(8)}`;
const unknownId = () => `A${randomChars(25)}`;

const byId = (client: Client, applicationId: string, accessCode: string) =>
  client.http('GET', `/api/applications/${applicationId}`, undefined, { 'x-access-code': accessCode });
const byReceipt = (client: Client, receiptNumber: string, accessCode: string) =>
  client.http('POST', '/api/applications/lookup', { receiptNumber, accessCode });

async function submitApplications(count: number): Promise<Receipt[]> {
  const receipts: Receipt[] = [];
  for (let i = 0; i < count; i += 5) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(5, count - i) }, async () => {
        const body = { programme: 'youth', answers: patched(youthExample, { applicant: { district: '11110', name: `훈련${randomUUID().slice(0, 6)}` } }) };
        const response = await drill.clients.http('POST', '/api/applications', body, { 'idempotency-key': randomUUID() });
        if (response.status !== 202) throw new Error(`submit: ${response.status} ${JSON.stringify(response.body)}`);
        return response.body as Receipt;
      }),
    );
    receipts.push(...batch);
  }
  return receipts;
}

/** Guesses wrong codes until the first 429 (at most `limit` tries); counts the guesses that were checked (404). */
async function guessUntilRefused(limit: number, guess: (i: number) => Promise<HttpAnswer>) {
  let checked = 0;
  for (let i = 0; i < limit; i++) {
    const answer = await guess(i);
    if (answer.status === 429) return { checked, refused: answer };
    expect(answer.status, JSON.stringify(answer.body)).toBe(404);
    checked++;
  }
  return { checked, refused: undefined };
}

/** Every access-denied audit event in the table (a test may scan; request paths never do). */
async function deniedEvents(): Promise<{ applicationId: string; actor: { sourceIp?: string }; detail?: Record<string, unknown> }[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await drill.clients.db.send(
      new ScanCommand({
        TableName: 'dolbom-dev',
        FilterExpression: '#action = :denied',
        ExpressionAttributeNames: { '#action': 'action' },
        ExpressionAttributeValues: { ':denied': 'access.denied' },
        ExclusiveStartKey: startKey,
      }),
    );
    items.push(...(out.Items ?? []));
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return items as never;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)]!;

/**
 * How separable two samples are: the probability that a draw from `a` is slower than one from `b`
 * (ties count half) — the Mann–Whitney U statistic over n·m. 0.5 when they are alike; 1.0 when
 * every `a` is slower than every `b`, as a 10× gap gives.
 */
function probabilitySlower(a: number[], b: number[]): number {
  let wins = 0;
  for (const x of a) for (const y of b) wins += x > y ? 1 : x === y ? 0.5 : 0;
  return wins / (a.length * b.length);
}

beforeAll(async () => {
  drill = await startDrillCloud('access-code-guessing');
  applications.push(...(await submitApplications(5 + TIMING_APPLICATIONS)));
});

afterAll(async () => {
  await drill?.dispose();
});

describe('guessing access codes', () => {
  it('answers one client 429 with Retry-After, in Korean and English, once it has used up its misses', async () => {
    const attacker = newClient();
    const started = performance.now();
    const { checked, refused } = await guessUntilRefused(200, () => byReceipt(attacker, unknownReceipt(), wrongCode()));
    const seconds = (performance.now() - started) / 1000;
    console.log(`one client, as fast as it can: ${checked} guesses checked in ${seconds.toFixed(2)} s (${(checked / seconds).toFixed(0)} a second) before the first 429`);

    expect(refused, `${checked} guesses and no 429`).toBeDefined();
    expect(checked, 'a typo or two never locks anyone out').toBeGreaterThanOrEqual(3);
    expect(Number(refused!.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(refused!.body.error.code).toBe('too-many-attempts');
    expect(refused!.body.error.message.ko).toMatch(/[가-힣]/);
    expect(refused!.body.error.message.en).toMatch(/try again/i);

    // While it is locked, the client gets nothing checked, not even the right code of a real application.
    const own = applications[0]!;
    expect((await byId(attacker, own.applicationId, own.accessCode)).status).toBe(429);
    expect((await byReceipt(attacker, own.receiptNumber, own.accessCode)).status).toBe(429);
    // Other people are not locked out by it.
    expect((await byReceipt(newClient(), own.receiptNumber, own.accessCode)).status).toBe(200);
  });

  it('locks an application against guesses from many clients, refuses even its right code while locked, and lets its holder in after the wait', async () => {
    const target = applications[1]!;
    const { checked, refused } = await guessUntilRefused(200, (i) =>
      i % 2 ? byId(newClient(), target.applicationId, wrongCode()) : byReceipt(newClient(), target.receiptNumber, wrongCode()),
    );
    console.log(`one application, guessed from a new client each time: ${checked} guesses checked before the first 429`);
    expect(refused, `${checked} guesses from many clients and no 429`).toBeDefined();
    expect(checked).toBeGreaterThanOrEqual(3);

    expect((await byReceipt(newClient(), target.receiptNumber, target.accessCode)).status).toBe(429);
    expect((await byId(newClient(), target.applicationId, target.accessCode)).status).toBe(429);

    await drill.clients.advanceClock(`+${Number(refused!.headers['retry-after']) + 1}s`);
    expect((await byReceipt(newClient(), target.receiptNumber, target.accessCode)).status).toBe(200);
  });

  it('locks an unknown receipt after as many misses as a known one, so the lock tells nothing', async () => {
    const known = applications[2]!;
    const unknown = unknownReceipt();
    const onKnown = await guessUntilRefused(200, () => byReceipt(newClient(), known.receiptNumber, wrongCode()));
    const onUnknown = await guessUntilRefused(200, () => byReceipt(newClient(), unknown, wrongCode()));
    expect(onKnown.refused).toBeDefined();
    expect(onUnknown.checked).toBe(onKnown.checked);
    expect(onUnknown.refused?.body).toEqual(onKnown.refused?.body);
  });

  it('does not lock out a citizen who mistypes the code and the page retries', async () => {
    const citizen = newClient();
    const own = applications[3]!;
    const typo = wrongCode();
    for (const code of [typo, typo, wrongCode()]) expect((await byReceipt(citizen, own.receiptNumber, code)).status).toBe(404);
    expect((await byReceipt(citizen, own.receiptNumber, own.accessCode)).status).toBe(200);
    expect((await byId(citizen, own.applicationId, own.accessCode)).status).toBe(200);
  });

  it('audits every miss with the source IP and what was tried, for unknown receipts and ids too', async () => {
    const client = newClient();
    const known = applications[4]!;
    const receipt = unknownReceipt();
    const id = unknownId();
    expect((await byId(client, known.applicationId, wrongCode())).status).toBe(404);
    expect((await byReceipt(client, known.receiptNumber, wrongCode())).status).toBe(404);
    expect((await byReceipt(client, receipt, wrongCode())).status).toBe(404);
    expect((await byId(client, id, wrongCode())).status).toBe(404);

    const mine = (await deniedEvents()).filter((e) => e.actor.sourceIp === client.ip);
    expect(mine).toHaveLength(4);
    expect(mine.filter((e) => e.applicationId === known.applicationId)).toHaveLength(2);
    expect(mine.filter((e) => e.applicationId === id)).toHaveLength(1);
    expect(mine.filter((e) => e.detail?.receiptNumber === receipt)).toHaveLength(1);

    // Staff see the misses on the application's own audit trail.
    const token = await drill.clients.signIn('supervisor');
    const trail = await drill.clients.http('GET', `/api/staff/applications/${known.applicationId}/audit`, undefined, { authorization: `Bearer ${token}` });
    expect(trail.body.events.filter((e: { action: string; actor: { sourceIp?: string } }) => e.action === 'access.denied' && e.actor.sourceIp === client.ip)).toHaveLength(2);
  });
});

describe('probing receipts by timing', () => {
  it('takes as long to refuse a known receipt with a wrong code as an unknown receipt', async () => {
    // Interleaved trials, in random order within each round, so load on the machine hits both alike.
    // Each round comes from a new client and spreads its misses over many applications, so no limit
    // is reached and every trial takes the full path.
    const known = applications.slice(5);
    const unknown = known.map(() => ({ applicationId: unknownId(), receiptNumber: unknownReceipt() }));
    const rounds = 90;
    const warmUp = 5;
    const times = { knownReceipt: [] as number[], unknownReceipt: [] as number[], knownId: [] as number[], unknownId: [] as number[] };
    for (let round = 0; round < rounds; round++) {
      const client = newClient();
      const k = known[round % known.length]!;
      const u = unknown[round % unknown.length]!;
      const trials: [keyof typeof times, () => Promise<HttpAnswer>][] = [
        ['knownReceipt', () => byReceipt(client, k.receiptNumber, wrongCode())],
        ['unknownReceipt', () => byReceipt(client, u.receiptNumber, wrongCode())],
        ['knownId', () => byId(client, k.applicationId, wrongCode())],
        ['unknownId', () => byId(client, u.applicationId, wrongCode())],
      ];
      for (let i = trials.length - 1; i > 0; i--) {
        const j = randomInt(i + 1);
        [trials[i], trials[j]] = [trials[j]!, trials[i]!];
      }
      const bodies = new Set<string>();
      for (const [kind, trial] of trials) {
        const started = performance.now();
        const answer = await trial();
        const elapsed = performance.now() - started;
        expect(answer.status, `${kind}: ${JSON.stringify(answer.body)}`).toBe(404);
        bodies.add(JSON.stringify(answer.body));
        if (round >= warmUp) times[kind].push(elapsed);
      }
      expect(bodies.size, 'one 404 body for every kind of miss').toBe(1);
    }

    const separability = (route: string, a: number[], b: number[]) => {
      const p = probabilitySlower(a, b);
      console.log(
        `${route}: known p50 ${median(a).toFixed(1)} ms p95 ${p95(a).toFixed(1)} ms · unknown p50 ${median(b).toFixed(1)} ms p95 ${p95(b).toFixed(1)} ms · ` +
          `P(known slower) ${p.toFixed(2)} over ${a.length} trials each`,
      );
      return p;
    };
    // Equal work gives 0.5 give or take 0.05 (one standard error at 85 trials each); a gap like the
    // 3 ms against 27 ms of scrypt-for-known-only gives 1.0. ±0.2 passes the first and fails the second.
    expect(Math.abs(separability('POST /api/applications/lookup', times.knownReceipt, times.unknownReceipt) - 0.5)).toBeLessThanOrEqual(0.2);
    expect(Math.abs(separability('GET /api/applications/{id}', times.knownId, times.unknownId) - 0.5)).toBeLessThanOrEqual(0.2);
  });
});
