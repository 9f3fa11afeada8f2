import { getProgrammeTerms } from '../../forms/terms';
import { now } from '../commons/clock';
import { workflowStep } from '../commons/step';
import { auditEvent } from '../applications/audit';
import { requireApplication, transition } from '../applications/store';
import { stepInput, systemActor } from '../lifecycle/step-input';
import { addMonths, waitSeconds } from './plan';
import { sessionSchedule } from './schedule';
import { sessionPut } from './session-store';

/**
 * StartServicePeriod: the period runs for the programme's plan length from today, and its plan becomes
 * dated sessions the agency records. Returns how long the workflow waits before it looks at the period
 * itself (its end, or the longest wait one execution may hold; see plan.ts).
 */
export const handler = workflowStep('StartServicePeriod', stepInput, async ({ applicationId, period }) => {
  const application = await requireApplication(applicationId);
  const existing = application.servicePeriod;
  if (application.status === 'in-service' && existing?.period === period) {
    return { periodEndsAt: existing.endsAt, waitSeconds: waitSeconds(now().getTime(), new Date(existing.endsAt)) };
  }
  const startsAt = now();
  const programme = getProgrammeTerms(application.programme);
  const endsAt = addMonths(startsAt, programme.plan.periodMonths);
  const schedule = sessionSchedule(programme.plan, period, startsAt).map((planned) => ({
    ...planned,
    applicationId,
    period,
    agencyId: application.providerId!,
    counsellorId: application.counsellorId!,
    history: [],
  }));
  await transition(applicationId, {
    from: ['matched', 'extended'],
    to: 'in-service',
    set: { period, servicePeriod: { period, startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString(), sessionsPlanned: schedule.length } },
    audit: auditEvent({
      applicationId,
      at: startsAt.toISOString(),
      actor: systemActor('StartServicePeriod'),
      action: 'service-period.started',
      status: 'in-service',
      visibleToApplicant: true,
      detail: { period, endsAt: endsAt.toISOString(), sessionsPlanned: schedule.length },
    }),
    with: schedule.map(sessionPut),
  });
  return { periodEndsAt: endsAt.toISOString(), waitSeconds: waitSeconds(startsAt.getTime(), endsAt) };
});
