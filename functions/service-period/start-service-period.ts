import { getProgramme } from '../../forms';
import { now } from '../commons/clock';
import { workflowStep } from '../commons/step';
import { auditEvent } from '../applications/audit';
import { requireApplication, transition } from '../applications/store';
import { stepInput, systemActor } from '../lifecycle/step-input';
import { addMonths, nextCheckAt } from './plan';

/** StartServicePeriod: the period runs for the programme's plan length from today. */
export const handler = workflowStep('StartServicePeriod', stepInput, async ({ applicationId, period }) => {
  const application = await requireApplication(applicationId);
  const existing = application.servicePeriod;
  if (application.status === 'in-service' && existing?.period === period) {
    return { periodEndsAt: existing.endsAt, nextCheckAt: nextCheckAt(now().getTime(), new Date(existing.endsAt)).toISOString() };
  }
  const startsAt = now();
  const endsAt = addMonths(startsAt, getProgramme(application.programme).plan.periodMonths);
  await transition(applicationId, {
    from: ['matched', 'extended'],
    to: 'in-service',
    set: { period, servicePeriod: { period, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() } },
    audit: auditEvent({
      applicationId,
      at: startsAt.toISOString(),
      actor: systemActor('StartServicePeriod'),
      action: 'service-period.started',
      status: 'in-service',
      visibleToApplicant: true,
      detail: { period, endsAt: endsAt.toISOString() },
    }),
  });
  return { periodEndsAt: endsAt.toISOString(), nextCheckAt: nextCheckAt(startsAt.getTime(), endsAt).toISOString() };
});
