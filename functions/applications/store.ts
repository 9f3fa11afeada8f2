import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { cancellationReasons } from '../commons/dynamo-errors';
import { env } from '../commons/env';
import type { Application, ApplicationStatus } from './application';
import type { AuditEvent } from './audit';
import { keys } from './keys';

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** A step asked for a status change that the application's current status does not allow. */
export class InvalidTransition extends Error {
  override name = 'InvalidTransition';
  constructor(readonly applicationId: string, readonly status: ApplicationStatus, readonly wanted: ApplicationStatus) {
    super(`Application ${applicationId} is ${status}; cannot move to ${wanted}`);
  }
}

export class ApplicationNotFound extends Error {
  override name = 'ApplicationNotFound';
  constructor(readonly applicationId: string) {
    super(`Application ${applicationId} does not exist`);
  }
}

const table = () => env.tableName();

function applicationItem(application: Application) {
  return {
    ...keys.application(application.id),
    entity: 'Application',
    gsi1pk: keys.districtApplications(application.district),
    gsi1sk: `${application.createdAt}#${application.id}`,
    ...application,
  };
}

function stripKeys<T>(item: Record<string, unknown>): T {
  const { pk: _pk, sk: _sk, entity: _entity, gsi1pk: _g1, gsi1sk: _g1s, ...rest } = item;
  return rest as T;
}

export function auditPut(event: AuditEvent): TransactItem {
  return {
    Put: {
      TableName: table(),
      Item: { ...keys.audit(event.applicationId, event.at, event.eventId), entity: 'AuditEvent', ...event },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/**
 * An access denial's audit event, also under GSI1 by day: every miss of a day, at unknown receipts and
 * ids too, is one Query.
 */
export function accessDeniedPut(event: AuditEvent): TransactItem {
  const put = auditPut(event).Put!;
  return { Put: { ...put, Item: { ...put.Item, gsi1pk: keys.accessDenied(event.at.slice(0, 10)), gsi1sk: `${event.at}#${event.eventId}` } } };
}

/** Only the stored access-code hash: one small read, the same for a known and an unknown application. */
export async function getAccessCodeHash(id: string): Promise<string | undefined> {
  const out = await dynamo().send(
    new GetCommand({ TableName: table(), Key: keys.application(id), ProjectionExpression: 'accessCodeHash' }),
  );
  return out.Item?.accessCodeHash as string | undefined;
}

export async function getApplication(id: string, consistent = true): Promise<Application | undefined> {
  const out = await dynamo().send(new GetCommand({ TableName: table(), Key: keys.application(id), ConsistentRead: consistent }));
  return out.Item ? stripKeys<Application>(out.Item) : undefined;
}

export async function requireApplication(id: string): Promise<Application> {
  const application = await getApplication(id);
  if (!application) throw new ApplicationNotFound(id);
  return application;
}

/** The new-application writes (application, unique receipt, its audit event) for a transaction. */
export function newApplicationWrites(application: Application, audit: AuditEvent): TransactItem[] {
  return [
    { Put: { TableName: table(), Item: applicationItem(application), ConditionExpression: 'attribute_not_exists(pk)' } },
    {
      Put: {
        TableName: table(),
        Item: { ...keys.receipt(application.receiptNumber), entity: 'Receipt', applicationId: application.id },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    auditPut(audit),
  ];
}

export async function findApplicationIdByReceipt(receiptNumber: string): Promise<string | undefined> {
  const out = await dynamo().send(new GetCommand({ TableName: table(), Key: keys.receipt(receiptNumber) }));
  return out.Item?.applicationId as string | undefined;
}

export interface TransitionRequest {
  from: readonly ApplicationStatus[];
  to: ApplicationStatus;
  /** Attributes of the application to set with the status change. */
  set?: Partial<Omit<Application, 'id' | 'status'>>;
  /** Optional attributes of the application the change removes (a serving counsellor released). */
  remove?: readonly (keyof Omit<Application, 'id' | 'status'>)[];
  audit: AuditEvent;
  /** Other writes that must happen with the change or not at all (a capacity reservation, a task). */
  with?: TransactItem[];
  /**
   * For a step that keeps the status: a (dot-path) attribute this change sets, which must not be set
   * yet — so a retry of the step records its event once.
   */
  once?: string;
}

/** What a transition did: applied now, or found already done by an earlier attempt (then `current`). */
export type TransitionResult = { applied: true } | { applied: false; current: Application };

/**
 * Moves an application from one of `from` to `to`, with its audit event and companion writes, in one
 * transaction. A retried step finds the status already at `to` and reports `applied: false` instead of
 * writing twice — that is what makes every workflow step idempotent.
 */
export async function transition(id: string, request: TransitionRequest): Promise<TransitionResult> {
  const set: Record<string, unknown> = { ...request.set, status: request.to, updatedAt: request.audit.at };
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const assignments = Object.entries(set).map(([field, value], i) => {
    names[`#f${i}`] = field;
    values[`:v${i}`] = value;
    return `#f${i} = :v${i}`;
  });
  const fromList = request.from.map((status, i) => {
    values[`:from${i}`] = status;
    return `:from${i}`;
  });
  names['#status'] = 'status';
  const removals = (request.remove ?? []).map((field, i) => {
    names[`#r${i}`] = field;
    return `#r${i}`;
  });
  const remove = removals.length ? ` REMOVE ${removals.join(', ')}` : '';
  const once = request.once?.split('.').map((part, i) => {
    names[`#once${i}`] = part;
    return `#once${i}`;
  });
  const onlyOnce = once ? ` AND attribute_not_exists(${once.join('.')})` : '';
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: table(),
              Key: keys.application(id),
              UpdateExpression: `SET ${assignments.join(', ')}${remove}`,
              ConditionExpression: `attribute_exists(pk) AND #status IN (${fromList.join(', ')})${onlyOnce}`,
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: values,
            },
          },
          auditPut(request.audit),
          ...(request.with ?? []),
        ],
      }),
    );
  } catch (error) {
    const reasons = cancellationReasons(error);
    if (!reasons?.includes('ConditionalCheckFailed')) throw error;
    // Either the status moved on, or a companion write (a task, a reservation) already exists: a
    // repeat of this very step finds the status already at `to`.
    const current = await requireApplication(id);
    if (current.status === request.to) return { applied: false, current };
    if (reasons[0] === 'ConditionalCheckFailed') throw new InvalidTransition(id, current.status, request.to);
    throw error;
  }
  return { applied: true };
}

export async function appendAudit(event: AuditEvent): Promise<void> {
  await dynamo().send(new PutCommand(auditPut(event).Put!));
}

export async function listAudit(applicationId: string): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await dynamo().send(
      new QueryCommand({
        TableName: table(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.application(applicationId).pk, ':prefix': keys.auditPrefix },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of out.Items ?? []) events.push(stripKeys<AuditEvent>(item));
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return events;
}
