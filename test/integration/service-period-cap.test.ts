import { ListExecutionsCommand, SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/clients';
import { cloudHelpers, submission } from '../support/cloud-helpers';
import { startDrillCloud, type DrillCloud } from '../support/drill-cloud';

const TABLE = 'dolbom-dev';
const LIFECYCLE_ARN = 'arn:aws:states:ap-northeast-2:000000000000:stateMachine:dolbom-dev-lifecycle';

// A cloud of its own: two years of the shared cloud's clock would also run two years of every other
// file's applications, which is most of the time and none of the test.
let own: DrillCloud;
let local: DrillCloud['clients'];
let helpers: ReturnType<typeof cloudHelpers>;
beforeAll(async () => {
  own = await startDrillCloud('service-period-cap');
  local = own.clients;
  helpers = cloudHelpers(local);
}, 120_000);
afterAll(async () => {
  await own?.dispose();
});

describe('a long service period', () => {
  it('carries a child application through one extension to its 24-month cap in executions that each end within a year', async () => {
    const receipt = await helpers.submit(submission('child-adolescent', { applicant: { district: '11110' } }));
    await helpers.approveAndAccept(receipt);
    const decided: string[] = [];
    // Two years, from timer to timer as AWS time passes (none fires late): answer each re-assessment as
    // it opens — extend, then (at the cap) extend again.
    const startedAt = Date.parse((await local.http('GET', '/local/clock')).body.now);
    for (;;) {
      // What the last jump fired has run, and the application waits again (its status is then settled).
      await local.untilTimersDrained();
      const waiting = await helpers.untilApplicationWaits(receipt.applicationId);
      const { status, period } = await helpers.statusOf(receipt);
      if (status === 'reassessment' && decided.length < period) {
        // The re-assessment waits in whichever execution the period has been handed over to: the parked one.
        if (waiting === 'ended') throw new Error('the lifecycle ended during a re-assessment');
        const taskToken = await eventually(() => local.latestTaskToken(waiting.executionArn!, 'Reassessment'), 'the re-assessment task');
        await local.sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{"decision":"extend"}' }));
        decided.push(`p${period}`);
        // Until the workflow has taken the answer, its history still ends on the task's TaskSubmitted and
        // looks parked: a jump then could land on the steps that follow (the next period, or the closure).
        await eventually(async () => ((await helpers.statusOf(receipt)).status !== 'reassessment' ? true : undefined), 'the re-assessment answer to be taken');
        continue;
      }
      if (waiting === 'ended') break;
      const now = Date.parse((await local.advanceToNextTimer())!);
      if (now > startedAt + (2 * 366 + 60) * 86_400_000) break;
    }
    expect(decided).toEqual(['p1', 'p2']);
    const closed = await helpers.untilStatus(receipt, 'closed');
    expect(closed.period).toBe(2);
    // The Closure step sets the status a moment before its execution reaches Closed.
    await eventually(async () => {
      const { executions } = await local.sfn.send(new ListExecutionsCommand({ stateMachineArn: LIFECYCLE_ARN, statusFilter: 'RUNNING', maxResults: 1000 }));
      return executions!.some((e) => e.name!.startsWith(receipt.applicationId)) ? undefined : true;
    }, 'the last execution of the chain to end');
    const { Item: app } = await local.db.send(new GetCommand({ TableName: TABLE, Key: { pk: `APP#${receipt.applicationId}`, sk: 'APPLICATION' } }));
    expect(app!.extensionRefusedAt).toBeTruthy();

    const { executions } = await local.sfn.send(
      new ListExecutionsCommand({ stateMachineArn: LIFECYCLE_ARN, maxResults: 1000 }),
    );
    const chain = executions!.filter((e) => e.name!.startsWith(receipt.applicationId)).sort((a, b) => a.startDate!.getTime() - b.startDate!.getTime());
    console.log(`child, 24 months: ${chain.map((e) => `${e.name!.slice(receipt.applicationId.length) || '(first)'} ${Math.round((e.stopDate!.getTime() - e.startDate!.getTime()) / 86_400_000)} d`).join(', ')}`);
    // Each 12-month period waits 120 days at most per execution, so each is handed over at least twice,
    // every execution named from the one before (how many times depends on the calendar: 365 or 366 days).
    const names = chain.map((e) => e.name!.slice(receipt.applicationId.length));
    const period1 = names.filter((n) => !n.startsWith('-p2'));
    const period2 = names.filter((n) => n.startsWith('-p2'));
    expect(period1).toEqual(['', ...period1.slice(1).map((_, i) => `-h${i + 1}`)]);
    expect(period2).toEqual(['-p2', ...period2.slice(1).map((_, i) => `-p2-h${i + 1}`)]);
    expect(period1.length).toBeGreaterThanOrEqual(3);
    expect(period2.length).toBeGreaterThanOrEqual(3);
    for (const execution of chain) {
      expect(execution.status, execution.name).toBe('SUCCEEDED');
      expect(execution.stopDate!.getTime() - execution.startDate!.getTime(), execution.name).toBeLessThan(365 * 86_400_000);
    }
  }, 300_000);
});
