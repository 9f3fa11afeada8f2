import * as z from 'zod/mini';
import { now } from '../commons/clock';
import { workflowStep } from '../commons/step';
import { auditEvent } from '../applications/audit';
import { requireApplication, transition } from '../applications/store';
import { stepInput } from '../lifecycle/step-input';
import { offerDecisions, type OfferAnswer } from './offer';
import { closeOfferWrite, openOfferOf } from './offer-store';
import { releasePlace } from './release';
import { servePlaceWrite } from './places';
import { notificationPut } from '../notifications/outbox';

const input = z.extend(stepInput, { answer: z.unknown() });

/**
 * The token's output, from the portal or anyone calling SendTaskSuccess. Only the decision is
 * believed; who answered and why come from the answer the portal stored, matched by its id.
 */
const outputSchema = z.object({ decision: z.enum(offerDecisions), answerId: z.optional(z.string().check(z.maxLength(64))) });

/**
 * RecordOfferAnswer: accepted → the application is matched with that counsellor and the place joins
 * their caseload; declined → the offer closes with its reason, the place is released and the
 * counsellor is not offered this application again; an output that is no answer → the offer closes
 * and the same place is offered afresh. Each in one transaction, so a retried step records it once.
 */
export const handler = workflowStep('RecordOfferAnswer', input, async ({ applicationId, answer: output }) => {
  const parsed = outputSchema.safeParse(output);
  const at = now().toISOString();
  const application = await requireApplication(applicationId);
  const offer = await openOfferOf(applicationId);
  if (!offer) {
    // Recorded by an earlier attempt of this step: answer from what it left.
    if (application.status === 'matched') return { outcome: 'accepted' };
    return { outcome: application.match?.reservation ? 'invalid' : 'declined' };
  }
  if (!parsed.success) {
    await transition(applicationId, {
      from: ['matching'],
      to: 'matching',
      audit: auditEvent({ applicationId, at, actor: { kind: 'step-functions-api' }, action: 'offer.invalid-answer', detail: { offerId: offer.offerId } }),
      with: [closeOfferWrite(offer, 'expired')],
    });
    return { outcome: 'invalid' };
  }
  const stored = offer.answer;
  const fromPortal = stored?.via === 'portal' && stored.id === parsed.data.answerId && stored.decision === parsed.data.decision ? stored : undefined;
  const recorded: OfferAnswer = fromPortal ?? { decision: parsed.data.decision, via: 'step-functions-api', at };
  const holder = { agencyId: offer.agencyId, counsellorId: offer.counsellorId };
  const audit = {
    applicationId,
    at,
    actor: fromPortal?.by ?? ({ kind: 'step-functions-api' } as const),
    detail: { offerId: offer.offerId, agencyId: offer.agencyId, counsellorId: offer.counsellorId, via: recorded.via, reason: recorded.reason ?? null },
    ...(recorded.note ? { note: recorded.note } : {}),
  };

  if (recorded.decision === 'accept') {
    await transition(applicationId, {
      from: ['matching'],
      to: 'matched',
      set: { providerId: offer.agencyId, counsellorId: offer.counsellorId },
      audit: auditEvent({ ...audit, action: 'provider.matched', status: 'matched', visibleToApplicant: true }),
      with: [
        closeOfferWrite(offer, 'accepted', { answer: recorded }),
        servePlaceWrite(holder, applicationId, at),
        // The applicant is told who will serve them; the agency's name and phone are read when it is sent.
        notificationPut({ applicationId, key: `matched-${offer.offerId}`, template: 'provider-matched', agencyId: offer.agencyId, createdAt: at }),
      ],
    });
    return { outcome: 'accepted' };
  }
  await releasePlace(application, offer, 'declined', recorded, auditEvent({ ...audit, action: 'offer.declined' }));
  return { outcome: 'declined' };
});
