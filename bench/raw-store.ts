import { randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { closedLoop, type LoadResult } from './load';

const TABLE = 'dolbom-dev';

/**
 * The baseline of the store: DynamoDB Local alone, written and read by a plain client with no handler,
 * no workflow and no HTTP in between. Items go under their own `BENCH#` partitions, which nothing reads.
 */
export function rawItem(bytes: number): Record<string, unknown> {
  return { pk: `BENCH#${randomUUID()}`, sk: 'RAW', payload: 'x'.repeat(Math.max(0, bytes - 60)) };
}

/** One PutItem of a new `bytes`-sized item. */
export async function rawPut(db: DynamoDBDocumentClient, bytes: number): Promise<void> {
  await db.send(new PutCommand({ TableName: TABLE, Item: rawItem(bytes) }));
}

/** PutItem of `bytes`-sized items by `clients` concurrent clients, `total` in all. */
export function rawPuts(db: DynamoDBDocumentClient, clients: number, total: number, bytes: number, warmUp = 2): Promise<LoadResult> {
  return closedLoop(clients, total, () => rawPut(db, bytes), warmUp);
}

/** GetItem (strongly consistent) of one `bytes`-sized item by `clients` concurrent clients. */
export async function rawGets(db: DynamoDBDocumentClient, clients: number, total: number, bytes: number): Promise<LoadResult> {
  const item = rawItem(bytes);
  await db.send(new PutCommand({ TableName: TABLE, Item: item }));
  const Key = { pk: item.pk, sk: item.sk };
  return closedLoop(clients, total, async () => void (await db.send(new GetCommand({ TableName: TABLE, Key, ConsistentRead: true }))), 2);
}
