import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patched, youthExample } from '../support/answers';
import { LIFECYCLE_EXECUTION } from '../support/case-work';
import { startDrillCloud, type DrillCloud } from '../support/drill-cloud';
import { inParallel, lifecycleDrive, type Answers, type PlannedSession } from '../support/lifecycle-drive';
import { auditActions, counsellorLoads, lifecycleExecutions, mailbox, outboxItems } from '../support/promises-kept';
import { storedApplicationIds } from '../support/stored-applications';

/**
 * Issue 12, drill 1: a power cut — SIGKILL to the local cloud's process group and its DynamoDB Local —
 * with 200 applications in flight at every stage, while citizens submit and an agency records
 * sessions. After the restart on the same data folder every acknowledged application reaches its end,
 * none lost or doubled; no notification is sent twice; no place is held twice; the task tokens taken
 * before the crash still answer; an unanswered submission resent with its key gives one application.
 *
 * The stages at the crash, in AWS time (the clock moves a day at a time, only while every case waits
 * on time, so the weekly sessions and the period's end fall as they would):
 * - re-assessment: 30 youth cases served by 마음숲 (종로구) from day 0, their 10 weekly sessions
 *   recorded, re-assessment open;
 * - service period: 30 cases served by 마음숲 from day 35, four sessions recorded, the fifth being
 *   recorded as the power goes;
 * - provider offer: 50 cases across Seoul approved, their offers open;
 * - review: 60 cases awaiting a case manager;
 * - and a burst of 40 submissions, cut in the middle.
 */
const REASSESSMENT = 30;
const SERVICE = 30;
const OFFER = 50;
const REVIEW = 60;
const BURST = 40;
const BURST_ANSWERED_BEFORE_CUT = 12;
/** 종로구: 마음숲's district, so its cases are served where the portal can record their sessions. */
const JONGNO = '11110';
/** Districts with youth counselling of their own, for the cases whose stage at the crash is before service. */
const ELSEWHERE = ['11140', '11170', '11305', '11320', '11410', '11500', '11530', '11560', '11590', '11620', '11650', '11680'];
/** Every fifth case in review is rejected with its old token: a lifecycle that ends `rejected`. */
const rejectedInReview = (index: number) => index % 5 === 4;

type Group = 'reassessment' | 'service' | 'offer' | 'review' | 'burst';

interface Submission {
  group: Group;
  index: number;
  key: string;
  body: { programme: 'youth'; answers: typeof youthExample };
  /** The application the 202 named (before the crash, or on the resend after it). */
  applicationId?: string;
  acknowledgedBeforeCrash: boolean;
}

let drill: DrillCloud;

beforeAll(async () => {
  drill = await startDrillCloud('crash-mid-lifecycle');
});
afterAll(async () => drill?.dispose());

function submission(group: Group, index: number, district: string): Submission {
  const answers = patched(youthExample, { applicant: { district, name: `시험${randomUUID().slice(0, 8)}` } });
  return { group, index, key: randomUUID(), body: { programme: 'youth', answers }, acknowledgedBeforeCrash: false };
}

/** One POST as a citizen's browser sends it: its status and application, or no answer at all. */
async function post(s: Submission): Promise<{ status: number; applicationId?: string } | { status: 'no answer' }> {
  try {
    const response = await fetch(`${drill.process.api}/api/applications`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': s.key },
      body: JSON.stringify(s.body),
      signal: AbortSignal.timeout(60_000),
    });
    const answer = (await response.json().catch(() => ({}))) as { applicationId?: string };
    return { status: response.status, applicationId: answer.applicationId };
  } catch {
    return { status: 'no answer' };
  }
}

/** Submits until a 202 (a busy machine may answer 503 or 5xx; the same key makes a retry safe). */
async function submitted(s: Submission): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const outcome = await post(s);
    if (outcome.status === 202) return outcome.applicationId!;
    if ((typeof outcome.status === 'number' && outcome.status < 500) || attempt === 5) throw new Error(`submission ${s.key}: ${outcome.status}`);
    await sleep(500 * attempt);
  }
}

async function submitAll(list: Submission[]): Promise<string[]> {
  return inParallel(list, 8, async (s) => {
    s.applicationId = await submitted(s);
    s.acknowledgedBeforeCrash = true;
    return s.applicationId;
  });
}

const count = <T>(list: readonly T[], keep: (item: T) => boolean) => list.filter(keep).length;

describe('a power cut with 200 applications in flight', () => {
  it('loses nothing, doubles nothing, and every old token still answers after the restart', async () => {
    const started = Date.now();
    const lap = (() => {
      let last = started;
      return (what: string) => {
        const at = Date.now();
        console.log(`${what}: ${((at - last) / 1000).toFixed(1)} s`);
        last = at;
      };
    })();
    const drive = lifecycleDrive(drill.clients);
    const all: Submission[] = [];
    const ids = (group: Group) => all.filter((s) => s.group === group && s.applicationId).map((s) => s.applicationId!);
    const groupOf = new Map<string, Submission>();
    const tokenOf = (id: string, state: string) => drill.clients.latestTaskToken(LIFECYCLE_EXECUTION(id), state);

    // Day 0: the cases that will be at re-assessment go into service with 마음숲.
    const reassessment = Array.from({ length: REASSESSMENT }, (_, i) => submission('reassessment', i, JONGNO));
    all.push(...reassessment);
    await submitAll(reassessment);
    const intoService: Answers = { review: 'approve', offer: 'accept' };
    const serving = (_id: string, state: { status: string; periodWaitKept: boolean }) => state.status === 'in-service' && state.periodWaitKept;
    await drive.drive(ids('reassessment'), { answers: () => intoService, done: serving, days: 0 });
    // Five weeks of sessions, a day at a time.
    const everySession: Answers = { ...intoService, sessions: () => true };
    await drive.drive(ids('reassessment'), { answers: () => everySession, done: () => false, days: 35, then: 'stop' });

    // Day 35: the cases that will be mid-service start theirs.
    const service = Array.from({ length: SERVICE }, (_, i) => submission('service', i, JONGNO));
    all.push(...service);
    await submitAll(service);
    await drive.drive(ids('service'), { answers: () => intoService, done: serving, days: 0 });
    lap('into service');

    // To day 70: the first 30 finish their plan (re-assessment opens), the others hold four sessions.
    const firstFour: Answers = { ...intoService, sessions: (s: PlannedSession) => s.number <= 4 };
    const reassessmentIds = new Set(ids('reassessment'));
    const days = await drive.drive([...ids('reassessment'), ...ids('service')], {
      answers: (id) => (reassessmentIds.has(id) ? everySession : firstFour),
      done: async (id, state) => {
        if (reassessmentIds.has(id)) return state.status === 'reassessment' && (await tokenOf(id, 'Reassessment')) !== undefined;
        const plan = await drive.sessionPlan(id, state.providerId!);
        return count(plan, (s) => s.record !== undefined) === 4;
      },
      days: 40,
    });
    lap(`sessions over ${35 + days} days`);
    const states = await drive.caseStates([...ids('reassessment'), ...ids('service')]);
    for (const [id, state] of states) expect(state.providerId, `${id} is served by 마음숲, whose sessions the drill records`).toBe('P-MAEUMSUP');

    // Day 70: 50 cases approved and offered, 60 awaiting review.
    const offer = Array.from({ length: OFFER }, (_, i) => submission('offer', i, ELSEWHERE[i % ELSEWHERE.length]!));
    const review = Array.from({ length: REVIEW }, (_, i) => submission('review', i, ELSEWHERE[(i + 5) % ELSEWHERE.length]!));
    all.push(...offer, ...review);
    await submitAll([...offer, ...review]);
    const offerIds = new Set(ids('offer'));
    await drive.drive([...ids('offer'), ...ids('review')], {
      answers: (id) => (offerIds.has(id) ? { review: 'approve' } : {}),
      done: async (id, state) =>
        offerIds.has(id)
          ? state.status === 'matching' && (await tokenOf(id, 'ProviderOffer')) !== undefined
          : state.status === 'awaiting-review' && (await tokenOf(id, 'CaseManagerReview')) !== undefined,
      days: 0,
    });
    for (const s of all) groupOf.set(s.applicationId!, s);
    lap('offers and reviews open');

    // The tokens people hold at the crash, taken from the histories as an operator would.
    const heldTokens = new Map<string, { state: string; token: string }>();
    const stateAtCrash: Record<Exclude<Group, 'service' | 'burst'>, string> = { reassessment: 'Reassessment', offer: 'ProviderOffer', review: 'CaseManagerReview' };
    for (const group of ['reassessment', 'offer', 'review'] as const) {
      await inParallel(ids(group), 8, async (id) => heldTokens.set(id, { state: stateAtCrash[group], token: (await tokenOf(id, stateAtCrash[group]))! }));
    }
    expect(heldTokens.size).toBe(REASSESSMENT + OFFER + REVIEW);
    const placesBefore = await counsellorLoads(drill.clients);
    expect(placesBefore.flatMap((c) => c.places).sort()).toEqual([...ids('reassessment'), ...ids('service'), ...ids('offer')].sort());

    // The power cut: citizens are submitting and 마음숲 is recording the fifth sessions.
    const burst = Array.from({ length: BURST }, (_, i) => submission('burst', i, ELSEWHERE[i % ELSEWHERE.length]!));
    all.push(...burst);
    const burstOutcomes = new Map<string, Awaited<ReturnType<typeof post>>>();
    let cut: Promise<void> | undefined;
    const today = await drive.today();
    const fifthSessions = await inParallel(ids('service'), 8, async (id) => ({ id, session: (await drive.sessionPlan(id, 'P-MAEUMSUP')).find((s) => s.number === 5)! }));
    const recording = inParallel(fifthSessions, 4, async ({ id, session }) => ({ id, session, status: await drive.recordSession(id, 'P-MAEUMSUP', session, today) }));
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < burst.length) {
          const s = burst[next++]!;
          const outcome = await post(s);
          burstOutcomes.set(s.key, outcome);
          if (outcome.status === 202) {
            s.applicationId = outcome.applicationId;
            s.acknowledgedBeforeCrash = true;
          }
          if (!cut && count([...burstOutcomes.values()], (o) => o.status === 202) >= BURST_ANSWERED_BEFORE_CUT) cut = drill.process.powerCut();
        }
      }),
    );
    await cut;
    const recorded = await recording;
    const unanswered = burst.filter((s) => burstOutcomes.get(s.key)?.status !== 202);
    console.log(
      `power cut: burst ${BURST - unanswered.length} × 202, ${unanswered.length} unanswered ` +
        `(${[...new Set(unanswered.map((s) => burstOutcomes.get(s.key)?.status))].join(', ')}); ` +
        `fifth sessions ${count(recorded, (r) => r.status === 200)} recorded, ${count(recorded, (r) => r.status !== 200)} unanswered`,
    );
    expect(unanswered.length).toBeGreaterThan(0);
    lap('power cut');

    // The restart on the same data folder.
    await drill.restart();
    drive.reconnect(drill.clients);
    lap('restart');
    const acknowledged = all.filter((s) => s.acknowledgedBeforeCrash).map((s) => s.applicationId!);
    const storedAfterRestart = new Set(await storedApplicationIds(drill.clients.db));
    expect(acknowledged.filter((id) => !storedAfterRestart.has(id)), 'acknowledged applications lost').toEqual([]);

    // Every client resends its key: the acknowledged get the same application, the unanswered theirs, once.
    await inParallel(all, 8, async (s) => {
      const again = await submitted(s);
      if (s.applicationId) expect(again, `key ${s.key} names the same application`).toBe(s.applicationId);
      s.applicationId = again;
      groupOf.set(again, s);
    });
    const everyId = all.map((s) => s.applicationId!);
    expect(new Set(everyId).size, 'one application per key').toBe(all.length);
    const stored = await storedApplicationIds(drill.clients.db);
    expect(stored.length, 'application items').toBe(all.length);
    expect(new Set(stored)).toEqual(new Set(everyId));

    // Places: each counsellor's count is its place items, no case holds two, nobody is over capacity.
    const placesAfter = await counsellorLoads(drill.clients);
    for (const c of placesAfter) {
      expect(c.reserved, `${c.counsellorId} count against place items`).toBe(c.places.length);
      expect(c.reserved).toBeLessThanOrEqual(c.weeklyCapacity);
    }
    expect(placesAfter.flatMap((c) => c.places).sort()).toEqual(placesBefore.flatMap((c) => c.places).sort());

    // The tokens taken before the crash answer after it.
    await inParallel([...heldTokens], 8, async ([id, { state, token }]) => {
      const s = groupOf.get(id)!;
      const output = state === 'Reassessment' ? { decision: 'close' } : state === 'ProviderOffer' ? { decision: 'accept' } : { decision: rejectedInReview(s.index) ? 'reject' : 'approve' };
      await drive.answerToken(token, output);
    });
    // 마음숲 records again the sessions whose answer the cut swallowed.
    for (const { id, session, status } of recorded) {
      if (status !== 200) expect(await drive.recordSession(id, 'P-MAEUMSUP', session, today), `${id} ${session.sessionId} again`).toBe(200);
    }
    lap('old tokens answered');

    // Everything is driven to its end: the plans finish, the periods run out, every case is closed.
    const toTheEnd = (id: string): Answers => {
      const s = groupOf.get(id)!;
      return { review: s.group === 'review' && rejectedInReview(s.index) ? 'reject' : 'approve', offer: 'accept', sessions: () => true, reassessment: 'close' };
    };
    const endDays = await drive.drive(everyId, { answers: toTheEnd, done: (_id, state) => state.status === 'closed' || state.status === 'rejected', days: 120 });
    lap(`driven to the end over ${endDays} days`);

    const final = await drive.caseStates(everyId);
    for (const id of everyId) {
      const s = groupOf.get(id)!;
      expect(final.get(id)!.status, `${s.group} ${id}`).toBe(s.group === 'review' && rejectedInReview(s.index) ? 'rejected' : 'closed');
    }

    // One execution per application, named after it, ended well.
    const executions = await lifecycleExecutions(drill.clients);
    expect(executions.map((e) => e.name).sort(), 'one execution per application').toEqual([...everyId].sort());
    expect(executions.filter((e) => e.status !== 'SUCCEEDED').map((e) => `${e.name} ${e.status}`)).toEqual([]);

    // Every place released, every count back to zero.
    const placesAtEnd = await counsellorLoads(drill.clients);
    expect(placesAtEnd.filter((c) => c.reserved !== 0 || c.places.length).map((c) => `${c.counsellorId} ${c.reserved} ${c.places.length}`)).toEqual([]);

    // Each notification queued once, sent once: the mailbox holds exactly the messages the outbox says it sent.
    // (The sender runs behind the table's stream: give it a moment to finish the last ones.)
    const unsent = (items: Awaited<ReturnType<typeof outboxItems>>) => items.filter((n) => n.delivery !== 'sent');
    let outbox = await outboxItems(drill.clients, everyId);
    for (const until = Date.now() + 30_000; unsent(outbox).length && Date.now() < until; outbox = await outboxItems(drill.clients, everyId)) await sleep(1_000);
    const sent = await mailbox(drill.clients);
    expect(unsent(outbox).map((n) => `${n.applicationId} ${n.key} ${n.delivery}`), 'notifications not sent').toEqual([]);
    const outboxMessageIds = new Set(outbox.map((n) => n.messageId));
    expect(sent.filter((m) => !outboxMessageIds.has(m.messageId)).map((m) => `${m.to} ${m.subject} ${m.sentAt}`), 'messages sent twice').toEqual([]);
    expect(sent.length).toBe(outbox.length);

    // And the case files say each step once.
    const once = ['application.submitted', 'eligibility.checked', 'provider.reserved', 'provider.matched'];
    const trails = await inParallel(everyId, 8, async (id) => ({ id, actions: await auditActions(drill.clients, id) }));
    for (const { id, actions } of trails) {
      const s = groupOf.get(id)!;
      const expected = s.group === 'review' && rejectedInReview(s.index) ? once.slice(0, 2) : once;
      for (const action of expected) expect(count(actions, (a) => a === action), `${s.group} ${id} ${action}`).toBe(1);
    }

    // No stream record gave up (a start or a notification left undone would be one).
    const deadLetters = path.join(drill.dataDir, 'stream-dead-letters.jsonl');
    expect(existsSync(deadLetters) ? readFileSync(deadLetters, 'utf8') : '').toBe('');
    console.log(`${all.length} applications, ${sent.length} messages, ${executions.length} executions; total ${((Date.now() - started) / 1000).toFixed(0)} s`);
  });
});
