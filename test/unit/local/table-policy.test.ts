import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { allows, enforceTableGrants, requestsOf, tableGrants } from '../../../infra/local/table-policy';
import { synthesize } from '../../../infra/synth';

const grants = tableGrants(synthesize('dev').app);

/** A real client aimed at a closed port: a call the check lets through fails to connect instead. */
function unreachableClient() {
  return DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint: 'http://127.0.0.1:9', region: 'ap-northeast-2', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 }),
  );
}

describe("the local cloud's table policy", () => {
  it("reads each function's DynamoDB grants from the synthesized roles, indexes and partition conditions included", () => {
    expect(allows(grants.listTasks!, { action: 'Query', resource: 'gsi2' })).toBe(true);
    expect(allows(grants.countTasks!, { action: 'Query', resource: 'gsi2' })).toBe(false);
    expect(allows(grants.countTasks!, { action: 'Query', resource: 'gsi1' })).toBe(true);
    expect(allows(grants.getDashboard!, { action: 'PutItem', resource: 'table', leadingKey: 'APP#1' })).toBe(false);
    // A staff read may put its audit event and access record, and nothing else anywhere.
    expect(allows(grants.getApplicationForStaff!, { action: 'PutItem', resource: 'table', leadingKey: 'ACCESS#a1' })).toBe(true);
    expect(allows(grants.getApplicationForStaff!, { action: 'PutItem', resource: 'table', leadingKey: 'AGENCY#x' })).toBe(false);
    expect(allows(grants.getApplicationForStaff!, { action: 'UpdateItem', resource: 'table', leadingKey: 'APP#a1' })).toBe(false);
    expect(allows(grants.lookupApplication!, { action: 'UpdateItem', resource: 'table', leadingKey: 'GUESSES#client#1.2.3.4' })).toBe(true);
    expect(allows(grants.checkEligibility!, { action: 'Scan', resource: 'table' })).toBe(false);
    expect(grants.prescreenEligibility).toEqual([]);
  });

  it('asks for the action of every item of a transaction, with its partition key, marshalled or not', () => {
    expect(
      requestsOf('TransactWriteItemsCommand', {
        TransactItems: [{ Put: { Item: { pk: { S: 'APP#1' } } } }, { Update: { Key: { pk: 'GUESSES#a' } } }, { ConditionCheck: { Key: { pk: 'GUESSES#b' } } }, { Delete: { Key: { pk: 'X#1' } } }],
      }),
    ).toEqual([
      { action: 'PutItem', resource: 'table', leadingKey: 'APP#1' },
      { action: 'UpdateItem', resource: 'table', leadingKey: 'GUESSES#a' },
      { action: 'ConditionCheckItem', resource: 'table', leadingKey: 'GUESSES#b' },
      { action: 'DeleteItem', resource: 'table', leadingKey: 'X#1' },
    ]);
    expect(requestsOf('QueryCommand', { IndexName: 'gsi1' })).toEqual([{ action: 'Query', resource: 'gsi1' }]);
  });

  it("refuses a handler's call its role lacks with AccessDeniedException before it leaves the process, and lets the rest through", async () => {
    const client = unreachableClient();
    let running: string | undefined = 'getDashboard';
    enforceTableGrants(client, grants, () => running);
    const denied = await client.send(new PutCommand({ TableName: 't', Item: { pk: 'APP#1', sk: 'AUDIT#x' } })).catch((error: unknown) => error);
    expect((denied as Error).name).toBe('AccessDeniedException');
    expect((denied as Error).message).toContain('getDashboard/local is not authorized to perform: dynamodb:PutItem');
    await expect(client.send(new QueryCommand({ TableName: 't', IndexName: 'gsi2', KeyConditionExpression: 'gsi2pk = :p', ExpressionAttributeValues: { ':p': 'x' } }))).rejects.toMatchObject({ name: 'AccessDeniedException' });
    // Allowed: the call goes on to the (closed) endpoint.
    await expect(client.send(new GetCommand({ TableName: 't', Key: { pk: 'a', sk: 'a' } }))).rejects.not.toMatchObject({ name: 'AccessDeniedException' });

    running = 'getApplicationForStaff';
    const audit = new TransactWriteCommand({ TransactItems: [{ Put: { TableName: 't', Item: { pk: 'APP#1', sk: 'AUDIT#x' } } }, { Put: { TableName: 't', Item: { pk: 'ACCESS#1', sk: 'x' } } }] });
    await expect(client.send(audit)).rejects.not.toMatchObject({ name: 'AccessDeniedException' });
    await expect(client.send(new UpdateCommand({ TableName: 't', Key: { pk: 'APP#1', sk: 'APPLICATION' }, UpdateExpression: 'SET a = :a', ExpressionAttributeValues: { ':a': 1 } }))).rejects.toMatchObject({
      name: 'AccessDeniedException',
    });

    // Outside any handler (seeding, the local services): not checked.
    running = undefined;
    await expect(client.send(new PutCommand({ TableName: 't', Item: { pk: 'AGENCY#1', sk: 'AGENCY' } }))).rejects.not.toMatchObject({ name: 'AccessDeniedException' });
  });
});
