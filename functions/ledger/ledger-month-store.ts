/**
 * The settlement export's index: which applications of a district have something to settle in a month.
 *
 * Why an item of its own: applications sit in GSI1's `DISTRICT#<district>` partition sorted by
 * `<createdAt>#<id>`, which says when an application came in, not in which months it was served — a
 * 12-month child application submitted in January is settled in every month to December, and a
 * rescheduled session can move a charge into a month the plan never had. Selecting a month there
 * would mean reading every application the district ever had and filtering: a Scan in all but name.
 * So each application gets one small item per Seoul month in which a session was recorded as held
 * (`keys.ledgerMonth`), under GSI1 `LEDGER#<district>#<month>` with the application id as sort key:
 * the export is one Query over exactly that month's applications.
 *
 * Written with the session record, in the same transaction, because the held day is only known then
 * (not when the plan is scheduled). The item is an unconditional Put of the same content, so every
 * held session of the month rewrites it harmlessly. A correction that moves a session out of the
 * month leaves the item behind; the export drops rows with no session used, so it costs one read.
 * Its own partition per district and month, not more sort keys in `DISTRICT#`, keeps the district's
 * application list one kind of item.
 */
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { randomUUID } from 'node:crypto';
import { dynamo } from '../commons/clients';
import { env } from '../commons/env';
import type { StaffActor } from '../applications/audit';
import { keys } from '../applications/keys';
import type { TransactItem } from '../applications/store';

/** The month item of an application with a session held on `heldOn` (Seoul day, YYYY-MM-DD): for the record's transaction. */
export function ledgerMonthPut(application: { id: string; district: string }, heldOn: string): TransactItem {
  const month = heldOn.slice(0, 7);
  return {
    Put: {
      TableName: env.tableName(),
      Item: {
        ...keys.ledgerMonth(application.id, month),
        entity: 'LedgerMonth',
        gsi1pk: keys.districtLedgerMonth(application.district, month),
        gsi1sk: application.id,
        applicationId: application.id,
        district: application.district,
        month,
      },
    },
  };
}

/** Ids of the district's applications with a session held in the month, in id order. */
export async function applicationIdsWithSessionsIn(district: string, month: string): Promise<string[]> {
  const ids: string[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await dynamo().send(
      new QueryCommand({
        TableName: env.tableName(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.districtLedgerMonth(district, month) },
        ProjectionExpression: 'applicationId',
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of out.Items ?? []) ids.push(String(item.applicationId));
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return ids;
}

/**
 * A settlement export, audited once (safeguard standard art. 8: who, when, from where, whose data):
 * the caller, the district and month, and the applications the file names.
 */
export interface LedgerExportEvent {
  eventId: string;
  at: string;
  actor: StaffActor;
  action: 'ledger.exported';
  district: string;
  month: string;
  rows: number;
  applicationIds: string[];
}

export async function appendLedgerExportAudit(fields: Omit<LedgerExportEvent, 'eventId' | 'action'>): Promise<LedgerExportEvent> {
  const event: LedgerExportEvent = { eventId: randomUUID(), action: 'ledger.exported', ...fields };
  await dynamo().send(
    new PutCommand({
      TableName: env.tableName(),
      Item: { ...keys.districtAudit(event.district, event.at, event.eventId), entity: 'LedgerExportAudit', ...event },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
  return event;
}
