import { statusLabels, type Application } from '../applications/application';
import type { AuditEvent } from '../applications/audit';
import type { EligibilityResult } from '../eligibility/types';

/** The citizen's timeline: only events marked visible, oldest first, with bilingual labels. */
export function timeline(events: AuditEvent[]) {
  return events
    .filter((e) => e.visibleToApplicant)
    .sort((a, b) => a.at.localeCompare(b.at))
    .map((e) => ({ at: e.at, action: e.action, status: e.status, label: e.status ? statusLabels[e.status] : undefined }));
}

/** The eligibility explanation a citizen may see: outcome, reasons, each criterion's verdict, copay. */
export function explanation(application: Application) {
  const result = application.eligibility as EligibilityResult | undefined;
  if (!result) return undefined;
  return {
    outcome: result.outcome,
    reasons: result.reasons,
    criteria: result.criteria.map((c) => ({ id: c.id, label: c.label, passed: c.passed, reason: c.reason })),
    copay: result.copay,
    ruleVersion: result.ruleVersion,
  };
}
