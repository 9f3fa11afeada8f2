import { getProgramme } from '../../forms';
import { now } from '../commons/clock';
import { workflowStep } from '../commons/step';
import { auditEvent } from '../applications/audit';
import { requireApplication, transition } from '../applications/store';
import { startLifecycle } from '../lifecycle/start-lifecycle';
import { stepInput, systemActor } from '../lifecycle/step-input';
import { mayExtend } from '../service-period/plan';

/**
 * StartNextPeriod: an extension is a new execution (`<id>-p<n>`), never a longer one — Standard
 * executions end after a year. Beyond the programme's caps the case closes instead.
 */
export const handler = workflowStep('StartNextPeriod', stepInput, async ({ applicationId, period }) => {
  const application = await requireApplication(applicationId);
  const nextPeriod = period + 1;
  if (!mayExtend(getProgramme(application.programme).plan, period)) {
    const at = now().toISOString();
    // The status stays; `once` makes a retried step record the refusal a single time.
    await transition(applicationId, {
      from: ['reassessment'],
      to: 'reassessment',
      set: { extensionRefusedAt: at },
      once: 'extensionRefusedAt',
      audit: auditEvent({
        applicationId,
        at,
        actor: systemActor('StartNextPeriod'),
        action: 'extension.refused',
        visibleToApplicant: true,
        detail: { reason: 'programme-cap', period },
      }),
    });
    return { extended: false };
  }
  await transition(applicationId, {
    from: ['reassessment'],
    to: 'extended',
    audit: auditEvent({
      applicationId,
      at: now().toISOString(),
      actor: systemActor('StartNextPeriod'),
      action: 'extension.approved',
      status: 'extended',
      visibleToApplicant: true,
      detail: { nextPeriod },
    }),
  });
  await startLifecycle({ applicationId, period: nextPeriod });
  return { extended: true, nextPeriod };
});
