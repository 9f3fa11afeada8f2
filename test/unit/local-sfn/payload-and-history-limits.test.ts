/**
 * Two more of Standard's hard quotas, enforced by the local service as AWS does (limits.ts): 256 KiB
 * of data in an input, a result or an output, and 25,000 events in an execution's history. Same
 * setting as execution-limit.test.ts: DynamoDB Local, the JSON API over HTTP, the real
 * @aws-sdk/client-sfn. The history quota is lowered through the service's options, so that the test
 * writes dozens of events, not 25,000.
 */
import { randomUUID } from 'node:crypto';
import {
  DescribeExecutionCommand,
  SendTaskFailureCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  TaskTimedOut,
  ValidationException,
  type HistoryEvent,
} from '@aws-sdk/client-sfn';
import { beforeAll, describe, expect, it } from 'vitest';
import { advanceClock } from '../../../functions/commons/clock';
import { STANDARD_MAX_HISTORY_EVENTS, STANDARD_MAX_PAYLOAD_BYTES } from '../../../workflows/local/limits';
import { ACCOUNT, eventually, historyOf, localSfnTestbed, machineArn, settle, untilStatus } from '../../support/local-sfn-testbed';

const fn = (name: string) => `arn:aws:lambda:ap-northeast-2:${ACCOUNT}:function:${name}`;
const KIB = 1024;
const TOO_LARGE = "returned a result with a size exceeding the maximum number of bytes service limit.";

/** `{"text":"…"}` of exactly `bytes` bytes of UTF-8, mostly Hangul (3 bytes a character: fewer characters than bytes). */
function jsonOfBytes(bytes: number): string {
  const room = bytes - '{"text":""}'.length;
  const text = '한'.repeat(Math.floor(room / 3)) + 'x'.repeat(room % 3);
  const json = JSON.stringify({ text });
  expect(Buffer.byteLength(json)).toBe(bytes);
  return json;
}

const report = () => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: { FunctionName: fn('report'), Payload: { 'kib.$': '$.kib' } },
});

const machines: Record<string, object> = {
  Echo: { StartAt: 'Echo', States: { Echo: { Type: 'Pass', End: true } } },
  /** The report's result (the whole lambda:invoke response) is the connector output AWS measures. */
  ReportCaughtByAll: {
    StartAt: 'Report',
    States: {
      Report: { ...report(), Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'AnythingCaught' }], End: true },
      AnythingCaught: { Type: 'Pass', End: true },
    },
  },
  ReportCaughtByName: {
    StartAt: 'Report',
    States: {
      Report: {
        ...report(),
        Catch: [
          { ErrorEquals: ['States.DataLimitExceeded'], ResultPath: '$.error', Next: 'AskForLess' },
          { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'AnythingCaught' },
        ],
        End: true,
      },
      AskForLess: { Type: 'Pass', Result: 'ask for less', ResultPath: '$.outcome', End: true },
      AnythingCaught: { Type: 'Pass', End: true },
    },
  },
  /** A Lambda-ARN resource (LambdaFunction* events); a retrier that names the error, then one that does not. */
  ReportRetried: {
    StartAt: 'Report',
    States: {
      Report: {
        Type: 'Task',
        Resource: fn('report'),
        Retry: [
          { ErrorEquals: ['States.DataLimitExceeded'], IntervalSeconds: 1, MaxAttempts: 1 },
          { ErrorEquals: ['States.ALL'], IntervalSeconds: 1, MaxAttempts: 3 },
        ],
        Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'AnythingCaught' }],
        End: true,
      },
      AnythingCaught: { Type: 'Pass', End: true },
    },
  },
  ReportRetriedByAll: {
    StartAt: 'Report',
    States: {
      Report: { ...report(), Retry: [{ ErrorEquals: ['States.ALL'], IntervalSeconds: 1, MaxAttempts: 3 }], End: true },
    },
  },
  /** Each part fits; the state's output after ResultPath does not — and no catcher sees that. */
  Appended: {
    StartAt: 'Report',
    States: {
      Report: {
        ...report(),
        ResultSelector: { 'text.$': '$.Payload.text' },
        ResultPath: '$.report',
        Catch: [{ ErrorEquals: ['States.DataLimitExceeded'], ResultPath: '$.error', Next: 'AskForLess' }],
        Next: 'Done',
      },
      AskForLess: { Type: 'Pass', End: true },
      Done: { Type: 'Succeed' },
    },
  },
  /** Parameters that double the input: the Task's input is over the limit before anything runs. */
  DoubledParameters: {
    StartAt: 'Report',
    States: {
      Report: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke',
        Parameters: { FunctionName: fn('report'), Payload: { 'first.$': '$.text', 'second.$': '$.text' } },
        Catch: [{ ErrorEquals: ['States.DataLimitExceeded'], Next: 'AskForLess' }],
        End: true,
      },
      AskForLess: { Type: 'Pass', End: true },
    },
  },
  /** A Pass state's output over the limit: AWS's own recorded case. */
  Doubled: {
    StartAt: 'Double',
    States: { Double: { Type: 'Pass', Parameters: { 'first.$': '$.text', 'second.$': '$.text' }, End: true } },
  },
  /** Three iterations of 100 KiB each: the Map's output (their results together) is over the limit. */
  Spread: {
    StartAt: 'Spread',
    States: {
      Spread: {
        Type: 'Map',
        ItemsPath: '$.parts',
        ItemSelector: { 'text.$': '$.text', 'part.$': '$$.Map.Item.Value' },
        ItemProcessor: { StartAt: 'Part', States: { Part: { Type: 'Pass', End: true } } },
        End: true,
      },
    },
  },
  /** The callback's answer is its result: SendTaskSuccess bounds it. */
  AwaitingReview: {
    StartAt: 'Review',
    States: {
      Review: {
        Type: 'Task',
        Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
        Parameters: { FunctionName: fn('notify'), Payload: { 'taskToken.$': '$$.Task.Token', 'applicationId.$': '$.applicationId' } },
        End: true,
      },
    },
  },
  /** A loop with nothing to stop it but the history quota. */
  Spin: {
    StartAt: 'Turn',
    States: {
      Turn: { Type: 'Pass', Next: 'Again' },
      Again: { Type: 'Choice', Choices: [{ Variable: '$.spin', BooleanEquals: true, Next: 'Turn' }], Default: 'Stop' },
      Stop: { Type: 'Succeed' },
    },
  },
  /** A review waits in one branch while the other spins, once the clock passes its Hold. */
  SpinWhileWaiting: {
    StartAt: 'Both',
    States: {
      Both: {
        Type: 'Parallel',
        Branches: [
          {
            StartAt: 'Review',
            States: {
              Review: {
                Type: 'Task',
                Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
                Parameters: { FunctionName: fn('notify'), Payload: { 'taskToken.$': '$$.Task.Token', 'applicationId.$': '$.applicationId' } },
                End: true,
              },
            },
          },
          {
            StartAt: 'Hold',
            States: {
              Hold: { Type: 'Wait', Seconds: 60, Next: 'Turn' },
              Turn: { Type: 'Pass', Next: 'Again' },
              Again: { Type: 'Choice', Choices: [{ Variable: '$.spin', BooleanEquals: true, Next: 'Turn' }], Default: 'Stop' },
              Stop: { Type: 'Succeed' },
            },
          },
        ],
        End: true,
      },
    },
  },
};

const notified: { applicationId: string; taskToken: string }[] = [];
let reportCalls = 0;

async function invokeLambda(arn: string, payload: any): Promise<unknown> {
  if (arn === fn('report')) {
    reportCalls += 1;
    return { text: 'r'.repeat(payload.kib * KIB) };
  }
  if (arn === fn('notify')) {
    notified.push({ applicationId: payload.applicationId, taskToken: payload.taskToken });
    return { notified: payload.applicationId };
  }
  throw new Error(`no function ${arn}`);
}

const testbed = localSfnTestbed('local-sfn-quotas', invokeLambda);
const boot = async (options: { maxHistoryEvents?: number } = {}) => (await testbed.boot({ machines, ...options })).client;

async function start(client: SFNClient, machine: string, input: unknown): Promise<string> {
  const { executionArn } = await client.send(
    new StartExecutionCommand({ stateMachineArn: machineArn(machine), name: `${machine}-${randomUUID()}`, input: JSON.stringify(input) }),
  );
  return executionArn!;
}

async function waitingForCallback(client: SFNClient, executionArn: string, applicationId: string): Promise<string> {
  await eventually(async () => expect((await historyOf(client, executionArn)).map((event) => event.type)).toContain('TaskSubmitted'));
  await settle();
  const token = notified.find((call) => call.applicationId === applicationId)?.taskToken;
  expect(token).toBeDefined();
  return token!;
}

/** FAILED with States.DataLimitExceeded, as DescribeExecution and the last event say. */
async function expectDataLimitFailure(client: SFNClient, executionArn: string, subject: string): Promise<HistoryEvent[]> {
  const cause = `The state/task '${subject}' ${TOO_LARGE}`;
  const execution = await untilStatus(client, executionArn, 'FAILED');
  expect(execution).toMatchObject({ error: 'States.DataLimitExceeded', cause });
  const events = await historyOf(client, executionArn);
  expect(events.at(-1)).toMatchObject({ type: 'ExecutionFailed', executionFailedEventDetails: { error: 'States.DataLimitExceeded', cause } });
  return events;
}

describe('256 KiB of data', () => {
  let client: SFNClient;
  beforeAll(async () => {
    client = await boot();
  });

  it('is all StartExecution takes, in UTF-8 bytes: one byte more is a ValidationException', async () => {
    expect(STANDARD_MAX_PAYLOAD_BYTES).toBe(262_144);
    const atTheLimit = jsonOfBytes(STANDARD_MAX_PAYLOAD_BYTES);
    const overIt = jsonOfBytes(STANDARD_MAX_PAYLOAD_BYTES + 1);
    expect(overIt.length).toBeLessThan(STANDARD_MAX_PAYLOAD_BYTES / 2); // characters are not what counts

    const refused = client.send(new StartExecutionCommand({ stateMachineArn: machineArn('Echo'), name: `over-${randomUUID()}`, input: overIt }));
    await expect(refused).rejects.toBeInstanceOf(ValidationException);
    await expect(refused).rejects.toThrow("Value at 'input' failed to satisfy constraint: Member must have length less than or equal to 262144");

    const { executionArn } = await client.send(
      new StartExecutionCommand({ stateMachineArn: machineArn('Echo'), name: `at-${randomUUID()}`, input: atTheLimit }),
    );
    const done = await untilStatus(client, executionArn!, 'SUCCEEDED');
    expect(done.output).toBe(atTheLimit);
    expect(done.input).toBe(atTheLimit);
  });

  it('is all SendTaskSuccess takes: over it, a ValidationException, and the token still waits for an answer that fits', async () => {
    const executionArn = await start(client, 'AwaitingReview', { applicationId: 'app-big-answer' });
    const taskToken = await waitingForCallback(client, executionArn, 'app-big-answer');

    const refused = client.send(new SendTaskSuccessCommand({ taskToken, output: jsonOfBytes(STANDARD_MAX_PAYLOAD_BYTES + 1) }));
    await expect(refused).rejects.toBeInstanceOf(ValidationException);
    await expect(refused).rejects.toThrow("Value at 'output' failed");
    expect((await client.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('RUNNING');

    const answer = jsonOfBytes(STANDARD_MAX_PAYLOAD_BYTES);
    await client.send(new SendTaskSuccessCommand({ taskToken, output: answer }));
    expect((await untilStatus(client, executionArn, 'SUCCEEDED')).output).toBe(answer);
  });

  it('in a Lambda task’s result fails the task with States.DataLimitExceeded, which States.ALL does not catch', async () => {
    const executionArn = await start(client, 'ReportCaughtByAll', { kib: 300 });
    const events = await expectDataLimitFailure(client, executionArn, 'lambda');
    const types = events.map((event) => event.type);
    expect(types).toEqual(['ExecutionStarted', 'TaskStateEntered', 'TaskScheduled', 'TaskStarted', 'TaskFailed', 'ExecutionFailed']);
    expect(events[4]?.taskFailedEventDetails).toMatchObject({
      error: 'States.DataLimitExceeded',
      cause: `The state/task 'lambda' ${TOO_LARGE}`,
      resource: 'invoke',
      resourceType: 'lambda',
    });
  });

  it('in a Lambda task’s result is caught by a catcher that names States.DataLimitExceeded', async () => {
    const executionArn = await start(client, 'ReportCaughtByName', { kib: 300 });
    const done = await untilStatus(client, executionArn, 'SUCCEEDED');
    expect(JSON.parse(done.output!)).toEqual({
      kib: 300,
      error: { Error: 'States.DataLimitExceeded', Cause: `The state/task 'lambda' ${TOO_LARGE}` },
      outcome: 'ask for less',
    });
    // Just under the limit (the response around the payload included), the result passes.
    const fits = await start(client, 'ReportCaughtByName', { kib: 250 });
    expect(JSON.parse((await untilStatus(client, fits, 'SUCCEEDED')).output!).Payload.text).toHaveLength(250 * KIB);
  });

  it('in a result is retried by a retrier that names it, not by States.ALL', async () => {
    reportCalls = 0;
    const retried = await start(client, 'ReportRetried', { kib: 300 });
    await eventually(async () => expect(reportCalls).toBe(1));
    advanceClock(2000); // the retrier's one-second pause, in virtual time
    const events = await expectDataLimitFailure(client, retried, fn('report'));
    expect(reportCalls).toBe(2); // once, then the one retry its MaxAttempts allows; the States.ALL retrier and catcher never
    expect(events.filter((event) => event.type === 'LambdaFunctionFailed').map((event) => event.lambdaFunctionFailedEventDetails)).toEqual([
      { error: 'States.DataLimitExceeded', cause: `The state/task '${fn('report')}' ${TOO_LARGE}` },
      { error: 'States.DataLimitExceeded', cause: `The state/task '${fn('report')}' ${TOO_LARGE}` },
    ]);

    reportCalls = 0;
    const notRetried = await start(client, 'ReportRetriedByAll', { kib: 300 });
    await expectDataLimitFailure(client, notRetried, 'lambda');
    advanceClock(10_000);
    await settle();
    expect(reportCalls).toBe(1);
  });

  it('in a state’s output, after ResultPath, ends the execution where the state would exit: no catcher sees it', async () => {
    const executionArn = await start(client, 'Appended', { kib: 150, text: 'i'.repeat(150 * KIB) });
    const events = await expectDataLimitFailure(client, executionArn, 'Report');
    expect(events.map((event) => event.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSucceeded',
      'ExecutionFailed',
    ]);
  });

  it('in a Pass state’s output fails the execution right after the state is entered, as AWS records it', async () => {
    const executionArn = await start(client, 'Doubled', { text: 'd'.repeat(130 * KIB) });
    const events = await expectDataLimitFailure(client, executionArn, 'Double');
    expect(events.map((event) => event.type)).toEqual(['ExecutionStarted', 'PassStateEntered', 'ExecutionFailed']);
  });

  it('in a Task’s input after Parameters fails the execution before anything is invoked: no catcher sees it', async () => {
    reportCalls = 0;
    const executionArn = await start(client, 'DoubledParameters', { text: 'p'.repeat(130 * KIB) });
    const execution = await untilStatus(client, executionArn, 'FAILED');
    expect(execution).toMatchObject({ error: 'States.DataLimitExceeded', cause: expect.stringContaining("'Report' received an input, after Parameters") });
    expect((await historyOf(client, executionArn)).map((event) => event.type)).toEqual(['ExecutionStarted', 'TaskStateEntered', 'ExecutionFailed']);
    expect(reportCalls).toBe(0);
  });

  it('in a Map state’s output (its iterations together) fails the execution, though every iteration fits', async () => {
    const executionArn = await start(client, 'Spread', { text: 'm'.repeat(100 * KIB), parts: [1, 2, 3] });
    const events = await expectDataLimitFailure(client, executionArn, 'Spread');
    const types = events.map((event) => event.type);
    expect(types.filter((type) => type === 'PassStateExited')).toHaveLength(3);
    expect(types).not.toContain('MapStateExited');
  });
});

describe('25,000 history events', () => {
  const MAX = 60;
  let client: SFNClient;
  beforeAll(async () => {
    client = await boot({ maxHistoryEvents: MAX });
  });

  it('end an endless loop: FAILED with States.Runtime, the failure as the last event the history may hold', async () => {
    expect(STANDARD_MAX_HISTORY_EVENTS).toBe(25_000);
    const executionArn = await start(client, 'Spin', { spin: true });
    const cause = `The execution reached the maximum number of history events (${MAX}).`;
    const execution = await untilStatus(client, executionArn, 'FAILED');
    expect(execution).toMatchObject({ error: 'States.Runtime', cause });

    const events = await historyOf(client, executionArn);
    expect(events).toHaveLength(MAX);
    expect(events.map((event) => event.id)).toEqual(Array.from({ length: MAX }, (_, i) => i + 1));
    expect(events.at(-1)).toMatchObject({ id: MAX, previousEventId: MAX - 1, type: 'ExecutionFailed', executionFailedEventDetails: { error: 'States.Runtime', cause } });
    expect(events.at(-2)?.type).toMatch(/^(Pass|Choice)State(Entered|Exited)$/);
    // Readable from either end, and it stays as it ended: the loop is not running any more.
    await settle();
    expect((await historyOf(client, executionArn, true)).map((event) => event.id)).toEqual(events.map((event) => event.id).reverse());
  });

  it('end an execution whose callback still waits: its token then answers TaskTimedOut, as for any finished execution', async () => {
    const executionArn = await start(client, 'SpinWhileWaiting', { spin: true, applicationId: 'app-spin' });
    const taskToken = await waitingForCallback(client, executionArn, 'app-spin');
    expect((await client.send(new DescribeExecutionCommand({ executionArn }))).status).toBe('RUNNING');

    advanceClock(61_000); // past the Hold: the other branch starts spinning
    const execution = await untilStatus(client, executionArn, 'FAILED');
    expect(execution).toMatchObject({ error: 'States.Runtime', cause: `The execution reached the maximum number of history events (${MAX}).` });
    expect((await historyOf(client, executionArn)).at(-1)).toMatchObject({ id: MAX, type: 'ExecutionFailed' });

    await expect(client.send(new SendTaskSuccessCommand({ taskToken, output: '{}' }))).rejects.toBeInstanceOf(TaskTimedOut);
    await expect(client.send(new SendTaskFailureCommand({ taskToken, error: 'Review.Rejected', cause: 'too late' }))).rejects.toBeInstanceOf(TaskTimedOut);
  });
});
