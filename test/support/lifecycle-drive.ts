import { setTimeout as sleep } from 'node:timers/promises';
import { SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Application } from '../../functions/applications/application';
import { keys } from '../../functions/applications/keys';
import type { clientsFor } from './clients';
import { timerStatus } from './timer-storm';

type Clients = ReturnType<typeof clientsFor>;

const TABLE = 'dolbom-dev';
const SEOUL_MS = 9 * 60 * 60 * 1000;

/** Agencies whose staff can sign in to the local cloud's portal (infra/local/seed.ts): only their sessions can be recorded. */
export const portalLogins: Record<string, string> = { 'P-MAEUMSUP': 'provider.maeum', 'P-HANUL': 'provider.hanul', 'P-SOOP': 'provider.soop' };

/** What the application item says of where a case stands, with its period's wait if the workflow keeps one. */
export interface CaseState {
  status: Application['status'];
  providerId?: string;
  servicePeriod?: Application['servicePeriod'];
  district?: string;
  /** The agency a place is reserved with (matching): the one its offer goes to. */
  offeredBy?: string;
  /** The workflow waits on the service period (its token is kept): the clock may move. */
  periodWaitKept: boolean;
  /** Tokens of the callbacks open for the case, as its open task or offer holds them. */
  open: Partial<Record<CallbackState, string>>;
}

export interface PlannedSession {
  sessionId: string;
  number: number;
  kind: 'pre-test' | 'counselling' | 'closing';
  plannedOn: string;
  plannedMinutes: number;
  record?: { outcome: string };
}

/** The callback states a person answers, by the task or offer Dolbom opens for them. */
export type CallbackState = 'CaseManagerReview' | 'ProviderOffer' | 'Reassessment';

/** How a drive answers each callback of one application; a missing answer leaves it waiting there. */
export interface Answers {
  review?: 'approve' | 'reject';
  offer?: 'accept';
  /** Which due sessions the serving agency records as held (none when absent). */
  sessions?: (session: PlannedSession) => boolean;
  reassessment?: 'close' | 'extend';
}

/** Runs `task` over `items`, `concurrency` at a time. */
export async function inParallel<T, R>(items: readonly T[], concurrency: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const index = next++;
        results[index] = await task(items[index]!, index);
      }
    }),
  );
  return results;
}

/**
 * Carries many applications through the lifecycle against one local cloud, as its people would:
 * case managers and agencies answer the callbacks through the Step Functions API with the tokens
 * of the tasks and offers Dolbom opened for them, agencies record the sessions due through the portal, and the
 * clock moves a day at a time, only while every case waits on time.
 */
export function lifecycleDrive(initial: Clients) {
  let clients = initial;
  /** Every token this drive has answered: a token is answered once. */
  const answered = new Set<string>();
  const plans = new Map<string, PlannedSession[]>();
  const bearers = new Map<string, string>();

  /**
   * Where each case stands, in a few reads whatever their number: the application items and their
   * period waits (BatchGetItem), and the open tasks and offers of their districts and agencies (the
   * work queue's and the portal's own GSI1 partitions), which hold the tokens people answer with.
   */
  async function caseStates(ids: readonly string[]): Promise<Map<string, CaseState>> {
    const states = new Map<string, CaseState>();
    for (const item of await batchGet(ids.map(keys.application), 'pk, #status, providerId, servicePeriod, district, #match.reservation.agencyId')) {
      const application = item as Partial<Application>;
      states.set(keys.applicationIdOf(String(item.pk))!, {
        status: application.status!,
        providerId: application.providerId,
        servicePeriod: application.servicePeriod,
        district: application.district,
        offeredBy: application.match?.reservation?.agencyId,
        periodWaitKept: false,
        open: {},
      });
    }
    const inService = [...states].filter(([, state]) => state.status === 'in-service').map(([id]) => id);
    for (const item of await batchGet(inService.map((id) => keys.periodWait(id, 1)), 'pk')) states.get(keys.applicationIdOf(String(item.pk))!)!.periodWaitKept = true;
    const waitingOn = (statuses: string[], where: (state: CaseState) => string | undefined) =>
      new Set([...states.values()].filter((state) => statuses.includes(state.status)).map(where).filter((key): key is string => key !== undefined));
    const partitions = [
      ...[...waitingOn(['awaiting-review', 'reassessment'], (state) => state.district)].map(keys.districtTasks),
      ...[...waitingOn(['matching', 'waitlisted'], (state) => state.offeredBy)].map(keys.agencyOffers),
    ];
    await inParallel(partitions, 4, async (partition) => {
      for (const item of await openItems(partition)) {
        const state = states.get(String(item.applicationId));
        if (!state || !item.taskToken) continue;
        const callback: CallbackState | undefined =
          partition.startsWith('AGENCY-OFFERS#') ? 'ProviderOffer' : item.kind === 'review' ? 'CaseManagerReview' : item.kind === 'reassessment' ? 'Reassessment' : undefined;
        if (callback) state.open[callback] = String(item.taskToken);
      }
    });
    return states;
  }

  /** Items by key, 100 a call, projected (`#status` and `#match` stand for their attributes). */
  async function batchGet(wanted: Record<string, unknown>[], projection: string): Promise<Record<string, unknown>[]> {
    const chunks = Array.from({ length: Math.ceil(wanted.length / 100) }, (_, i) => wanted.slice(i * 100, i * 100 + 100));
    const found = await inParallel(chunks, 2, async (chunk) => {
      const items: Record<string, unknown>[] = [];
      let keysLeft = chunk;
      while (keysLeft.length) {
        const names = Object.fromEntries([['#status', 'status'], ['#match', 'match']].filter(([name]) => projection.includes(name!)));
        const out = await clients.db.send(
          new BatchGetCommand({
            RequestItems: { [TABLE]: { Keys: keysLeft, ConsistentRead: true, ProjectionExpression: projection, ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}) } },
          }),
        );
        items.push(...(out.Responses?.[TABLE] ?? []));
        keysLeft = (out.UnprocessedKeys?.[TABLE]?.Keys ?? []) as Record<string, unknown>[];
      }
      return items;
    });
    return found.flat();
  }

  async function openItems(partition: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await clients.db.send(
        new QueryCommand({
          TableName: TABLE,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :open)',
          ExpressionAttributeValues: { ':pk': partition, ':open': 'open#' },
          ExclusiveStartKey,
        }),
      );
      items.push(...(page.Items ?? []));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items;
  }

  /** The local clock's time (ISO). */
  async function now(): Promise<string> {
    const { body } = await clients.http('GET', '/local/clock');
    return body.now as string;
  }

  /** The local clock's Seoul calendar day. */
  async function today(): Promise<string> {
    return new Date(Date.parse(await now()) + SEOUL_MS).toISOString().slice(0, 10);
  }

  /** Answers the open callback of `state` with the token its task or offer holds, unless this drive answered it already. */
  async function answer(state: CaseState, callback: CallbackState, output: unknown): Promise<string | undefined> {
    const token = state.open[callback];
    if (!token || answered.has(token)) return undefined;
    answered.add(token);
    await clients.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(output) }));
    return token;
  }

  /** Answers a token taken earlier (before a restart, say) exactly as a client holding it would. */
  async function answerToken(token: string, output: unknown): Promise<void> {
    answered.add(token);
    await clients.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify(output) }));
  }

  async function bearer(agencyId: string): Promise<Record<string, string>> {
    let token = bearers.get(agencyId);
    if (!token) {
      token = await clients.signIn(portalLogins[agencyId]!);
      bearers.set(agencyId, token);
    }
    return { authorization: `Bearer ${token}` };
  }

  const sessionsPath = (applicationId: string) => `/api/provider/applications/${applicationId}/sessions`;

  /** The period's sessions as the serving agency's portal lists them (read once, then kept up to date here, unless `fresh`). */
  async function sessionPlan(applicationId: string, agencyId: string, fresh = false): Promise<PlannedSession[]> {
    let plan = plans.get(applicationId);
    if (!plan || fresh) {
      const { status, body } = await clients.http('GET', sessionsPath(applicationId), undefined, await bearer(agencyId));
      if (status !== 200) throw new Error(`sessions of ${applicationId}: ${status} ${JSON.stringify(body)}`);
      plan = body.sessions as PlannedSession[];
      plans.set(applicationId, plan);
    }
    return plan;
  }

  /** The agency records a session as held today; the answer's status (or 'no answer' when the cloud is gone). */
  async function recordSession(applicationId: string, agencyId: string, session: PlannedSession, on: string): Promise<number | 'no answer'> {
    const body = { outcome: 'held', on, durationMinutes: session.plannedMinutes };
    let status: number;
    try {
      ({ status } = await clients.http('PUT', `${sessionsPath(applicationId)}/${session.sessionId}`, body, await bearer(agencyId)));
    } catch {
      return 'no answer';
    }
    if (status === 200) session.record = { outcome: 'held' };
    return status;
  }

  /** Sessions planned on or before `day` that the agency has not recorded yet, and the answers wish recorded. */
  async function dueSessions(applicationId: string, state: CaseState, answers: Answers, day: string): Promise<PlannedSession[]> {
    if (!answers.sessions || state.status !== 'in-service' || !state.providerId || !portalLogins[state.providerId]) return [];
    const plan = await sessionPlan(applicationId, state.providerId);
    return plan.filter((s) => !s.record && s.plannedOn <= day && answers.sessions!(s));
  }

  /**
   * One look at one case: answers its open callback or records its due sessions if `answers` says so.
   * 'moved' when it did something, 'waits on time' when only the clock can move it, 'busy' otherwise.
   */
  async function nudge(applicationId: string, state: CaseState, answers: Answers, day: string): Promise<'moved' | 'waits on time' | 'busy'> {
    const by = async (callback: CallbackState, output: unknown): Promise<'moved' | 'busy'> => ((await answer(state, callback, output)) ? 'moved' : 'busy');
    switch (state.status) {
      case 'awaiting-review':
        return answers.review ? by('CaseManagerReview', { decision: answers.review }) : 'busy';
      case 'matching':
        return answers.offer ? by('ProviderOffer', { decision: answers.offer }) : 'busy';
      case 'reassessment':
        return answers.reassessment ? by('Reassessment', { decision: answers.reassessment }) : 'busy';
      case 'in-service': {
        const due = await dueSessions(applicationId, state, answers, day);
        for (const session of due) {
          const status = await recordSession(applicationId, state.providerId!, session, day);
          if (status !== 200) throw new Error(`session ${session.sessionId} of ${applicationId}: ${status}`);
        }
        if (due.length) return 'moved';
        return state.periodWaitKept ? 'waits on time' : 'busy';
      }
      default:
        return 'busy';
    }
  }

  /** Moves the clock one day and waits until the timers it fired have run. */
  async function advanceDay(): Promise<void> {
    await clients.advanceClock('+1d');
    while ((await timerStatus(clients)).pending > 0) await sleep(50);
  }

  /** The first few of `ids` as they stand, for a failure's message. */
  function describe(ids: readonly string[], states: Map<string, CaseState>): string {
    return ids
      .slice(0, 8)
      .map((id) => {
        const state = states.get(id);
        const plan = plans.get(id);
        const held = plan ? `, ${plan.filter((s) => s.record).length}/${plan.length} sessions recorded` : '';
        return `${id} ${state?.status} at ${state?.providerId ?? 'no agency'}${held}`;
      })
      .join('; ');
  }

  /**
   * Drives `ids` until `done` has held for each: every round looks at every case not done yet; when no case
   * moved and every case not done waits on time, the clock moves a day. After `days` days it stops
   * there (`then: 'stop'`) or fails (`then: 'fail'`, the default: the cases should have been done);
   * it fails when no case changes for `stuckMs` of real time (stuck). Returns the days the clock moved.
   */
  async function drive(
    ids: readonly string[],
    options: {
      answers: (id: string) => Answers;
      done: (id: string, state: CaseState) => boolean | Promise<boolean>;
      days: number;
      then?: 'stop' | 'fail';
      stuckMs?: number;
    },
  ): Promise<number> {
    const stuckMs = options.stuckMs ?? 180_000;
    let movedAt = Date.now();
    let seen = '';
    let days = 0;
    // A case once done stays done for this drive: only the others are read again.
    let open = [...ids];
    for (;;) {
      const states = await caseStates(open);
      const fingerprint = JSON.stringify([...states.values()].map((state) => [state.status, state.periodWaitKept, state.open]));
      if (fingerprint !== seen) [seen, movedAt] = [fingerprint, Date.now()];
      const finished = await inParallel(open, 8, async (id) => options.done(id, states.get(id)!));
      open = open.filter((_, i) => !finished[i]);
      if (!open.length) return days;
      const day = await today();
      const looks = await inParallel(open, 8, (id) => nudge(id, states.get(id)!, options.answers(id), day));
      if (looks.every((look) => look === 'waits on time')) {
        if (days >= options.days) {
          if (options.then === 'stop') return days;
          throw new Error(`${open.length} cases still wait on time after ${days} days: ${describe(open, states)}`);
        }
        await advanceDay();
        days++;
      } else if (!looks.includes('moved')) {
        if (Date.now() - movedAt > stuckMs) throw new Error(`no case changed for ${stuckMs / 1000} s; ${open.length} not done: ${describe(open, states)}`);
        await sleep(750);
      }
    }
  }

  return {
    caseStates,
    now,
    today,
    answerToken,
    sessionPlan,
    recordSession,
    advanceDay,
    drive,
    /** After a restart: the same drive, through the new cloud's clients. */
    reconnect(next: Clients) {
      clients = next;
    },
  };
}
