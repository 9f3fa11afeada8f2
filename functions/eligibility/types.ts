import type { Text } from '../../forms/i18n';
import type { CopayTier } from '../../forms/types';

export type Outcome = 'eligible' | 'ineligible' | 'needs-review';

/** One rule applied to one application: what was looked at, against what, and the verdict. */
export interface Criterion {
  id: string;
  label: Text;
  inputs: Record<string, string | number | boolean | null>;
  threshold?: string | number | null;
  /** null: the answers cannot settle it and a case manager must check. */
  passed: boolean | null;
  reason: Text;
}

export interface CopayResult {
  tier: CopayTier | null;
  ratePercent: number | null;
  /** Per month, for monthly vouchers (child and parent programmes). */
  monthlyAmount?: number | null;
  /** Per package, for package vouchers (youth). */
  packageAmount?: number | null;
  /** The amount the applicant pays, in whole KRW. */
  amountKrw: number | null;
}

export interface EligibilityResult {
  outcome: Outcome;
  criteria: Criterion[];
  /** Plain-language summary: the outcome, then what decided it. */
  reasons: Text[];
  copay: CopayResult;
  priority: { rank: number; reason: Text };
  /** Everything needed to replay the decision: the definition version and the income table used. */
  ruleVersion: { programme: string; definitionVersion: string; incomeTableYear: number };
  /** The application date in Seoul, 'YYYY-MM-DD'. */
  decidedAt: string;
}

/** The calendar day rules are judged on: the application date in Seoul. */
export interface ApplicationDay {
  date: string;
  year: number;
}

/** What a programme's rule set decides; `checkEligibility` derives the outcome and summary from it. */
export interface RuleEvaluation {
  criteria: Criterion[];
  copay: { result: CopayResult; reason: Text | null };
  priority: { rank: number; reason: Text };
}
