import { ListExecutionsCommand, SendTaskSuccessCommand, type ExecutionListItem, type HistoryEvent } from '@aws-sdk/client-sfn';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/clients';
import { cloudHelpers, submission } from '../support/cloud-helpers';
import { startDrillCloud, type DrillCloud } from '../support/drill-cloud';
import { STANDARD_MAX_HISTORY_EVENTS, STANDARD_MAX_PAYLOAD_BYTES } from '../../workflows/local/limits';

// A cloud of its own: a year of the shared cloud's clock would also run a year of every other file's
// applications (their escalations, their service periods), which is most of the time and none of the test.
let own: DrillCloud;
let local: DrillCloud['clients'];
let helpers: ReturnType<typeof cloudHelpers>;
beforeAll(async () => {
  own = await startDrillCloud('review-past-a-year');
  local = own.clients;
  helpers = cloudHelpers(local);
}, 120_000);
afterAll(async () => {
  await own?.dispose();
});

const TABLE = 'dolbom-dev';
const LIFECYCLE_ARN = 'arn:aws:states:ap-northeast-2:000000000000:stateMachine:dolbom-dev-lifecycle';
const DAY_MS = 86_400_000;

interface StoredTask {
  taskId: string;
  kind: string;
  state: string;
  createdAt: string;
  dueAt: string;
  firstOpenedAt?: string;
  escalations?: number;
}

async function reviewTasks(applicationId: string): Promise<StoredTask[]> {
  const { Items } = await local.db.send(
    new QueryCommand({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :t)',
      ExpressionAttributeValues: { ':pk': `APP#${applicationId}`, ':t': 'TASK#' },
      ConsistentRead: true,
    }),
  );
  return ((Items ?? []) as StoredTask[]).filter((t) => t.kind === 'review');
}

/** UTF-8 sizes of the inputs, outputs and parameters an event carries. */
function dataSizes(event: HistoryEvent): number[] {
  return Object.entries(event)
    .filter(([key]) => key.endsWith('EventDetails'))
    .flatMap(([, details]) => ['input', 'output', 'parameters'].map((field) => (details as Record<string, unknown>)[field]))
    .filter((value): value is string => typeof value === 'string')
    .map((value) => Buffer.byteLength(value, 'utf8'));
}

async function clockNow(): Promise<number> {
  return Date.parse((await local.http('GET', '/local/clock')).body.now);
}

/** The execution waits on its review: a task is open and not yet due (its escalation has not fired). */
function untilReviewWaits(applicationId: string) {
  return eventually(async () => {
    const now = await clockNow();
    return (await reviewTasks(applicationId)).find((t) => t.state === 'open' && Date.parse(t.dueAt) > now);
  }, `an open review task of ${applicationId}`);
}

async function chainOf(applicationId: string): Promise<ExecutionListItem[]> {
  const { executions } = await local.sfn.send(new ListExecutionsCommand({ stateMachineArn: LIFECYCLE_ARN, maxResults: 1000 }));
  return executions!.filter((e) => e.name!.startsWith(applicationId)).sort((a, b) => a.startDate!.getTime() - b.startDate!.getTime());
}

describe('a review nobody decides', () => {
  it('is carried past a year by successive executions, each within the year, and deciding it at last carries the lifecycle on', async () => {
    const receipt = await helpers.submit(submission('youth'));
    await helpers.untilStatus(receipt, 'awaiting-review');
    const first = await untilReviewWaits(receipt.applicationId);
    const startedAt = await clockNow();

    // From timer to timer, as AWS time passes: each jump ends a second after the open task falls due,
    // so its escalation fires at its own time (never late, which would stretch every week after it),
    // and only while the execution waits, so no jump lands on a step still running.
    let jumps = 0;
    while ((await clockNow()) < startedAt + 380 * DAY_MS) {
      // What the last jump fired has run, the execution (after a handover, the next one) is parked on
      // the fresh task with its timers set, and the task is open: only then is its due time the next.
      await local.untilTimersDrained();
      await helpers.untilApplicationWaits(receipt.applicationId);
      const waiting = await untilReviewWaits(receipt.applicationId);
      await local.advanceClock(`+${Math.ceil((Date.parse(waiting.dueAt) - (await clockNow())) / 1000) + 1}s`);
      jumps += 1;
    }
    const days = Math.round(((await clockNow()) - startedAt) / DAY_MS);
    const open = await untilReviewWaits(receipt.applicationId);
    expect((await helpers.statusOf(receipt)).status).toBe('awaiting-review');

    const chain = await chainOf(receipt.applicationId);
    const names = chain.map((e) => e.name!.slice(receipt.applicationId.length) || '(first)');
    const histories = await Promise.all(chain.map((e) => local.history(e.executionArn!)));
    const transitions = histories.map((h) => h.filter((e) => e.stateEnteredEventDetails).length);
    // Standard's other quotas (workflows/local/limits.ts): the local cloud would have failed an
    // execution that crossed one; these are the figures, to see how far each stays below.
    const largestData = Math.max(...histories.flat().flatMap(dataSizes));
    console.log(
      `review never decided, ${days} days in ${jumps} jumps, timer to timer: ${chain.map((e, i) => `${names[i]} ${e.status} ${Math.round(((e.stopDate ?? new Date(startedAt + days * DAY_MS)).getTime() - e.startDate!.getTime()) / DAY_MS)} d ${transitions[i]} transitions ${histories[i]!.length} events`).join(', ')}; ` +
        `${transitions.reduce((a, b) => a + b, 0)} state transitions in all, ${open.escalations} escalations; largest input or output ${largestData} bytes`,
    );
    for (const [i, history] of histories.entries()) expect(history.length, names[i]).toBeLessThan(STANDARD_MAX_HISTORY_EVENTS);
    expect(largestData).toBeLessThanOrEqual(STANDARD_MAX_PAYLOAD_BYTES);

    // Handed over before the year, execution after execution, each named from the one before.
    expect(names).toEqual(['(first)', ...names.slice(1).map((_, i) => `-h${i + 1}`)]);
    expect(chain.length).toBeGreaterThanOrEqual(4);
    expect(chain.map((e) => e.status)).toEqual([...Array(chain.length - 1).fill('SUCCEEDED'), 'RUNNING']);
    for (const execution of chain.slice(0, -1)) {
      expect(execution.stopDate!.getTime() - execution.startDate!.getTime(), execution.name).toBeLessThan(365 * DAY_MS);
    }
    // The open task is as old as the first one, and counts every escalation before it.
    const tasks = await reviewTasks(receipt.applicationId);
    expect(tasks.filter((t) => t.state === 'open')).toHaveLength(1);
    expect(open.firstOpenedAt).toBe(first.createdAt);
    expect(open.escalations).toBe(tasks.filter((t) => t.state === 'expired').length);
    expect(open.escalations).toBeGreaterThanOrEqual(50);

    // The case manager still sees and decides it; the lifecycle goes on from the last execution.
    const jongno = { authorization: `Bearer ${await local.signIn('caseworker.jongno')}` };
    const file = (await local.http('GET', `/api/staff/applications/${receipt.applicationId}`, undefined, jongno)).body;
    const shown = file.tasks.find((t: { taskId: string }) => t.taskId === open.taskId);
    expect(shown).toMatchObject({ state: 'open', firstOpenedAt: first.createdAt, escalations: open.escalations });
    const decided = await local.http('POST', `/api/staff/tasks/${open.taskId}/decision`, { decision: 'approve', note: '1년 넘게 미결이던 검토' }, jongno);
    expect(decided.status, JSON.stringify(decided.body)).toBe(202);
    const last = chain.at(-1)!.executionArn!;
    const offerToken = await eventually(() => local.latestTaskToken(last, 'ProviderOffer'), 'the provider offer in the last execution');
    await local.sfn.send(new SendTaskSuccessCommand({ taskToken: offerToken, output: JSON.stringify({ decision: 'accept' }) }));
    await helpers.untilStatus(receipt, 'in-service');
    expect((await chainOf(receipt.applicationId)).every((e) => e.status !== 'TIMED_OUT')).toBe(true);
  }, 600_000);
});
