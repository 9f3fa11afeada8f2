/**
 * A supervisor's override of the rules' eligibility outcome (issue 9 item 3). The rules' result stays
 * on the application as it was decided (it is what the rules said, and can be replayed); the
 * override sits beside it, and what counts from then on is the override. Pure: no AWS.
 */
import type { Application, ApplicationStatus } from '../applications/application';
import type { StaffActor } from '../applications/audit';
import type { RejectionReasonCode } from '../review/rejection-reasons';
import type { EligibilityResult, Outcome } from './types';

export interface EligibilityOverride {
  outcome: 'eligible' | 'ineligible';
  /** The supervisor's reason, in their words: for staff and the audit trail, never shown to the applicant. */
  note: string;
  /** Ineligible only: the reason a case manager's reject starts from (the console pre-fills it). */
  rejectionReason?: RejectionReasonCode;
  by: StaffActor;
  at: string;
}

/** The outcome that counts: the supervisor's override, else the rules'. */
export function effectiveOutcome(application: Pick<Application, 'eligibility' | 'eligibilityOverride'>): Outcome | undefined {
  return application.eligibilityOverride?.outcome ?? (application.eligibility as EligibilityResult | undefined)?.outcome;
}

/** Before matching begins: the only time an eligibility outcome still changes what happens. */
const beforeDecision: readonly ApplicationStatus[] = ['screened', 'awaiting-review'];

export type OverridePlan =
  /** Rejected by the rules, now eligible: back to `screened`, and a new execution opens the review. */
  | { kind: 'reopen'; reopened: number }
  /** Still before the decision: the override is recorded; the review task goes on. */
  | { kind: 'record' }
  /** The same override already stands (a retry): answered the same; a reopened one is started again. */
  | { kind: 'standing' }
  | { kind: 'refused'; why: 'rejected-by-review' | 'already' | 'too-late' | 'not-checked' };

/**
 * What an override to `wanted` does to the application as it stands. A rejection by the case manager
 * is not undone here — that is a decision on the case, which the applicant appeals (이의신청); only a
 * rejection by the rules' outcome is. After approval the outcome no longer matters to the workflow.
 */
export function planOverride(application: Pick<Application, 'status' | 'eligibility' | 'eligibilityOverride' | 'rejection' | 'reopened'>, wanted: 'eligible' | 'ineligible'): OverridePlan {
  if (!application.eligibility) return { kind: 'refused', why: 'not-checked' };
  const standing = application.eligibilityOverride?.outcome === wanted;
  if (beforeDecision.includes(application.status)) {
    if (standing) return { kind: 'standing' };
    return effectiveOutcome(application) === wanted ? { kind: 'refused', why: 'already' } : { kind: 'record' };
  }
  if (application.status === 'rejected' && wanted === 'eligible') {
    return rejectedByRules(application) ? { kind: 'reopen', reopened: (application.reopened ?? 0) + 1 } : { kind: 'refused', why: 'rejected-by-review' };
  }
  return { kind: 'refused', why: 'too-late' };
}

/** Rejected on the eligibility outcome, not by a case manager (older applications have no rejection record). */
function rejectedByRules(application: Pick<Application, 'eligibility' | 'rejection'>): boolean {
  if (application.rejection) return application.rejection.basis === 'eligibility';
  return (application.eligibility as EligibilityResult | undefined)?.outcome === 'ineligible';
}
