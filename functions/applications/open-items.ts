import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { isConditionFailure } from '../commons/dynamo-errors';
import { env } from '../commons/env';
import type { TransactItem } from './store';

/**
 * Items that wait for a person — a case manager's task, an agency's offer — are `open` until
 * answered, and every change to one is conditional on that, so two people acting at once never both
 * win. The two shapes of change they share live here.
 */
type Key = { pk: string; sk: string };

/** An update of an item that is still open (plus `extraCondition`); false when its condition failed. */
export async function updateWhileOpen(key: Key, update: string, values: Record<string, unknown>, extraCondition = ''): Promise<boolean> {
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: env.tableName(),
        Key: key,
        UpdateExpression: update,
        ConditionExpression: `#state = :open${extraCondition}`,
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ...values, ':open': 'open' },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** The conditional "close this open item" write (its new state, its new queue key, and `fields`), for a transaction. */
export function closeOpenItemWrite(key: Key, set: Record<string, unknown>): TransactItem {
  const entries = Object.entries(set);
  return {
    Update: {
      TableName: env.tableName(),
      Key: key,
      UpdateExpression: `SET ${entries.map((_, i) => `#f${i} = :v${i}`).join(', ')}`,
      ConditionExpression: '#state = :open',
      ExpressionAttributeNames: { '#state': 'state', ...Object.fromEntries(entries.map(([k], i) => [`#f${i}`, k])) },
      ExpressionAttributeValues: { ':open': 'open', ...Object.fromEntries(entries.map(([, v], i) => [`:v${i}`, v])) },
    },
  };
}
