import { getProgramme } from '../../forms';
import { now } from '../commons/clock';
import { workflowStep } from '../commons/step';
import { auditEvent } from '../applications/audit';
import { requireApplication, transition } from '../applications/store';
import { stepInput, systemActor } from '../lifecycle/step-input';
import { nextCheckAt, plannedSessions } from './plan';
import { countAttendedSessions } from './session-store';

/**
 * CheckServicePeriod: over when the plan's sessions are held or the period has ended. The end is
 * recorded on the application and in the audit trail, once.
 */
export const handler = workflowStep('CheckServicePeriod', stepInput, async ({ applicationId, period }) => {
  const application = await requireApplication(applicationId);
  const servicePeriod = application.servicePeriod!;
  const endsAt = new Date(servicePeriod.endsAt);
  const sessionsPlanned = plannedSessions(getProgramme(application.programme).plan);
  const sessionsHeld = await countAttendedSessions(applicationId, period);
  const at = now();
  const planDone = sessionsHeld >= sessionsPlanned;
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
  return {
    done,
    sessionsHeld,
    sessionsPlanned,
    periodEndsAt: endsAt.toISOString(),
    nextCheckAt: nextCheckAt(at.getTime(), endsAt).toISOString(),
  };
});
