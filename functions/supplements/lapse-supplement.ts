import { now } from '../commons/clock';
import { workflowStep } from '../commons/step';
import { auditEvent } from '../applications/audit';
import { requireApplication, transition } from '../applications/store';
import { stepInput, systemActor } from '../lifecycle/step-input';
import { lapsedWrite } from './supplement-store';

/**
 * The citizen's deadline passed: the round is marked "no answer", and the workflow returns the case
 * to the case manager with a fresh review task saying so. If the citizen's answer landed at the same
 * moment, it wins (the round is no longer waiting) and this changes nothing.
 */
export const handler = workflowStep('LapseSupplement', stepInput, async ({ applicationId }) => {
  const application = await requireApplication(applicationId);
  const summary = application.supplement;
  if (!summary) throw new Error(`Application ${applicationId} has no supplement round to lapse`);
  const at = now().toISOString();
  await transition(applicationId, {
    from: ['supplement-requested'],
    to: 'supplement-requested',
    set: { supplement: { ...summary, state: 'no-answer' } },
    audit: auditEvent({ applicationId, at, actor: systemActor('LapseSupplement'), action: 'supplement.no-answer', detail: { round: summary.round, dueAt: summary.dueAt ?? null } }),
    with: [lapsedWrite(applicationId, summary.round, at)],
  });
  return { round: summary.round };
});
