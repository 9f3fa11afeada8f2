/**
 * Issue 12, drill 2: faults. The local cloud runs every handler under DOLBOM_FAULTS at 20 %
 * (functions/commons/faults.ts): DynamoDB calls inside handlers are throttled, cancelled by a
 * conflict, slowed, or applied with their answer lost (the SDK sends the write again); invocations are
 * slowed, or lose their answer after their work is done (the browser, or Step Functions, tries again).
 * Applications go the whole way — submitted (a 503 sent again with the same Idempotency-Key), approved,
 * the place offered and accepted, the plan's sessions recorded a day at a time as the clock moves, the
 * re-assessment closed — and the drill checks the promises: every application closes; nothing is
 * doubled (one application per key, one message per notification, each session recorded once, one
 * place each and all released, once-only audit events once); a person is never answered a bare 5xx,
 * only 503 with Retry-After and words in Korean and English; the state machine's Retry carried the steps.
 *
 * Faults are drawn afresh each run (the seed is printed; FAULT_DRILL_SEED replays its draws, though
 * concurrent requests interleave as they will). FAULT_DRILL_APPLICATIONS sets the count (default 20,
 * to keep the drill near a minute on an idle 2-core machine; 50 runs too); FAULT_DRILL_KEEP_LOG=<file>
 * keeps the local cloud's log, where each injected fault has its line (`fault injected`).
 */
import { randomUUID } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { DescribeExecutionCommand, ListExecutionsCommand, type ExecutionListItem } from '@aws-sdk/client-sfn';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../functions/applications/keys';
import { patched, youthExample } from '../support/answers';
import type { Receipt } from '../support/case-work';
import { eventually } from '../support/clients';
import { startDrillCloud, type DrillCloud } from '../support/drill-cloud';
import { providerWork } from '../support/provider-offers';
import { retryingClients } from '../support/retrying-http';
import { storedApplicationIds } from '../support/stored-applications';

const APPLICATIONS = Number(process.env.FAULT_DRILL_APPLICATIONS ?? 20);
const SEED = Number(process.env.FAULT_DRILL_SEED ?? Math.floor(Math.random() * 1e6));
const FAULTS = `rate=0.2;kinds=exception,latency,throttle,conflict;seed=${SEED}`;
const TABLE = 'dolbom-dev';
const LIFECYCLE_ARN = 'arn:aws:states:ap-northeast-2:000000000000:stateMachine:dolbom-dev-lifecycle';
const AGENCY = 'P-MAEUMSUP';
/** How many applications a case manager, an agency and the citizens work on at once. */
const AT_ONCE = 10;

/** What happens once in each case's life, whatever was retried (audit actions). */
const ONCE = [
  'application.submitted',
  'eligibility.checked',
  'review.decided',
  'provider.reserved',
  'provider.offered',
  'provider.matched',
  'service-period.started',
  'service-period.plan-completed',
  'service-period.ended',
  'reassessment.decided',
  'application.closed',
];
/** The events the applicant hears of on this path, one notification each. */
const NOTIFIED = ['application-received', 'application-approved', 'provider-matched', 'application-closed'];

/** PHQ-9 14, GAD-7 10 before; PHQ-9 6, GAD-7 3 after: no risk task, a plain closure. */
const preTest = { phq9: [2, 2, 2, 2, 2, 2, 1, 1, 0], gad7: [2, 2, 2, 1, 1, 1, 1] };
const postTest = { phq9: [1, 1, 1, 1, 1, 1, 0, 0, 0], gad7: [1, 1, 1, 0, 0, 0, 0] };

/** Runs `work` on each item, `AT_ONCE` at a time; a failure names what the application's case shows. */
async function eachAtOnce<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(AT_ONCE, items.length) }, async () => {
      while (next < items.length) {
        const item = items[next++]!;
        try {
          await work(item);
        } catch (error) {
          const applicationId = typeof item === 'object' && item && 'applicationId' in item ? String(item.applicationId) : undefined;
          throw new Error(`${(error as Error).message}${applicationId ? `\n${await diagnosis(applicationId)}` : ''}`, { cause: error });
        }
      }
    }),
  );
}

/** Where an application stands: its status, its audit trail and its execution's last events. */
async function diagnosis(applicationId: string): Promise<string> {
  const items = await partition(applicationId);
  const status = items.find((i) => i.sk === 'APPLICATION')?.status;
  const audit = items.filter((i) => i.entity === 'AuditEvent').map((i) => i.action);
  const history = await drill.clients.history(`${LIFECYCLE_ARN.replace(':stateMachine:', ':execution:')}:${applicationId}`).catch(() => []);
  const events = history.slice(-12).map((e) => `${e.type}${e.stateEnteredEventDetails ? ` ${e.stateEnteredEventDetails.name}` : ''}${e.taskFailedEventDetails ? ` ${e.taskFailedEventDetails.error}: ${e.taskFailedEventDetails.cause?.slice(0, 200)}` : ''}${e.executionFailedEventDetails ? ` ${e.executionFailedEventDetails.error}` : ''}`);
  return `${applicationId} is ${status}; audit: ${audit.join(', ')}\nlast events:\n  ${events.join('\n  ')}`;
}

/**
 * Works a list the way staff do: each round looks once at every item still pending (`AT_ONCE` at a
 * time), half a second apart, until `step` says each is done — rather than every item polling alone.
 */
async function sweep<T>(items: T[], what: string, step: (item: T) => Promise<boolean>, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let pending = [...items];
  while (pending.length > 0) {
    if (Date.now() > deadline) throw new Error(`${what}: ${pending.length} still pending\n${await diagnosis(String((pending[0] as { applicationId?: string }).applicationId))}`);
    const done = new Set<T>();
    await eachAtOnce(pending, async (item) => {
      if (await step(item)) done.add(item);
    });
    pending = pending.filter((item) => !done.has(item));
    if (pending.length > 0) await sleep(500);
  }
}

function expectStatus(what: string, answer: { status: number; body: unknown }, status: number) {
  if (answer.status !== status) throw new Error(`${what}: ${answer.status} ${JSON.stringify(answer.body)}`);
}

let drill: DrillCloud;
let api: ReturnType<typeof retryingClients>;

beforeAll(async () => {
  console.log(`fault drill: ${APPLICATIONS} applications under DOLBOM_FAULTS="${FAULTS}"`);
  drill = await startDrillCloud('faults', { DOLBOM_FAULTS: FAULTS });
  api = retryingClients(drill.clients);
});
afterAll(async () => {
  if (process.env.FAULT_DRILL_KEEP_LOG && drill) copyFileSync(drill.process.logFile, process.env.FAULT_DRILL_KEEP_LOG);
  await drill?.dispose();
});

/** Everything stored under one application, read straight from the table (no faults on this path). */
async function partition(applicationId: string) {
  const items: Record<string, any>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await drill.clients.db.send(
      new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.application(applicationId).pk }, ConsistentRead: true, ExclusiveStartKey }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

async function agencyItems(prefix: string) {
  const { Items = [] } = await drill.clients.db.send(
    new QueryCommand({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `AGENCY#${AGENCY}`, ':prefix': prefix },
      ConsistentRead: true,
    }),
  );
  return Items;
}

const seoulDay = (instant: string) => new Date(Date.parse(instant) + 9 * 60 * 60 * 1000).toISOString().slice(0, 10);

async function seoulToday(): Promise<string> {
  const { body } = await drill.clients.http('GET', '/local/clock');
  return seoulDay(body.now);
}

describe(`the whole lifecycle with 20 % of handler calls faulted`, () => {
  it(`closes each of ${APPLICATIONS} applications, with nothing doubled, and answers people 503 with Retry-After, never a bare 5xx`, async () => {
    const started = Date.now();
    const progress = (what: string) => console.log(`fault drill: ${what} at ${((Date.now() - started) / 1000).toFixed(0)} s`);
    const work = providerWork(api);
    const counsellorsBefore = new Map((await agencyItems('COUNSELLOR#')).map((c) => [c.counsellorId as string, c.reserved as number]));

    // 1. Citizens submit; a 503 is sent again with the same Idempotency-Key, as the form does.
    const keysSent: string[] = Array.from({ length: APPLICATIONS }, () => randomUUID());
    const receiptsByKey = new Map<string, Set<string>>();
    const receipts: Receipt[] = [];
    await eachAtOnce(keysSent, async (key) => {
      const answers = patched(youthExample, { applicant: { district: '11110', name: `시험${key.slice(0, 8)}` } });
      const body = { programme: 'youth', answers };
      const submitted = await api.http('POST', '/api/applications', body, { 'idempotency-key': key });
      expectStatus('submit', submitted, 202);
      // And once more, as a double click would: the same receipt.
      const again = await api.http('POST', '/api/applications', body, { 'idempotency-key': key });
      expectStatus('submit again', again, 202);
      receiptsByKey.set(key, new Set([submitted.body.applicationId, again.body.applicationId]));
      receipts.push(submitted.body as Receipt);
    });
    const submittedMs = Date.now() - started;
    progress('submitted');

    // 2. The case manager approves, offering the place to the agency, whose staff accept the offers in their portal list.
    const provider = await api.signIn('provider.maeum');
    await eachAtOnce(receipts, (receipt) => work.approveOfferingTo(receipt, AGENCY).then(() => undefined));
    const accepted = new Set<string>();
    await sweep([AGENCY], 'offers accepted', async () => {
      const listed = await api.http('GET', '/api/provider/offers?state=open&limit=100', undefined, work.bearer(provider));
      expectStatus('offers', listed, 200);
      const ours = (listed.body.offers as { offerId: string }[]).filter((o) => {
        const applicationId = o.offerId.split('.')[0]!;
        return !accepted.has(applicationId) && receipts.some((r) => r.applicationId === applicationId);
      });
      await eachAtOnce(ours, async ({ offerId }) => {
        expectStatus('accept', await api.http('POST', `/api/provider/offers/${offerId}/decision`, { decision: 'accept' }, work.bearer(provider)), 202);
        accepted.add(offerId.split('.')[0]!);
      });
      return accepted.size === receipts.length;
    });
    await sweep(receipts, 'in service', async (receipt) => (await work.citizenView(receipt))?.status === 'in-service');
    // One place held for each application in service, and the counsellors' counts say the same.
    const places = await agencyItems(keys.placePrefix);
    expect(places.map((p) => String(p.sk).split('#')[2]).sort(), 'places held').toEqual(receipts.map((r) => r.applicationId).sort());
    const reservedNow = (await agencyItems('COUNSELLOR#')).reduce((sum, c) => sum + (c.reserved as number) - counsellorsBefore.get(c.counsellorId)!, 0);
    expect(reservedNow, 'places counted by the counsellors').toBe(receipts.length);
    const servingMs = Date.now() - started;
    progress('in service');

    // 3. The plan's sessions, each recorded on its planned day, the clock moving a day at a time.
    type Planned = { sessionId: string; kind: string; plannedOn: string; plannedMinutes: number };
    const plans = new Map<string, Planned[]>();
    await eachAtOnce(receipts, async ({ applicationId }) => {
      const plan = await eventually(async () => {
        const listed = await api.http('GET', `/api/provider/applications/${applicationId}/sessions`, undefined, work.bearer(provider));
        return listed.status === 200 && listed.body.sessions.length > 0 ? (listed.body.sessions as Planned[]) : undefined;
      }, `the session plan of ${applicationId}`);
      plans.set(applicationId, plan);
    });
    const toRecord = [...plans].flatMap(([applicationId, plan]) => plan.map((session) => ({ applicationId, session })));
    let days = 0;
    let on = await seoulToday();
    while (toRecord.length > 0) {
      const due = toRecord.filter(({ session }) => session.plannedOn <= on);
      await eachAtOnce(due, async ({ applicationId, session }) => {
        const screening = session.kind === 'pre-test' ? preTest : session.kind === 'closing' ? postTest : undefined;
        const record = { outcome: 'held', on, durationMinutes: session.plannedMinutes, ...(screening ? { screening } : {}) };
        const path = `/api/provider/applications/${applicationId}/sessions/${session.sessionId}`;
        expectStatus(`session ${session.sessionId}`, await api.http('PUT', path, record, work.bearer(provider)), 200);
      });
      for (const done of due) toRecord.splice(toRecord.indexOf(done), 1);
      if (toRecord.length > 0) {
        on = seoulDay(await api.advanceClock('+1d'));
        days++;
      }
    }
    progress(`sessions recorded over ${days} days`);
    const sessionsMs = Date.now() - started;

    // 4. The last session completed each plan: the re-assessment opens, and the case manager closes it.
    const caseworker = await api.signIn('caseworker.jongno');
    const closing = new Set<string>();
    await sweep(receipts, 'closed', async (receipt) => {
      const status = (await work.citizenView(receipt))?.status;
      if (status === 'closed') return true;
      if (status !== 'reassessment' || closing.has(receipt.applicationId)) return false;
      const file = await work.caseFile(caseworker, receipt.applicationId);
      const task = file.tasks.find((t: { kind: string; state: string }) => t.kind === 'reassessment' && t.state === 'open');
      if (!task) return false;
      expectStatus('close', await work.decide(caseworker, task.taskId, { decision: 'close', note: '목표 달성' }), 202);
      closing.add(receipt.applicationId);
      return false;
    });
    const closedMs = Date.now() - started;
    progress('closed');

    // Let the notification senders finish what the last steps queued.
    const outboxSettled = async () => {
      const all = await Promise.all(receipts.map(async ({ applicationId }) => (await partition(applicationId)).filter((i) => String(i.sk).startsWith(keys.notificationPrefix))));
      const items = all.flat();
      return items.every((i) => i.delivery === 'sent' || i.delivery === 'failed') ? items : undefined;
    };
    const notifications = await eventually(outboxSettled, 'every queued notification to be sent', 60_000);
    progress('notifications sent');
    // The dashboard's counts, which the table stream's projection keeps under the same faults: each case once, closed.
    const dashboard = async () => {
      const answer = await api.http('GET', '/api/staff/dashboard?district=11110', undefined, work.bearer(caseworker));
      expectStatus('dashboard', answer, 200);
      const { total, byStatus } = answer.body.applications as { total: number; byStatus: { status: string; byProgramme: { youth: number } }[] };
      return { total, closedYouth: byStatus.find((row) => row.status === 'closed')?.byProgramme.youth };
    };
    const everyCaseClosed = { total: receipts.length, closedYouth: receipts.length };
    await eventually(async () => (JSON.stringify(await dashboard()) === JSON.stringify(everyCaseClosed) ? true : undefined), 'the dashboard to count each case once', 60_000).catch(() => undefined);
    expect(await dashboard(), 'dashboard counts').toEqual(everyCaseClosed);

    // ---- What the faults were, and what people saw.
    const { body: faultReport } = await drill.clients.http('GET', '/local/faults');
    console.log(`faults injected: ${JSON.stringify(faultReport.injected)}`);
    console.log(`API answers (every attempt): ${JSON.stringify(api.tally.byStatus)}`);
    for (const kind of ['dynamodb.throttle', 'dynamodb.conflict', 'dynamodb.exception', 'dynamodb.latency', 'invocation.exception', 'invocation.latency']) {
      expect(faultReport.injected[kind] ?? 0, `${kind} faults injected`).toBeGreaterThan(0);
    }
    expect(api.tally.byStatus[503] ?? 0, 'faults answered 503 to someone').toBeGreaterThan(0);
    expect(api.tally.unhelpful503, '503 answers without Retry-After or words').toEqual([]);
    expect(api.tally.bare5xx, 'bare 5xx answers').toEqual([]);

    // ---- Nothing lost: every application closed, its execution ended at Closed, no step failed for good.
    const storedIds = await storedApplicationIds(drill.clients.db);
    expect(storedIds.sort()).toEqual(receipts.map((r) => r.applicationId).sort());
    for (const [key, ids] of receiptsByKey) expect(ids.size, `applications for key ${key}`).toBe(1);

    const retries: Record<string, number> = {};
    const executions: ExecutionListItem[] = [];
    let nextToken: string | undefined;
    do {
      const page = await drill.clients.sfn.send(new ListExecutionsCommand({ stateMachineArn: LIFECYCLE_ARN, maxResults: 1000, nextToken }));
      executions.push(...(page.executions ?? []));
      nextToken = page.nextToken;
    } while (nextToken);
    for (const { applicationId } of receipts) {
      const own = executions.filter((e) => e.name === applicationId || e.name?.startsWith(`${applicationId}-`));
      expect(own.length, `executions of ${applicationId}`).toBeGreaterThan(0);
      for (const execution of own) {
        const described = await drill.clients.sfn.send(new DescribeExecutionCommand({ executionArn: execution.executionArn }));
        expect(['SUCCEEDED'], `${execution.name} ${described.status}`).toContain(described.status);
        for (const event of await drill.clients.history(execution.executionArn!)) {
          if (event.type === 'TaskFailed') {
            const error = event.taskFailedEventDetails?.error ?? '';
            retries[error] = (retries[error] ?? 0) + 1;
          }
        }
      }
    }
    console.log(`failed task attempts the state machine's Retry carried: ${JSON.stringify(retries)}`);
    expect(retries['Dolbom.Retryable'] ?? 0, 'steps retried by the state machine').toBeGreaterThan(0);

    // ---- Nothing doubled, application by application.
    const auditCounts: Record<string, number[]> = {};
    for (const { applicationId } of receipts) {
      const items = await partition(applicationId);
      const application = items.find((i) => i.sk === 'APPLICATION')!;
      expect(application.status, applicationId).toBe('closed');
      const actions = items.filter((i) => i.entity === 'AuditEvent').map((i) => i.action as string);
      const tally = new Map<string, number>();
      for (const action of actions) tally.set(action, (tally.get(action) ?? 0) + 1);
      for (const [action, count] of tally) (auditCounts[action] ??= []).push(count);
      expect(actions, applicationId).not.toContain('workflow.failed');

      // Each session recorded once, held, never "corrected" by a retry.
      const sessions = items.filter((i) => i.entity === 'Session');
      expect(sessions, applicationId).toHaveLength(plans.get(applicationId)!.length);
      for (const session of sessions) {
        expect(session.record?.outcome, `${applicationId} ${session.sessionId}`).toBe('held');
        expect(session.history, `${applicationId} ${session.sessionId} history`).toEqual([]);
      }
      expect(tally.get('session.recorded'), applicationId).toBe(sessions.length);
      expect(tally.get('session.corrected') ?? 0, `${applicationId} session.corrected`).toBe(0);
      expect(application.servicePeriod, applicationId).toMatchObject({ sessionsHeld: sessions.length, sessionsPlanned: sessions.length });

      // What happens once in a case happened once; a task opened for the review and one for the re-assessment.
      for (const action of ONCE) expect(tally.get(action) ?? 0, `${applicationId} ${action}`).toBe(1);
      expect(tally.get('task.opened'), `${applicationId} task.opened`).toBe(2);
      expect(items.filter((i) => i.entity === 'Task').map((t) => `${t.kind} ${t.state}`).sort(), applicationId).toEqual(['reassessment decided', 'review decided']);
      expect(items.filter((i) => i.entity === 'ProviderOffer').map((o) => o.state), applicationId).toEqual(['accepted']);

      // One notification per event the applicant hears of, each sent once.
      const outbox = items.filter((i) => String(i.sk).startsWith(keys.notificationPrefix));
      expect(outbox.map((n) => n.template).sort(), applicationId).toEqual([...NOTIFIED].sort());
      expect(tally.get('notification.sent'), applicationId).toBe(outbox.length);
    }
    console.log(`audit events per application (min–max): ${Object.entries(auditCounts).map(([a, c]) => `${a} ${Math.min(...c)}–${Math.max(...c)}`).join(', ')}`);

    // ---- Places: one held per application while it was served, every one released at closure.
    expect(await agencyItems(keys.placePrefix), 'places still held').toEqual([]);
    for (const counsellor of await agencyItems('COUNSELLOR#')) {
      expect(counsellor.reserved, `${counsellor.counsellorId} reserved`).toBe(counsellorsBefore.get(counsellor.counsellorId));
    }

    // ---- Notifications: each outbox item sent, and the mailbox holds exactly one message for each.
    const { body: mailbox } = await drill.clients.http('GET', '/local/mailbox/messages');
    const messageIds = (mailbox.messages as { messageId: string }[]).map((m) => m.messageId);
    expect(notifications.filter((n) => n.delivery !== 'sent').map((n) => `${n.applicationId} ${n.key} ${n.delivery}`), 'notifications not sent').toEqual([]);
    expect(messageIds.length, 'messages in the mailbox, against notifications sent').toBe(notifications.length);
    expect(new Set(messageIds)).toEqual(new Set(notifications.map((n) => n.messageId)));

    console.log(
      `fault drill: ${APPLICATIONS} applications closed in ${((Date.now() - started) / 1000).toFixed(0)} s ` +
        `(submitted ${(submittedMs / 1000).toFixed(0)} s, in service ${(servingMs / 1000).toFixed(0)} s, sessions ${(sessionsMs / 1000).toFixed(0)} s, closed ${(closedMs / 1000).toFixed(0)} s); ` +
        `${notifications.length} notifications, ${messageIds.length} messages`,
    );
  });
});
