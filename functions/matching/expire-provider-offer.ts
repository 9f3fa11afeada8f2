import * as z from 'zod/mini';
import { now } from '../commons/clock';
import { workflowStep } from '../commons/step';
import { auditEvent } from '../applications/audit';
import { requireApplication } from '../applications/store';
import { stepInput, systemActor } from '../lifecycle/step-input';
import { openOfferOf } from './offer-store';
import { releasePlace } from './release';

const input = z.extend(stepInput, { error: z.optional(z.string().check(z.maxLength(100))) });

/**
 * ExpireProviderOffer: the agency did not answer (or acknowledge) in time. The place is released, the
 * counsellor is not offered this application again, and matching moves on to the next candidate.
 */
export const handler = workflowStep('ExpireProviderOffer', input, async ({ applicationId, error }) => {
  const application = await requireApplication(applicationId);
  const offer = await openOfferOf(applicationId);
  if (!offer) return { expired: false }; // Done by an earlier attempt of this step.
  const at = now().toISOString();
  await releasePlace(
    application,
    offer,
    'expired',
    { decision: 'decline', via: 'timeout', at },
    auditEvent({
      applicationId,
      at,
      actor: systemActor('ExpireProviderOffer'),
      action: 'offer.expired',
      detail: { offerId: offer.offerId, agencyId: offer.agencyId, counsellorId: offer.counsellorId, error: error ?? null },
    }),
  );
  return { expired: true };
});
