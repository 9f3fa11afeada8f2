/**
 * Who may do what to whose data, against the local cloud (issue 9, items 1 and 7): the authorization
 * matrix of test/support/authorization-matrix.ts — every route × every kind of caller, on an object
 * of their own or of someone else — and the access log every staff read of a person's data writes.
 * A route missing from the matrix fails here; so does a read route that writes no access record.
 */
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../functions/applications/keys';
import { ACCESS_RECORD_RETENTION_DAYS, type AccessRecord } from '../../functions/access-log/access-record';
import { routes } from '../../functions/routes';
import { actors, matrix, staffUsers, type Actor, type Answer, type MatrixEntry, type Outcome, type StaffActor, type World } from '../support/authorization-matrix';
import { cloud, local } from '../support/cloud-test';
import { httpFrom, loopbackClient } from '../support/http-from';
import { buildWorld, signedIn } from '../support/world';

const TABLE = 'dolbom-dev';
const routeKeys = routes.map((r) => `${r.method} ${r.path}`);

// A client address of its own: the wrong access codes the matrix tries count against it, not against
// the 127.0.0.1 every other test of the run comes from.
const sourceIp = loopbackClient(60_000 + Math.floor(Math.random() * 5_000));
const http = httpFrom(cloud.api, sourceIp);
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

let w: World;
const tokens = {} as Record<StaffActor, string>;

beforeAll(async () => {
  Object.assign(tokens, await signedIn(local));
  w = await buildWorld(local, tokens);
}, 240_000);

/** The access codes a citizen actor holds: the object's own, or another application's. */
function codeFor(actor: Actor, entry: MatrixEntry): string | undefined {
  const object = entry.object(w);
  const own = [w.served, w.offered, w.inReview].find((r) => r.applicationId === object) ?? w.served;
  const other = own === w.inReview ? w.served : w.inReview;
  return actor === 'citizen' ? own.accessCode : actor === 'citizen-other' ? other.accessCode : undefined;
}

function headersFor(actor: Actor, code: string | undefined): Record<string, string> {
  if (actor in staffUsers) return bearer(tokens[actor as StaffActor]);
  return code ? { 'x-access-code': code } : {};
}

async function ask(key: string, actor: Actor) {
  const entry = matrix[key]!;
  const [method] = key.split(' ');
  const code = codeFor(actor, entry);
  const { path, body } = entry.request(w, code);
  const answer = await http(method!, path, body, headersFor(actor, code));
  return { ...answer, text: typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body ?? '') };
}

/** The class of an answer: `error` for a 5xx or a lock (429), which no cell expects. */
function classify(entry: MatrixEntry, answer: Answer & { text: string }, expected: Outcome): Outcome | 'error' {
  if (answer.status >= 500 || answer.status === 429) return 'error';
  if (answer.status === 401 || answer.status === 403) return 'refuse';
  if (answer.status === 404) return entry.passed404?.(answer) ? 'allow' : 'refuse';
  if (answer.status === 400 && entry.refused400) return 'refuse';
  if (answer.status >= 200 && answer.status < 300 && (expected === 'sees' || expected === 'hidden')) {
    return answer.text.includes(entry.object(w)) ? 'sees' : 'hidden';
  }
  return 'allow';
}

describe('the authorization matrix', () => {
  it('has an entry for every route of functions/routes.ts, and none for a route that is gone', () => {
    const missing = routeKeys.filter((k) => !(k in matrix));
    expect(missing, 'routes without an entry in test/support/authorization-matrix.ts: add each, with who may call it and whether it shows a person').toEqual([]);
    expect(Object.keys(matrix).filter((k) => !routeKeys.includes(k)), 'matrix entries of routes that no longer exist').toEqual([]);
  });

  it.each(routeKeys)('%s answers every caller as the matrix says', async (key) => {
    const entry = matrix[key];
    expect(entry, `no entry for ${key} in test/support/authorization-matrix.ts`).toBeDefined();
    const wrong: string[] = [];
    for (const actor of actors) {
      const expected = entry!.expect[actor];
      const answer = await ask(key, actor);
      const got = classify(entry!, answer, expected);
      if (got !== expected) wrong.push(`${actor}: expected ${expected}, got ${got} (${answer.status} ${answer.text.slice(0, 160)})`);
    }
    expect(wrong).toEqual([]);
  });
});

/** Every access record of one staff member, read straight from the table (GSI1 `ACCESS-BY#<userId>`). */
async function accessRecordsOf(userId: string): Promise<AccessRecord[]> {
  const records: AccessRecord[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const out = await local.db.send(
      new QueryCommand({
        TableName: TABLE,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.accessByStaff(userId) },
        ExclusiveStartKey,
      }),
    );
    records.push(...((out.Items ?? []) as AccessRecord[]));
    ExclusiveStartKey = out.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return records;
}

const groupOf: Record<StaffActor, string> = {
  caseworker: 'caseworker',
  'caseworker-other': 'caseworker',
  supervisor: 'supervisor',
  'supervisor-other': 'supervisor',
  provider: 'provider',
  'provider-other': 'provider',
  operator: 'operator',
};

describe('the access log (PIPA safeguard standard art. 8)', () => {
  const readRoutes = Object.entries(matrix).filter(([, e]) => e.reads !== 'none').map(([key]) => key);
  const DAY = 24 * 60 * 60;

  it.each(readRoutes)('%s writes one access record per person it shows: who, role, when, from where, whose, what', async (key) => {
    const reads = matrix[key]!.reads as Exclude<MatrixEntry['reads'], 'none'>;
    const userId = staffUsers[reads.as];
    const known = new Set((await accessRecordsOf(userId)).map((r) => r.accessId));
    const answer = await ask(key, reads.as);
    expect(classify(matrix[key]!, answer, 'allow'), `${answer.status} ${answer.text.slice(0, 200)}`).toBe('allow');
    const shown = reads.shown(answer, w);
    expect(shown.length, 'the read shows at least one person').toBeGreaterThan(0);

    const fresh = (await accessRecordsOf(userId)).filter((r) => !known.has(r.accessId));
    expect(fresh.map((r) => r.applicationId).sort()).toEqual([...shown].sort());
    for (const record of fresh) {
      expect(record).toMatchObject({
        userId,
        groups: [groupOf[reads.as]],
        sourceIp,
        route: key,
        purpose: expect.stringMatching(/^[a-z-]+\.[a-z-]+$/),
        district: expect.stringMatching(/^\d{5}$/),
      });
      // Kept two years and a margin: TTL never deletes it sooner.
      expect(record.expiresAt).toBe(Math.floor(Date.parse(record.at) / 1000) + ACCESS_RECORD_RETENTION_DAYS * DAY);
      expect(record.expiresAt - Date.parse(record.at) / 1000).toBeGreaterThan(2 * 365 * DAY);
    }
  });

  it('lists a case’s records for a supervisor of its district, newest first, a page at a time', async () => {
    await ask('GET /api/staff/applications/{applicationId}', 'caseworker');
    await ask('GET /api/staff/applications/{applicationId}/audit', 'supervisor');
    const path = `/api/staff/access-log?applicationId=${w.served.applicationId}`;
    const first = await http('GET', `${path}&limit=1`, undefined, bearer(tokens.supervisor));
    expect(first.status).toBe(200);
    expect(first.body.records).toEqual([expect.objectContaining({ userId: 'supervisor', route: 'GET /api/staff/applications/{applicationId}/audit', applicationId: w.served.applicationId })]);
    expect(first.body.records[0]).not.toHaveProperty('expiresAt');
    const second = await http('GET', `${path}&limit=1&cursor=${first.body.next}`, undefined, bearer(tokens.supervisor));
    expect(second.body.records).toEqual([expect.objectContaining({ userId: 'caseworker.jongno', route: 'GET /api/staff/applications/{applicationId}' })]);
    expect(second.body.records[0].at <= first.body.records[0].at).toBe(true);
  });

  it('lists what one staff member read, in the supervisor’s own districts only', async () => {
    await ask('GET /api/staff/applications/{applicationId}', 'caseworker');
    const mine = await http('GET', '/api/staff/access-log?userId=caseworker.jongno&limit=100', undefined, bearer(tokens.supervisor));
    expect(mine.status).toBe(200);
    expect(mine.body.records[0]).toMatchObject({ userId: 'caseworker.jongno', applicationId: w.served.applicationId, district: '11110', groups: ['caseworker'], sourceIp });
    const elsewhere = await http('GET', '/api/staff/access-log?userId=caseworker.jongno&limit=100', undefined, bearer(tokens['supervisor-other']));
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body.records).toEqual([]);
  });

  it('is for supervisors: caseworkers, providers and operators are refused, and so is another district’s supervisor on a case', async () => {
    const byCase = `/api/staff/access-log?applicationId=${w.served.applicationId}`;
    for (const actor of ['caseworker', 'provider', 'operator'] as const) {
      expect((await http('GET', byCase, undefined, bearer(tokens[actor]))).status, actor).toBe(403);
      expect((await http('GET', '/api/staff/access-log?userId=caseworker.jongno', undefined, bearer(tokens[actor]))).status, actor).toBe(403);
    }
    expect((await http('GET', byCase, undefined, bearer(tokens['supervisor-other']))).status).toBe(403);
  });

  it('answers a question it cannot take with 400 or 404, in both languages', async () => {
    const supervisor = bearer(tokens.supervisor);
    const both = await http('GET', `/api/staff/access-log?applicationId=${w.served.applicationId}&userId=caseworker.jongno`, undefined, supervisor);
    expect(both.status).toBe(400);
    expect(both.body.error.fields[0].message.ko).toBeTruthy();
    expect((await http('GET', '/api/staff/access-log', undefined, supervisor)).status).toBe(400);
    expect((await http('GET', `/api/staff/access-log?applicationId=${w.served.applicationId}&cursor=nonsense`, undefined, supervisor)).status).toBe(400);
    expect((await http('GET', '/api/staff/access-log?applicationId=A0000000000000000000000000', undefined, supervisor)).status).toBe(404);
  });
});
