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
 * - re-assessment: 30 youth cases served by 마음숲 (종로구) from day 0; their three months ran out
 *   (day ~92) and re-assessment is open;
 * - service period: 30 more served by 마음숲 from six weeks before the crash, a session recorded
 *   each week, the sixth being recorded as the power goes;
 * - provider offer: 40 cases across Seoul approved, their offers open;
 * - review: 100 cases awaiting a case manager;
 * - and a burst of 30 more submissions, cut in the middle.
 * After the restart: the re-assessments close with their old tokens; the services go on, half of
 * them to the plan's last session, half until their period ends by the timer armed before the
 * crash, and close; offers are accepted with their old tokens; reviews are decided with theirs,
 * half rejected, half approved, matched and accepted into service; the burst's cases likewise.
 */
const REASSESSMENT = 30;
const SERVICE = 30;
const OFFER = 40;
const REVIEW = 100;
const BURST = 30;
const BURST_ANSWERED_BEFORE_CUT = 10;
/** Sessions the service cases have recorded at the cut (the next is being recorded); youth plans hold ten, weekly. */
const SESSIONS_BEFORE_CUT = 5;
/** 종로구: 마음숲's district, so its cases are served where the portal can record their sessions. */
const JONGNO = '11110';
/** Districts with youth counselling of their own, for the cases whose stage at the crash is before service. */
const ELSEWHERE = ['11140', '11170', '11305', '11320', '11410', '11500', '11530', '11560', '11590', '11620', '11650', '11680'];
const DAY_MS = 24 * 60 * 60 * 1000;

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

/** Half the reviews are rejected with their old tokens: a lifecycle that ends `rejected`. */
const rejected = (s: Submission) => s.group === 'review' && s.index % 2 === 1;
/** Half the cases in service record every session after the crash; the others stop, and their period runs out. */
const recordsToTheEnd = (s: Submission) => s.group === 'service' && s.index % 2 === 0;
/** Where the drive leads each case. */
const endsAt = (s: Submission) => (rejected(s) ? 'rejected' : s.group === 'reassessment' || s.group === 'service' ? 'closed' : 'in-service');

let drill: DrillCloud;

beforeAll(async () => {
  drill = await startDrillCloud('crash-mid-lifecycle');
});
afterAll(async () => drill?.dispose());

function submission(group: Group, index: number, district: string): Submission {
  const answers = patched(youthExample, { applicant: { district, name: `시험${randomUUID().slice(0, 8)}` } });
  return { group, index, key: randomUUID(), body: { programme: 'youth', answers }, acknowledgedBeforeCrash: false };
}

function many(group: Group, count: number, district: (index: number) => string): Submission[] {
  return Array.from({ length: count }, (_, i) => submission(group, i, district(i)));
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

/**
 * CPU seconds the local cloud (its Node process and its DynamoDB Local) has used: a figure of the
 * drill's work that does not depend on how busy the machine is (Linux /proc; 0 elsewhere).
 */
function cloudCpuSeconds(part: 'node' | 'database' | 'both' = 'both'): number {
  const seconds = (pid: number | undefined) => {
    if (!pid || !existsSync(`/proc/${pid}/stat`)) return 0;
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    // utime, stime, cutime, cstime: fields 14–17 of stat(5), counted from after the command name; 100 ticks a second.
    return [11, 12, 13, 14].reduce((sum, i) => sum + Number(fields[i]), 0) / 100;
  };
  return (part === 'database' ? 0 : seconds(drill.process.pid)) + (part === 'node' ? 0 : seconds(drill.process.databasePid()));
}
const recorded = (plan: PlannedSession[]) => count(plan, (s) => s.record !== undefined);

describe('a power cut with 200 applications in flight', () => {
  it('loses nothing, doubles nothing, and every old token still answers after the restart', { timeout: 900_000 }, async () => {
    const started = Date.now();
    const ownCpu = process.cpuUsage();
    let last = started;
    let lastCpu = cloudCpuSeconds();
    console.log(`the local cloud started with ${lastCpu.toFixed(1)} s of CPU`);
    const lap = (what: string) => {
      const cpu = cloudCpuSeconds();
      console.log(`${what}: ${((Date.now() - last) / 1000).toFixed(1)} s (the local cloud's CPU ${(cpu - lastCpu).toFixed(1)} s)`);
      last = Date.now();
      lastCpu = cpu;
    };
    const drive = lifecycleDrive(drill.clients);
    const all: Submission[] = [];
    const groupOf = new Map<string, Submission>();
    const ids = (...groups: Group[]) => all.filter((s) => groups.includes(s.group) && s.applicationId).map((s) => s.applicationId!);
    const intoService: Answers = { review: 'approve', offer: 'accept' };
    const serving = (_id: string, state: CaseState) => state.status === 'in-service' && state.periodWaitKept;

    // Day 0: the cases that will be at re-assessment go into service with 마음숲, and wait out their period.
    const reassessment = many('reassessment', REASSESSMENT, () => JONGNO);
    all.push(...reassessment);
    await submitAll(reassessment);
    await drive.drive(ids('reassessment'), { answers: () => intoService, done: serving, days: 0 });
    const periodEnds = [...(await drive.caseStates(ids('reassessment'))).values()].map((state) => Date.parse(state.servicePeriod!.endsAt));
    lap(`${REASSESSMENT} into service`);
    const untilServiceStarts = Math.floor((Math.min(...periodEnds) - Date.parse(await drive.now())) / DAY_MS) - 7 * (SESSIONS_BEFORE_CUT + 1);
    await drive.drive(ids('reassessment'), { answers: () => ({}), done: () => false, days: untilServiceStarts, then: 'stop' });

    // Six weeks before the crash: the cases that will be mid-service start theirs, a session a week.
    const service = many('service', SERVICE, () => JONGNO);
    all.push(...service);
    await submitAll(service);
    await drive.drive(ids('service'), { answers: () => intoService, done: serving, days: 0 });
    for (const [id, state] of await drive.caseStates(ids('reassessment', 'service'))) {
      expect(state.providerId, `${id} is served by 마음숲, whose sessions the drill records`).toBe('P-MAEUMSUP');
    }
    lap(`${SERVICE} into service on day ${untilServiceStarts}`);
    const serviceIds = new Set(ids('service'));
    const beforeTheCut: Answers = { sessions: (s) => s.number <= SESSIONS_BEFORE_CUT };
    const days = await drive.drive(ids('reassessment', 'service'), {
      answers: (id) => (serviceIds.has(id) ? beforeTheCut : {}),
      done: async (id, state) =>
        serviceIds.has(id) ? recorded(await drive.sessionPlan(id, 'P-MAEUMSUP')) === SESSIONS_BEFORE_CUT : state.status === 'reassessment' && state.open.Reassessment !== undefined,
      days: 60,
    });
    lap(`re-assessments open, sessions recorded, ${days} days on`);

    // The crash day: 40 cases approved and offered, 100 awaiting review.
    const offer = many('offer', OFFER, (i) => ELSEWHERE[i % ELSEWHERE.length]!);
    const review = many('review', REVIEW, (i) => ELSEWHERE[(i + 5) % ELSEWHERE.length]!);
    all.push(...offer, ...review);
    await submitAll([...offer, ...review]);
    const offerIds = new Set(ids('offer'));
    await drive.drive(ids('offer', 'review'), {
      answers: (id) => (offerIds.has(id) ? { review: 'approve' } : {}),
      done: (id, state) => (offerIds.has(id) ? state.status === 'matching' && state.open.ProviderOffer !== undefined : state.status === 'awaiting-review' && state.open.CaseManagerReview !== undefined),
      days: 0,
    });
    for (const s of all) groupOf.set(s.applicationId!, s);
    lap(`${OFFER + REVIEW} submitted, offers and reviews open`);

    // What people hold at the crash: the tokens of the open tasks and offers; and the places.
    const atCrash = await drive.caseStates(ids('reassessment', 'offer', 'review'));
    const callbackAtCrash: Record<string, CallbackState> = { reassessment: 'Reassessment', offer: 'ProviderOffer', review: 'CaseManagerReview' };
    const heldTokens = [...atCrash].map(([id, state]) => ({ id, token: state.open[callbackAtCrash[groupOf.get(id)!.group]!]! }));
    expect(count(heldTokens, (t) => t.token !== undefined)).toBe(REASSESSMENT + OFFER + REVIEW);
    const placesBefore = await counsellorLoads(drill.clients);
    expect(placesBefore.flatMap((c) => c.places).sort()).toEqual(ids('reassessment', 'service', 'offer').sort());

    // The power cut: citizens are submitting, and 마음숲 is recording the week's sessions.
    const burst = many('burst', BURST, (i) => ELSEWHERE[i % ELSEWHERE.length]!);
    all.push(...burst);
    const outcomes = new Map<string, Awaited<ReturnType<typeof post>>>();
    const today = await drive.today();
    const weekSessions = await inParallel([...serviceIds], 8, async (id) => ({ id, session: (await drive.sessionPlan(id, 'P-MAEUMSUP')).find((s) => !s.record)! }));
    const recording = inParallel(weekSessions, 4, async ({ id, session }) => ({ id, session, status: await drive.recordSession(id, 'P-MAEUMSUP', session, today) }));
    let cut: Promise<void> | undefined;
    let cpuBeforeCut = '';
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < burst.length) {
          const s = burst[next++]!;
          const outcome = await post(s);
          outcomes.set(s.key, outcome);
          if (outcome.status === 202) {
            s.applicationId = outcome.applicationId;
            s.acknowledgedBeforeCrash = true;
          }
          if (!cut && count([...outcomes.values()], (o) => o.status === 202) >= BURST_ANSWERED_BEFORE_CUT) {
            cpuBeforeCut = `${cloudCpuSeconds('node').toFixed(0)} s Node, ${cloudCpuSeconds('database').toFixed(0)} s DynamoDB Local`;
            cut = drill.process.powerCut();
          }
        }
      }),
    );
    await cut;
    const sessionsAtCut = await recording;
    const unanswered = burst.filter((s) => outcomes.get(s.key)?.status !== 202);
    console.log(
      `power cut: burst ${BURST - unanswered.length} × 202, ${unanswered.length} unanswered; ` +
        `the week's sessions ${count(sessionsAtCut, (r) => r.status === 200)} recorded, ${count(sessionsAtCut, (r) => r.status !== 200)} unanswered`,
    );
    expect(unanswered.length).toBeGreaterThan(0);

    // The restart on the same data folder.
    lastCpu = 0;
    await drill.restart().catch((error: unknown) => {
      // The data folder goes with the drill: say here why the restart failed.
      console.log(readFileSync(drill.process.logFile, 'utf8').slice(-3_000));
      throw error;
    });
    drive.reconnect(drill.clients);
    lap('power cut and restart');
    const acknowledged = all.filter((s) => s.acknowledgedBeforeCrash).map((s) => s.applicationId!);

    // The crash day's clients resend their keys (a key is kept a day, IDEMPOTENCY_TTL_MS: the cases in
    // service were submitted weeks ago): the acknowledged get the same application, the unanswered
    // theirs, each exactly one.
    await inParallel(ids('offer', 'review').map((id) => groupOf.get(id)!).concat(burst), 8, async (s) => {
      const again = await submitted(s);
      if (s.applicationId) expect(again, `key ${s.key} names the same application`).toBe(s.applicationId);
      s.applicationId = again;
      groupOf.set(again, s);
    });
    lap('keys resent');
    const everyId = all.map((s) => s.applicationId!);
    expect(new Set(everyId).size, 'one application per key').toBe(all.length);
    // Nothing acknowledged was lost, nothing is there twice.
    const stored = await storedApplicationIds(drill.clients.db);
    expect(acknowledged.filter((id) => !stored.includes(id)), 'acknowledged applications lost').toEqual([]);
    expect(stored.length, 'application items').toBe(all.length);
    expect(new Set(stored)).toEqual(new Set(everyId));

    // Places: every count is its place items, no case holds two, nobody is over capacity, none moved.
    const placesAfter = await counsellorLoads(drill.clients);
    for (const c of placesAfter) {
      expect(c.reserved, `${c.counsellorId} count against place items`).toBe(c.places.length);
      expect(c.reserved).toBeLessThanOrEqual(c.weeklyCapacity);
    }
    expect(placesAfter.flatMap((c) => c.places).sort()).toEqual(placesBefore.flatMap((c) => c.places).sort());

    // The tokens taken before the crash answer after it.
    const answerOf = { reassessment: { decision: 'close' }, offer: { decision: 'accept' } } as Record<Group, object>;
    await inParallel(heldTokens, 8, async ({ id, token }) => {
      const s = groupOf.get(id)!;
      await drive.answerToken(token, s.group === 'review' ? { decision: rejected(s) ? 'reject' : 'approve' } : answerOf[s.group]);
    });
    // 마음숲 records again the sessions whose answer the cut swallowed: recorded now, or found
    // recorded before the cut.
    for (const { id, session, status } of sessionsAtCut) {
      if (status === 200) continue;
      expect(await drive.recordSession(id, 'P-MAEUMSUP', session, today), `${id} ${session.sessionId} again`).toBe(200);
    }
    lap('old tokens answered');

    // Everything is driven on to where it leads.
    const onwards = (id: string): Answers => {
      const s = groupOf.get(id)!;
      return { review: rejected(s) ? 'reject' : 'approve', offer: 'accept', sessions: () => recordsToTheEnd(s), reassessment: 'close' };
    };
    const endDays = await drive.drive(everyId, {
      answers: onwards,
      done: (id, state) => state.status === endsAt(groupOf.get(id)!) && (state.status !== 'in-service' || state.periodWaitKept),
      days: 60,
    });
    lap(`driven on, ${endDays} days`);

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

    // Each notification queued once and sent once: the mailbox holds exactly the messages the outbox
    // says it sent. (The sender runs behind the table's stream: give it a moment for the last ones.)
    const unsent = (items: Awaited<ReturnType<typeof outboxItems>>) => items.filter((n) => n.delivery !== 'sent');
    let outbox = await outboxItems(drill.clients, everyId);
    for (const until = Date.now() + 30_000; unsent(outbox).length && Date.now() < until; outbox = await outboxItems(drill.clients, everyId)) await sleep(1_000);
    const sent = await mailbox(drill.clients);
    expect(unsent(outbox).map((n) => `${n.applicationId} ${n.key} ${n.delivery}`), 'notifications not sent').toEqual([]);
    const outboxMessageIds = new Set(outbox.map((n) => n.messageId));
    expect(sent.filter((m) => !outboxMessageIds.has(m.messageId)).map((m) => `${m.to} ${m.subject} ${m.sentAt}`), 'messages sent twice').toEqual([]);
    expect(sent.length).toBe(outbox.length);

    // The case files say each step once, and each session once (a resend after the cut corrects, never adds).
    const served = ['application.submitted', 'eligibility.checked', 'provider.reserved', 'provider.matched', 'service-period.started'];
    const once: Record<ReturnType<typeof endsAt>, string[]> = {
      rejected: ['application.submitted', 'eligibility.checked', 'application.rejected'],
      'in-service': served,
      closed: [...served, 'service-period.ended', 'application.closed'],
    };
    const trails = await inParallel(everyId, 8, async (id) => ({ id, actions: await auditActions(drill.clients, id) }));
    for (const { id, actions } of trails) {
      const s = groupOf.get(id)!;
      for (const action of once[endsAt(s)]) expect(count(actions, (a) => a === action), `${s.group} ${id} ${action}`).toBe(1);
      const sessions = s.group !== 'service' ? 0 : recordsToTheEnd(s) ? 10 : SESSIONS_BEFORE_CUT + 1;
      expect(count(actions, (a) => a === 'session.recorded'), `${s.group} ${id} sessions`).toBe(sessions);
    }

    // No stream record gave up (an application left unstarted or a notification unsent would be one).
    const deadLetters = path.join(drill.dataDir, 'stream-dead-letters.jsonl');
    expect(existsSync(deadLetters) ? readFileSync(deadLetters, 'utf8') : '').toBe('');
    console.log(
      `${all.length} applications, ${sent.length} messages, ${executions.length} executions; ${((Date.now() - started) / 1000).toFixed(0)} s in all; ` +
        `CPU: the local cloud ${cpuBeforeCut} before the cut, ` +
        `${cloudCpuSeconds('node').toFixed(0)} s Node, ${cloudCpuSeconds('database').toFixed(0)} s DynamoDB Local after the restart; ` +
        `the drill itself ${((({ user, system }) => (user + system) / 1e6)(process.cpuUsage(ownCpu))).toFixed(0)} s`,
    );
  });
});
