/**
 * Drill (issue 12, item 3): races across the whole lifecycle, against a local cloud of its own. Each
 * race is one that people and steps run into in a working week, made as tight as a test can make it:
 *
 * - twenty case managers' decisions on one review task at once: one is applied, the others are a clear
 *   409, the audit trail holds one decision and the workflow moves once;
 * - a hundred approvals at once for five places (the only counsellor who can serve them): exactly five
 *   are held, and the counsellor's count is never below zero or above capacity, whenever it is read;
 * - one session recorded twice at once, by the same request sent twice (a double click, a retry) and
 *   by two different records: it is counted once;
 * - an early closure racing the agency's late session records: each record is either in before the
 *   closure and counted in its summary, or refused with a 409 — never on a closed case, never lost.
 */
import { SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { GetCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isTransient } from '../../functions/commons/transient-errors';
import { LIFECYCLE_EXECUTION, type Receipt } from '../support/case-work';
import { eventually } from '../support/clients';
import { startDrillCloud, type DrillCloud } from '../support/drill-cloud';
import { providerWork } from '../support/provider-offers';

const TABLE = 'dolbom-dev';

/** Applications racing for the places, each of whose MatchProvider step runs ATTEMPTS_EACH times at once. */
const APPLICATIONS = 10;
const ATTEMPTS_EACH = 10;
const PLACES = 5;

let drill: DrillCloud;
let work: ReturnType<typeof providerWork>;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  drill = await startDrillCloud('races');
  work = providerWork(drill.clients);
  for (const user of ['caseworker.jongno', 'supervisor', 'supervisor.kim', 'provider.maeum', 'operator']) tokens[user] = await drill.clients.signIn(user);
});
afterAll(async () => drill?.dispose());

type Item = Record<string, any>;

/** Every item of the table that `filter` keeps (a scan: fine for a drill's own small table). */
async function scan(filter: (item: Item) => boolean): Promise<Item[]> {
  const items: Item[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await drill.clients.db.send(new ScanCommand({ TableName: TABLE, ConsistentRead: true, ExclusiveStartKey }));
    items.push(...(page.Items ?? []).filter(filter));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

async function item(pk: string, sk: string): Promise<Item | undefined> {
  return (await drill.clients.db.send(new GetCommand({ TableName: TABLE, Key: { pk, sk }, ConsistentRead: true }))).Item;
}

/** Handlers imported by the test run in this process against the drill's cloud, as its Lambda runtime runs them. */
function useTheDrillCloud() {
  Object.assign(process.env, {
    TABLE_NAME: TABLE,
    AWS_REGION: 'ap-northeast-2',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: drill.process.dynamodb,
    AWS_ENDPOINT_URL_SFN: drill.process.sfn,
    DOLBOM_LOG: 'silent',
  });
}

/** Runs a step again while it fails with a transient fault, as the workflow's Retry does (workflows/lifecycle.ts). */
async function retried<T>(step: () => Promise<T>): Promise<T> {
  for (;;) {
    try {
      return await step();
    } catch (error) {
      const name = (error as Error).name;
      if (name !== 'Dolbom.Retryable' && !isTransient(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 100));
    }
  }
}

/** A 409 a person can act on: a stable code and the reason in Korean and English. */
function expectClearConflict(answer: { status: number; body: any }, codes: string[]) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(409);
  expect(codes).toContain(answer.body.error.code);
  expect(answer.body.error.message.ko).toMatch(/[가-힣]/);
  expect(answer.body.error.message.en).toMatch(/[A-Za-z]/);
}

/** Seoul's calendar day on the local clock. */
async function seoulToday(): Promise<string> {
  const { body } = await drill.clients.http('GET', '/local/clock');
  return new Date(Date.parse(body.now) + 9 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** A youth application of 종로구 served by 마음숲 (P-MAEUMSUP): approved, offered, accepted, in service. */
async function inService(): Promise<Receipt> {
  const receipt = await work.submitYouth();
  await work.approveOfferingTo(receipt, 'P-MAEUMSUP');
  const offer = await work.untilPortalOffer(tokens['provider.maeum']!, receipt.applicationId);
  const accepted = await drill.clients.http('POST', `/api/provider/offers/${encodeURIComponent(offer.offerId)}/decision`, { decision: 'accept' }, work.bearer(tokens['provider.maeum']!));
  if (accepted.status !== 202) throw new Error(`accept: ${accepted.status} ${JSON.stringify(accepted.body)}`);
  await work.untilStatus(receipt, 'in-service');
  await eventually(() => drill.clients.latestTaskToken(LIFECYCLE_EXECUTION(receipt.applicationId), 'AwaitServicePeriod'), 'the wait on the service period');
  return receipt;
}

interface PlannedSession {
  sessionId: string;
  kind: string;
  plannedMinutes: number;
}

const sessionsPath = (receipt: Receipt) => `/api/provider/applications/${receipt.applicationId}/sessions`;

async function sessionList(receipt: Receipt) {
  const listed = await drill.clients.http('GET', sessionsPath(receipt), undefined, work.bearer(tokens['provider.maeum']!));
  if (listed.status !== 200) throw new Error(`sessions: ${listed.status} ${JSON.stringify(listed.body)}`);
  return listed.body as { sessionsHeld: number; sessions: (PlannedSession & { record?: { outcome: string; recordedAt: string; durationMinutes?: number }; history: unknown[] })[] };
}

function record(receipt: Receipt, sessionId: string, body: unknown, headers: Record<string, string> = {}) {
  return drill.clients.http('PUT', `${sessionsPath(receipt)}/${sessionId}`, body, { ...work.bearer(tokens['provider.maeum']!), ...headers });
}

const stateEntries = (events: Awaited<ReturnType<DrillCloud['clients']['history']>>, name: string) =>
  events.filter((e) => e.stateEnteredEventDetails?.name === name).length;

describe('twenty decisions on one review task at once', () => {
  it('applies one, answers the other nineteen with a clear 409, audits one decision and moves the workflow once', async () => {
    const receipt = await work.submitYouth();
    await work.untilStatus(receipt, 'awaiting-review');
    const task = await work.untilOpenTask(tokens['caseworker.jongno']!, receipt.applicationId);

    // Three people of 종로구, each sending several different decisions: no two requests are the same
    // person's same decision (which would be a retry, answered alike).
    const deciders = ['caseworker.jongno', 'supervisor', 'supervisor.kim'];
    const requests = Array.from({ length: 20 }, (_, i) => {
      const note = `동시 결정 ${i + 1}번`;
      const body =
        i % 3 === 0
          ? { decision: 'approve', note }
          : i % 3 === 1
            ? { decision: 'reject', rejection: { reason: 'equivalent-service' }, note }
            : { decision: 'request-info', note, supplement: { documents: ['identity'], fields: ['applicant.phone'], message: '신분증 사본을 올려 주세요' } };
      return { by: deciders[i % deciders.length]!, body };
    });
    const answers = await Promise.all(requests.map((r) => work.decide(tokens[r.by]!, task.taskId, r.body)));

    const applied = answers.flatMap((a, i) => (a.status === 202 ? [requests[i]!] : []));
    expect(applied, JSON.stringify(answers.map((a) => a.status))).toHaveLength(1);
    for (const answer of answers.filter((a) => a.status !== 202)) expectClearConflict(answer, ['task-closed', 'task-answered-differently']);
    const [winner] = applied as [(typeof requests)[number]];

    const next = { approve: ['matching', 'matched', 'waitlisted'], reject: ['rejected'], 'request-info': ['supplement-requested'] }[winner.body.decision]!;
    await work.untilStatus(receipt, next);
    const decided = (await work.auditTrail(tokens.supervisor!, receipt.applicationId)).filter((e) => e.action === 'review.decided');
    expect(decided).toHaveLength(1);
    expect(decided[0]).toMatchObject({ actor: { userId: winner.by }, note: winner.body.note, detail: { decision: winner.body.decision } });
    const file = await work.caseFile(tokens.supervisor!, receipt.applicationId);
    expect(file.tasks.find((t: { taskId: string }) => t.taskId === task.taskId)).toMatchObject({ state: 'decided', answer: { by: { userId: winner.by }, note: winner.body.note } });

    const history = await drill.clients.history(LIFECYCLE_EXECUTION(receipt.applicationId));
    expect(stateEntries(history, 'RecordCaseManagerReviewDecision')).toBe(1);
    expect(stateEntries(history, 'ReviewDecision')).toBe(1);
  });
});

describe('a hundred reservations at once for five places', () => {
  it('holds exactly five, each once; the counsellor is never below zero or over capacity, whenever it is read', async () => {
    const operator = work.bearer(tokens.operator!);
    // The only music therapist in Seoul (infra/local/seed-registry.ts): every application below can
    // be served by this counsellor alone. No place yet, so each approval joins the waiting list.
    const counsellors = await drill.clients.http('GET', '/api/registry/agencies/P-HANUL/counsellors', undefined, operator);
    const therapist = (counsellors.body.counsellors as { counsellorId: string; qualifications: string[] }[]).find((c) => c.qualifications.includes('music-therapist'))!;
    const capacity = (weeklyCapacity: number) => drill.clients.http('PUT', `/api/registry/agencies/P-HANUL/counsellors/${therapist.counsellorId}`, { weeklyCapacity }, operator);
    expect((await capacity(0)).status).toBe(200);
    const counsellorKey = { pk: 'AGENCY#P-HANUL', sk: `COUNSELLOR#${therapist.counsellorId}` };

    const receipts = await Promise.all(Array.from({ length: APPLICATIONS }, () => work.submitApplication('child-adolescent', { serviceType: 'music-therapy' })));
    const ids = new Set(receipts.map((r) => r.applicationId));
    const reviewTasks = await eventually(async () => {
      const open = await scan((i) => ids.has(String(i.applicationId)) && String(i.sk).startsWith('TASK#') && i.kind === 'review' && i.state === 'open' && i.taskToken);
      return open.length === ids.size ? open : undefined;
    }, 'the open review tasks', 90_000);
    await Promise.all(reviewTasks.map((t) => drill.clients.sfn.send(new SendTaskSuccessCommand({ taskToken: String(t.taskToken), output: '{"decision":"approve"}' }))));
    await eventually(async () => {
      const waiting = await scan((i) => i.sk === 'WAITLIST' && ids.has(String(i.applicationId)) && i.taskToken);
      return waiting.length === ids.size ? waiting : undefined;
    }, 'every application on the waiting list', 90_000);

    // The race, with both ways a place is reserved (functions/matching/places.ts reserveWrites): five
    // places appear (the registry change signals the cloud's waitlist batch), while each application's
    // MatchProvider step runs ten times at once (more than Step Functions ever runs one step: the
    // promise must hold anyway), and two more waitlist batches overlap the cloud's. A hundred and more
    // reservations for five places.
    useTheDrillCloud();
    const { handler: matchProvider } = await import('../../functions/matching/match-provider');
    const { fillWaitlist } = await import('../../functions/matching/fill-waitlist');
    const seen: number[] = [];
    let racing = true;
    const watching = (async () => {
      while (racing) seen.push(Number((await item(counsellorKey.pk, counsellorKey.sk))!.reserved));
    })();
    const outcomes: { reserved: boolean }[] = [];
    try {
      await Promise.all([
        capacity(PLACES).then((raised) => expect(raised.status, JSON.stringify(raised.body)).toBe(200)),
        ...[...ids].flatMap((applicationId) =>
          Array.from({ length: ATTEMPTS_EACH }, async () => outcomes.push(await retried(() => matchProvider({ applicationId, period: 1 }, { awsRequestId: 'races' })))),
        ),
        retried(fillWaitlist),
        retried(fillWaitlist),
      ]);
      // The cloud's own batch may still be placing: wait until the places stand still.
      await eventually(async () => {
        const before = JSON.stringify(await item(counsellorKey.pk, counsellorKey.sk));
        await new Promise((resolve) => setTimeout(resolve, 2_000));
        return JSON.stringify(await item(counsellorKey.pk, counsellorKey.sk)) === before ? true : undefined;
      }, 'the places to stand still', 60_000);
    } finally {
      racing = false;
      await watching;
    }

    const applications = await scan((i) => i.sk === 'APPLICATION' && ids.has(String(i.id)));
    const holders = applications.filter((a) => a.match?.reservation);
    expect(holders).toHaveLength(PLACES);
    for (const holder of holders) expect(holder.match.reservation).toMatchObject({ agencyId: 'P-HANUL', counsellorId: therapist.counsellorId });
    const places = await scan((i) => i.pk === 'AGENCY#P-HANUL' && String(i.sk).startsWith(`PLACE#${therapist.counsellorId}#`));
    // One place per holder, and no place without one.
    expect(places.map((p) => p.applicationId).sort()).toEqual(holders.map((a) => a.id).sort());
    expect(await item(counsellorKey.pk, counsellorKey.sk)).toMatchObject({ weeklyCapacity: PLACES, reserved: PLACES });
    expect(Math.min(...seen)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...seen)).toBeLessThanOrEqual(PLACES);
    const overOrUnder = await scan((i) => String(i.sk).startsWith('COUNSELLOR#') && (i.reserved < 0 || i.reserved > i.weeklyCapacity));
    expect(overOrUnder).toEqual([]);
    console.log(
      `${outcomes.length} MatchProvider runs and three waitlist batches for ${PLACES} places: ${outcomes.filter((o) => o.reserved).length} runs answered "reserved"; ` +
        `the counsellor's count read ${seen.length} times, from ${Math.min(...seen)} to ${Math.max(...seen)}`,
    );
  });
});

describe('one session recorded twice at once', () => {
  let receipt: Receipt;
  let plan: PlannedSession[];
  let today: string;

  beforeAll(async () => {
    receipt = await inService();
    plan = (await sessionList(receipt)).sessions;
    today = await seoulToday();
  });

  async function auditOf(sessionId: string) {
    return (await work.auditTrail(tokens.supervisor!, receipt.applicationId)).filter((e) => e.detail?.sessionId === sessionId && e.action.startsWith('session.'));
  }

  it('counts the same request sent twice once, with the same Idempotency-Key or none', async () => {
    for (const [n, headers] of [
      [1, { 'idempotency-key': 'session-double-click-1' }],
      [2, {}],
    ] as const) {
      const session = plan[n]!;
      const body = { outcome: 'held', on: today, durationMinutes: session.plannedMinutes, note: '같은 기록 두 번' };
      const answers = await Promise.all([record(receipt, session.sessionId, body, headers), record(receipt, session.sessionId, body, headers)]);
      // The same record twice is one record: both answered with it (a double click must not read as a failure).
      expect(answers.map((a) => a.status), JSON.stringify(answers.map((a) => a.body))).toEqual([200, 200]);
      expect(answers[0]!.body.record).toEqual(answers[1]!.body.record);
      const again = await record(receipt, session.sessionId, body, headers);
      expect(again.status).toBe(200);
      expect(again.body.record).toEqual(answers[0]!.body.record);
      const events = await auditOf(session.sessionId);
      expect(events.map((e) => e.action)).toEqual(['session.recorded']);
      const stored = (await sessionList(receipt)).sessions.find((s) => s.sessionId === session.sessionId)!;
      expect(stored.history).toEqual([]);
    }
    expect((await sessionList(receipt)).sessionsHeld).toBe(2);
  });

  it('keeps one of two different records sent at once, and answers the other with a clear 409', async () => {
    const session = plan[3]!;
    const held = { outcome: 'held', on: today, durationMinutes: session.plannedMinutes };
    const missed = { outcome: 'no-show', on: today };
    const answers = await Promise.all([record(receipt, session.sessionId, held), record(receipt, session.sessionId, missed)]);
    const won = answers.filter((a) => a.status === 200);
    expect(won, JSON.stringify(answers.map((a) => a.body))).toHaveLength(1);
    expectClearConflict(answers.find((a) => a.status !== 200)!, ['session-changed']);
    const stored = (await sessionList(receipt)).sessions.find((s) => s.sessionId === session.sessionId)!;
    expect(stored.record!.outcome).toBe(won[0]!.body.record.outcome);
    expect(stored.history).toEqual([]);
    expect((await auditOf(session.sessionId)).map((e) => e.action)).toEqual(['session.recorded']);
    expect((await sessionList(receipt)).sessionsHeld).toBe(2 + (stored.record!.outcome === 'held' ? 1 : 0));
  });
});

describe('an early closure racing late session records', () => {
  it('summarises the sessions as they stand at closure: each record is in before it, or refused with a 409 after', async () => {
    const receipts = await Promise.all([inService(), inService(), inService()]);
    const today = await seoulToday();
    const jongno = work.bearer(tokens['caseworker.jongno']!);

    for (const [n, receipt] of receipts.entries()) {
      const plan = (await sessionList(receipt)).sessions.slice(0, -1); // never the last: it would end the period
      const answers: { sessionId: string; status: number; body: any }[] = [];
      // The agency records and corrects sessions back to back — held, then no-show, then held … so
      // that every record changes what a summary counts — until the case is closed to it.
      const recording = (async () => {
        for (let i = 0; i < 300 && answers.filter((a) => a.status !== 200).length < 3; i++) {
          const session = plan[i % plan.length]!;
          const said = Math.floor(i / plan.length) % 2 === 0 ? { outcome: 'held', on: today, durationMinutes: session.plannedMinutes } : { outcome: 'no-show', on: today };
          // Each correction names the record it replaces, as the portal does.
          const standing = answers.filter((a) => a.sessionId === session.sessionId && a.status === 200).at(-1);
          const body = standing ? { ...said, corrects: standing.body.record.recordedAt } : said;
          const answer = await record(receipt, session.sessionId, body);
          answers.push({ sessionId: session.sessionId, status: answer.status, body: answer.body });
        }
      })();
      await new Promise((resolve) => setTimeout(resolve, 150 * n));
      const closing = await drill.clients.http('POST', `/api/staff/applications/${receipt.applicationId}/closure`, { reason: 'drop-out', note: '연락 두절 3주' }, jongno);
      expect(closing.status, JSON.stringify(closing.body)).toBe(202);
      await recording;
      await work.untilStatus(receipt, 'closed');

      // Recorded, then refused: never a record after the first refusal.
      const firstRefused = answers.findIndex((a) => a.status !== 200);
      expect(answers.slice(firstRefused).every((a) => a.status !== 200), JSON.stringify(answers.map((a) => a.status))).toBe(true);
      for (const refused of answers.slice(firstRefused)) expectClearConflict(refused, ['not-in-service', 'case-closing']);

      const application = (await item(`APP#${receipt.applicationId}`, 'APPLICATION'))!;
      const stored = await scan((i) => i.pk === `APP#${receipt.applicationId}` && String(i.sk).startsWith('SESSION#'));
      // Each session holds the last record answered 200, and nothing came in after the closure.
      for (const session of plan) {
        const last = answers.filter((a) => a.sessionId === session.sessionId && a.status === 200).at(-1);
        const kept = stored.find((s) => s.sessionId === session.sessionId)!;
        expect(kept.record?.recordedAt, session.sessionId).toBe(last?.body.record.recordedAt);
        if (kept.record) expect(kept.record.recordedAt < application.closedAt).toBe(true);
      }
      // The closing summary counts the sessions as they stand.
      expect(application.closure.sessionsHeld).toBe(stored.filter((s) => s.record?.outcome === 'held').length);
      console.log(`closure racing records: ${firstRefused} records in before the closure, then refused with 409`);
    }
  });
});
