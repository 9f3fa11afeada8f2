import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { meterWanted, UsageMeter } from '../../../infra/local/usage-meter';

/**
 * A real document client whose HTTP answers come from `answer` (innermost, where the call would go
 * out), so the SDK's own serializer and deserializer run; the requests' bodies are kept.
 */
function clientAnswering(answer: (operation: string) => { status: number; body: unknown }) {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: 'http://127.0.0.1:9', region: 'ap-northeast-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 }),
  );
  const sent: Record<string, unknown>[] = [];
  client.middlewareStack.add(
    (_next, context) => async (args) => {
      const body = (args.request as { body: string | Uint8Array }).body;
      sent.push(JSON.parse(typeof body === 'string' ? body : new TextDecoder().decode(body)));
      const answered = answer(String(context.commandName).replace(/Command$/, ''));
      return {
        response: { statusCode: answered.status, headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'test' }, body: new TextEncoder().encode(JSON.stringify(answered.body)) },
        output: undefined as never,
      };
    },
    { step: 'deserialize', priority: 'low', name: 'answerLocally' },
  );
  return { client, sent };
}

const consumed = { TableName: 't', CapacityUnits: 6, Table: { CapacityUnits: 4 }, GlobalSecondaryIndexes: { gsi1: { CapacityUnits: 2 } } };

describe('UsageMeter', () => {
  it('is on only with DOLBOM_METER=on', () => {
    expect(meterWanted({ DOLBOM_METER: 'on' })).toBe(true);
    expect(meterWanted({})).toBe(false);
    expect(meterWanted({ DOLBOM_METER: '1' })).toBe(false);
  });

  it("asks each call of an invocation for its consumed capacity and books the units to the invocation's handler", async () => {
    const { client, sent } = clientAnswering((op) =>
      op === 'TransactWriteItems' ? { status: 200, body: { ConsumedCapacity: [consumed] } } : { status: 200, body: { ConsumedCapacity: { TableName: 't', CapacityUnits: 0.5 } } },
    );
    const meter = new UsageMeter();
    meter.install(client);
    await meter.measure('openHumanTask', async () => {
      await client.send(new TransactWriteCommand({ TransactItems: [{ Put: { TableName: 't', Item: { pk: 'a', sk: 'a' } } }, { Put: { TableName: 't', Item: { pk: 'b', sk: 'b' } } }] }));
      await client.send(new GetCommand({ TableName: 't', Key: { pk: 'a', sk: 'a' } }));
    });
    expect(sent.map((body) => body.ReturnConsumedCapacity)).toEqual(['INDEXES', 'INDEXES']);
    const usage = meter.snapshot().handlers.openHumanTask!;
    expect(usage).toMatchObject({ invocations: 1, failedInvocations: 0, dynamodbRoundTrips: 2 });
    expect(usage.dynamodb).toEqual({
      calls: { TransactWriteItems: 1, GetItem: 1 },
      readUnits: 0.5,
      writeUnits: 6,
      transactionalReadUnits: 0,
      transactionalWriteUnits: 6,
      indexWriteUnits: 2,
      failedCalls: 0,
      failedItems: 0,
    });
    expect(usage.billedMs).toBeGreaterThanOrEqual(1);
    expect(usage.dynamodbWaitMs).toBeLessThanOrEqual(usage.durationMs);
  });

  it('counts calls sent together as one round trip', async () => {
    const { client } = clientAnswering(() => ({ status: 200, body: {} }));
    const meter = new UsageMeter();
    meter.install(client);
    await meter.measure('matchProvider', () => Promise.all([1, 2, 3].map((i) => client.send(new GetCommand({ TableName: 't', Key: { pk: `${i}`, sk: 'x' } })))));
    expect(meter.snapshot().handlers.matchProvider).toMatchObject({ dynamodbRoundTrips: 1, dynamodb: { calls: { GetItem: 3 } } });
  });

  it('counts a failed call and the items it named (DynamoDB bills them, but reports nothing), and a failed invocation', async () => {
    const { client } = clientAnswering(() => ({
      status: 400,
      body: { __type: 'com.amazonaws.dynamodb.v20120810#ConditionalCheckFailedException', message: 'The conditional request failed' },
    }));
    const meter = new UsageMeter();
    meter.install(client);
    const put = meter.measure('decideTask', () => client.send(new PutCommand({ TableName: 't', Item: { pk: 'a', sk: 'a' }, ConditionExpression: 'attribute_not_exists(pk)' })));
    await expect(put).rejects.toThrow(/conditional request failed/);
    expect(meter.snapshot().handlers.decideTask).toMatchObject({ invocations: 1, failedInvocations: 1, dynamodb: { calls: { PutItem: 1 }, failedCalls: 1, failedItems: 1, writeUnits: 0 } });
  });

  it("leaves calls outside any invocation alone: the local cloud's own are not billed to anyone", async () => {
    const { client, sent } = clientAnswering(() => ({ status: 200, body: {} }));
    const meter = new UsageMeter();
    meter.install(client);
    await client.send(new GetCommand({ TableName: 't', Key: { pk: 'a', sk: 'a' } }));
    expect(sent[0]!.ReturnConsumedCapacity).toBeUndefined();
    expect(meter.snapshot().handlers).toEqual({});
  });
});
