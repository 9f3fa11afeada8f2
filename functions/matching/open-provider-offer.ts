import * as z from 'zod/mini';
import { now } from '../commons/clock';
import { workflowStep } from '../commons/step';
import { auditEvent } from '../applications/audit';
import { requireApplication, transition } from '../applications/store';
import { stateSeconds, stepInput, systemActor, taskToken } from '../lifecycle/step-input';
import { getProgrammeTerms } from '../../forms/terms';
import { offerIdFor, type ProviderOffer } from './offer';
import { offersOfApplication, offerPut } from './offer-store';
import { keys } from '../applications/keys';
import { renewToken } from '../applications/renewed-token';
import { leaveWaitlistWrite } from './waitlist-store';
import { stopIfClosing } from '../closure/stop-if-closing';

const input = z.extend(stepInput, { taskToken, timeoutSeconds: stateSeconds, heartbeatSeconds: stateSeconds });

/** The reserved place has no holder: MatchProvider always reserves before the offer state. */
export class NoReservation extends Error {
  override name = 'NoReservation';
}

/**
 * ProviderOffer: offers the place MatchProvider reserved to the counsellor's agency, as a task that
 * holds the token. Due when its heartbeat runs out (the agency acknowledging it in the portal moves
 * that), never after the state's timeout; both come in the payload, so they cannot disagree. One offer
 * per place offered: a retried attempt (a new token) finds the open offer an earlier attempt made of
 * this reservation and hands it the new token (applications/renewed-token.ts).
 */
export const handler = workflowStep('OpenProviderOffer', input, async ({ applicationId, period, taskToken, timeoutSeconds, heartbeatSeconds }) => {
  const application = await requireApplication(applicationId);
  const reservation = application.match?.reservation;
  if (!reservation) throw new NoReservation(`Application ${applicationId} holds no place to offer`);
  const openedAt = now();
  const after = (seconds: number) => new Date(openedAt.getTime() + seconds * 1000).toISOString();
  const offer: ProviderOffer = {
    offerId: offerIdFor(applicationId, taskToken),
    applicationId,
    period,
    agencyId: reservation.agencyId,
    counsellorId: reservation.counsellorId,
    programme: application.programme,
    serviceType: getProgrammeTerms(application.programme).serviceTypeOf(application.answers),
    district: application.district,
    state: 'open',
    createdAt: openedAt.toISOString(),
    dueAt: after(Math.min(heartbeatSeconds, timeoutSeconds)),
    timeoutAt: after(timeoutSeconds),
    heartbeatSeconds,
    taskToken,
    score: reservation.score,
    reason: reservation.reason,
  };
  // An earlier attempt's offer of the same place, still open: its token died with that attempt.
  const made = (await offersOfApplication(applicationId)).find(
    (o) => o.state === 'open' && o.period === period && o.offerId !== offer.offerId && o.counsellorId === reservation.counsellorId && o.agencyId === reservation.agencyId,
  );
  if (made && (await renewToken(keys.offer(applicationId, made.offerId), made, taskToken))) {
    await stopIfClosing(applicationId);
    return { offerId: made.offerId };
  }
  // A retry with the same token finds its offer already written (same id) and writes nothing twice.
  await transition(applicationId, {
    from: ['matching', 'waitlisted'],
    to: 'matching',
    audit: auditEvent({
      applicationId,
      at: offer.createdAt,
      actor: systemActor('OpenProviderOffer'),
      action: 'provider.offered',
      status: 'matching',
      visibleToApplicant: application.status === 'waitlisted',
      detail: { offerId: offer.offerId, agencyId: offer.agencyId, counsellorId: offer.counsellorId, dueAt: offer.dueAt },
    }),
    // Off the waiting list, however the place was found (the batch, or matching's own recheck).
    with: [offerPut(offer), leaveWaitlistWrite(applicationId)],
  });
  await stopIfClosing(applicationId);
  return { offerId: offer.offerId };
});
