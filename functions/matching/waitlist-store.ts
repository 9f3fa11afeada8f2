import { DeleteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { isConditionFailure } from '../commons/dynamo-errors';
import { env } from '../commons/env';
import { keys } from '../applications/keys';
import type { TransactItem } from '../applications/store';
import { programmeIds } from '../providers/registry';
import type { MatchRequest } from './match-types';

/**
 * An application's place on the waiting list: what matching reads of it (no personal data) and the
 * task token of its `WaitForPlace` state. The batch marks it assigned in the transaction that
 * reserves the place, answers the token, then deletes it — so a batch that dies in between leaves an
 * assigned entry the next batch answers again.
 */
export interface WaitlistEntry {
  applicationId: string;
  programme: string;
  request: MatchRequest;
  taskToken: string;
  joinedAt: string;
  waitingSince: string;
  assignedAgencyId?: string;
  assignedCounsellorId?: string;
}

/**
 * Puts (or refreshes) the entry with the execution's current token. A place already reserved for the
 * application stays assigned, so the batch answers the new token too.
 */
export function waitlistEntryWrite(entry: WaitlistEntry): TransactItem {
  const fields: Record<string, unknown> = {
    entity: 'WaitlistEntry',
    gsi1pk: keys.waitlist(entry.programme),
    gsi1sk: `${entry.waitingSince}#${entry.applicationId}`,
    ...entry,
  };
  // Names stand in for every attribute: several (`request`…) are DynamoDB reserved words.
  const entries = Object.entries(fields).filter(([, value]) => value !== undefined);
  return {
    Update: {
      TableName: env.tableName(),
      Key: keys.waitlistEntry(entry.applicationId),
      UpdateExpression: `SET ${entries.map((_, i) => `#f${i} = :v${i}`).join(', ')}`,
      ExpressionAttributeNames: Object.fromEntries(entries.map(([name], i) => [`#f${i}`, name])),
      ExpressionAttributeValues: Object.fromEntries(entries.map(([, value], i) => [`:v${i}`, value])),
    },
  };
}

/** The batch's claim on an entry: only for the token it read, and only once. */
export function assignEntryWrite(entry: WaitlistEntry, agencyId: string, counsellorId: string): TransactItem {
  return {
    Update: {
      TableName: env.tableName(),
      Key: keys.waitlistEntry(entry.applicationId),
      UpdateExpression: 'SET assignedAgencyId = :agency, assignedCounsellorId = :counsellor',
      ConditionExpression: 'taskToken = :token AND attribute_not_exists(assignedCounsellorId)',
      ExpressionAttributeValues: { ':agency': agencyId, ':counsellor': counsellorId, ':token': entry.taskToken },
    },
  };
}

/** Every waiting application of every programme, longest waiting first within a programme. */
export async function waitlistEntries(): Promise<WaitlistEntry[]> {
  const entries: WaitlistEntry[] = [];
  for (const programme of programmeIds) {
    let startKey: Record<string, unknown> | undefined;
    do {
      const out = await dynamo().send(
        new QueryCommand({
          TableName: env.tableName(),
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :queue',
          ExpressionAttributeValues: { ':queue': keys.waitlist(programme) },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const { pk: _pk, sk: _sk, entity: _e, gsi1pk: _g, gsi1sk: _gs, ...entry } of out.Items ?? []) entries.push(entry as WaitlistEntry);
      startKey = out.LastEvaluatedKey;
    } while (startKey);
  }
  return entries;
}

/** Removes the entry the batch answered; a newer token (the execution re-joined meanwhile) keeps it. */
export async function removeEntry(entry: WaitlistEntry): Promise<void> {
  try {
    await dynamo().send(
      new DeleteCommand({
        TableName: env.tableName(),
        Key: keys.waitlistEntry(entry.applicationId),
        ConditionExpression: 'taskToken = :token',
        ExpressionAttributeValues: { ':token': entry.taskToken },
      }),
    );
  } catch (error) {
    if (!isConditionFailure(error)) throw error;
  }
}
