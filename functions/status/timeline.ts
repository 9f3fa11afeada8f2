import { statusLabels, type Application } from '../applications/application';
import type { AuditEvent } from '../applications/audit';
import type { EligibilityResult } from '../eligibility/types';
import { eligibilityAfterRules } from './eligibility-note';

/** The citizen's timeline: only events marked visible, oldest first, with bilingual labels. */
export function timeline(events: AuditEvent[]) {
  return events
    .filter((e) => e.visibleToApplicant)
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((e) => ({ at: e.at, action: e.action, status: e.status, label: e.status ? statusLabels[e.status] : undefined }));
}

/**
 * The eligibility explanation a citizen may see: the rules' outcome, reasons, each criterion's
 * verdict, copay — and, when an override or a case manager's rejection came after the rules, what
 * the box then heads with and says (`afterRules`), so it never contradicts the outcome.
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
    ruleVersion: result.ruleVersion,
    ...(afterRules ? { afterRules } : {}),
  };
}
