/**
 * The local Step Functions service end to end: DynamoDB Local, the JSON API over HTTP, and the real
 * @aws-sdk/client-sfn. Time moves with advanceClock (virtual), never by sleeping; the clock is
 * process-global, so every expectation about time is relative to nowMs().
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeExecutionCommand,
  DescribeStateMachineCommand,
  ExecutionAlreadyExists,
  ExecutionDoesNotExist,
  GetExecutionHistoryCommand,
  InvalidName,
  InvalidToken,
  ListExecutionsCommand,
  ListStateMachinesCommand,
  SendTaskFailureCommand,
  SendTaskHeartbeatCommand,
  SendTaskSuccessCommand,
  SFNClient,
  StartExecutionCommand,
  StopExecutionCommand,
  TaskTimedOut,
  type ExecutionStatus,
  type HistoryEvent,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceClock, nowMs } from '../../../functions/commons/clock';
import { createDynamoDbClient, startDynamoDbLocal, type DynamoDbLocal } from '../../../infra/local/dynamodb';
import { LocalStepFunctions } from '../../../workflows/local/service';

const ACCOUNT = '000000000000';
const fn = (name: string) => `arn:aws:lambda:ap-northeast-2:${ACCOUNT}:function:${name}`;
const SECOND = 1000;
const DAY = 86_400 * SECOND;

const greeting = {
  StartAt: 'Greet',
  States: {
    Greet: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Parameters: { FunctionName: fn('greet'), Payload: { 'name.$': '$.name', 'execution.$': '$$.Execution.Name' } },
      ResultSelector: { 'text.$': '$.Payload.text' },
      ResultPath: '$.greeting',
      Next: 'Flaky',
    },
    Flaky: {
      Type: 'Task',
      Resource: fn('flaky'),
      Retry: [{ ErrorEquals: ['Lambda.ServiceException'], IntervalSeconds: 1, MaxAttempts: 2, BackoffRate: 2 }],
      Catch: [
        { ErrorEquals: ['ApplicationNotFound'], ResultPath: '$.error', Next: 'NotFound' },
        { ErrorEquals: ['Lambda.ServiceException'], ResultPath: '$.error', Next: 'Recovered' },
      ],
      Next: 'Done',
    },
    NotFound: { Type: 'Pass', Result: 'not-found', ResultPath: '$.outcome', End: true },
    Recovered: { Type: 'Pass', Result: 'recovered', ResultPath: '$.outcome', End: true },
    Done: { Type: 'Succeed' },
  },
};

/** The TaskFailed catcher comes before States.Timeout: it must not catch a timeout (as in AWS). */
const review = {
  StartAt: 'Review',
  States: {
    Review: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: {
        FunctionName: fn('notify'),
        Payload: { 'taskToken.$': '$$.Task.Token', 'applicationId.$': '$.applicationId' },
      },
      TimeoutSeconds: 3600,
      HeartbeatSeconds: 600,
      ResultPath: '$.decision',
      Catch: [
        { ErrorEquals: ['States.HeartbeatTimeout'], ResultPath: '$.error', Next: 'Stalled' },
        { ErrorEquals: ['States.TaskFailed'], ResultPath: '$.error', Next: 'Rejected' },
        { ErrorEquals: ['States.Timeout'], ResultPath: '$.error', Next: 'Expired' },
      ],
      Next: 'Approved',
    },
    Approved: {
      Type: 'Pass',
      Parameters: { outcome: 'approved', 'startedAt.$': '$$.Execution.StartTime', 'input.$': '$$.Execution.Input' },
      ResultPath: '$.approval',
      End: true,
    },
    Rejected: { Type: 'Pass', Result: 'rejected', ResultPath: '$.outcome', End: true },
    Expired: { Type: 'Pass', Result: 'expired', ResultPath: '$.outcome', End: true },
    Stalled: { Type: 'Pass', Result: 'stalled', ResultPath: '$.outcome', End: true },
  },
};

/** Nested states: a Parallel branch and a Map iteration each call a function. */
const fanOut = {
  StartAt: 'Both',
  TimeoutSeconds: 3600,
  States: {
    Both: {
      Type: 'Parallel',
      Branches: [
        { StartAt: 'GreetInBranch', States: { GreetInBranch: { Type: 'Task', Resource: fn('greet'), End: true } } },
        { StartAt: 'Idle', States: { Idle: { Type: 'Pass', End: true } } },
      ],
      ResultSelector: { 'text.$': '$[0].text' },
      ResultPath: '$.parallel',
      Next: 'Each',
    },
    Each: {
      Type: 'Map',
      ItemsPath: '$.names',
      ItemSelector: { 'name.$': '$$.Map.Item.Value', execution: 'map' },
      ItemProcessor: { StartAt: 'GreetEach', States: { GreetEach: { Type: 'Task', Resource: fn('greet'), End: true } } },
      ResultPath: '$.each',
      Next: 'Linger',
    },
    Linger: { Type: 'Wait', SecondsPath: '$.lingerSeconds', End: true },
  },
};

const servicePeriod = {
  StartAt: 'Period',
  States: {
    Period: { Type: 'Wait', Seconds: 30 * 86_400, Next: 'Closed' },
    Closed: { Type: 'Pass', Result: 'closed', ResultPath: '$.outcome', End: true },
  },
};

/** In-process "Lambda functions": what they received, and the tokens handed to case managers. */
const invocations: { arn: string; payload: any }[] = [];
const tokensFor = new Map<string, string>();
/** Applications whose next `notify` never returns, as if the process crashed during the invocation. */
const crashDuringNotify = new Set<string>();

async function invokeLambda(arn: string, payload: any): Promise<unknown> {
  invocations.push({ arn, payload });
  const name = arn.split(':').at(-1);
  if (name === 'greet') return { text: `hello ${payload.name} from ${payload.execution}` };
  if (name === 'flaky') {
    if (!payload.failWith) return payload;
    const error = new Error(`flaky failed with ${payload.failWith}`);
    error.name = payload.failWith;
    throw error;
  }
  if (name === 'notify') {
    if (crashDuringNotify.delete(payload.applicationId)) return new Promise(() => {});
    tokensFor.set(payload.applicationId, payload.taskToken);
    return { notified: payload.applicationId };
  }
  throw new Error(`no function ${arn}`);
}

let dynamo: DynamoDbLocal;
let dynamodb: DynamoDBClient;
let dataDir: string;
let service: LocalStepFunctions;
let server: Server;
let sfn: SFNClient;
const arns: Record<string, string> = {};
/** What the SDK puts on the wire (for AWS CLI compatibility, which sends the same). */
const wire: { target?: string; contentType?: string }[] = [];

beforeAll(async () => {
  dataDir = join(tmpdir(), `dolbom-local-sfn-${randomUUID()}`);
  dynamo = await startDynamoDbLocal({ port: await freePort(), dataDir });
  dynamodb = createDynamoDbClient(dynamo.endpoint);
  service = newService(`local-sfn-test-${randomUUID()}`);
  arns.greeting = service.registerStateMachine({ name: 'Greeting', definition: greeting, aliases: ['live'] });
  arns.review = service.registerStateMachine({ name: 'Review', definition: review });
  arns.servicePeriod = service.registerStateMachine({ name: 'ServicePeriod', definition: servicePeriod });
  arns.fanOut = service.registerStateMachine({ name: 'FanOut', definition: fanOut });
  await service.start();
  server = await service.listen(0);
  sfn = sfnClient(server);
  sfn.middlewareStack.add(
    (next) => async (args) => {
      const headers = (args.request as { headers: Record<string, string> }).headers;
      wire.push({ target: headers['x-amz-target'], contentType: headers['content-type'] });
      return next(args);
    },
    { step: 'finalizeRequest' },
  );
}, 60_000);

afterAll(async () => {
  sfn?.destroy();
  await service?.stop();
  await dynamo?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

function newService(tableName: string): LocalStepFunctions {
  return new LocalStepFunctions({ dynamodb, tableName, invokeLambda, log: () => {} });
}

function sfnClient(listening: Server): SFNClient {
  const { port } = listening.address() as AddressInfo;
  return new SFNClient({
    endpoint: `http://127.0.0.1:${port}`,
    region: 'ap-northeast-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Polls (real time, briefly) until `check` passes; optionally moves the clock a step per poll. */
async function eventually<T>(check: () => Promise<T>, options: { advanceMs?: number; timeoutMs?: number } = {}): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 10_000);
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      if (options.advanceMs) advanceClock(options.advanceMs);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }
}

async function statusOf(client: SFNClient, executionArn: string) {
  return client.send(new DescribeExecutionCommand({ executionArn }));
}

function untilStatus(client: SFNClient, executionArn: string, status: ExecutionStatus, advanceMs?: number) {
  return eventually(
    async () => {
      const execution = await statusOf(client, executionArn);
      expect(execution.status).toBe(status);
      return execution;
    },
    { advanceMs },
  );
}

async function historyOf(client: SFNClient, executionArn: string): Promise<HistoryEvent[]> {
  const { events } = await client.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }));
  return events ?? [];
}

function tokenFor(applicationId: string): Promise<string> {
  return eventually(async () => {
    const token = tokensFor.get(applicationId);
    if (!token) throw new Error(`no token for ${applicationId} yet`);
    return token;
  });
}

/** Once the callback is waiting its timers are armed: advancing the clock before that would be lost. */
async function waitingForCallback(client: SFNClient, executionArn: string): Promise<void> {
  await eventually(async () => {
    const types = (await historyOf(client, executionArn)).map((event) => event.type);
    expect(types).toContain('TaskSubmitted');
  });
  await new Promise((resolve) => setTimeout(resolve, 30));
}

async function start(stateMachineArn: string, input: object, name?: string): Promise<string> {
  const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(input), name }));
  return executionArn!;
}

describe('the Step Functions API through @aws-sdk/client-sfn', () => {
  it('lists and describes the registered state machines', async () => {
    const { stateMachines } = await sfn.send(new ListStateMachinesCommand({}));
    expect(stateMachines?.map((machine) => machine.name)).toEqual(['FanOut', 'Greeting', 'Review', 'ServicePeriod']);
    const described = await sfn.send(new DescribeStateMachineCommand({ stateMachineArn: arns.greeting }));
    expect(described).toMatchObject({
      stateMachineArn: `arn:aws:states:ap-northeast-2:${ACCOUNT}:stateMachine:Greeting`,
      status: 'ACTIVE',
      type: 'STANDARD',
    });
    expect(JSON.parse(described.definition!)).toEqual(greeting);
    expect(described.creationDate).toBeInstanceOf(Date);
  });

  it("starts an execution through the machine's alias, as handlers do: the execution belongs to the machine", async () => {
    const executionArn = await start(`${arns.greeting!}:live`, { name: 'Jiwoo' }, 'greeting-through-alias');
    expect(executionArn).toBe(`arn:aws:states:ap-northeast-2:${ACCOUNT}:execution:Greeting:greeting-through-alias`);
    await untilStatus(sfn, executionArn, 'SUCCEEDED');
    await expect(start(`${arns.greeting!}:nope`, {}, 'greeting-unknown-alias')).rejects.toMatchObject({ name: 'StateMachineDoesNotExist' });
  });

  it('starts, describes, lists and tells the history of an execution', async () => {
    const executionArn = await start(arns.greeting!, { name: 'Minji' }, 'greeting-minji');
    expect(executionArn).toBe(`arn:aws:states:ap-northeast-2:${ACCOUNT}:execution:Greeting:greeting-minji`);

    const done = await untilStatus(sfn, executionArn, 'SUCCEEDED');
    expect(JSON.parse(done.output!)).toEqual({ name: 'Minji', greeting: { text: 'hello Minji from greeting-minji' } });
    expect(done.startDate!.getTime()).toBeLessThanOrEqual(done.stopDate!.getTime());
    expect(Math.abs(done.stopDate!.getTime() - nowMs())).toBeLessThan(5 * SECOND);

    const { executions } = await sfn.send(new ListExecutionsCommand({ stateMachineArn: arns.greeting, statusFilter: 'SUCCEEDED' }));
    expect(executions?.map((execution) => execution.name)).toContain('greeting-minji');

    const history = await historyOf(sfn, executionArn);
    expect(history.map((event) => event.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSucceeded',
      'TaskStateExited',
      'TaskStateEntered',
      'LambdaFunctionScheduled',
      'LambdaFunctionStarted',
      'LambdaFunctionSucceeded',
      'TaskStateExited',
      'SucceedStateEntered',
      'SucceedStateExited',
      'ExecutionSucceeded',
    ]);
    expect(history.map((event) => event.id)).toEqual(history.map((_, index) => index + 1));
    expect(history[2]?.taskScheduledEventDetails).toMatchObject({
      resourceType: 'lambda',
      resource: 'invoke',
      region: 'ap-northeast-2',
    });
    expect(JSON.parse(history[4]!.taskSucceededEventDetails!.output!)).toMatchObject({ StatusCode: 200, Payload: { text: 'hello Minji from greeting-minji' } });

    const newestFirst = await sfn.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: 2, includeExecutionData: false }));
    expect(newestFirst.events?.map((event) => event.type)).toEqual(['ExecutionSucceeded', 'SucceedStateExited']);
    expect(newestFirst.events?.[0]?.executionSucceededEventDetails?.output).toBeUndefined();
    const next = await sfn.send(new GetExecutionHistoryCommand({ executionArn, reverseOrder: true, maxResults: 2, nextToken: newestFirst.nextToken }));
    expect(next.events?.map((event) => event.id)).toEqual([12, 11]);
  });

  it('retries a Lambda service error in virtual time, then catches it', async () => {
    const executionArn = await start(arns.greeting!, { name: 'Jiho', failWith: 'Lambda.ServiceException' });
    const flakyCalls = () => invocations.filter((call) => call.arn === fn('flaky') && call.payload.name === 'Jiho').length;
    await eventually(async () => expect(flakyCalls()).toBe(1));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(flakyCalls()).toBe(1); // the 1 s backoff has not passed on the clock yet

    const done = await untilStatus(sfn, executionArn, 'SUCCEEDED', 5 * SECOND);
    expect(flakyCalls()).toBe(3);
    const output = JSON.parse(done.output!);
    expect(output.outcome).toBe('recovered');
    expect(output.error.Error).toBe('Lambda.ServiceException');
    expect(JSON.parse(output.error.Cause)).toEqual({ errorType: 'Lambda.ServiceException', errorMessage: 'flaky failed with Lambda.ServiceException' });
    const failures = (await historyOf(sfn, executionArn)).filter((event) => event.type === 'LambdaFunctionFailed');
    expect(failures).toHaveLength(3);
  });

  it('catches an application error by its name without retrying it', async () => {
    const executionArn = await start(arns.greeting!, { name: 'Seoyeon', failWith: 'ApplicationNotFound' });
    const done = await untilStatus(sfn, executionArn, 'SUCCEEDED');
    expect(JSON.parse(done.output!)).toMatchObject({ outcome: 'not-found', error: { Error: 'ApplicationNotFound' } });
  });

  it('fails the execution with the Lambda error and cause when nothing catches it', async () => {
    const executionArn = await start(arns.greeting!, { name: 'Doyun', failWith: 'Unexpected' });
    const failed = await untilStatus(sfn, executionArn, 'FAILED');
    expect(failed.error).toBe('Unexpected');
    expect(JSON.parse(failed.cause!)).toEqual({ errorType: 'Unexpected', errorMessage: 'flaky failed with Unexpected' });
    expect((await historyOf(sfn, executionArn)).at(-1)).toMatchObject({
      type: 'ExecutionFailed',
      executionFailedEventDetails: { error: 'Unexpected' },
    });
  });

  it('completes a callback with SendTaskSuccess, once', async () => {
    const executionArn = await start(arns.review!, { applicationId: 'app-success' });
    const taskToken = await tokenFor('app-success');
    expect(taskToken).toMatch(/^[\w-]{128}$/);
    await sfn.send(new SendTaskHeartbeatCommand({ taskToken }));
    await sfn.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify({ approved: true }) }));

    const done = await untilStatus(sfn, executionArn, 'SUCCEEDED');
    expect(JSON.parse(done.output!)).toEqual({
      applicationId: 'app-success',
      decision: { approved: true },
      approval: { outcome: 'approved', startedAt: done.startDate!.toISOString(), input: { applicationId: 'app-success' } },
    });
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{}' }))).rejects.toBeInstanceOf(TaskTimedOut);

    const history = await historyOf(sfn, executionArn);
    const scheduled = history.find((event) => event.type === 'TaskScheduled')!.taskScheduledEventDetails!;
    expect(scheduled).toMatchObject({ resource: 'invoke.waitForTaskToken', timeoutInSeconds: 3600, heartbeatInSeconds: 600 });
    expect(JSON.parse(scheduled.parameters!).Payload.taskToken).toBe(taskToken);
    expect(history.map((event) => event.type)).toEqual([
      'ExecutionStarted',
      'TaskStateEntered',
      'TaskScheduled',
      'TaskStarted',
      'TaskSubmitted',
      'TaskSucceeded',
      'TaskStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
  });

  it('fails a callback with SendTaskFailure, catchable by its error', async () => {
    const executionArn = await start(arns.review!, { applicationId: 'app-failure' });
    const taskToken = await tokenFor('app-failure');
    await sfn.send(new SendTaskFailureCommand({ taskToken, error: 'Review.Rejected', cause: 'income above the limit' }));
    const done = await untilStatus(sfn, executionArn, 'SUCCEEDED');
    expect(JSON.parse(done.output!)).toMatchObject({
      outcome: 'rejected',
      error: { Error: 'Review.Rejected', Cause: 'income above the limit' },
    });
  });

  it('times a callback out when the clock passes TimeoutSeconds, heartbeats notwithstanding', async () => {
    const executionArn = await start(arns.review!, { applicationId: 'app-timeout' });
    const taskToken = await tokenFor('app-timeout');
    await waitingForCallback(sfn, executionArn);
    for (let step = 0; step < 7; step++) {
      advanceClock(500 * SECOND);
      await sfn.send(new SendTaskHeartbeatCommand({ taskToken }));
    }
    expect((await statusOf(sfn, executionArn)).status).toBe('RUNNING');
    advanceClock(200 * SECOND);

    const done = await untilStatus(sfn, executionArn, 'SUCCEEDED');
    expect(JSON.parse(done.output!)).toMatchObject({ outcome: 'expired', error: { Error: 'States.Timeout' } });
    expect((await historyOf(sfn, executionArn)).map((event) => event.type)).toContain('TaskTimedOut');
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{}' }))).rejects.toBeInstanceOf(TaskTimedOut);
  });

  it('times a callback out when no heartbeat comes within HeartbeatSeconds', async () => {
    const executionArn = await start(arns.review!, { applicationId: 'app-heartbeat' });
    await tokenFor('app-heartbeat');
    await waitingForCallback(sfn, executionArn);
    advanceClock(601 * SECOND);
    const done = await untilStatus(sfn, executionArn, 'SUCCEEDED');
    expect(JSON.parse(done.output!)).toMatchObject({ outcome: 'stalled', error: { Error: 'States.HeartbeatTimeout' } });
  });

  it('finishes a 30-day Wait when the clock advances 30 days, without sleeping', async () => {
    const executionArn = await start(arns.servicePeriod!, { applicationId: 'app-wait' });
    await eventually(async () => expect((await historyOf(sfn, executionArn)).map((event) => event.type)).toContain('WaitStateEntered'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    advanceClock(29 * DAY);
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect((await statusOf(sfn, executionArn)).status).toBe('RUNNING');
    advanceClock(DAY);

    const done = await untilStatus(sfn, executionArn, 'SUCCEEDED');
    expect(done.stopDate!.getTime() - done.startDate!.getTime()).toBeGreaterThanOrEqual(30 * DAY);
    expect((await historyOf(sfn, executionArn)).map((event) => event.type)).toEqual([
      'ExecutionStarted',
      'WaitStateEntered',
      'WaitStateExited',
      'PassStateEntered',
      'PassStateExited',
      'ExecutionSucceeded',
    ]);
  });

  it('runs functions inside Parallel branches and Map iterations', async () => {
    const executionArn = await start(arns.fanOut!, { name: 'Hana', execution: 'branch', names: ['A', 'B'], lingerSeconds: 0 });
    const done = await untilStatus(sfn, executionArn, 'SUCCEEDED');
    expect(JSON.parse(done.output!)).toMatchObject({
      parallel: { text: 'hello Hana from branch' },
      each: [{ text: 'hello A from map' }, { text: 'hello B from map' }],
    });
    const types = (await historyOf(sfn, executionArn)).map((event) => event.type);
    expect(types).toEqual(expect.arrayContaining(['ParallelStateEntered', 'MapStateEntered', 'MapIterationStarted', 'WaitStateExited']));
    expect(types.filter((type) => type === 'LambdaFunctionSucceeded')).toHaveLength(3);
  });

  it('times the execution out after the definition’s TimeoutSeconds, in virtual time', async () => {
    const executionArn = await start(arns.fanOut!, { name: 'Yuna', execution: 'x', names: [], lingerSeconds: 7200 });
    await eventually(async () => expect((await historyOf(sfn, executionArn)).map((event) => event.type)).toContain('WaitStateEntered'));
    await new Promise((resolve) => setTimeout(resolve, 30));
    advanceClock(3601 * SECOND);
    const timedOut = await untilStatus(sfn, executionArn, 'TIMED_OUT');
    expect(timedOut.error).toBe('States.Timeout');
    expect((await historyOf(sfn, executionArn)).at(-1)?.type).toBe('ExecutionTimedOut');
  });

  it('creates exactly one execution from 50 concurrent starts with one name and input', async () => {
    const input = JSON.stringify({ applicationId: 'app-concurrent' });
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        sfn.send(new StartExecutionCommand({ stateMachineArn: arns.servicePeriod, name: 'app-concurrent-p1', input })),
      ),
    );
    expect(new Set(results.map((result) => result.executionArn)).size).toBe(1);
    expect(new Set(results.map((result) => result.startDate?.getTime())).size).toBe(1);
    const { executions } = await sfn.send(new ListExecutionsCommand({ stateMachineArn: arns.servicePeriod }));
    expect(executions?.filter((execution) => execution.name === 'app-concurrent-p1')).toHaveLength(1);
    const started = (await historyOf(sfn, results[0]!.executionArn!)).filter((event) => event.type === 'ExecutionStarted');
    expect(started).toHaveLength(1);

    await expect(
      sfn.send(new StartExecutionCommand({ stateMachineArn: arns.servicePeriod, name: 'app-concurrent-p1', input: '{"other":1}' })),
    ).rejects.toBeInstanceOf(ExecutionAlreadyExists);
    await sfn.send(new StopExecutionCommand({ executionArn: results[0]!.executionArn }));
  });

  it('stops an execution waiting for a callback: ABORTED, and its token no longer answers', async () => {
    const executionArn = await start(arns.review!, { applicationId: 'app-stop' });
    const taskToken = await tokenFor('app-stop');
    const { stopDate } = await sfn.send(new StopExecutionCommand({ executionArn, error: 'Withdrawn', cause: 'the applicant withdrew' }));
    expect(stopDate).toBeInstanceOf(Date);

    const stopped = await statusOf(sfn, executionArn);
    expect(stopped).toMatchObject({ status: 'ABORTED', error: 'Withdrawn', cause: 'the applicant withdrew' });
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{}' }))).rejects.toBeInstanceOf(TaskTimedOut);
    expect((await historyOf(sfn, executionArn)).at(-1)).toMatchObject({
      type: 'ExecutionAborted',
      executionAbortedEventDetails: { error: 'Withdrawn', cause: 'the applicant withdrew' },
    });
    advanceClock(2 * 3600 * SECOND);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await statusOf(sfn, executionArn)).status).toBe('ABORTED');
  });

  it('answers with the errors of the AWS API', async () => {
    const missing = `arn:aws:states:ap-northeast-2:${ACCOUNT}:execution:Review:nobody`;
    await expect(statusOf(sfn, missing)).rejects.toBeInstanceOf(ExecutionDoesNotExist);
    await expect(start(arns.review!, {}, 'has space')).rejects.toBeInstanceOf(InvalidName);
    await expect(sfn.send(new SendTaskSuccessCommand({ taskToken: 'not-a-token', output: '{}' }))).rejects.toBeInstanceOf(InvalidToken);
    await expect(
      sfn.send(new StartExecutionCommand({ stateMachineArn: arns.review, input: '{not json' })),
    ).rejects.toMatchObject({ name: 'InvalidExecutionInput' });
    await expect(
      sfn.send(new StartExecutionCommand({ stateMachineArn: `arn:aws:states:ap-northeast-2:${ACCOUNT}:stateMachine:Nope` })),
    ).rejects.toMatchObject({ name: 'StateMachineDoesNotExist' });
  });

  it('speaks the wire protocol the SDK and the AWS CLI use', async () => {
    expect(wire.length).toBeGreaterThan(0);
    for (const request of wire) {
      expect(request.contentType).toBe('application/x-amz-json-1.0');
      expect(request.target).toMatch(/^AWSStepFunctions\.[A-Za-z]+$/);
    }
    const { port } = server.address() as AddressInfo;
    const response = await fetch(`http://127.0.0.1:${port}/`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.0', 'X-Amz-Target': 'AWSStepFunctions.DescribeExecution' },
      body: JSON.stringify({ executionArn: 'arn:nope' }),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/x-amz-json-1.0');
    expect(await response.json()).toEqual({ __type: 'InvalidArn', message: "Invalid Arn: 'arn:nope'" });
  });
});

describe('restarting the local cloud', () => {
  /** A fresh table per scenario, so other services' executions are not resumed here. */
  async function restartable(definition: object, name: string) {
    const tableName = `local-sfn-restart-${randomUUID()}`;
    const instances: { service: LocalStepFunctions; server: Server; client: SFNClient }[] = [];
    const boot = async (register = true) => {
      const instance = newService(tableName);
      if (register) instance.registerStateMachine({ name, definition });
      await instance.start();
      const listening = await instance.listen(0);
      const booted = { service: instance, server: listening, client: sfnClient(listening) };
      instances.push(booted);
      return booted;
    };
    const shutDown = async () => {
      for (const { service: instance, client } of instances) {
        client.destroy();
        await instance.stop();
      }
    };
    return { boot, shutDown };
  }

  it('completes a callback after a restart with the token issued before it', async () => {
    const { boot, shutDown } = await restartable(review, 'Review');
    try {
      const first = await boot();
      const { executionArn } = await first.client.send(
        new StartExecutionCommand({
          stateMachineArn: `arn:aws:states:ap-northeast-2:${ACCOUNT}:stateMachine:Review`,
          input: JSON.stringify({ applicationId: 'app-restart' }),
        }),
      );
      const taskToken = await tokenFor('app-restart');
      await waitingForCallback(first.client, executionArn!);
      await first.service.stop();

      const second = await boot();
      expect((await statusOf(second.client, executionArn!)).status).toBe('RUNNING');
      await second.client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify({ approved: true }) }));
      const done = await untilStatus(second.client, executionArn!, 'SUCCEEDED');
      // $$.Execution is the execution's, not the resumed run's.
      expect(JSON.parse(done.output!)).toMatchObject({
        decision: { approved: true },
        approval: { outcome: 'approved', startedAt: done.startDate!.toISOString(), input: { applicationId: 'app-restart' } },
      });

      const notified = invocations.filter((call) => call.payload.applicationId === 'app-restart');
      expect(notified).toHaveLength(1);
      const types = (await historyOf(second.client, executionArn!)).map((event) => event.type);
      expect(types.filter((type) => type === 'TaskStateEntered')).toHaveLength(1);
      expect(types.at(-1)).toBe('ExecutionSucceeded');
    } finally {
      await shutDown();
    }
  });

  it('takes an answer sent while the execution was not resumed yet', async () => {
    const { boot, shutDown } = await restartable(review, 'Review');
    try {
      const first = await boot();
      const stateMachineArn = `arn:aws:states:ap-northeast-2:${ACCOUNT}:stateMachine:Review`;
      const { executionArn } = await first.client.send(
        new StartExecutionCommand({ stateMachineArn, input: JSON.stringify({ applicationId: 'app-offline' }) }),
      );
      const taskToken = await tokenFor('app-offline');
      await waitingForCallback(first.client, executionArn!);
      await first.service.stop();

      const second = await boot(false);
      await second.client.send(new SendTaskFailureCommand({ taskToken, error: 'Review.Rejected', cause: 'sent while offline' }));
      second.service.registerStateMachine({ name: 'Review', definition: review });
      const done = await untilStatus(second.client, executionArn!, 'SUCCEEDED');
      expect(JSON.parse(done.output!)).toMatchObject({ outcome: 'rejected', error: { Cause: 'sent while offline' } });
    } finally {
      await shutDown();
    }
  });

  /** Starts a review whose `notify` never returns; resolves with the token it was handed once the history shows it. */
  async function crashDuringInvocation(client: SFNClient, applicationId: string) {
    crashDuringNotify.add(applicationId);
    const { executionArn } = await client.send(
      new StartExecutionCommand({
        stateMachineArn: `arn:aws:states:ap-northeast-2:${ACCOUNT}:stateMachine:Review`,
        input: JSON.stringify({ applicationId }),
      }),
    );
    await eventually(async () => expect((await historyOf(client, executionArn!)).at(-1)?.type).toBe('TaskStarted'));
    const handedOut = invocations.filter((call) => call.payload.applicationId === applicationId);
    expect(handedOut).toHaveLength(1);
    return { executionArn: executionArn!, taskToken: handedOut[0]!.payload.taskToken as string };
  }

  it('hands the same token to the function again when a crash came before the invocation returned', async () => {
    const { boot, shutDown } = await restartable(review, 'Review');
    try {
      const crashed = await boot();
      const { executionArn, taskToken } = await crashDuringInvocation(crashed.client, 'app-crash-invoke');

      // The crashed instance is left as it is; another one starts on the same table.
      const second = await boot();
      expect(await tokenFor('app-crash-invoke')).toBe(taskToken);
      await waitingForCallback(second.client, executionArn);
      await second.client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify({ approved: true }) }));
      await untilStatus(second.client, executionArn, 'SUCCEEDED');
      const handedOut = invocations.filter((call) => call.payload.applicationId === 'app-crash-invoke');
      expect(handedOut.map((call) => call.payload.taskToken)).toEqual([taskToken, taskToken]);
    } finally {
      await shutDown();
    }
  });

  it('does not invoke the function again for a token answered before the restart', async () => {
    const { boot, shutDown } = await restartable(review, 'Review');
    try {
      const crashed = await boot();
      const { executionArn, taskToken } = await crashDuringInvocation(crashed.client, 'app-crash-answered');

      const second = await boot(false);
      await second.client.send(new SendTaskSuccessCommand({ taskToken, output: JSON.stringify({ approved: true }) }));
      second.service.registerStateMachine({ name: 'Review', definition: review });
      await untilStatus(second.client, executionArn, 'SUCCEEDED');
      expect(invocations.filter((call) => call.payload.applicationId === 'app-crash-answered')).toHaveLength(1);
    } finally {
      await shutDown();
    }
  });

  it('keeps a Wait’s wake-up time across a restart', async () => {
    const { boot, shutDown } = await restartable(servicePeriod, 'ServicePeriod');
    try {
      const first = await boot();
      const { executionArn } = await first.client.send(
        new StartExecutionCommand({
          stateMachineArn: `arn:aws:states:ap-northeast-2:${ACCOUNT}:stateMachine:ServicePeriod`,
          input: JSON.stringify({ applicationId: 'app-wait-restart' }),
        }),
      );
      await eventually(async () => expect((await historyOf(first.client, executionArn!)).map((event) => event.type)).toContain('WaitStateEntered'));
      await new Promise((resolve) => setTimeout(resolve, 50));
      await first.service.stop();
      advanceClock(10 * DAY);

      const second = await boot();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect((await statusOf(second.client, executionArn!)).status).toBe('RUNNING');
      advanceClock(20 * DAY);
      const done = await untilStatus(second.client, executionArn!, 'SUCCEEDED');
      expect(done.stopDate!.getTime() - done.startDate!.getTime()).toBeLessThan(31 * DAY);
      expect((await historyOf(second.client, executionArn!)).map((event) => event.type)).toEqual([
        'ExecutionStarted',
        'WaitStateEntered',
        'WaitStateExited',
        'PassStateEntered',
        'PassStateExited',
        'ExecutionSucceeded',
      ]);
    } finally {
      await shutDown();
    }
  });
});
