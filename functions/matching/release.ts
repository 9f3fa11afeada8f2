import type { Application } from '../applications/application';
import type { AuditEvent } from '../applications/audit';
import { transition } from '../applications/store';
import type { OfferAnswer, ProviderOffer } from './offer';
import { closeOfferWrite } from './offer-store';
import { releaseWrites } from './places';

/**
 * Closes an open offer that will not be served (declined, or lapsed), gives its place back and
 * never offers this application to that counsellor again — one transaction, so a retry finds the
 * offer closed and changes nothing.
 */
export async function releasePlace(application: Application, offer: ProviderOffer, state: 'declined' | 'expired', answer: OfferAnswer, audit: AuditEvent) {
  const match = application.match!;
  const excluded = [...new Set([...match.excludedCounsellorIds, offer.counsellorId])];
  const { reservation: _released, ...rest } = match;
  await transition(application.id, {
    from: ['matching'],
    to: 'matching',
    set: { match: { ...rest, excludedCounsellorIds: excluded, proposedCounsellorId: undefined } },
    audit,
    with: [
      closeOfferWrite(offer, state, { answer }),
      ...releaseWrites({ agencyId: offer.agencyId, counsellorId: offer.counsellorId }, application.id, audit.at),
    ],
  });
}
