import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { closeOpenItemWrite, updateWhileOpen } from '../applications/open-items';
import { env } from '../commons/env';
import { keys } from '../applications/keys';
import type { TransactItem } from '../applications/store';
import type { OfferAnswer, OfferState, ProviderOffer } from './offer';

/** An offer's place in its agency's list (GSI1 sort key): by state, then soonest due, then id. */
export function offerQueueKey(offer: Pick<ProviderOffer, 'state' | 'dueAt' | 'offerId'>) {
  return `${offer.state}#${offer.dueAt}#${offer.offerId}`;
}

function strip(item: Record<string, unknown>): ProviderOffer {
  const { pk: _pk, sk: _sk, entity: _e, gsi1pk: _g, gsi1sk: _gs, ...offer } = item;
  return offer as unknown as ProviderOffer;
}

export function offerPut(offer: ProviderOffer): TransactItem {
  return {
    Put: {
      TableName: env.tableName(),
      Item: {
        ...keys.offer(offer.applicationId, offer.offerId),
        entity: 'ProviderOffer',
        gsi1pk: keys.agencyOffers(offer.agencyId),
        gsi1sk: offerQueueKey(offer),
        ...offer,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export async function getOffer(applicationId: string, offerId: string): Promise<ProviderOffer | undefined> {
  const out = await dynamo().send(new GetCommand({ TableName: env.tableName(), Key: keys.offer(applicationId, offerId), ConsistentRead: true }));
  return out.Item ? strip(out.Item) : undefined;
}

/** Every offer of an application, oldest first (offer ids are not ordered; sort by creation). */
export async function offersOfApplication(applicationId: string): Promise<ProviderOffer[]> {
  const out = await dynamo().send(
    new QueryCommand({
      TableName: env.tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.application(applicationId).pk, ':prefix': keys.offerPrefix },
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []).map(strip).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.offerId.localeCompare(b.offerId));
}

export async function openOfferOf(applicationId: string): Promise<ProviderOffer | undefined> {
  return (await offersOfApplication(applicationId)).find((o) => o.state === 'open');
}

/**
 * Up to `limit` offers of an agency in one state, soonest due first, after the queue key `after`;
 * `next` is the key to continue from.
 */
export async function offersOfAgency(
  agencyId: string,
  state: OfferState,
  limit: number,
  after?: Pick<ProviderOffer, 'applicationId' | 'offerId' | 'state' | 'dueAt'>,
): Promise<{ offers: ProviderOffer[]; next?: ProviderOffer }> {
  const gsi1pk = keys.agencyOffers(agencyId);
  const out = await dynamo().send(
    new QueryCommand({
      TableName: env.tableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :state)',
      ExpressionAttributeValues: { ':pk': gsi1pk, ':state': `${state}#` },
      ExclusiveStartKey: after ? { ...keys.offer(after.applicationId, after.offerId), gsi1pk, gsi1sk: offerQueueKey(after) } : undefined,
      Limit: limit,
    }),
  );
  const offers = (out.Items ?? []).map(strip);
  return { offers, next: out.LastEvaluatedKey ? offers.at(-1) : undefined };
}

/** Stores the portal's answer on an open, unanswered offer: of two staff answering at once, one wins. */
export function recordOfferAnswer(offer: ProviderOffer, answer: OfferAnswer): Promise<boolean> {
  return updateWhileOpen(keys.offer(offer.applicationId, offer.offerId), 'SET answer = :answer', { ':answer': answer }, ' AND attribute_not_exists(answer)');
}

/** The agency has seen the offer (the state's heartbeat): its due date moves; false if it closed meanwhile. */
export function acknowledgeOffer(offer: ProviderOffer, at: string, dueAt: string): Promise<boolean> {
  return updateWhileOpen(keys.offer(offer.applicationId, offer.offerId), 'SET acknowledgedAt = :at, dueAt = :due, gsi1sk = :queue', {
    ':at': at,
    ':due': dueAt,
    ':queue': offerQueueKey({ ...offer, dueAt }),
  });
}

/** The conditional "close this open offer" write, for a transaction with what it decides. */
export function closeOfferWrite(offer: ProviderOffer, state: Exclude<OfferState, 'open'>, fields: Partial<ProviderOffer> = {}): TransactItem {
  return closeOpenItemWrite(keys.offer(offer.applicationId, offer.offerId), { ...fields, state, gsi1sk: offerQueueKey({ ...offer, state }) });
}
