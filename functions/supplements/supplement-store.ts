import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { isConditionFailure } from '../commons/dynamo-errors';
import { env } from '../commons/env';
import { keys } from '../applications/keys';
import type { TransactItem } from '../applications/store';
import type { SupplementAnswer, SupplementRound } from './supplement';

function strip(item: Record<string, unknown>): SupplementRound {
  const { pk: _pk, sk: _sk, entity: _e, ...round } = item;
  return round as unknown as SupplementRound;
}

export function supplementPut(round: SupplementRound): TransactItem {
  return {
    Put: {
      TableName: env.tableName(),
      Item: { ...keys.supplement(round.applicationId, round.round), entity: 'Supplement', ...round },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export async function getSupplement(applicationId: string, round: number): Promise<SupplementRound | undefined> {
  const out = await dynamo().send(new GetCommand({ TableName: env.tableName(), Key: keys.supplement(applicationId, round), ConsistentRead: true }));
  return out.Item ? strip(out.Item) : undefined;
}

export async function supplementsOf(applicationId: string): Promise<SupplementRound[]> {
  const out = await dynamo().send(
    new QueryCommand({
      TableName: env.tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.application(applicationId).pk, ':prefix': keys.supplementPrefix },
    }),
  );
  return (out.Items ?? []).map(strip);
}

/** The wait begins: the token and the deadline, once (a retried step with the same token changes nothing). */
export function waitingWrite(applicationId: string, round: number, taskToken: string, dueAt: string): TransactItem {
  return {
    Update: {
      TableName: env.tableName(),
      Key: keys.supplement(applicationId, round),
      UpdateExpression: 'SET #state = :waiting, taskToken = :token, dueAt = :due',
      ConditionExpression: 'attribute_exists(pk) AND #state = :requested',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':waiting': 'waiting', ':requested': 'requested', ':token': taskToken, ':due': dueAt },
    },
  };
}

/**
 * A retried AwaitSupplement (applications/renewed-token.ts): the round, still waiting with the failed
 * attempt's dead token, takes the new one. False when it no longer waits (answered meanwhile, or lapsed).
 */
export async function renewWaitingToken(applicationId: string, round: number, taskToken: string): Promise<boolean> {
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: env.tableName(),
        Key: keys.supplement(applicationId, round),
        UpdateExpression: 'SET taskToken = :token',
        ConditionExpression: '#state = :waiting',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':waiting': 'waiting', ':token': taskToken },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** The citizen's answer, only while the round waits for it: of an answer and a lapse, one wins. */
export function answeredWrite(applicationId: string, round: number, answer: SupplementAnswer): TransactItem {
  return {
    Update: {
      TableName: env.tableName(),
      Key: keys.supplement(applicationId, round),
      UpdateExpression: 'SET #state = :answered, answer = :answer',
      ConditionExpression: '#state = :waiting',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':answered': 'answered', ':waiting': 'waiting', ':answer': answer },
    },
  };
}

/** The deadline passed with no answer. */
export function lapsedWrite(applicationId: string, round: number, at: string): TransactItem {
  return {
    Update: {
      TableName: env.tableName(),
      Key: keys.supplement(applicationId, round),
      UpdateExpression: 'SET #state = :lapsed, lapsedAt = :at',
      ConditionExpression: '#state IN (:waiting, :requested)',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':lapsed': 'no-answer', ':waiting': 'waiting', ':requested': 'requested', ':at': at },
    },
  };
}
