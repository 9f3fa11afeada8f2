import { now } from '../commons/clock';
import { cancellationReasons } from '../commons/dynamo-errors';
import { workflowStep } from '../commons/step';
import { auditEvent } from '../applications/audit';
import { requireApplication, transition } from '../applications/store';
import { stepInput, systemActor } from '../lifecycle/step-input';
import { rankOffers } from './provider';
import { offersFor, reserveWrite } from './provider-store';

/**
 * MatchProvider: reserves a place at the agency with the most free capacity for the programme in the
 * applicant's district, in one transaction with the status change. No place → waitlisted; the
 * workflow tries again the next day.
 */
export const handler = workflowStep('MatchProvider', stepInput, async ({ applicationId }) => {
  const application = await requireApplication(applicationId);
  if (application.status === 'matched' && application.providerId) return { matched: true, providerId: application.providerId };

  for (const offer of rankOffers(await offersFor(application.programme, application.district))) {
    try {
      const done = await transition(applicationId, {
        from: ['matching', 'waitlisted'],
        to: 'matched',
        set: { providerId: offer.providerId },
        audit: auditEvent({
          applicationId,
          at: now().toISOString(),
          actor: systemActor('MatchProvider'),
          action: 'provider.matched',
          status: 'matched',
          visibleToApplicant: true,
          detail: { providerId: offer.providerId },
        }),
        with: [reserveWrite(offer)],
      });
      return { matched: true, providerId: done.applied ? offer.providerId : done.current.providerId };
    } catch (error) {
      // That agency filled up since we read it: try the next one.
      if (cancellationReasons(error)?.[2] !== 'ConditionalCheckFailed') throw error;
    }
  }

  if (application.status === 'matching') {
    await transition(applicationId, {
      from: ['matching'],
      to: 'waitlisted',
      audit: auditEvent({
        applicationId,
        at: now().toISOString(),
        actor: systemActor('MatchProvider'),
        action: 'provider.waitlisted',
        status: 'waitlisted',
        visibleToApplicant: true,
      }),
    });
  }
  return { matched: false };
});
