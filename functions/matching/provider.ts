import type { Text } from '../../forms/i18n';

/** A provider agency's capacity for one programme in one district. */
export interface ProviderOffer {
  providerId: string;
  name: Text;
  programme: string;
  district: string;
  capacity: number;
  reserved: number;
}

export function freeCapacity(offer: ProviderOffer): number {
  return offer.capacity - offer.reserved;
}

/** Most free places first, so load spreads across agencies; ties by id for a stable order. */
export function rankOffers(offers: ProviderOffer[]): ProviderOffer[] {
  return offers
    .filter((o) => freeCapacity(o) > 0)
    .sort((a, b) => freeCapacity(b) - freeCapacity(a) || a.providerId.localeCompare(b.providerId));
}
