import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../functions/applications/keys';
import { childExample, parentExample, patched, youthExample } from '../../test/support/answers';
import type { Receipt } from '../../test/support/case-work';
import type { clientsFor } from '../../test/support/clients';
import { caseWork } from '../../test/support/case-work';
import type { DayClock } from './day-clock';
import { PortalInbox } from './portal-inbox';
import type { ApplicationWatcher, Verdict } from './watcher';

type Clients = ReturnType<typeof clientsFor>;
export type Programme = 'youth' | 'child-adolescent' | 'parent';

const TABLE = 'dolbom-dev';
const examples = { youth: youthExample, 'child-adolescent': childExample, parent: parentExample };
/** 종로구: its caseworker, and the agencies there whose staff can sign in to the local portal (infra/local/seed.ts). */
export const DISTRICT = '11110';
const CASEWORKER = 'caseworker.jongno';
export const PORTAL_USERS: Readonly<Record<string, string>> = { 'P-MAEUMSUP': 'provider.maeum', 'P-HANUL': 'provider.hanul' };
const AGENCIES = Object.keys(PORTAL_USERS);
/** Low scores, item 9 at 0: no risk task, so every journey is the plain one. */
const screening = { phq9: [1, 1, 1, 1, 0, 0, 0, 0, 0], gad7: [1, 1, 0, 0, 0, 0, 0] };

/** A few people at work at once, as in an office: the journeys' requests go through this many at a time. */
export class Desk {
  private free: number;
  private queue: (() => void)[] = [];
  constructor(size: number) {
    this.free = size;
  }
  async do<T>(work: () => Promise<T>): Promise<T> {
    if (this.free > 0) this.free--;
    else await new Promise<void>((go) => this.queue.push(go));
    try {
      return await work();
    } finally {
      const next = this.queue.shift();
      if (next) next();
      else this.free++;
    }
  }
}

/** A loaded local cloud may answer 5xx (or drop a connection); a person tries again, as here. */
const TRANSIENT = /\b5\d\d\b|fetch failed|ECONNRESET|socket/i;

async function again<T>(what: string, work: () => Promise<T>, retryable = TRANSIENT, attempts = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      const message = (error as Error).message;
      const transient = retryable.test(message);
      if (!transient || attempt === attempts) throw new Error(`${what}: ${message}`);
      await sleep(500 * attempt);
    }
  }
}

/** The response, if its status is the one wanted (the body is the API's JSON, read as the test drivers read it). */
function expectStatus<T extends { status: number; body: any }>(response: T, wanted: number, what: string): T {
  if (response.status !== wanted) throw new Error(`${what} answered ${response.status} ${JSON.stringify(response.body)}`);
  return response;
}

export interface JourneyContext {
  clients: Clients;
  clock: DayClock;
  watcher: ApplicationWatcher;
  desk: Desk;
  /** Each portal agency's list of open offers, shared by the journeys waiting for theirs. */
  inboxes: Record<string, PortalInbox>;
}

/** What one journey did, for the report. */
export interface JourneyRecord {
  applicationId: string;
  programme: Programme;
  sessions: number;
  /** Local days from submission to closure. */
  days: number;
  /**
   * Times the case file showed two open tasks of the kind to decide: a step that outlasted its
   * Lambda timeout had opened one, and its retry another (with a new token). The journey decides the
   * newest; a decision on the older is answered 202 and lost.
   */
  duplicateTasks: number;
}

interface TaskView {
  taskId: string;
  kind: string;
  state: string;
  createdAt: string;
}

/** A status wait that parks on the waiting list (a place frees only as time passes) and fails on a dead end. */
function statusIs(wanted: string, more: (item: Record<string, unknown>) => boolean = () => true) {
  return (item: Record<string, unknown>): Verdict => {
    const status = String(item.status);
    if (status === wanted && more(item)) return 'ok';
    if (status === 'waitlisted') return 'park';
    if (['rejected', 'failed', 'closed'].includes(status) && status !== wanted) throw new Error(`application is ${status}, expected ${wanted}`);
    return 'wait';
  };
}

/**
 * One application from the citizen's submission to its closure, with the people in it acting as the
 * console and the portal let them — through the drivers of test/support/case-work.ts:
 * the caseworker approves, proposing a counsellor of 마음숲 or 하늘 (whose staff can sign in to the
 * local portal; 숲속 is in another district); the agency accepts in its portal and
 * records each planned session on its day (pre- and post-test with their answers); the caseworker
 * reads the evidence at re-assessment and closes the case. Each person's request is sent once, when
 * the state it needs is there (read from the table, which costs the system nothing). The citizen
 * looks at the status page once, before the review.
 */
export async function journey(ctx: JourneyContext, programme: Programme): Promise<JourneyRecord> {
  const { clients, clock, watcher, desk } = ctx;
  const people = caseWork(clients);
  const firstDay = clock.today;
  let duplicateTasks = 0;
  /** The caseworker opens the case file and takes its open task of `kind` (the newest, should there be two). */
  const openTask = async (token: string, id: string, kind: string): Promise<TaskView> => {
    const open = ((await people.caseFile(token, id)).tasks as TaskView[]).filter((t) => t.kind === kind && t.state === 'open');
    if (open.length === 0) throw new Error(`no open ${kind} task in the case file`);
    if (open.length > 1) duplicateTasks++;
    return open.sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]!;
  };
  const until = async (id: string, check: (item: Record<string, unknown>) => Verdict, what: string) => {
    for (;;) {
      const { verdict, item } = await watcher.until(id, check, what);
      if (verdict === 'ok') return item;
      await clock.nextDay();
    }
  };

  // The citizen submits (one idempotency key, so a retry after a 5xx stores one application).
  const body = { programme, answers: patched(examples[programme] as Record<string, unknown>, { applicant: { district: DISTRICT, name: `벤치${randomUUID().slice(0, 8)}` } }) };
  const key = randomUUID();
  const receipt = await desk.do(() =>
    again('submit', async () => expectStatus(await clients.http('POST', '/api/applications', body, { 'idempotency-key': key }), 202, 'submit').body as Receipt),
  );
  const id = receipt.applicationId;

  // The caseworker opens the case, looks at the candidates and approves, proposing the best one of an
  // agency with a portal login. Should another approval take that counsellor out of the candidates
  // first (400 `counsellor-not-a-candidate`), the console asks to refresh and choose again: they do,
  // passing over the ones that were taken from under them (200 journeys want the same best few).
  await until(id, statusIs('awaiting-review'), 'its review task');
  let choices = 0;
  await desk.do(() =>
    again(
      'approve',
      async () => {
        expectStatus(await clients.http('GET', `/api/applications/${id}`, undefined, { 'x-access-code': receipt.accessCode }), 200, 'status');
        const token = await clients.signIn(CASEWORKER);
        const task = await openTask(token, id, 'review');
        const ranking = expectStatus(await clients.http('GET', `/api/staff/applications/${id}/candidates`, undefined, people.bearer(token)), 200, 'candidates');
        const portal = (ranking.body.candidates as { agencyId: string; counsellorId: string }[]).filter((c) => c.agencyId in PORTAL_USERS);
        if (!portal.length) throw new Error(`no candidate of ${AGENCIES.join(' or ')}`);
        const chosen = portal[choices++ % portal.length]!;
        expectStatus(await people.decide(token, task.taskId, { decision: 'approve', counsellorId: chosen.counsellorId }), 202, 'approve');
      },
      new RegExp(`${TRANSIENT.source}|counsellor-not-a-candidate`, 'i'),
      8,
    ),
  );

  // The agency finds the offer in its portal and accepts it.
  const offered = await until(
    id,
    statusIs('matching', (item) => Boolean((item.match as { reservation?: unknown } | undefined)?.reservation)),
    'a place reserved',
  );
  const reservedAt = (offered.match as { reservation: { agencyId: string } }).reservation.agencyId;
  const provider = PORTAL_USERS[reservedAt];
  if (!provider) throw new Error(`the place was reserved at ${reservedAt}, whose staff cannot sign in to the local portal`);
  await waitForOpenOffer(clients, id);
  await desk.do(() =>
    again('accept', async () => {
      const offer = await ctx.inboxes[reservedAt]!.offerOf(id);
      const token = await clients.signIn(provider);
      expectStatus(await clients.http('POST', `/api/provider/offers/${offer.offerId}/decision`, { decision: 'accept' }, people.bearer(token)), 202, 'accept');
    }),
  );

  // In service: the execution waits on the period before any day passes (a jump during a step would move its end).
  const serving = await until(id, statusIs('in-service'), 'the service period');
  const period = Number(serving.period ?? 1);
  await waitForPeriodWait(clients, id, period);
  const sessionsPath = `/api/provider/applications/${id}/sessions`;
  const plan = await desk.do(() =>
    again('plan', async () => {
      const token = await clients.signIn(provider);
      return expectStatus(await clients.http('GET', sessionsPath, undefined, people.bearer(token)), 200, 'sessions').body.sessions as {
        sessionId: string;
        kind: string;
        plannedOn: string;
        plannedMinutes: number;
      }[];
    }),
  );
  for (const session of plan) {
    await clock.until(session.plannedOn);
    const record = { outcome: 'held', on: clock.today, durationMinutes: session.plannedMinutes, ...(session.kind === 'counselling' ? {} : { screening }) };
    await desk.do(() =>
      again('session', async () => {
        const token = await clients.signIn(provider);
        expectStatus(await clients.http('PUT', `${sessionsPath}/${session.sessionId}`, record, people.bearer(token)), 200, `session ${session.sessionId}`);
      }),
    );
  }

  // The last session ended the period: the caseworker reads the evidence and closes the case.
  await until(id, statusIs('reassessment'), 'the re-assessment task');
  await desk.do(() =>
    again('close', async () => {
      const token = await clients.signIn(CASEWORKER);
      const task = await openTask(token, id, 'reassessment');
      expectStatus(await clients.http('GET', `/api/staff/applications/${id}/evidence`, undefined, people.bearer(token)), 200, 'evidence');
      expectStatus(await people.decide(token, task.taskId, { decision: 'close' }), 202, 'close');
    }),
  );
  await until(id, statusIs('closed'), 'closure');
  const days = Math.round((Date.parse(clock.today) - Date.parse(firstDay)) / 86_400_000);
  return { applicationId: id, programme, sessions: plan.length, days, duplicateTasks };
}

/** The offer item is written just after the reservation (OpenProviderOffer): wait for it in the table. */
async function waitForOpenOffer(clients: Clients, applicationId: string): Promise<void> {
  for (let i = 0; i < 3000; i++) {
    const { Items } = await clients.db.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :offer)',
        ExpressionAttributeValues: { ':pk': keys.application(applicationId).pk, ':offer': keys.offerPrefix },
        ConsistentRead: true,
      }),
    );
    if (Items?.some((o) => o.state === 'open')) return;
    await sleep(200);
  }
  throw new Error(`application ${applicationId}: no open offer after ten minutes`);
}

/** The workflow's wait on the period holds its token in the PERIOD-WAIT item: there, the execution waits. */
async function waitForPeriodWait(clients: Clients, applicationId: string, period: number): Promise<void> {
  for (let i = 0; i < 3000; i++) {
    const { Item } = await clients.db.send(new GetCommand({ TableName: TABLE, Key: keys.periodWait(applicationId, period), ConsistentRead: true }));
    if (Item?.taskToken) return;
    await sleep(200);
  }
  throw new Error(`application ${applicationId}: the execution did not wait on period ${period} within ten minutes`);
}
