/** The shapes the portal's API answers: the server's own types, imported for their shape only. */
import type { CaseloadEntry, OfferCard } from '../../../functions/provider-portal/portal-views';

export type { CaseloadEntry, OfferCard };

export interface OfferPage {
  offers: OfferCard[];
  /** The cursor of the next page; absent on the last. */
  next?: string;
}
