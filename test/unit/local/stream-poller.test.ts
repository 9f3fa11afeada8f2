import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CreateTableCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDynamoDbClient, startDynamoDbLocal, type DynamoDbLocal } from '../../../infra/local/dynamodb';
import { StreamPoller } from '../../../infra/local/stream-poller';
import type { StreamMapping } from '../../../infra/local/template';
import { eventually } from '../../support/clients';
import { freePort } from '../../support/free-ports';

const dir = mkdtempSync(path.join(tmpdir(), 'dolbom-stream-poller-'));
let db: DynamoDbLocal;
let tableCount = 0;

beforeAll(async () => {
  db = await startDynamoDbLocal({ port: await freePort(), dataDir: path.join(dir, 'dynamodb') });
}, 60_000);

afterAll(async () => {
  await db?.stop();
  rmSync(dir, { recursive: true, force: true });
});

type Batch = { Records: { eventName: string; eventSource: string; eventSourceARN: string; dynamodb: { Keys: Record<string, { S: string }>; SequenceNumber: string; ApproximateCreationDateTime: number } }[] };

/** A table with a keys-only stream, a mapping on it as the template gives one, and an invoke that records what it got. */
async function setUp(settings: Partial<StreamMapping>, invoke: (batch: Batch) => Promise<unknown> = async () => ({ batchItemFailures: [] })) {
  const client = createDynamoDbClient(db.endpoint);
  const tableName = `stream-test-${++tableCount}`;
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
    }),
  );
  const mapping: StreamMapping = {
    id: 'Mapping',
    handlerId: 'startStoredApplication',
    tableName,
    startingPosition: 'TRIM_HORIZON',
    batchSize: 25,
    maxBatchingWindowMs: 0,
    filters: [{ eventName: ['INSERT'], dynamodb: { Keys: { sk: { S: ['APPLICATION'] } } } }],
    bisectBatchOnError: true,
    reportBatchItemFailures: true,
    maxRetryAttempts: 10,
    hasFailureDestination: true,
    ...settings,
  };
  const batches: Batch[] = [];
  const files = { positionsFile: path.join(dir, `${tableName}-positions.json`), deadLettersFile: path.join(dir, `${tableName}-dead-letters.jsonl`) };
  const poller = () =>
    new StreamPoller({
      mapping,
      dynamodb: client,
      endpoint: db.endpoint,
      ...files,
      idleMs: 50,
      log: () => undefined,
      invoke: async (_handlerId, event) => {
        batches.push(event as Batch);
        return invoke(event as Batch);
      },
    });
  const put = (pk: string, sk = 'APPLICATION') => client.send(new PutItemCommand({ TableName: tableName, Item: { pk: { S: pk }, sk: { S: sk } } }));
  const delivered = () => batches.flatMap((b) => b.Records.map((r) => r.dynamodb.Keys.pk!.S));
  return { poller, put, batches, delivered, files };
}

describe('StreamPoller', () => {
  it("hands over only the records the mapping's filter passes, in order, in batches of its size, in Lambda's event shape", async () => {
    const { poller, put, batches, delivered } = await setUp({ batchSize: 4 });
    for (let i = 0; i < 10; i++) {
      await put(`APP#${i}`);
      await put(`APP#${i}`, `AUDIT#${i}`);
    }
    const running = poller();
    running.start();
    await eventually(async () => (delivered().length === 10 ? true : undefined), 'ten new application records');
    await running.stop();
    expect(delivered()).toEqual([...Array(10).keys()].map((i) => `APP#${i}`));
    expect(Math.max(...batches.map((b) => b.Records.length))).toBe(4);
    const [first] = batches[0]!.Records;
    expect(first).toMatchObject({ eventName: 'INSERT', eventSource: 'aws:dynamodb', dynamodb: { Keys: { pk: { S: 'APP#0' }, sk: { S: 'APPLICATION' } } } });
    expect(first!.eventSourceARN).toMatch(/:table\/stream-test-\d+\/stream\//);
    expect(typeof first!.dynamodb.ApproximateCreationDateTime).toBe('number');
  });

  it('after a restart goes on after the last batch it handled, and hands over what came in meanwhile', async () => {
    const { poller, put, delivered } = await setUp({});
    await put('APP#before');
    const first = poller();
    first.start();
    await eventually(async () => (delivered().length === 1 ? true : undefined), 'the first record');
    await first.stop();
    await put('APP#while-stopped');
    const second = poller();
    second.start();
    await eventually(async () => (delivered().length >= 2 ? true : undefined), 'the record stored while stopped');
    await second.stop();
    expect(delivered()).toEqual(['APP#before', 'APP#while-stopped']);
  });

  it('retries from the first record the function reports as failed, not the whole batch', async () => {
    let failOnce = true;
    const { poller, put, batches } = await setUp({}, async (batch) => {
      const failed = batch.Records.find((r) => r.dynamodb.Keys.pk!.S === 'APP#b');
      if (!failed || !failOnce) return { batchItemFailures: [] };
      failOnce = false;
      return { batchItemFailures: [{ itemIdentifier: failed.dynamodb.SequenceNumber }] };
    });
    for (const id of ['a', 'b', 'c']) await put(`APP#${id}`);
    const running = poller();
    running.start();
    await eventually(async () => (batches.length === 2 ? true : undefined), 'the retry');
    await running.stop();
    expect(batches.map((b) => b.Records.map((r) => r.dynamodb.Keys.pk!.S))).toEqual([
      ['APP#a', 'APP#b', 'APP#c'],
      ['APP#b', 'APP#c'],
    ]);
  });

  it('splits a batch that throws until the bad record is alone, then sends its place to the failure destination and goes on', async () => {
    const { poller, put, delivered, batches, files } = await setUp({ maxRetryAttempts: 2 }, async (batch) => {
      if (batch.Records.some((r) => r.dynamodb.Keys.pk!.S === 'APP#poison')) throw Object.assign(new Error('boom'), { name: 'Boom' });
      return { batchItemFailures: [] };
    });
    for (const id of ['a', 'poison', 'b']) await put(`APP#${id}`);
    const running = poller();
    running.start();
    await eventually(async () => (delivered().includes('APP#b') ? true : undefined), 'the record after the bad one');
    await put('APP#later');
    await eventually(async () => (delivered().includes('APP#later') ? true : undefined), 'a later record');
    await running.stop();
    expect(batches.map((b) => b.Records.map((r) => r.dynamodb.Keys.pk!.S))).toEqual([
      ['APP#a', 'APP#poison', 'APP#b'],
      ['APP#a', 'APP#poison'],
      ['APP#a'],
      ['APP#poison'],
      ['APP#b'],
      ['APP#later'],
    ]);
    const [deadLetter, ...more] = readFileSync(files.deadLettersFile, 'utf8').trim().split('\n').map((line) => JSON.parse(line));
    expect(more).toEqual([]);
    const poison = batches[3]!.Records[0]!.dynamodb.SequenceNumber;
    expect(deadLetter.DDBStreamBatchInfo).toMatchObject({ startSequenceNumber: poison, endSequenceNumber: poison, batchSize: 1 });
  });
});
