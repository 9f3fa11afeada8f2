/**
 * The dashboard's counters in the table (functions/dashboard/counters.ts says what they count).
 *
 * Each counted item has a marker beside it (`COUNTED#<item's sort key>` in the application's
 * partition) naming the counter it is counted in. A move writes the marker, the decrement and the
 * increment in one transaction, conditioned on the marker still naming the old counter. That makes
 * a count change idempotent by the item's state rather than by the stream record: a marker keyed by
 * each record's eventID would stop a record delivered twice, but not two records of one item handled
 * out of order, and it would need its own expiry; this marker lives as long as the item it marks.
 */
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { cancellationReasons } from '../commons/dynamo-errors';
import { env } from '../commons/env';
import { keys } from '../applications/keys';
import type { ApplicationStatus } from '../applications/application';
import type { SessionOutcome } from '../service-period/session';
import { applicationCell, applicationCounterPrefix, sessionCell, sessionCounterPrefix, type CountCell, type CountChange } from './counters';
import type { CountedItem, CountPort } from './projection';

const table = () => env.tableName();

async function currentCell(item: CountedItem): Promise<CountCell | undefined> {
  const pk = keys.application(item.applicationId).pk;
  // `status` and `record` are reserved words: every projected attribute goes by a name.
  const read = (sk: string, attributes: string[]) =>
    dynamo().send(
      new GetCommand({
        TableName: table(),
        Key: { pk, sk },
        ConsistentRead: true,
        ProjectionExpression: attributes.map((_, i) => `#a${i}`).join(', '),
        ExpressionAttributeNames: Object.fromEntries(attributes.map((a, i) => [`#a${i}`, a])),
      }),
    );
  if (item.sk === keys.applicationSortKey) {
    const found = (await read(item.sk, ['district', 'programme', 'status'])).Item;
    return found ? applicationCell(found as { district: string; programme: string; status: ApplicationStatus }) : undefined;
  }
  // A session: its latest record, counted in its application's district.
  const [session, owner] = await Promise.all([read(item.sk, ['record']), read(keys.applicationSortKey, ['district'])]);
  const record = session.Item?.record as { outcome: SessionOutcome; on: string } | undefined;
  return session.Item && owner.Item ? sessionCell(String(owner.Item.district), record) : undefined;
}

async function countedCell(item: CountedItem): Promise<CountCell | undefined> {
  const out = await dynamo().send(new GetCommand({ TableName: table(), Key: keys.countedMarker(item.applicationId, item.sk), ConsistentRead: true }));
  return out.Item?.countedSk ? { pk: String(out.Item.countedPk), sk: String(out.Item.countedSk) } : undefined;
}

function counterUpdate(cell: CountCell, delta: 1 | -1) {
  return {
    Update: {
      TableName: table(),
      Key: cell,
      UpdateExpression: 'SET entity = :entity ADD #count :delta',
      ExpressionAttributeNames: { '#count': 'count' },
      ExpressionAttributeValues: { ':entity': 'Counter', ':delta': delta },
    },
  };
}

async function move(item: CountedItem, change: CountChange): Promise<boolean> {
  const marker = keys.countedMarker(item.applicationId, item.sk);
  const markerWrite = {
    Put: {
      TableName: table(),
      Item: { ...marker, entity: 'CountedMarker', ...(change.to ? { countedPk: change.to.pk, countedSk: change.to.sk } : {}) },
      ...(change.from
        ? { ConditionExpression: 'countedPk = :pk AND countedSk = :sk', ExpressionAttributeValues: { ':pk': change.from.pk, ':sk': change.from.sk } }
        : { ConditionExpression: 'attribute_not_exists(countedSk)' }),
    },
  };
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [markerWrite, ...(change.from ? [counterUpdate(change.from, -1)] : []), ...(change.to ? [counterUpdate(change.to, 1)] : [])],
      }),
    );
    return true;
  } catch (error) {
    const reasons = cancellationReasons(error);
    // The marker moved meanwhile (another delivery of this item), or another transaction held it: read again.
    if (reasons?.some((r) => r === 'ConditionalCheckFailed' || r === 'TransactionConflict')) return false;
    throw error;
  }
}

export const dynamoCounts: CountPort = { currentCell, countedCell, move };

async function queryAll(input: Omit<ConstructorParameters<typeof QueryCommand>[0], 'TableName'>) {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await dynamo().send(new QueryCommand({ ...input, TableName: table(), ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start);
  return items;
}

/**
 * A district's counters: every application counter (3 programmes × 13 statuses at most) and the
 * session counters of the months `firstMonth`…`lastMonth` (4 outcomes each). Two Queries.
 */
export async function districtCounters(district: string, firstMonth: string, lastMonth: string): Promise<{ sk: string; count: number }[]> {
  const pk = keys.districtCounts(district);
  const [applications, sessions] = await Promise.all([
    queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': pk, ':prefix': applicationCounterPrefix },
      ProjectionExpression: 'sk, #count',
      ExpressionAttributeNames: { '#count': 'count' },
    }),
    queryAll({
      // '~' sorts after every outcome: the last month's counters are all in the range.
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :first AND :last',
      ExpressionAttributeValues: { ':pk': pk, ':first': `${sessionCounterPrefix}${firstMonth}#`, ':last': `${sessionCounterPrefix}${lastMonth}#~` },
      ProjectionExpression: 'sk, #count',
      ExpressionAttributeNames: { '#count': 'count' },
    }),
  ]);
  return [...applications, ...sessions].map((item) => ({ sk: String(item.sk), count: Number(item.count ?? 0) }));
}

/**
 * A district's open tasks already past the due date their case is measured against: the key range
 * `open#` … `open#<now>` of its GSI1 queue (functions/review/task-store.ts `queueKey`), so only the
 * overdue tasks are read, never the district's history.
 */
export async function overdueTasks(district: string, now: Date): Promise<{ kind: string; programme: string }[]> {
  const items = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :open AND :now',
    ExpressionAttributeValues: { ':pk': keys.districtTasks(district), ':open': 'open#', ':now': `open#${now.toISOString()}` },
    ProjectionExpression: 'kind, programme',
  });
  return items.map((item) => ({ kind: String(item.kind), programme: String(item.programme) }));
}

/**
 * Applications waiting for a place, of the given districts (all, for undefined): each programme's
 * waiting list (GSI1 `WAITLIST#<programme>`), a bounded set the waitlist batch reads whole anyway.
 * An entry the batch has already given a place is on its way off the list and is not counted.
 */
export async function waitingApplications(programme: string, districts: readonly string[] | undefined): Promise<{ programme: string; waitingSince: string }[]> {
  const items = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :queue',
    ExpressionAttributeValues: { ':queue': keys.waitlist(programme) },
    ExpressionAttributeNames: { '#request': 'request', '#district': 'district' },
    ProjectionExpression: 'waitingSince, #request.#district, assignedCounsellorId',
  });
  const inScope = (d: unknown) => !districts || districts.includes(String(d));
  return items
    .filter((item) => !item.assignedCounsellorId && inScope((item.request as { district?: string } | undefined)?.district))
    .map((item) => ({ programme, waitingSince: String(item.waitingSince) }));
}
