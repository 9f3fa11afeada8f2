import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { now } from '../commons/clock';
import { cancellationReasons } from '../commons/dynamo-errors';
import { env } from '../commons/env';
import type { FieldProblem } from '../commons/problems';
import type { Actor } from '../applications/audit';
import { keys } from '../applications/keys';
import type { TransactItem } from '../applications/store';
import type { Agency, Counsellor, CounsellorForMatching } from './registry';
import { newAgencyId, newCounsellorId } from './registry-ids';
import { capacitySignalPut } from '../matching/places';
import { agencyItem, counsellorItem, registryAuditPut } from './registry-items';
// Types only: the store never loads the schemas (and with them zod and every programme), so a
// workflow step that reads the registry stays small.
import type { AgencyChanges, AgencyInput, CounsellorChanges, CounsellorInput } from './registry-schema';

export { agencyItem, counsellorItem, type RegistryAuditEvent } from './registry-items';

/*
 * The registry in the single table. An agency and its counsellors share the agency's partition
 * (`AGENCY#<id>`: `AGENCY`, `COUNSELLOR#<id>`, `AUDIT#<at>#<eventId>`, and the lead's `PLACE#…`);
 * every agency is also in GSI1 `AGENCIES` (`<district>#<agencyId>`) and every counsellor in
 * `COUNSELLORS` (`<agencyId>#<counsellorId>`), so matching reads the whole registry in two Queries.
 *
 * `reserved` is the caseload: only offers and service starts and ends change it, in their own
 * transactions; nothing here ever writes it, and no capacity goes below it (a condition, not a read).
 */

const table = () => env.tableName();

/** Optimistic writes read, decide, then write on the condition that what they read still holds. */
const ATTEMPTS = 3;

/** A transaction holds at most 100 items: moving an agency to another district rewrites its counsellors with it. */
const MAX_TRANSACTION_ITEMS = 100;

/* ---------- errors the routes answer ---------- */

export class AgencyNotFound extends Error {
  override name = 'AgencyNotFound';
  constructor(readonly agencyId: string) {
    super(`Agency ${agencyId} does not exist`);
  }
}

export class CounsellorNotFound extends Error {
  override name = 'CounsellorNotFound';
  constructor(readonly agencyId: string, readonly counsellorId: string) {
    super(`Counsellor ${counsellorId} of agency ${agencyId} does not exist`);
  }
}

/** A weekly capacity below the places the counsellor already holds: they would be over capacity. */
export class CapacityBelowCaseload extends Error {
  override name = 'CapacityBelowCaseload';
  constructor(readonly reserved: number, readonly wanted: number) {
    super(`Capacity ${wanted} is below the current caseload of ${reserved}`);
  }
}

/** The agency as an update would leave it breaks a rule (e.g. a service type outside its programmes). */
export class AgencyChangeRefused extends Error {
  override name = 'AgencyChangeRefused';
  constructor(readonly problems: FieldProblem[]) {
    super(`Agency change refused: ${problems.map((p) => p.field).join(', ')}`);
  }
}

/** The entry kept changing under an update ATTEMPTS times in a row (or an agency too large to move). */
export class RegistryBusy extends Error {
  override name = 'RegistryBusy';
}

/* ---------- reads ---------- */

function toAgency(item: Record<string, unknown>): Agency {
  const { pk: _pk, sk: _sk, entity: _e, gsi1pk: _g, gsi1sk: _gs, counsellorCount: _c, revision: _r, ...agency } = item;
  return agency as unknown as Agency;
}

function toCounsellor(item: Record<string, unknown>): Counsellor {
  const { pk: _pk, sk: _sk, entity: _e, gsi1pk: _g, gsi1sk: _gs, agencyDistrict: _d, ...counsellor } = item;
  return counsellor as unknown as Counsellor;
}


async function queryAll(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await dynamo().send(new QueryCommand({ TableName: table(), ...input, ExclusiveStartKey: startKey }));
    items.push(...(out.Items ?? []));
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return items;
}

async function getAgencyItem(agencyId: string, consistent: boolean) {
  const out = await dynamo().send(new GetCommand({ TableName: table(), Key: keys.agency(agencyId), ConsistentRead: consistent }));
  return out.Item;
}

export async function getAgency(agencyId: string, consistent = true): Promise<Agency | undefined> {
  const item = await getAgencyItem(agencyId, consistent);
  return item ? toAgency(item) : undefined;
}

/** Every agency, by district then id. */
export async function listAgencies(): Promise<Agency[]> {
  const items = await queryAll({
    IndexName: 'gsi1',
    KeyConditionExpression: 'gsi1pk = :pk',
    ExpressionAttributeValues: { ':pk': keys.agencies },
  });
  return items.map(toAgency);
}

export async function getCounsellor(agencyId: string, counsellorId: string, consistent = true): Promise<Counsellor | undefined> {
  const out = await dynamo().send(
    new GetCommand({ TableName: table(), Key: keys.counsellor(agencyId, counsellorId), ConsistentRead: consistent }),
  );
  return out.Item ? toCounsellor(out.Item) : undefined;
}

/** An agency's counsellors, by id: one Query of its partition. */
export async function listCounsellors(agencyId: string): Promise<Counsellor[]> {
  const items = await queryAll({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
    ExpressionAttributeValues: { ':pk': keys.agency(agencyId).pk, ':prefix': keys.counsellorPrefix },
    ConsistentRead: true,
  });
  return items.map(toCounsellor);
}

/**
 * Every active counsellor as matching reads them, with their agency's district, name and service
 * types: two Queries (every counsellor, every agency) whatever the size of the registry. No names of
 * counsellors: matching does not need them. Eventually consistent (GSI): the reservation's condition,
 * not this read, keeps a counsellor within capacity.
 */
export async function counsellorsForMatching(): Promise<CounsellorForMatching[]> {
  const [counsellorItems, agencies] = await Promise.all([
    queryAll({ IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :pk', ExpressionAttributeValues: { ':pk': keys.counsellors } }),
    listAgencies(),
  ]);
  const agencyById = new Map(agencies.map((a) => [a.agencyId, a]));
  return counsellorItems.flatMap((item) => {
    const c = toCounsellor(item);
    const agency = agencyById.get(c.agencyId);
    if (!c.active || !agency) return [];
    return [
      {
        counsellorId: c.counsellorId,
        agencyId: c.agencyId,
        gender: c.gender,
        languages: c.languages,
        qualifications: c.qualifications,
        trainings: c.trainings,
        availability: c.availability,
        weeklyCapacity: c.weeklyCapacity,
        reserved: c.reserved,
        active: c.active,
        agencyDistrict: agency.district,
        agencyProgrammes: agency.programmes,
        agencyName: agency.name,
        agencyServiceTypes: agency.serviceTypes,
      },
    ];
  });
}

/* ---------- writes ---------- */

/** `SET` of the given fields only (never `reserved`, which no schema lets through), with `updatedAt`. */
function setExpression(fields: Record<string, unknown>) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const assignments = Object.entries(fields)
    .filter(([field, value]) => value !== undefined && field !== 'reserved')
    .map(([field, value], i) => {
      names[`#f${i}`] = field;
      values[`:f${i}`] = value;
      return `#f${i} = :f${i}`;
    });
  return { assignments, names, values };
}

/** The fields whose value a change really changes, for the audit trail. */
function changedFields(current: object, changes: object): string[] {
  const before = current as Record<string, unknown>;
  return Object.entries(changes)
    .filter(([field, value]) => value !== undefined && JSON.stringify(value) !== JSON.stringify(before[field]))
    .map(([field]) => field)
    .sort();
}

async function transact(items: TransactItem[]): Promise<'done' | 'condition-failed'> {
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
    return 'done';
  } catch (error) {
    if (cancellationReasons(error)?.includes('ConditionalCheckFailed')) return 'condition-failed';
    throw error;
  }
}

export async function createAgency(input: AgencyInput, actor: Actor): Promise<Agency> {
  const at = now().toISOString();
  const agency: Agency = { agencyId: newAgencyId(), ...input, createdAt: at, updatedAt: at };
  const result = await transact([
    { Put: { TableName: table(), Item: agencyItem(agency, 0), ConditionExpression: 'attribute_not_exists(pk)' } },
    registryAuditPut({ agencyId: agency.agencyId, at, actor, action: 'agency.created', changed: Object.keys(input).sort() }),
  ]);
  // 50 random bits: a collision is not expected in the life of the registry; refuse rather than overwrite.
  if (result === 'condition-failed') throw new RegistryBusy('agency id taken');
  return agency;
}

/**
 * Changes the fields given. `problemsOf` judges the agency as it would be after the change (the
 * caller's rules: service types within programmes), against the entry as it is, re-read on every
 * attempt. Moving the agency to another district moves its counsellors' `agencyDistrict` in the same
 * transaction (its counsellor count, which every new counsellor bumps, proves the list complete).
 */
export async function updateAgency(
  agencyId: string,
  changes: AgencyChanges,
  actor: Actor,
  problemsOf: (after: Agency) => FieldProblem[] = () => [],
): Promise<Agency> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const item = await getAgencyItem(agencyId, true);
    if (!item) throw new AgencyNotFound(agencyId);
    const current = toAgency(item);
    const merged: Agency = { ...current, ...definedOnly(changes) };
    const problems = problemsOf(merged);
    if (problems.length) throw new AgencyChangeRefused(problems);

    const at = now().toISOString();
    merged.updatedAt = at;
    const moves = changes.district !== undefined && changes.district !== current.district;
    const counsellors = moves ? await listCounsellors(agencyId) : [];
    if (counsellors.length + 2 > MAX_TRANSACTION_ITEMS) throw new RegistryBusy('too many counsellors to move in one transaction');

    const { assignments, names, values } = setExpression({ ...definedOnly(changes), updatedAt: at, ...(moves ? { gsi1sk: `${changes.district}#${agencyId}` } : {}) });
    names['#revision'] = 'revision';
    Object.assign(values, { ':zero': 0, ':one': 1 });
    let condition = 'attribute_exists(pk) AND attribute_not_exists(#revision)';
    if (typeof item.revision === 'number') {
      values[':seen'] = item.revision;
      condition = 'attribute_exists(pk) AND #revision = :seen';
    }
    if (moves) {
      names['#count'] = 'counsellorCount';
      values[':count'] = counsellors.length;
      condition += ' AND #count = :count';
    }
    const result = await transact([
      {
        Update: {
          TableName: table(),
          Key: keys.agency(agencyId),
          UpdateExpression: `SET ${[...assignments, '#revision = if_not_exists(#revision, :zero) + :one'].join(', ')}`,
          ConditionExpression: condition,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      },
      ...counsellors.map(
        (c): TransactItem => ({
          Update: {
            TableName: table(),
            Key: keys.counsellor(agencyId, c.counsellorId),
            UpdateExpression: 'SET #district = :district',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#district': 'agencyDistrict' },
            ExpressionAttributeValues: { ':district': changes.district },
          },
        }),
      ),
      registryAuditPut({ agencyId, at, actor, action: 'agency.updated', changed: changedFields(current, definedOnly(changes)) }),
    ]);
    if (result === 'done') return merged;
    // Someone else changed the agency (or added a counsellor) since the read: read again and judge again.
  }
  throw new RegistryBusy(`agency ${agencyId} kept changing`);
}

/** Adds a counsellor to an agency, with a capacity signal when they bring free places. */
export async function createCounsellor(agencyId: string, input: CounsellorInput, actor: Actor): Promise<Counsellor> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const agency = await getAgency(agencyId);
    if (!agency) throw new AgencyNotFound(agencyId);
    const at = now().toISOString();
    const counsellor: Counsellor = { counsellorId: newCounsellorId(), agencyId, ...input, reserved: 0, createdAt: at, updatedAt: at };
    const result = await transact([
      // The agency still exists, still in the district copied onto the counsellor; its count proves a district move complete.
      {
        Update: {
          TableName: table(),
          Key: keys.agency(agencyId),
          UpdateExpression: 'SET #count = if_not_exists(#count, :zero) + :one',
          ConditionExpression: 'attribute_exists(pk) AND #district = :district',
          ExpressionAttributeNames: { '#count': 'counsellorCount', '#district': 'district' },
          ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':district': agency.district },
        },
      },
      { Put: { TableName: table(), Item: counsellorItem(counsellor, agency.district), ConditionExpression: 'attribute_not_exists(pk)' } },
      registryAuditPut({
        agencyId,
        counsellorId: counsellor.counsellorId,
        at,
        actor,
        action: 'counsellor.created',
        changed: Object.keys(input).sort(),
        detail: { weeklyCapacity: counsellor.weeklyCapacity, active: counsellor.active },
      }),
      ...(counsellor.active && counsellor.weeklyCapacity > 0 ? [capacitySignalPut({ counsellorId: counsellor.counsellorId, agencyId }, at)] : []),
    ]);
    if (result === 'done') return counsellor;
  }
  throw new RegistryBusy(`agency ${agencyId} kept changing`);
}

/**
 * Whether a change may give a waiting application a place at this counsellor: an active counsellor
 * with places free after it, who has more capacity, is back to active, or — qualifications,
 * trainings, languages, hours — may now fit someone waiting. A signal too many costs the batch one
 * look; one too few would leave a place unused. A place that frees later (a release) signals itself.
 */
function mayFreePlaces(before: Counsellor, after: Counsellor): boolean {
  if (!after.active || after.weeklyCapacity <= after.reserved) return false;
  if (!before.active || after.weeklyCapacity > before.weeklyCapacity) return true;
  const fits = ['qualifications', 'trainings', 'languages', 'availability', 'gender'] as const;
  return fits.some((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
}

/**
 * Changes the fields given. Capacity never goes below the caseload: the write's condition compares
 * with `reserved` as stored at that instant, so a reservation racing this update cannot slip under it.
 */
export async function updateCounsellor(agencyId: string, counsellorId: string, changes: CounsellorChanges, actor: Actor): Promise<Counsellor> {
  const given = definedOnly(changes);
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await getCounsellor(agencyId, counsellorId);
    if (!current) throw new CounsellorNotFound(agencyId, counsellorId);
    const at = now().toISOString();
    const updated: Counsellor = { ...current, ...given, updatedAt: at };

    const { assignments, names, values } = setExpression({ ...given, updatedAt: at });
    Object.assign(names, { '#capacity': 'weeklyCapacity', '#active': 'active' });
    Object.assign(values, { ':seenCapacity': current.weeklyCapacity, ':seenActive': current.active });
    // Whether places may free is decided from capacity and activity as read: they must not have moved since.
    let condition = 'attribute_exists(pk) AND #capacity = :seenCapacity AND #active = :seenActive';
    if (given.weeklyCapacity !== undefined) {
      names['#reserved'] = 'reserved';
      values[':wanted'] = given.weeklyCapacity;
      condition += ' AND #reserved <= :wanted';
    }
    const changed = changedFields(current, given);
    const result = await transact([
      {
        Update: {
          TableName: table(),
          Key: keys.counsellor(agencyId, counsellorId),
          UpdateExpression: `SET ${assignments.join(', ')}`,
          ConditionExpression: condition,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
        },
      },
      registryAuditPut({
        agencyId,
        counsellorId,
        at,
        actor,
        action: 'counsellor.updated',
        changed,
        detail: {
          ...(changed.includes('weeklyCapacity') ? { weeklyCapacityBefore: current.weeklyCapacity, weeklyCapacity: updated.weeklyCapacity } : {}),
          ...(changed.includes('active') ? { active: updated.active } : {}),
        },
      }),
      ...(mayFreePlaces(current, updated) ? [capacitySignalPut({ counsellorId, agencyId }, at)] : []),
    ]);
    if (result === 'done') return updated;

    const latest = await getCounsellor(agencyId, counsellorId);
    if (!latest) throw new CounsellorNotFound(agencyId, counsellorId);
    const raced = latest.weeklyCapacity !== current.weeklyCapacity || latest.active !== current.active;
    if (!raced && given.weeklyCapacity !== undefined && latest.reserved > given.weeklyCapacity) {
      throw new CapacityBelowCaseload(latest.reserved, given.weeklyCapacity);
    }
    // Capacity or activity changed under us, or the caseload dropped meanwhile: read again and decide again.
  }
  throw new RegistryBusy(`counsellor ${counsellorId} kept changing`);
}

function definedOnly<T extends object>(changes: T): Partial<T> {
  return Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)) as Partial<T>;
}
