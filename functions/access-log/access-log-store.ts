import { QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { env } from '../commons/env';
import { keys } from '../applications/keys';
import type { TransactItem } from '../applications/store';
import type { AccessCursor } from './access-cursor';
import type { AccessRecord } from './access-record';

/**
 * The access log in the single table: an item per access under `ACCESS#<applicationId>` (listed by
 * case with a Query on the table) and under GSI1 `ACCESS-BY#<userId>` (listed by staff member), with
 * a TTL (`expiresAt`, see access-record.ts for why two years and a margin). Never in CloudWatch logs.
 */
export function accessRecordPut(record: AccessRecord): TransactItem {
  return {
    Put: {
      TableName: env.tableName(),
      Item: {
        ...keys.accessRecord(record.applicationId, record.at, record.accessId),
        entity: 'AccessRecord',
        gsi1pk: keys.accessByStaff(record.userId),
        gsi1sk: `${record.at}#${record.accessId}`,
        ...record,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** DynamoDB's limit of items per transaction. */
const TRANSACTION_ITEMS = 100;

/**
 * Writes a read's items in transactions of at most 100, one after another: a read of one case is
 * one transaction (its audit event with its access record); a long list (a ledger) takes several.
 */
export async function writeAll(items: readonly TransactItem[]): Promise<void> {
  for (let i = 0; i < items.length; i += TRANSACTION_ITEMS) {
    await dynamo().send(new TransactWriteCommand({ TransactItems: items.slice(i, i + TRANSACTION_ITEMS) }));
  }
}

export interface AccessPage {
  records: AccessRecord[];
  next?: AccessCursor;
}

function recordOf(item: Record<string, unknown>): AccessRecord {
  const { pk: _pk, sk: _sk, gsi1pk: _gpk, gsi1sk: _gsk, entity: _entity, ...record } = item;
  return record as unknown as AccessRecord;
}

function nextOf(last: Record<string, unknown> | undefined): AccessCursor | undefined {
  if (!last) return undefined;
  const applicationId = String(last.pk).slice('ACCESS#'.length);
  return { applicationId, sk: String(last.sk) };
}

/** A case's access records, newest first. */
export async function accessLogOfApplication(applicationId: string, limit: number, after?: AccessCursor): Promise<AccessPage> {
  const pk = keys.accessOfApplication(applicationId);
  const out = await dynamo().send(
    new QueryCommand({
      TableName: env.tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': pk },
      ScanIndexForward: false,
      Limit: limit,
      ...(after ? { ExclusiveStartKey: { pk, sk: after.sk } } : {}),
    }),
  );
  const next = nextOf(out.LastEvaluatedKey);
  return { records: (out.Items ?? []).map(recordOf), ...(next ? { next } : {}) };
}

/**
 * A staff member's access records in the given districts, newest first. The districts are a filter
 * on the Query (a supervisor sees what was read in their own districts only), so a page may hold
 * fewer than `limit` records and still have a next one.
 */
export async function accessLogOfStaff(userId: string, districts: readonly string[], limit: number, after?: AccessCursor): Promise<AccessPage> {
  if (districts.length === 0) return { records: [] };
  const gsi1pk = keys.accessByStaff(userId);
  const names = districts.map((_, i) => `:d${i}`);
  const out = await dynamo().send(
    new QueryCommand({
      TableName: env.tableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      FilterExpression: `district IN (${names.join(', ')})`,
      ExpressionAttributeValues: { ':pk': gsi1pk, ...Object.fromEntries(districts.map((d, i) => [names[i]!, d])) },
      ScanIndexForward: false,
      Limit: limit,
      ...(after ? { ExclusiveStartKey: { gsi1pk, gsi1sk: after.sk, pk: keys.accessOfApplication(after.applicationId), sk: after.sk } } : {}),
    }),
  );
  const next = nextOf(out.LastEvaluatedKey);
  return { records: (out.Items ?? []).map(recordOf), ...(next ? { next } : {}) };
}
