import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prescreenAnswersSchema } from '../../forms';
import { childExample, parentExample, youthExample } from '../support/answers';
import { cloud, local, submission, submit, untilStatus } from '../support/cloud-test';
import { httpFrom, loopbackClient } from '../support/http-from';

/**
 * Hostile and careless input: 10,000 generated bodies per endpoint, sent through the local gateway to
 * the real handlers. Whatever arrives, the answer is a 2xx or a 4xx — never a 5xx.
 *
 * Each generated request comes from a client address of its own (127.10.x.y): from one address the
 * access-code guessing limit would soon answer everything with 429, and lock out the other tests,
 * which call from 127.0.0.1.
 */
const RUNS = 10_000;
const CONCURRENCY = 16;

const submissions = [
  { programme: 'youth', answers: youthExample },
  { programme: 'child-adolescent', answers: childExample },
  { programme: 'parent', answers: parentExample },
];
/** What a pre-check carries: the same applications, with only what the rules read. */
const prescreens = submissions.map((s) => prescreenAnswersSchema.parse(s));
const lookups = [{ receiptNumber: 'DB-2026-ABCDEFGH', accessCode: 'ABCD-EFGH-JKMN' }];
const decisions = [{ decision: 'request-info', note: '서류 보완 요청', supplement: { documents: ['identity'], fields: ['applicant.phone'], message: '신분증 사본을 올려 주세요' } }, { decision: 'approve' }];

type Json = unknown;

/** Replaces, deletes or retypes one value somewhere in a valid body: near misses find the edge cases. */
function mutate(value: Json, path: number[], replacement: Json, mode: number): Json {
  if (Array.isArray(value) || (value && typeof value === 'object')) {
    const entries = Object.entries(value as Record<string, Json>);
    if (entries.length === 0 || path.length === 0) return replacement;
    const index = path[0]! % entries.length;
    const [key, child] = entries[index]!;
    if (path.length === 1 && mode === 0) {
      const copy = Array.isArray(value) ? [...value] : { ...(value as Record<string, Json>) };
      if (Array.isArray(copy)) copy.splice(index, 1);
      else delete (copy as Record<string, Json>)[key];
      return copy;
    }
    const next = mutate(child, path.slice(1), replacement, mode);
    if (Array.isArray(value)) return value.map((v, i) => (i === index ? next : v));
    return { ...(value as Record<string, Json>), [key]: next };
  }
  return replacement;
}

/**
 * Bodies for one endpoint: near misses of its valid examples, the examples themselves (where a valid
 * body stores nothing lasting), random JSON and random text.
 */
const bodiesNear = (examples: Json[], validWeight: number) => {
  const nearMiss = fc
    .tuple(
      fc.constantFrom(...examples),
      fc.array(fc.nat(), { minLength: 1, maxLength: 4 }),
      fc.oneof(
        fc.jsonValue({ maxDepth: 2 }),
        fc.string(),
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.constantFrom('김\u202E돌봄', '\u200B', '김\u0000\u0007', '김\r\n돌봄', '\uD800', '\u3164', 'a'.repeat(5000)),
        fc.constant(null),
        fc.integer(),
        fc.constant('9001011234567'),
      ),
      fc.nat(2),
      fc.nat(2),
    )
    .map(([example, path, replacement, mode, times]) => {
      let body: Json = example;
      for (let i = 0; i <= times; i++) body = mutate(body, path.map((p) => p + i), replacement, mode);
      return JSON.stringify(body);
    });
  return fc.oneof(
    { weight: validWeight, arbitrary: fc.constantFrom(...examples).map((e) => JSON.stringify(e)) },
    { weight: 5, arbitrary: nearMiss },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  );
};

async function fuzz(method: string, path: (i: number) => string, examples: Json[], validWeight: number, headers: Record<string, string> = {}) {
  const samples = fc.sample(bodiesNear(examples, validWeight), { numRuns: RUNS, seed: 20261123 });
  const statuses = new Map<number, number>();
  const serverErrors: { status: number; body: string }[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < samples.length) {
        const i = next++;
        const response = await httpFrom(cloud.api, loopbackClient(i))(method, path(i), samples[i], { 'content-type': 'application/json', ...headers });
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status >= 500) serverErrors.push({ status: response.status, body: samples[i]!.slice(0, 300) });
      }
    }),
  );
  return { statuses: Object.fromEntries([...statuses].sort()), serverErrors: serverErrors.slice(0, 5) };
}

describe('generated path parameters and headers', () => {
  it('GET /api/applications/{id} and the staff case file never answer 5xx', { timeout: 120_000 }, async () => {
    const token = await local.signIn('supervisor');
    const ids = fc.sample(fc.oneof(fc.string({ maxLength: 3000 }), fc.string({ unit: 'binary', maxLength: 100 }), fc.constant('A'.repeat(26))), {
      numRuns: 1000,
      seed: 7,
    });
    const codes = fc.sample(fc.string({ maxLength: 100 }).map((c) => c.replace(/[^\x20-\x7e]/g, '')), { numRuns: 1000, seed: 8 });
    const statuses = new Set<number>();
    for (const [i, id] of ids.entries()) {
      const path = encodeURIComponent(id);
      const answered = await Promise.all([
        httpFrom(cloud.api, loopbackClient(i))('GET', `/api/applications/${path}`, undefined, { 'x-access-code': codes[i]! }).then((r) => r.status),
        fetch(`${cloud.api}/api/staff/applications/${path}`, { headers: { authorization: `Bearer ${token}` } }).then(async (r) => (await r.arrayBuffer(), r.status)),
      ]);
      for (const status of answered) {
        statuses.add(status);
        expect(status, id.slice(0, 80)).toBeLessThan(500);
      }
    }
    console.log('GET by id', [...statuses].sort());
  });

  it('a path parameter that is not valid percent-encoding never answers 5xx', async () => {
    const token = await local.signIn('supervisor');
    const segments = fc.sample(fc.stringMatching(/^(%[0-9A-Fa-f]{0,2}|%[EFef][0-9A-Fa-f]%[0-9A-Fa-f]|[A-Z0-9])+$/), { numRuns: 500, seed: 9 });
    const statuses = new Set<number>();
    for (const segment of segments) {
      for (const response of await Promise.all([
        fetch(`${cloud.api}/api/applications/${segment}`, { headers: { 'x-access-code': 'ABCD-EFGH-JKMN' } }),
        fetch(`${cloud.api}/api/staff/tasks/${segment}/claim`, { method: 'POST', headers: { authorization: `Bearer ${token}` } }),
      ])) {
        await response.arrayBuffer();
        statuses.add(response.status);
        expect(response.status, segment).toBeLessThan(500);
      }
    }
    console.log('malformed percent-encoding', [...statuses].sort());
  });
});

describe('10,000 generated bodies per endpoint', () => {
  it('POST /api/eligibility/check never answers 5xx', { timeout: 300_000 }, async () => {
    const result = await fuzz('POST', () => '/api/eligibility/check', prescreens, 1);
    console.log('eligibility/check', result.statuses);
    expect(result.serverErrors).toEqual([]);
    expect(result.statuses[200]).toBeGreaterThan(100);
  });

  // Valid submissions are left to the other tests: a thousand live applications would slow them all.
  it('POST /api/applications never answers 5xx', { timeout: 300_000 }, async () => {
    const result = await fuzz('POST', () => '/api/applications', submissions, 0);
    console.log('applications', result.statuses);
    expect(result.serverErrors).toEqual([]);
  });

  it('POST /api/applications/lookup never answers 5xx', { timeout: 300_000 }, async () => {
    const result = await fuzz('POST', () => '/api/applications/lookup', lookups, 1);
    console.log('applications/lookup', result.statuses);
    expect(result.serverErrors).toEqual([]);
  });

  it('POST /api/staff/tasks/{taskId}/decision never answers 5xx', { timeout: 300_000 }, async () => {
    // A real open task, so bodies reach validation (and a lucky valid one really decides it).
    const receipt = await submit(submission('youth'));
    await untilStatus(receipt, 'awaiting-review');
    const token = await local.signIn('supervisor');
    const { body } = await local.http('GET', '/api/staff/tasks?district=11110', undefined, { authorization: `Bearer ${token}` });
    const task = body.tasks.find((t: { applicationId: string }) => t.applicationId === receipt.applicationId);
    const result = await fuzz('POST', () => `/api/staff/tasks/${task.taskId}/decision`, decisions, 1, { authorization: `Bearer ${token}` });
    console.log('staff/tasks/decision', result.statuses);
    expect(result.serverErrors).toEqual([]);
  });
});
