import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { env } from '../commons/env';
import { keys } from '../applications/keys';
import type { TransactItem } from '../applications/store';
import type { ProviderOffer } from './provider';

export async function offersFor(programme: string, district: string): Promise<ProviderOffer[]> {
  const out = await dynamo().send(
    new QueryCommand({
      TableName: env.tableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.offers(programme, district) },
    }),
  );
  return (out.Items ?? []).map((item) => {
    const { pk: _pk, sk: _sk, entity: _e, gsi1pk: _g, gsi1sk: _gs, ...offer } = item;
    return offer as ProviderOffer;
  });
}

/** The stored form of an offer: found by programme and district through GSI1. */
export function offerItem(offer: ProviderOffer) {
  return {
    ...keys.providerOffer(offer.providerId, offer.programme, offer.district),
    entity: 'ProviderOffer',
    gsi1pk: keys.offers(offer.programme, offer.district),
    gsi1sk: offer.providerId,
    ...offer,
  };
}

/** Takes one place; the condition makes overbooking impossible however many matchers race. */
export function reserveWrite(offer: ProviderOffer): TransactItem {
  return {
    Update: {
      TableName: env.tableName(),
      Key: keys.providerOffer(offer.providerId, offer.programme, offer.district),
      UpdateExpression: 'SET #reserved = #reserved + :one',
      ConditionExpression: '#reserved < #capacity',
      ExpressionAttributeNames: { '#reserved': 'reserved', '#capacity': 'capacity' },
      ExpressionAttributeValues: { ':one': 1 },
    },
  };
}

export function releaseWrite(providerId: string, programme: string, district: string): TransactItem {
  return {
    Update: {
      TableName: env.tableName(),
      Key: keys.providerOffer(providerId, programme, district),
      UpdateExpression: 'SET #reserved = #reserved - :one',
      ConditionExpression: '#reserved > :zero',
      ExpressionAttributeNames: { '#reserved': 'reserved' },
      ExpressionAttributeValues: { ':one': 1, ':zero': 0 },
    },
  };
}
