import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { cancellationReasons } from '../commons/dynamo-errors';
import { env } from '../commons/env';
import { keys } from '../applications/keys';
import type { TransactItem } from '../applications/store';
import type { GuessLimit, MissCount } from './guessing-limits';

/**
 * The miss counters of the access-code limits: one item per client and per application, shared by
 * every Lambda instance, removed by TTL once forgotten. Every write is conditional on the counter as
 * it was read, so concurrent guesses cannot all be checked against one stale count: one commits, the
 * others read again (and may find the lock).
 */
export interface GuessCounter {
  key: ReturnType<typeof keys.guessCounter>;
  limit: GuessLimit;
  /** As read; undefined when there is none. */
  stored: MissCount | undefined;
}

export async function readGuessCounter(scope: 'client' | 'application', id: string, limit: GuessLimit): Promise<GuessCounter> {
  const key = keys.guessCounter(scope, id);
  const out = await dynamo().send(
    new GetCommand({ TableName: env.tableName(), Key: key, ConsistentRead: true, ProjectionExpression: 'misses, lastMissAt' }),
  );
  return { key, limit, stored: out.Item as MissCount | undefined };
}

function asRead(counter: GuessCounter) {
  return counter.stored
    ? { ConditionExpression: 'misses = :read', ExpressionAttributeValues: { ':read': counter.stored.misses } }
    : { ConditionExpression: 'attribute_not_exists(pk)' };
}

/** Writes the count after a miss, if the counter is still as read. */
export function countMiss(counter: GuessCounter, next: MissCount): TransactItem {
  const condition = asRead(counter);
  return {
    Update: {
      TableName: env.tableName(),
      Key: counter.key,
      UpdateExpression: 'SET entity = :entity, misses = :misses, lastMissAt = :at, expiresAt = :expires',
      ConditionExpression: condition.ConditionExpression,
      ExpressionAttributeValues: {
        ...condition.ExpressionAttributeValues,
        ':entity': 'GuessCounter',
        ':misses': next.misses,
        ':at': next.lastMissAt,
        ':expires': Math.ceil((next.lastMissAt + counter.limit.forgetAfterMs) / 1000),
      },
    },
  };
}

/** For a successful open: the counter must still be as read (no lock was set meanwhile). */
export function stillAsRead(counter: GuessCounter): TransactItem {
  return { ConditionCheck: { TableName: env.tableName(), Key: counter.key, ...asRead(counter) } };
}

/** Another request changed a counter between our read and our write. */
export function isCounterRace(error: unknown): boolean {
  return cancellationReasons(error)?.some((reason) => reason === 'ConditionalCheckFailed' || reason === 'TransactionConflict') ?? false;
}
