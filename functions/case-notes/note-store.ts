/**
 * Case notes in the single table, in their application's partition (functions/applications/keys.ts):
 * the note by when the contact happened, and beside it a small item naming which note an author's
 * idempotency key wrote. Both are only ever inserted (attribute_not_exists): the store has no update
 * and no delete, so a note stands as written.
 */
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { cancellationReasons } from '../commons/dynamo-errors';
import { env } from '../commons/env';
import type { AuditEvent } from '../applications/audit';
import { keys } from '../applications/keys';
import { auditPut } from '../applications/store';
import type { CaseNote } from './case-note';

function strip(item: Record<string, unknown>): CaseNote {
  const { pk: _pk, sk: _sk, entity: _e, ...note } = item;
  return note as unknown as CaseNote;
}

/**
 * Stores a new note with its key item and audit event, in one transaction. False when the author's
 * key already wrote a note (a retry, a double click): nothing is written then.
 */
export async function putNewNote(note: CaseNote, audit: AuditEvent): Promise<boolean> {
  const noteKey = keys.caseNote(note.applicationId, note.occurredAt, note.recordedAt, note.noteId);
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: env.tableName(),
              Item: { ...keys.caseNoteKey(note.applicationId, note.noteId), entity: 'CaseNoteKey', noteSk: noteKey.sk, fingerprint: note.fingerprint },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          { Put: { TableName: env.tableName(), Item: { ...noteKey, entity: 'CaseNote', ...note }, ConditionExpression: 'attribute_not_exists(pk)' } },
          auditPut(audit),
        ],
      }),
    );
    return true;
  } catch (error) {
    if (cancellationReasons(error)?.[0] === 'ConditionalCheckFailed') return false;
    throw error;
  }
}

/** The note an author's key wrote, if any. */
export async function noteOfKey(applicationId: string, noteId: string): Promise<CaseNote | undefined> {
  const marker = await dynamo().send(new GetCommand({ TableName: env.tableName(), Key: keys.caseNoteKey(applicationId, noteId), ConsistentRead: true }));
  const sk = marker.Item?.noteSk;
  if (typeof sk !== 'string') return undefined;
  const out = await dynamo().send(new GetCommand({ TableName: env.tableName(), Key: { pk: keys.application(applicationId).pk, sk }, ConsistentRead: true }));
  return out.Item ? strip(out.Item) : undefined;
}

const ISO = String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z`;
const NOTE_CURSOR = new RegExp(`^${ISO}#${ISO}#N[A-Za-z0-9_-]{26}$`);

/** The position after a note in the list: its sort key without the prefix (`<occurredAt>#<recordedAt>#<noteId>`). */
export const isNoteCursor = (cursor: string) => NOTE_CURSOR.test(cursor);

/**
 * Up to `limit` notes of a case, newest contact first, after the cursor `after` (from the newest when
 * absent); `next` is the cursor of the following page when more may follow.
 */
export async function notesOf(applicationId: string, after: string | undefined, limit: number): Promise<{ notes: CaseNote[]; next?: string }> {
  const pk = keys.application(applicationId).pk;
  const out = await dynamo().send(
    new QueryCommand({
      TableName: env.tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': keys.caseNotePrefix },
      ExclusiveStartKey: after ? { pk, sk: `${keys.caseNotePrefix}${after}` } : undefined,
      ScanIndexForward: false,
      Limit: limit,
      ConsistentRead: true,
    }),
  );
  const last = out.LastEvaluatedKey?.sk;
  return { notes: (out.Items ?? []).map(strip), ...(typeof last === 'string' ? { next: last.slice(keys.caseNotePrefix.length) } : {}) };
}
