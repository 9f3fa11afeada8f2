import { getProgramme } from '../../forms';
import { now } from '../commons/clock';
import { workflowStep } from '../commons/step';
import { auditEvent } from '../applications/audit';
import { requireApplication, transition } from '../applications/store';
import { stepInput, systemActor } from '../lifecycle/step-input';
import { checkEligibility } from './check-eligibility';
import type { EligibilityResult } from './types';

/**
 * CheckEligibility: decides under the rules in force on the application date and stores the full
 * explanation with the rule version, which the application then keeps (a retry or a later rule change
 * never re-decides it).
 */
export const handler = workflowStep('CheckEligibility', stepInput, async ({ applicationId }) => {
  const application = await requireApplication(applicationId);
  if (application.eligibility) return { outcome: (application.eligibility as EligibilityResult).outcome };
  const result = checkEligibility(getProgramme(application.programme), application.answers, {
    applicationDate: new Date(application.createdAt),
  });
  const done = await transition(applicationId, {
    from: ['submitted'],
    to: 'screened',
    set: { eligibility: result },
    audit: auditEvent({
      applicationId,
      at: now().toISOString(),
      actor: systemActor('CheckEligibility'),
      action: 'eligibility.checked',
      status: 'screened',
      visibleToApplicant: true,
      detail: {
        outcome: result.outcome,
        ruleVersion: `${result.ruleVersion.programme}@${result.ruleVersion.definitionVersion}/${result.ruleVersion.incomeTableYear}`,
      },
    }),
  });
  // A concurrent attempt may have decided first: its stored result is the one that counts.
  const decided = done.applied ? result : (done.current.eligibility as EligibilityResult);
  return { outcome: decided.outcome };
});
