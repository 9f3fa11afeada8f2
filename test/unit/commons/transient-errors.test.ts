import {
  ConditionalCheckFailedException,
  InternalServerError,
  ProvisionedThroughputExceededException,
  RequestLimitExceeded,
  TransactionCanceledException,
  TransactionConflictException,
  TransactionInProgressException,
} from '@aws-sdk/client-dynamodb';
import { SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { ApplicationNotFound, InvalidTransition } from '../../../functions/applications/store';
import { workflowStep } from '../../../functions/commons/step';
import { isTransient, retryTransient } from '../../../functions/commons/transient-errors';

const $metadata = { httpStatusCode: 400 };
const cancelled = (...codes: string[]) =>
  new TransactionCanceledException({ message: `Transaction cancelled [${codes.join(', ')}]`, $metadata, CancellationReasons: codes.map((Code) => ({ Code })) });

/** A real Step Functions client whose calls get `answer` instead of going out, or fail to connect. */
function stepFunctions(answer?: { statusCode: number; body: string }) {
  const client = new SFNClient({ endpoint: 'http://127.0.0.1:9', region: 'ap-northeast-2', credentials: { accessKeyId: 'l', secretAccessKey: 'l' }, maxAttempts: 1 });
  if (answer) {
    client.middlewareStack.add(
      () => async () => ({ response: { ...answer, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: new TextEncoder().encode(answer.body) } }),
      { step: 'deserialize', priority: 'low' },
    );
  }
  const start = new StartExecutionCommand({ stateMachineArn: 'arn:aws:states:ap-northeast-2:000000000000:stateMachine:x', name: 'n' });
  return client.send(start).catch((error: unknown) => error);
}

describe('isTransient', () => {
  it('takes DynamoDB contention and throttling for transient', () => {
    for (const error of [
      cancelled('TransactionConflict'),
      cancelled('None', 'TransactionConflict', 'None'),
      cancelled('ThrottlingError', 'None'),
      cancelled('ProvisionedThroughputExceeded'),
      new TransactionConflictException({ message: 'conflict', $metadata }),
      new TransactionInProgressException({ message: 'in progress', $metadata }),
      new ProvisionedThroughputExceededException({ message: 'throughput', $metadata }),
      new RequestLimitExceeded({ message: 'account limit', $metadata }),
      new InternalServerError({ message: 'internal', $metadata: { httpStatusCode: 500 } }),
    ]) {
      expect(isTransient(error), error.name + ' ' + error.message).toBe(true);
    }
  });

  it('never takes a failed condition for transient: it may mean "already done", which the step answers', () => {
    expect(isTransient(cancelled('ConditionalCheckFailed'))).toBe(false);
    expect(isTransient(cancelled('None', 'ConditionalCheckFailed'))).toBe(false);
    expect(isTransient(cancelled('ConditionalCheckFailed', 'TransactionConflict'))).toBe(false);
    expect(isTransient(cancelled('ValidationError'))).toBe(false);
    expect(isTransient(new ConditionalCheckFailedException({ message: 'condition', $metadata }))).toBe(false);
  });

  it("takes Step Functions' throttles, server faults and lost connections for transient, as the SDK reports them", async () => {
    const throttled = await stepFunctions({ statusCode: 400, body: '{"__type":"ThrottlingException","message":"Rate exceeded"}' });
    expect((throttled as Error).name).toBe('ThrottlingException');
    expect(isTransient(throttled)).toBe(true);
    const unavailable = await stepFunctions({ statusCode: 503, body: '{"__type":"ServiceUnavailable","message":"try later"}' });
    expect(isTransient(unavailable)).toBe(true);
    const unreachable = await stepFunctions();
    expect(isTransient(unreachable), String(unreachable)).toBe(true);
  });

  it("does not take the request's or the step's own errors for transient", async () => {
    const exists = await stepFunctions({ statusCode: 400, body: '{"__type":"ExecutionAlreadyExists","message":"exists"}' });
    expect((exists as Error).name).toBe('ExecutionAlreadyExists');
    for (const error of [
      exists,
      await stepFunctions({ statusCode: 400, body: '{"__type":"InvalidArn","message":"bad arn"}' }),
      new InvalidTransition('a', 'closed', 'matched'),
      new ApplicationNotFound('a'),
      new TypeError('x is undefined'),
      'a string',
    ]) {
      expect(isTransient(error), String(error)).toBe(false);
    }
  });
});

describe('workflowStep', () => {
  beforeAll(() => {
    process.env.DOLBOM_LOG = 'silent';
  });
  const failingWith = (error: unknown) => workflowStep('Test', z.object({}), async () => Promise.reject(error));

  it('surfaces a transient fault as Dolbom.Retryable, the one name the lifecycle retries', async () => {
    const failure = await failingWith(cancelled('None', 'TransactionConflict'))({}).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).name).toBe('Dolbom.Retryable');
    expect((failure as Error).message).toMatch(/^TransactionCanceledException: /);
  });

  it('lets every other error through unchanged, for the Catch to record', async () => {
    const conditionFailed = cancelled('ConditionalCheckFailed');
    await expect(failingWith(conditionFailed)({})).rejects.toBe(conditionFailed);
    const invalid = new InvalidTransition('a', 'closed', 'matched');
    await expect(failingWith(invalid)({})).rejects.toBe(invalid);
  });
});

describe('retryTransient', () => {
  const throttled = () => new ProvisionedThroughputExceededException({ message: 'slow down', $metadata });

  it('calls again after doubling pauses while the fault is transient, and answers what the call finally gives', async () => {
    const pauses: number[] = [];
    let calls = 0;
    const answer = await retryTransient(
      async () => {
        if (++calls < 3) throw throttled();
        return 'done';
      },
      { sleep: async (ms) => void pauses.push(ms) },
    );
    expect(answer).toBe('done');
    expect(pauses).toEqual([100, 200]);
  });

  it('gives up after its tries, with the last fault, and never calls again on a failed condition', async () => {
    let calls = 0;
    const fault = throttled();
    await expect(retryTransient(async () => Promise.reject((calls++, fault)), { tries: 3, sleep: async () => {} })).rejects.toBe(fault);
    expect(calls).toBe(3);
    calls = 0;
    const conditionFailed = cancelled('ConditionalCheckFailed');
    await expect(retryTransient(async () => Promise.reject((calls++, conditionFailed)), { sleep: async () => {} })).rejects.toBe(conditionFailed);
    expect(calls).toBe(1);
  });
});
