import { now } from '../commons/clock';
import { workflowStep } from '../commons/step';
import { auditEvent } from '../applications/audit';
import { requireApplication, transition } from '../applications/store';
import { stepInput, systemActor } from '../lifecycle/step-input';
import { releaseWrites } from '../matching/places';
import { notificationPut } from '../notifications/outbox';

/** Closure: the case closes, the provider's place is released and the applicant is told — at once. */
export const handler = workflowStep('Closure', stepInput, async ({ applicationId, period }) => {
  const application = await requireApplication(applicationId);
  const at = now().toISOString();
  await transition(applicationId, {
    from: ['reassessment', 'in-service', 'extended'],
    to: 'closed',
    set: { closedAt: at },
    audit: auditEvent({
      applicationId,
      at,
      actor: systemActor('Closure'),
      action: 'application.closed',
      status: 'closed',
      visibleToApplicant: true,
      detail: { period },
    }),
    with: [
      // The counsellor's place goes back, and the waitlist batch hears of it.
      ...(application.providerId && application.counsellorId
        ? releaseWrites({ agencyId: application.providerId, counsellorId: application.counsellorId }, applicationId, at)
        : []),
      notificationPut({ applicationId, key: 'closed', template: 'application-closed', createdAt: at }),
    ],
  });
  return { closed: true };
});
