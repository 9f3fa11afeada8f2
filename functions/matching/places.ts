import { randomUUID } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { env } from '../commons/env';
import { keys } from '../applications/keys';
import type { TransactItem } from '../applications/store';

/**
 * A place a counsellor holds for one application: reserved when offered, serving once accepted. The
 * counsellor's `reserved` count and the place items always change together, in one transaction, so
 * the two agree and `reserved` can never pass `weeklyCapacity`, whatever the concurrency.
 */
export interface Place {
  agencyId: string;
  counsellorId: string;
  applicationId: string;
  programme: string;
  state: 'offered' | 'serving';
  reservedAt: string;
  servingSince?: string;
}

export interface PlaceHolder {
  agencyId: string;
  counsellorId: string;
}

const WEEK_SECONDS = 7 * 24 * 60 * 60;

/** Takes one place: the counsellor must be active with a free place, and the application must not hold one there yet. */
export function reserveWrites(place: Place): TransactItem[] {
  return [
    {
      Update: {
        TableName: env.tableName(),
        Key: keys.counsellor(place.agencyId, place.counsellorId),
        UpdateExpression: 'SET #reserved = #reserved + :one',
        ConditionExpression: '#active = :true AND #reserved < #capacity',
        ExpressionAttributeNames: { '#reserved': 'reserved', '#capacity': 'weeklyCapacity', '#active': 'active' },
        ExpressionAttributeValues: { ':one': 1, ':true': true },
      },
    },
    {
      Put: {
        TableName: env.tableName(),
        Item: { ...keys.place(place.agencyId, place.counsellorId, place.applicationId), entity: 'Place', ...place },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ];
}

/** Gives a place back, and says so on the table's stream so the waitlist batch can use it. */
export function releaseWrites(holder: PlaceHolder, applicationId: string, at: string): TransactItem[] {
  return [
    {
      Update: {
        TableName: env.tableName(),
        Key: keys.counsellor(holder.agencyId, holder.counsellorId),
        UpdateExpression: 'SET #reserved = #reserved - :one',
        ConditionExpression: '#reserved > :zero',
        ExpressionAttributeNames: { '#reserved': 'reserved' },
        ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
      },
    },
    {
      Delete: {
        TableName: env.tableName(),
        Key: keys.place(holder.agencyId, holder.counsellorId, applicationId),
        ConditionExpression: 'attribute_exists(pk)',
      },
    },
    capacitySignalPut(holder, at),
  ];
}

/** The offer was accepted: the place is now a case in the counsellor's caseload. */
export function servePlaceWrite(holder: PlaceHolder, applicationId: string, at: string): TransactItem {
  return {
    Update: {
      TableName: env.tableName(),
      Key: keys.place(holder.agencyId, holder.counsellorId, applicationId),
      UpdateExpression: 'SET #state = :serving, servingSince = :at',
      ConditionExpression: 'attribute_exists(pk)',
      ExpressionAttributeNames: { '#state': 'state' },
      ExpressionAttributeValues: { ':serving': 'serving', ':at': at },
    },
  };
}

/**
 * "A place may have freed" (or a new application waits for one): an item only ever inserted, whose sort key the stream's filter passes to
 * the waitlist batch. It carries ids only, and expires after a week (TTL).
 */
export function capacitySignalPut(cause: { agencyId?: string; counsellorId?: string; applicationId?: string }, at: string): TransactItem {
  return {
    Put: {
      TableName: env.tableName(),
      Item: {
        ...keys.capacitySignal(randomUUID()),
        entity: 'CapacitySignal',
        ...cause,
        at,
        expiresAt: Math.floor(Date.parse(at) / 1000) + WEEK_SECONDS,
      },
    },
  };
}

/** An agency's places (its caseload and pending offers), every page. */
export async function placesOfAgency(agencyId: string): Promise<Place[]> {
  const places: Place[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await dynamo().send(
      new QueryCommand({
        TableName: env.tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': keys.agency(agencyId).pk, ':prefix': keys.placePrefix },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const { pk: _pk, sk: _sk, entity: _e, ...place } of out.Items ?? []) places.push(place as Place);
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return places;
}
