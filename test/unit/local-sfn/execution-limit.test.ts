/**
 * Standard's maximum execution time (one year), enforced by the local service as AWS does: the
 * execution ends TIMED_OUT with States.Timeout, no Catch sees it, its tokens stop answering, and
 * the deadline holds across a restart. Same setting as service.test.ts: DynamoDB Local, the JSON
 * API over HTTP, @aws-sdk/client-sfn, and a virtual clock (process-global: times are relative).
 */
import { randomUUID } from 'node:crypto';
import { DescribeExecutionCommand, SendTaskFailureCommand, SendTaskSuccessCommand, SFNClient, StartExecutionCommand, TaskTimedOut } from '@aws-sdk/client-sfn';
import { beforeAll, describe, expect, it } from 'vitest';
import { advanceClock } from '../../../functions/commons/clock';
import { ACCOUNT, eventually, historyOf, localSfnTestbed, machineArn, settle, untilStatus } from '../../support/local-sfn-testbed';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const DAY = 86_400 * SECOND;
/** AWS says "1 year"; the local service reads it as 365 days (executions.ts). */
const YEAR = 365 * DAY;

/** A callback with no timeout, and catchers that would take any error of the state. */
const awaitingReview = {
  StartAt: 'Review',
  States: {
    Review: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: {
        FunctionName: `arn:aws:lambda:ap-northeast-2:${ACCOUNT}:function:notify`,
        Payload: { 'taskToken.$': '$$.Task.Token', 'applicationId.$': '$.applicationId' },
      },
      Catch: [
        { ErrorEquals: ['States.Timeout'], ResultPath: '$.error', Next: 'TimeoutCaught' },
        { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'AnythingCaught' },
      ],
      End: true,
    },
    TimeoutCaught: { Type: 'Pass', End: true },
    AnythingCaught: { Type: 'Pass', End: true },
  },
};

/** Its own TimeoutSeconds (two years) is longer than Standard allows: the year wins. */
const longPeriod = {
  StartAt: 'Period',
  TimeoutSeconds: 2 * 365 * 86_400,
  States: {
    Period: { Type: 'Wait', Seconds: 400 * 86_400, Next: 'Closed' },
    Closed: { Type: 'Pass', Result: 'closed', ResultPath: '$.outcome', End: true },
  },
};

const almostAYear = {
  StartAt: 'Period',
  States: {
    Period: { Type: 'Wait', Seconds: 364 * 86_400, Next: 'Closed' },
    Closed: { Type: 'Pass', Result: 'closed', ResultPath: '$.outcome', End: true },
  },
};

const notified: { applicationId: string; taskToken: string }[] = [];
/** Applications whose next `notify` never returns, as if the process crashed during the invocation. */
const crashDuringNotify = new Set<string>();

async function invokeLambda(arn: string, payload: any): Promise<unknown> {
  if (!arn.endsWith(':function:notify')) throw new Error(`no function ${arn}`);
  notified.push({ applicationId: payload.applicationId, taskToken: payload.taskToken });
  if (crashDuringNotify.delete(payload.applicationId)) return new Promise(() => {});
  return { notified: payload.applicationId };
}

const testbed = localSfnTestbed('local-sfn-limit', invokeLambda);

/** A service on `tableName` with the three machines, listening; `stop()` it to simulate a restart. */
const boot = (tableName: string) => testbed.boot({ tableName, machines: { AwaitingReview: awaitingReview, LongPeriod: longPeriod, AlmostAYear: almostAYear } });

const typesOf = async (client: SFNClient, executionArn: string) => (await historyOf(client, executionArn)).map((event) => event.type);

async function start(client: SFNClient, machine: string, applicationId: string): Promise<string> {
  const { executionArn } = await client.send(
    new StartExecutionCommand({ stateMachineArn: machineArn(machine), name: applicationId, input: JSON.stringify({ applicationId }) }),
  );
  return executionArn!;
}

/** Until the callback waits (its token handed out, its timers armed): advancing earlier would be lost. */
async function waitingForCallback(client: SFNClient, executionArn: string, applicationId: string): Promise<string> {
  await eventually(async () => expect(await typesOf(client, executionArn)).toContain('TaskSubmitted'));
  await settle();
  const token = notified.find((call) => call.applicationId === applicationId)?.taskToken;
  expect(token).toBeDefined();
  return token!;
}

async function waiting(client: SFNClient, executionArn: string): Promise<void> {
  await eventually(async () => expect(await typesOf(client, executionArn)).toContain('WaitStateEntered'));
  await settle();
}

/** What AWS reports for an execution that reached Standard's maximum, wherever it was waiting. */
async function expectTimedOutAtAYear(client: SFNClient, executionArn: string, lastStateEvent: string) {
  const execution = await untilStatus(client, executionArn, 'TIMED_OUT');
  expect(execution).toMatchObject({ error: 'States.Timeout', cause: expect.stringContaining('(1 year)') });
  expect(execution.output).toBeUndefined();
  expect(execution.stopDate!.getTime() - execution.startDate!.getTime()).toBeGreaterThanOrEqual(YEAR);
  const events = await historyOf(client, executionArn);
  expect(events.at(-1)).toMatchObject({
    type: 'ExecutionTimedOut',
    executionTimedOutEventDetails: { error: 'States.Timeout', cause: execution.cause },
  });
  // The execution ended where it waited: no state saw the timeout, so no Catch ran.
  expect(events.at(-2)?.type).toBe(lastStateEvent);
  expect(events.map((event) => event.type)).not.toContain('PassStateEntered');
}

describe('Standard’s maximum execution time of one year', () => {
  let client: SFNClient;
  beforeAll(async () => {
    ({ client } = await boot(`local-sfn-limit-${randomUUID()}`));
  });

  it('times out a callback with no timeout at one year; its catchers do not run and its token is refused', async () => {
    const executionArn = await start(client, 'AwaitingReview', 'app-year-callback');
    const taskToken = await waitingForCallback(client, executionArn, 'app-year-callback');

    // The local clock runs on with real time: a minute short, so a slow machine cannot cross the year here.
    advanceClock(YEAR - MINUTE);
    await settle();
    expect((await client.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('RUNNING');

    advanceClock(2 * MINUTE);
    await expectTimedOutAtAYear(client, executionArn, 'TaskSubmitted');
    await expect(client.send(new SendTaskSuccessCommand({ taskToken, output: '{}' }))).rejects.toBeInstanceOf(TaskTimedOut);
    await expect(
      client.send(new SendTaskFailureCommand({ taskToken, error: 'Review.Rejected', cause: 'too late' })),
    ).rejects.toBeInstanceOf(TaskTimedOut);
  });

  it('times out a 400-day Wait at one year, though the definition’s own TimeoutSeconds is two years', async () => {
    const executionArn = await start(client, 'LongPeriod', 'app-year-wait');
    await waiting(client, executionArn);
    advanceClock(YEAR + SECOND);
    await expectTimedOutAtAYear(client, executionArn, 'WaitStateEntered');

    advanceClock(40 * DAY); // past the Wait's own wake-up: nothing more happens
    await settle();
    expect((await typesOf(client, executionArn)).at(-1)).toBe('ExecutionTimedOut');
  });

  it('leaves an execution that finishes in 364 days alone', async () => {
    const executionArn = await start(client, 'AlmostAYear', 'app-364-days');
    await waiting(client, executionArn);
    advanceClock(364 * DAY + SECOND);
    const done = await untilStatus(client, executionArn, 'SUCCEEDED');
    expect(JSON.parse(done.output!)).toMatchObject({ outcome: 'closed' });

    advanceClock(2 * DAY); // past its year: its deadline went with it
    await settle();
    expect((await client.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('SUCCEEDED');
    expect((await typesOf(client, executionArn)).at(-1)).toBe('ExecutionSucceeded');
  });
});

describe('the one-year deadline across a restart', () => {
  it('holds for an execution started before the restart', async () => {
    const tableName = `local-sfn-limit-restart-${randomUUID()}`;
    const first = await boot(tableName);
    const executionArn = await start(first.client, 'AwaitingReview', 'app-year-restart');
    const taskToken = await waitingForCallback(first.client, executionArn, 'app-year-restart');
    await first.service.stop();
    advanceClock(200 * DAY);

    const second = await boot(tableName);
    await settle();
    expect((await second.client.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('RUNNING');
    advanceClock(165 * DAY + SECOND);
    await expectTimedOutAtAYear(second.client, executionArn, 'TaskSubmitted');
    await expect(second.client.send(new SendTaskSuccessCommand({ taskToken, output: '{}' }))).rejects.toBeInstanceOf(TaskTimedOut);
  });

  it('ends an execution whose year passed while the service was down, without running its state again', async () => {
    // Down during the callback's invocation: a resumed run would invoke the function again (see
    // service.test.ts); past the deadline AWS would not, so neither may the local service.
    const tableName = `local-sfn-limit-down-${randomUUID()}`;
    const first = await boot(tableName);
    crashDuringNotify.add('app-year-down');
    const executionArn = await start(first.client, 'AwaitingReview', 'app-year-down');
    await eventually(async () => expect((await typesOf(first.client, executionArn)).at(-1)).toBe('TaskStarted'));
    await first.service.stop();
    advanceClock(YEAR + DAY);

    const second = await boot(tableName);
    await expectTimedOutAtAYear(second.client, executionArn, 'TaskStarted');
    await settle();
    const handedOut = notified.filter((call) => call.applicationId === 'app-year-down');
    expect(handedOut).toHaveLength(1);
    await expect(
      second.client.send(new SendTaskSuccessCommand({ taskToken: handedOut[0]!.taskToken, output: '{}' })),
    ).rejects.toBeInstanceOf(TaskTimedOut);
  });
});
