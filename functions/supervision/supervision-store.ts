/**
 * Supervision requests in the single table: under their application (the case file reads them with
 * the rest of the case in one Query), and under GSI1 by state (`SUPERVISION#<state>`) for the
 * supervisors' lists. One partition per state holds every district: supervisors serve every district
 * (functions/commons/staff.ts), and a city's requests — a few a month per district — stay far below
 * what one partition takes.
 */
import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { cancellationReasons } from '../commons/dynamo-errors';
import { env } from '../commons/env';
import type { AuditEvent } from '../applications/audit';
import { keys } from '../applications/keys';
import { auditPut, type TransactItem } from '../applications/store';
import type { SupervisionState } from './labels';
import { listingKey, parseSupervisionRequestId, requestIdOfListingKey, type SupervisionRequest } from './supervision';

/** Another write got there first: the caller reads the request again and plans anew. */
export class SupervisionChanged extends Error {
  override name = 'SupervisionChanged';
}

function strip(item: Record<string, unknown>): SupervisionRequest {
  const { pk: _pk, sk: _sk, entity: _e, gsi1pk: _g, gsi1sk: _gs, ...request } = item;
  return request as unknown as SupervisionRequest;
}

function item(request: SupervisionRequest) {
  return {
    ...keys.supervision(request.applicationId, request.sequence),
    entity: 'SupervisionRequest',
    gsi1pk: keys.supervisionRequests(request.state),
    gsi1sk: listingKey(request),
    ...request,
  };
}

export async function supervisionOf(applicationId: string): Promise<SupervisionRequest[]> {
  const out = await dynamo().send(
    new QueryCommand({
      TableName: env.tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.application(applicationId).pk, ':prefix': keys.supervisionPrefix },
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []).map(strip);
}

export async function getSupervision(requestId: string): Promise<SupervisionRequest | undefined> {
  const id = parseSupervisionRequestId(requestId);
  if (!id) return undefined;
  const out = await dynamo().send(new GetCommand({ TableName: env.tableName(), Key: keys.supervision(id.applicationId, id.sequence), ConsistentRead: true }));
  return out.Item ? strip(out.Item) : undefined;
}

/** Stores a new request with its audit event; `SupervisionChanged` if its sequence was taken meanwhile. */
export async function putNewSupervision(request: SupervisionRequest, audit: AuditEvent): Promise<void> {
  await conditionally([{ Put: { TableName: env.tableName(), Item: item(request), ConditionExpression: 'attribute_not_exists(pk)' } }, auditPut(audit)]);
}

/**
 * Replaces a request by its next state, only if it is still in `from` as read: of two supervisors
 * accepting at once, one write passes and the other gets `SupervisionChanged`.
 */
export async function moveSupervision(next: SupervisionRequest, from: SupervisionState, audit: AuditEvent): Promise<void> {
  await conditionally([
    {
      Put: {
        TableName: env.tableName(),
        Item: item(next),
        ConditionExpression: '#state = :from',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':from': from },
      },
    },
    auditPut(audit),
  ]);
}

async function conditionally(items: TransactItem[]): Promise<void> {
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: items }));
  } catch (error) {
    if (cancellationReasons(error)?.[0] === 'ConditionalCheckFailed') throw new SupervisionChanged();
    throw error;
  }
}

/**
 * Up to `limit` requests in `state`, after the listing key `after` (from the start when absent);
 * advised ones newest first. `next` is the last key of the page when more may follow.
 */
export async function supervisionInState(state: SupervisionState, after: string | undefined, limit: number): Promise<{ requests: SupervisionRequest[]; next?: string }> {
  const gsi1pk = keys.supervisionRequests(state);
  const afterId = after === undefined ? undefined : parseSupervisionRequestId(requestIdOfListingKey(state, after) ?? '');
  if (after !== undefined && !afterId) throw new RangeError(`not a listing key of ${state} requests`);
  const out = await dynamo().send(
    new QueryCommand({
      TableName: env.tableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': gsi1pk },
      ExclusiveStartKey: afterId ? { ...keys.supervision(afterId.applicationId, afterId.sequence), gsi1pk, gsi1sk: after } : undefined,
      ScanIndexForward: state !== 'advised',
      Limit: limit,
    }),
  );
  const requests = (out.Items ?? []).map(strip);
  const last = out.LastEvaluatedKey?.gsi1sk;
  return { requests, ...(typeof last === 'string' ? { next: last } : {}) };
}
