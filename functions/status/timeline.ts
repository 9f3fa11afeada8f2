import type { Application } from '../applications/application';
import type { EligibilityResult } from '../eligibility/types';
import { eligibilityAfterRules } from './eligibility-note';

/** The citizen's timeline, in plain words (citizen-timeline.ts). */
export { citizenTimeline as timeline } from './citizen-timeline';

/**
 * The eligibility explanation a citizen may see: the rules' outcome, reasons, each criterion's
 * verdict, copay (never the rule version: a code staff read) — and, when an override or a case
 * manager's rejection came after the rules, what the box then heads with and says (`afterRules`),
 * so it never contradicts the outcome.
 */
export function explanation(application: Application) {
  const result = application.eligibility as EligibilityResult | undefined;
  if (!result) return undefined;
  const afterRules = eligibilityAfterRules(application);
  return {
    outcome: result.outcome,
    reasons: result.reasons,
    criteria: result.criteria.map((c) => ({ id: c.id, label: c.label, passed: c.passed, reason: c.reason })),
    copay: result.copay,
    ...(afterRules ? { afterRules } : {}),
  };
}
