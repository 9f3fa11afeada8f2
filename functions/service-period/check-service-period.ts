import { now } from '../commons/clock';
import { workflowStep } from '../commons/step';
import { auditEvent } from '../applications/audit';
import { requireApplication, transition } from '../applications/store';
import { stepInput, systemActor } from '../lifecycle/step-input';
import { waitSeconds } from './plan';
import { heldCount } from './session';
import { sessionsOf } from './session-store';

/**
 * CheckServicePeriod, after the wait on the period ends: over when the plan's sessions are held or
 * the period's time is up — then the end is recorded on the application and in the audit trail, once.
 * Otherwise the wait only reached the longest one execution may hold, and the next execution waits
 * on (`waitSeconds` more).
 */
export const handler = workflowStep('CheckServicePeriod', stepInput, async ({ applicationId, period }) => {
  const application = await requireApplication(applicationId);
  const servicePeriod = application.servicePeriod!;
  const endsAt = new Date(servicePeriod.endsAt);
  const sessions = await sessionsOf(applicationId, period);
  const sessionsHeld = heldCount(sessions);
  const sessionsPlanned = sessions.length;
  const at = now();
  const planDone = sessionsPlanned > 0 && sessionsHeld >= sessionsPlanned;
  const done = planDone || at.getTime() >= endsAt.getTime();
  if (done) {
    await transition(applicationId, {
      from: ['in-service'],
      to: 'in-service',
      once: 'servicePeriod.endedAt',
      set: { servicePeriod: { ...servicePeriod, endedAt: at.toISOString(), sessionsHeld } },
      audit: auditEvent({
        applicationId,
        at: at.toISOString(),
        actor: systemActor('CheckServicePeriod'),
        action: 'service-period.ended',
        visibleToApplicant: true,
        detail: { period, sessionsHeld, sessionsPlanned, reason: planDone ? 'plan-complete' : 'period-end' },
      }),
    });
  }
  return { done, sessionsHeld, sessionsPlanned, periodEndsAt: endsAt.toISOString(), waitSeconds: waitSeconds(at.getTime(), endsAt) };
});
