import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { env } from '../commons/env';
import { keys } from '../applications/keys';
import type { TransactItem } from '../applications/store';
import type { Session, SessionEntry } from './session';

const sessionKey = (applicationId: string, period: number, sessionId: string) => ({
  pk: keys.application(applicationId).pk,
  sk: `${keys.sessionPrefix(period)}${sessionId}`,
});

/** A planned session, written once when the period starts (a retried start writes nothing twice). */
export function sessionPut(session: Session): TransactItem {
  return {
    Put: {
      TableName: env.tableName(),
      Item: { ...sessionKey(session.applicationId, session.period, session.sessionId), entity: 'Session', ...session },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** The sessions of one period, in planned order. */
export async function sessionsOf(applicationId: string, period: number): Promise<Session[]> {
  const sessions: Session[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await dynamo().send(
      new QueryCommand({
        TableName: env.tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.application(applicationId).pk, ':prefix': keys.sessionPrefix(period) },
        ExclusiveStartKey: startKey,
        ConsistentRead: true,
      }),
    );
    for (const { pk: _pk, sk: _sk, entity: _e, ...session } of out.Items ?? []) sessions.push(session as Session);
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return sessions.sort((a, b) => a.number - b.number);
}

/**
 * Records what happened to a session, keeping what was recorded before: the write holds only if the
 * session still has the record the caller read (`expected`), so two corrections at once cannot lose
 * one. Returns the transaction item, to go with the audit event.
 */
export function sessionRecordWrite(session: Session, entry: SessionEntry): TransactItem {
  const previous = session.record;
  return {
    Update: {
      TableName: env.tableName(),
      Key: sessionKey(session.applicationId, session.period, session.sessionId),
      UpdateExpression: previous ? 'SET #record = :entry, #history = list_append(#history, :previous)' : 'SET #record = :entry',
      ConditionExpression: previous ? '#record.recordedAt = :expected' : 'attribute_exists(pk) AND attribute_not_exists(#record)',
      ExpressionAttributeNames: previous ? { '#record': 'record', '#history': 'history' } : { '#record': 'record' },
      ExpressionAttributeValues: previous ? { ':entry': entry, ':previous': [previous], ':expected': previous.recordedAt } : { ':entry': entry },
    },
  };
}
