import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import type { HandlerId } from '../../../functions/catalog';
import { injectFaults, parseFaults } from '../../../infra/local/faults';

/** A real client aimed at a closed port: whatever is not injected fails to connect, at once. */
function unreachableClient() {
  return DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: 'http://127.0.0.1:9', region: 'ap-northeast-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 }),
  );
}

const transaction = new TransactWriteCommand({
  TransactItems: [
    { Update: { TableName: 't', Key: { pk: 'a', sk: 'a' }, UpdateExpression: 'SET x = :x', ExpressionAttributeValues: { ':x': 1 } } },
    { Put: { TableName: 't', Item: { pk: 'b', sk: 'b' } } },
  ],
});

describe('DOLBOM_FAULTS', () => {
  it('reads <handlerId>:TransactionConflict:<count>, comma-separated', () => {
    expect(parseFaults(undefined)).toEqual([]);
    expect(parseFaults('checkEligibility:TransactionConflict:2, openHumanTask:TransactionConflict:1')).toEqual([
      { handler: 'checkEligibility', kind: 'TransactionConflict', remaining: 2 },
      { handler: 'openHumanTask', kind: 'TransactionConflict', remaining: 1 },
    ]);
  });

  it('refuses a spec it cannot honour, so a drill never runs without its fault', () => {
    for (const spec of ['nobody:TransactionConflict:1', 'checkEligibility:Throttle:1', 'checkEligibility:TransactionConflict:0', 'checkEligibility']) {
      expect(() => parseFaults(spec), spec).toThrow(/DOLBOM_FAULTS/);
    }
  });

  it("fails the named handler's next transactions with the TransactionCanceledException DynamoDB sends, then lets calls through", async () => {
    const client = unreachableClient();
    let running: HandlerId | undefined = 'checkEligibility';
    injectFaults(client, parseFaults('checkEligibility:TransactionConflict:1'), () => running);

    const conflict = await client.send(transaction).catch((error: unknown) => error);
    expect(conflict).toBeInstanceOf(TransactionCanceledException);
    expect((conflict as TransactionCanceledException).CancellationReasons?.map((r) => r.Code)).toEqual(['TransactionConflict', 'None']);
    expect((conflict as TransactionCanceledException).$metadata.httpStatusCode).toBe(400);

    // Used up: the next transaction goes to the (closed) endpoint, as do other handlers' and other calls.
    await expect(client.send(transaction)).rejects.not.toBeInstanceOf(TransactionCanceledException);
    running = 'openHumanTask';
    await expect(client.send(transaction)).rejects.not.toBeInstanceOf(TransactionCanceledException);
    running = 'checkEligibility';
    await expect(client.send(new GetCommand({ TableName: 't', Key: { pk: 'a', sk: 'a' } }))).rejects.not.toBeInstanceOf(TransactionCanceledException);
  });
});
