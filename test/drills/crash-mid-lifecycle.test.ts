import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { patched, youthExample } from '../support/answers';
import { startDrillCloud, type DrillCloud } from '../support/drill-cloud';
import { inParallel, lifecycleDrive, type Answers, type CallbackState, type CaseState, type PlannedSession } from '../support/lifecycle-drive';
import { auditActions, counsellorLoads, lifecycleExecutions, mailbox, outboxItems } from '../support/promises-kept';
import { storedApplicationIds } from '../support/stored-applications';

/**
 * Issue 12, drill 1: a power cut — SIGKILL to the local cloud's process group and its DynamoDB Local —
 * with 200 applications in flight at every stage, while citizens submit and an agency records
 * sessions. After the restart on the same data folder every acknowledged application reaches the
 * state the drive leads it to, none lost or doubled; no notification is sent twice; no place is held
 * twice; the task tokens taken before the crash still answer; an unanswered submission resent with
 * its key gives one application.
 *
 * The stages at the crash, in AWS time (the clock moves a day at a time, and only while every case
 * waits on time, so the weekly sessions and the period's end fall as they would):
 * - re-assessment: 25 youth cases served by 마음숲 (종로구) from day 0, their ten weekly sessions
 *   recorded, re-assessment open;
 * - service period: 25 more served by 마음숲 from day 0, nine sessions recorded; the last being
 *   recorded for half of them as the power goes (it ends the plan, and with it the period's wait),
 *   never for the others, whose period ends by the timer armed before the crash;
 * - provider offer: 50 cases across Seoul approved, their offers open;
 * - review: 100 cases awaiting a case manager;
 * - and a burst of 30 more submissions, cut in the middle.
 * After the restart: re-assessments close with their old tokens, and the services run out and close;
 * offers are accepted with theirs (into service); reviews are decided with theirs, one in five
 * rejected, the rest matched and accepted; the burst's cases go the same way.
 */
const REASSESSMENT = 25;
const SERVICE = 25;
const OFFER = 50;
const REVIEW = 100;
const BURST = 30;
const BURST_ANSWERED_BEFORE_CUT = 10;
/** 종로구: 마음숲's district, so its cases are served where the portal can record their sessions. */
const JONGNO = '11110';
/** Districts with youth counselling of their own, for the cases whose stage at the crash is before service. */
const ELSEWHERE = ['11140', '11170', '11305', '11320', '11410', '11500', '11530', '11560', '11590', '11620', '11650', '11680'];
/** Every fifth case in review is rejected with its old token: a lifecycle that ends `rejected`. */
const rejectedInReview = (index: number) => index % 5 === 4;
/** Half the cases in service have their last session recorded as the power goes; the rest never do. */
const lastSessionAtTheCut = (index: number) => index % 2 === 0;

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
  it('loses nothing, doubles nothing, and every old token still answers after the restart', { timeout: 900_000 }, async () => {
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
    const tokenOf = drive.openToken;

    // Day 0: the cases that will be at re-assessment and in service go into service with 마음숲.
    const served = [
      ...Array.from({ length: REASSESSMENT }, (_, i) => submission('reassessment', i, JONGNO)),
      ...Array.from({ length: SERVICE }, (_, i) => submission('service', i, JONGNO)),
    ];
    all.push(...served);
    await submitAll(served);
    lap(`${served.length} submitted`);
    const servedIds = served.map((s) => s.applicationId!);
    const intoService: Answers = { review: 'approve', offer: 'accept' };
    const serving = (_id: string, state: CaseState) => state.status === 'in-service' && state.periodWaitKept;
    await drive.drive(servedIds, { answers: () => intoService, done: serving, days: 0 });
    lap('into service');
    const atMaeumsup = await drive.caseStates(servedIds);
    for (const [id, state] of atMaeumsup) expect(state.providerId, `${id} is served by 마음숲, whose sessions the drill records`).toBe('P-MAEUMSUP');

    // Ten weeks, a day at a time: the first 25 finish their plan (re-assessment opens), the others hold nine sessions.
    const reassessmentIds = new Set(ids('reassessment'));
    const everySession: Answers = { ...intoService, sessions: () => true };
    const allButTheLast: Answers = { ...intoService, sessions: (s: PlannedSession) => s.kind !== 'closing' };
    const days = await drive.drive(servedIds, {
      answers: (id) => (reassessmentIds.has(id) ? everySession : allButTheLast),
      done: async (id, state) => {
        if (reassessmentIds.has(id)) return state.status === 'reassessment' && (await tokenOf(id, 'Reassessment')) !== undefined;
        const plan = await drive.sessionPlan(id, state.providerId!);
        return plan.every((s) => s.record !== undefined || s.kind === 'closing');
      },
      days: 80,
    });
    lap(`sessions over ${days} days`);

    // Day ~70: 50 cases approved and offered, 100 awaiting review.
    const offer = Array.from({ length: OFFER }, (_, i) => submission('offer', i, ELSEWHERE[i % ELSEWHERE.length]!));
    const review = Array.from({ length: REVIEW }, (_, i) => submission('review', i, ELSEWHERE[(i + 5) % ELSEWHERE.length]!));
    all.push(...offer, ...review);
    await submitAll([...offer, ...review]);
    lap(`${OFFER + REVIEW} submitted`);
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

    // The tokens people hold at the crash: the open tasks' and offers'.
    const heldTokens = new Map<string, { state: CallbackState; token: string }>();
    const stateAtCrash: Record<Exclude<Group, 'service' | 'burst'>, CallbackState> = { reassessment: 'Reassessment', offer: 'ProviderOffer', review: 'CaseManagerReview' };
    for (const group of ['reassessment', 'offer', 'review'] as const) {
      await inParallel(ids(group), 8, async (id) => heldTokens.set(id, { state: stateAtCrash[group], token: (await tokenOf(id, stateAtCrash[group]))! }));
    }
    expect(heldTokens.size).toBe(REASSESSMENT + OFFER + REVIEW);
    const placesBefore = await counsellorLoads(drill.clients);
    expect(placesBefore.flatMap((c) => c.places).sort()).toEqual([...ids('reassessment'), ...ids('service'), ...ids('offer')].sort());

    // The power cut: citizens are submitting and 마음숲 is recording last sessions.
    const burst = Array.from({ length: BURST }, (_, i) => submission('burst', i, ELSEWHERE[i % ELSEWHERE.length]!));
    all.push(...burst);
    const burstOutcomes = new Map<string, Awaited<ReturnType<typeof post>>>();
    let cut: Promise<void> | undefined;
    const today = await drive.today();
    const lastSessions = await inParallel(
      all.filter((s) => s.group === 'service' && lastSessionAtTheCut(s.index)),
      8,
      async ({ applicationId: id }) => ({ id: id!, session: (await drive.sessionPlan(id!, 'P-MAEUMSUP')).find((s) => s.kind === 'closing')! }),
    );
    const recording = inParallel(lastSessions, 4, async ({ id, session }) => ({ id, session, status: await drive.recordSession(id, 'P-MAEUMSUP', session, today) }));
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
        `last sessions ${count(recorded, (r) => r.status === 200)} recorded, ${count(recorded, (r) => r.status !== 200)} unanswered`,
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

    // Everything is driven on: the plans finish or the periods run out and those cases close; the
    // rest are decided, matched and accepted into service (the burst's included).
    const rejected = (s: Submission) => s.group === 'review' && rejectedInReview(s.index);
    const endsAt = (s: Submission) => (rejected(s) ? 'rejected' : s.group === 'reassessment' || s.group === 'service' ? 'closed' : 'in-service');
    const onwards = (id: string): Answers => ({
      review: rejected(groupOf.get(id)!) ? 'reject' : 'approve',
      offer: 'accept',
      sessions: (session) => session.kind !== 'closing' || lastSessionAtTheCut(groupOf.get(id)!.index),
      reassessment: 'close',
    });
    const endDays = await drive.drive(everyId, {
      answers: onwards,
      done: (id, state) => state.status === endsAt(groupOf.get(id)!) && (state.status !== 'in-service' || state.periodWaitKept),
      days: 40,
    });
    lap(`driven on over ${endDays} days`);

    const final = await drive.caseStates(everyId);
    for (const id of everyId) expect(final.get(id)!.status, `${groupOf.get(id)!.group} ${id}`).toBe(endsAt(groupOf.get(id)!));

    // One execution per application, named after it; those that ended, ended well.
    const executions = await lifecycleExecutions(drill.clients);
    expect(executions.map((e) => e.name).sort(), 'one execution per application').toEqual([...everyId].sort());
    for (const e of executions) expect(e.status, e.name).toBe(endsAt(groupOf.get(e.name!)!) === 'in-service' ? 'RUNNING' : 'SUCCEEDED');

    // The closed released their places; those in service hold one each; every count is its place items.
    const placesAtEnd = await counsellorLoads(drill.clients);
    for (const c of placesAtEnd) expect(c.reserved, `${c.counsellorId} count against place items`).toBe(c.places.length);
    expect(placesAtEnd.flatMap((c) => c.places).sort()).toEqual(everyId.filter((id) => endsAt(groupOf.get(id)!) === 'in-service').sort());

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
    const once = ['application.submitted', 'eligibility.checked', 'provider.reserved', 'provider.matched', 'application.closed'];
    const trails = await inParallel(everyId, 8, async (id) => ({ id, actions: await auditActions(drill.clients, id) }));
    for (const { id, actions } of trails) {
      const s = groupOf.get(id)!;
      const expected = rejected(s) ? once.slice(0, 2) : endsAt(s) === 'in-service' ? once.slice(0, 4) : once;
      for (const action of expected) expect(count(actions, (a) => a === action), `${s.group} ${id} ${action}`).toBe(1);
    }

    // No stream record gave up (a start or a notification left undone would be one).
    const deadLetters = path.join(drill.dataDir, 'stream-dead-letters.jsonl');
    expect(existsSync(deadLetters) ? readFileSync(deadLetters, 'utf8') : '').toBe('');
    console.log(`${all.length} applications, ${sent.length} messages, ${executions.length} executions; total ${((Date.now() - started) / 1000).toFixed(0)} s`);
  });
});
