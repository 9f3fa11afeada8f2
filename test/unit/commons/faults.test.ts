import {
  DynamoDBClient,
  ProvisionedThroughputExceededException,
  ThrottlingException,
  TransactionCanceledException,
  TransactionConflictException,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import middy from '@middy/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { faultInjection } from '../../../functions/commons/fault-injection';
import { FaultInjector, faultPlanOf, parseFaultPlan, type FaultPlan } from '../../../functions/commons/faults';
import { isTransient } from '../../../functions/commons/transient-errors';
import { handlers } from '../../../functions/catalog';

// The injector logs each fault it injects; these tests count them instead.
beforeEach(() => vi.stubEnv('DOLBOM_LOG', 'silent'));
afterEach(() => vi.unstubAllEnvs());

const plan = (overrides: Partial<FaultPlan>): FaultPlan => ({ rate: 1, kinds: ['conflict'], seed: 7, sites: ['invocation', 'dynamodb'], maxLatencyMs: 250, ...overrides });

/**
 * A real DynamoDB client whose HTTP calls reach a stand-in for DynamoDB that applies every request
 * and answers 200: what the fault middleware lets through is counted, and what it answers instead is
 * parsed by the SDK's own deserializer.
 */
function clientWithFaults(injector: FaultInjector, maxAttempts = 1) {
  const applied: string[] = [];
  const client = new DynamoDBClient({
    region: 'ap-northeast-2',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    endpoint: 'http://127.0.0.1:9',
    maxAttempts,
    requestHandler: {
      async handle(request: { headers: Record<string, string> }) {
        applied.push(request.headers['x-amz-target']!.split('.')[1]!);
        return { response: { statusCode: 200, headers: { 'content-type': 'application/x-amz-json-1.0' }, body: new TextEncoder().encode('{}') } };
      },
    } as never,
  });
  const documents = DynamoDBDocumentClient.from(client);
  injector.installOn(documents);
  return { documents, applied };
}

const put = new PutCommand({ TableName: 'dolbom-dev', Item: { pk: 'APP#1', sk: 'APPLICATION' }, ConditionExpression: 'attribute_not_exists(pk)' });
const transaction = new TransactWriteCommand({
  TransactItems: [
    { Update: { TableName: 'dolbom-dev', Key: { pk: 'a', sk: 'a' }, UpdateExpression: 'SET x = :x', ExpressionAttributeValues: { ':x': 1 } } },
    { Put: { TableName: 'dolbom-dev', Item: { pk: 'b', sk: 'b' } } },
  ],
});
const get = new GetCommand({ TableName: 'dolbom-dev', Key: { pk: 'APP#1', sk: 'APPLICATION' } });

describe('DOLBOM_FAULTS', () => {
  it('reads rate, kinds, seed and the optional only, sites, limit and latency', () => {
    expect(parseFaultPlan('rate=0.2;kinds=exception,latency,throttle,conflict;seed=42')).toEqual({
      rate: 0.2,
      kinds: ['exception', 'latency', 'throttle', 'conflict'],
      seed: 42,
      sites: ['invocation', 'dynamodb'],
      maxLatencyMs: 250,
    });
    expect(parseFaultPlan(' rate=1 ; kinds=conflict ; only=checkEligibility,openHumanTask ; sites=dynamodb ; limit=2 ; latency=400 ')).toMatchObject({
      kinds: ['conflict'],
      only: ['checkEligibility', 'openHumanTask'],
      sites: ['dynamodb'],
      limit: 2,
      maxLatencyMs: 400,
    });
    // Every kind, and a seed drawn, when not given.
    expect(parseFaultPlan('rate=0.5')).toMatchObject({ kinds: ['exception', 'latency', 'throttle', 'conflict'], seed: expect.any(Number) });
    expect(faultPlanOf({})).toBeUndefined();
    expect(faultPlanOf({ DOLBOM_FAULTS: '  ' })).toBeUndefined();
  });

  it('refuses what it cannot honour, so a drill never runs without its faults', () => {
    for (const spec of ['rate=0', 'rate=1.5', 'kinds=conflict', 'rate=0.2;kinds=crash', 'rate=0.2;seed=x', 'rate=0.2;limit=0', 'rate=0.2;latency=5', 'rate=0.2;sites=lambda', 'rate=0.2;often=yes', 'rate']) {
      expect(() => parseFaultPlan(spec), spec).toThrow(/DOLBOM_FAULTS/);
    }
  });

  it('is refused in the prod stage, and allowed in dev, staging and the local cloud (no stage)', () => {
    const spec = 'rate=0.2;seed=1';
    expect(() => faultPlanOf({ DOLBOM_FAULTS: spec, DOLBOM_STAGE: 'prod' })).toThrow(/refused in production/);
    for (const stage of ['dev', 'staging', undefined]) expect(faultPlanOf({ DOLBOM_FAULTS: spec, DOLBOM_STAGE: stage })?.rate).toBe(0.2);
  });
});

describe('a handler with DOLBOM_FAULTS in the prod stage', () => {
  afterEach(() => vi.resetModules());

  it('throws at cold start, whatever kind of handler it is (route, workflow step, stream trigger)', async () => {
    vi.stubEnv('DOLBOM_FAULTS', 'rate=0.2;seed=1');
    vi.stubEnv('DOLBOM_STAGE', 'prod');
    vi.resetModules();
    for (const id of ['submitApplication', 'prescreenEligibility', 'checkEligibility', 'sendNotifications', 'startStoredApplication'] as const) {
      const entry = new URL(`../../../${handlers[id].entry}`, import.meta.url).href;
      await expect(import(/* @vite-ignore */ entry), id).rejects.toThrow(/refused in production/);
    }
  });
});

describe('FaultInjector on the DynamoDB client', () => {
  it('answers a conflict as DynamoDB does: TransactionConflictException for one item, a cancelled transaction for several', async () => {
    const { documents, applied } = clientWithFaults(new FaultInjector(plan({ kinds: ['conflict'] })));
    const single = await documents.send(put).catch((error: unknown) => error);
    expect(single).toBeInstanceOf(TransactionConflictException);
    const cancelled = await documents.send(transaction).catch((error: unknown) => error);
    expect(cancelled).toBeInstanceOf(TransactionCanceledException);
    expect((cancelled as TransactionCanceledException).CancellationReasons?.map((r) => r.Code)).toEqual(['TransactionConflict', 'None']);
    expect((cancelled as TransactionCanceledException).$metadata.httpStatusCode).toBe(400);
    // Nothing reached the table, a read never conflicts, and the product reads both as "try again".
    await documents.send(get);
    expect(applied).toEqual(['GetItem']);
    expect(isTransient(single)).toBe(true);
    expect(isTransient(cancelled)).toBe(true);
  });

  it('throttles with the exceptions the SDK throws (a transaction: cancelled with ThrottlingError), which the product takes for transient', async () => {
    const injector = new FaultInjector(plan({ kinds: ['throttle'], seed: 3 }));
    const { documents, applied } = clientWithFaults(injector);
    const names = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const error = await (i % 2 ? documents.send(get) : documents.send(put)).catch((e: unknown) => e);
      expect([ProvisionedThroughputExceededException, ThrottlingException].some((type) => error instanceof type), String(error)).toBe(true);
      expect(isTransient(error)).toBe(true);
      names.add((error as Error).name);
    }
    expect([...names].sort()).toEqual(['ProvisionedThroughputExceededException', 'ThrottlingException']);
    const cancelled = (await documents.send(transaction).catch((e: unknown) => e)) as TransactionCanceledException;
    expect(cancelled.CancellationReasons?.map((r) => r.Code)).toEqual(['ThrottlingError', 'None']);
    expect(applied).toEqual([]);
    expect(injector.counts).toEqual({ 'dynamodb.throttle': 13 });
  });

  it('lets a throttle last one to four attempts, so the SDK’s own retries ride some out', async () => {
    const injector = new FaultInjector(plan({ kinds: ['throttle'], seed: 1 }));
    const { documents, applied } = clientWithFaults(injector, 2);
    const outcomes = { absorbed: 0, surfaced: 0 };
    for (let i = 0; i < 8; i++) {
      const error = await documents.send(get).then(() => undefined, (e: unknown) => e as Error & { $metadata: { attempts?: number } });
      if (error) {
        expect(error.$metadata.attempts).toBe(2);
        outcomes.surfaced++;
      } else outcomes.absorbed++;
    }
    expect(outcomes.absorbed).toBeGreaterThan(0);
    expect(outcomes.surfaced).toBeGreaterThan(0);
    expect(applied).toHaveLength(outcomes.absorbed);
  }, 30_000);

  it('applies a write, loses its answer, and lets the SDK send the same write again: the fault after the write', async () => {
    const { documents, applied } = clientWithFaults(new FaultInjector(plan({ kinds: ['exception'] })), 3);
    await documents.send(put);
    expect(applied).toEqual(['PutItem', 'PutItem']);
    // With no retries left, the caller sees the reset connection — after the table took the write.
    const once = clientWithFaults(new FaultInjector(plan({ kinds: ['exception'] })), 1);
    const error = await once.documents.send(transaction).catch((e: unknown) => e);
    expect(once.applied).toEqual(['TransactWriteItems']);
    expect(error).toMatchObject({ name: 'TimeoutError', code: 'ECONNRESET' });
    expect(isTransient(error)).toBe(true);
  });

  it('keeps to its handlers and its limit', async () => {
    let running: string | undefined = 'checkEligibility';
    const injector = new FaultInjector(plan({ kinds: ['conflict'], only: ['checkEligibility'], limit: 2 }), () => running);
    const { documents } = clientWithFaults(injector);
    const conflicts = async () => {
      let n = 0;
      for (let i = 0; i < 4; i++) if (await documents.send(put).then(() => false, () => true)) n++;
      return n;
    };
    expect(await conflicts()).toBe(2);
    running = 'openHumanTask';
    expect(await conflicts()).toBe(0);
  });

  it('meets about `rate` of the opportunities, repeatably for a seed', async () => {
    const run = async (seed: number) => {
      const injector = new FaultInjector(plan({ rate: 0.2, kinds: ['conflict', 'throttle', 'latency', 'exception'], seed }));
      const { documents } = clientWithFaults(injector, 1);
      const results: string[] = [];
      for (let i = 0; i < 300; i++) results.push(await documents.send(put).then(() => 'ok', (e: Error) => e.name));
      return { results, counts: injector.counts };
    };
    const first = await run(5);
    expect(await run(5)).toEqual(first);
    const injected = Object.values(first.counts).reduce((a, b) => a + b, 0);
    expect(injected).toBeGreaterThan(35); // 60 expected
    expect(injected).toBeLessThan(85);
    expect(Object.keys(first.counts).sort()).toEqual(['dynamodb.conflict', 'dynamodb.exception', 'dynamodb.latency', 'dynamodb.throttle']);
  }, 30_000);
});

describe('faultInjection (middy)', () => {
  it('loses the answer after the handler ran, so the route’s error mapping answers it', async () => {
    let ran = 0;
    const route = middy(async () => {
      ran++;
      return 'done';
    })
      .use({ onError: (request) => void (request.response = `mapped ${(request.error as Error).name}`) })
      .use(faultInjection(new FaultInjector(plan({ kinds: ['exception'] }))));
    expect(await route(undefined, {} as never)).toBe('mapped TimeoutError');
    expect(ran).toBe(1);
  });

  it('keeps to its sites: faults of DynamoDB requests only leave the invocation alone', async () => {
    const route = middy(async () => 'done').use(faultInjection(new FaultInjector(plan({ kinds: ['exception'], sites: ['dynamodb'] }))));
    expect(await route(undefined, {} as never)).toBe('done');
  });

  it('is a no-op without a plan', async () => {
    const route = middy(async () => 'done').use(faultInjection(undefined));
    expect(await route(undefined, {} as never)).toBe('done');
  });
});
