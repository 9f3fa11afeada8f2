import type { HandlerUsage } from '../../infra/local/usage-meter';
import type { clientsFor } from '../../test/support/clients';
import { DayClock } from './day-clock';
import { executionFigures, transitions, untilExecutionsEnd, type ExecutionFigures } from './executions';
import { Desk, journey, PORTAL_USERS, type JourneyRecord, type Programme } from './journey';
import { untilNotificationsSettle } from './notifications';
import { meterDelta, readMeter, totals, type UsageTotals } from './usage';
import { PortalInbox } from './portal-inbox';
import { ApplicationWatcher } from './watcher';

type Clients = ReturnType<typeof clientsFor>;

/** How many people act at once in the console and the portal (each request of a journey waits for one). */
const DESK_SIZE = 8;
/** The registry's upper bound on a counsellor's weekly capacity (functions/providers/registry-schema.ts). */
const MAX_CAPACITY = 40;

export interface CohortResult {
  programme: Programme;
  applications: number;
  completed: number;
  /** The first few errors of journeys that did not reach closure. */
  errors: string[];
  /** Real seconds from the first submission to the last execution's end. */
  wallSeconds: number;
  /** Local days the clock advanced, one at a time. */
  days: number;
  /** Sessions recorded per application (the programme's plan). */
  sessionsPerApplication: number;
  /** Loads of the agencies' lists of open offers (each shows every open offer). */
  portalLoads: number;
  /** Journeys that found two open tasks to decide (see JourneyRecord.duplicateTasks). */
  duplicateTasks: number;
  /** Summed over the completed applications' executions. */
  executions: ExecutionFigures & { transitions: number };
  /** What the handlers did meanwhile, per handler and summed. */
  handlers: Record<string, HandlerUsage>;
  /** CPU time the local cloud's process used meanwhile (ms). */
  cloudCpuMs: number;
  usage: UsageTotals;
}

/**
 * Gives the portal agencies' counsellors room for `places` more applications each, as an agency would
 * through the registry (weekly capacity up to 40 each, then new counsellors trained for every
 * programme), so no journey waits for a place.
 */
export async function makeRoom(clients: Clients, places: number): Promise<void> {
  const token = await clients.signIn('operator');
  const auth = { authorization: `Bearer ${token}` };
  for (const agency of Object.keys(PORTAL_USERS)) {
    const path = `/api/registry/agencies/${agency}/counsellors`;
    const { status, body } = await clients.http('GET', path, undefined, auth);
    if (status !== 200) throw new Error(`counsellors of ${agency}: ${status} ${JSON.stringify(body)}`);
    let free = 0;
    for (const c of body.counsellors as { counsellorId: string; weeklyCapacity: number; reserved?: number; active: boolean }[]) {
      if (!c.active) continue;
      if (c.weeklyCapacity < MAX_CAPACITY) {
        const raised = await clients.http('PUT', `${path}/${c.counsellorId}`, { weeklyCapacity: MAX_CAPACITY }, auth);
        if (raised.status !== 200) throw new Error(`capacity of ${c.counsellorId}: ${raised.status} ${JSON.stringify(raised.body)}`);
      }
      free += MAX_CAPACITY - (c.reserved ?? 0);
    }
    const trainings = ['youth', 'child-adolescent', 'parent'].map((programme) => ({ programme, level: 'basic', completedOn: '2025-04-01' }));
    for (let i = 0; free < places; i++) {
      const created = await clients.http(
        'POST',
        path,
        {
          name: `벤치상담${i + 1}`,
          gender: i % 2 ? 'male' : 'female',
          languages: ['ko'],
          qualifications: ['mental-health-professional'],
          trainings,
          availability: { weekdayDaytime: true, evening: true, saturday: true },
          weeklyCapacity: MAX_CAPACITY,
        },
        auth,
      );
      if (created.status !== 201) throw new Error(`new counsellor at ${agency}: ${created.status} ${JSON.stringify(created.body)}`);
      free += MAX_CAPACITY;
    }
  }
}

/**
 * `count` applications of one programme through their whole lifecycle together, the clock a day at a
 * time, and what it cost: the executions' transitions (from their histories) and the handlers' work
 * (the usage meter's difference over the cohort).
 */
export async function runCohort(clients: Clients, programme: Programme, count: number, log: (line: string) => void): Promise<CohortResult> {
  const clock = new DayClock(clients);
  await clock.start();
  const watcher = new ApplicationWatcher(clients.db);
  const desk = new Desk(DESK_SIZE);
  const inboxes = Object.fromEntries(Object.entries(PORTAL_USERS).map(([agency, user]) => [agency, new PortalInbox(clients, user)]));
  const before = await readMeter(clients);
  const started = performance.now();

  const records: JourneyRecord[] = [];
  const errors: string[] = [];
  let ended = 0;
  const journeys = Array.from({ length: count }, () =>
    clock
      .run(() => journey({ clients, clock, watcher, desk, inboxes }, programme))
      .then((r) => void records.push(r))
      .catch((error: Error) => {
        errors.push(error.message);
        log(`  a ${programme} journey failed: ${error.message.slice(0, 300)}`);
      })
      .finally(() => ended++),
  );
  await clock.drive(
    () => ended === count,
    (line) => log(`  ${programme}, ${line}; ${records.length} closed, ${errors.length} failed of ${count}`),
  );
  await Promise.all(journeys);
  const ids = records.map((r) => r.applicationId);
  await untilExecutionsEnd(clients, ids);
  const wallSeconds = (performance.now() - started) / 1000;
  // Stream-triggered work trails the last step: the notifications (waited for, so they count with this
  // cohort rather than the next), and the counters (a moment).
  await untilNotificationsSettle(clients, ids);
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  const after = await readMeter(clients);
  const handlers = meterDelta(before, after);

  const figures = await executionFigures(clients, ids);
  const sum = { executions: 0, statesEntered: 0, retries: 0, historyEvents: 0, transitions: 0 };
  for (const f of figures.values()) {
    sum.executions += f.executions;
    sum.statesEntered += f.statesEntered;
    sum.retries += f.retries;
    sum.historyEvents += f.historyEvents;
    sum.transitions += transitions(f);
  }
  return {
    programme,
    applications: count,
    completed: records.length,
    errors: errors.slice(0, 5),
    wallSeconds,
    days: clock.days,
    sessionsPerApplication: records[0]?.sessions ?? 0,
    portalLoads: Object.values(inboxes).reduce((n, inbox) => n + inbox.loads, 0),
    duplicateTasks: records.reduce((n, r) => n + r.duplicateTasks, 0),
    executions: sum,
    handlers,
    cloudCpuMs: after.cpuMs - before.cpuMs,
    usage: totals(handlers),
  };
}
