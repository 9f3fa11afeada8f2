/**
 * The explainable eligibility engine: the same definition, answers and application date always give
 * the same result, and the result says which rule, input and threshold decided it.
 */
import type { AnyProgramme } from '../../forms';
import { seoulIsoDate, yearOf } from '../../forms/dates';
import type { Text } from '../../forms/i18n';
import { noCopay } from './copay';
import { childAdolescentRules } from './rules/child-adolescent';
import { parentRules } from './rules/parent';
import { youthRules } from './rules/youth';
import type { ApplicationDay, Criterion, EligibilityResult, Outcome, RuleEvaluation } from './types';

export interface CheckOptions {
  /** When the application was received; rules use its calendar day in Seoul. */
  applicationDate: Date;
}

/** Each programme's rule set, reading its numbers from the definition. A new programme adds a case. */
function evaluate(programme: AnyProgramme, answers: unknown, on: ApplicationDay): RuleEvaluation {
  switch (programme.id) {
    case 'child-adolescent':
      return childAdolescentRules(programme, programme.eligibilitySchema.parse(answers), on);
    case 'parent':
      return parentRules(programme, programme.eligibilitySchema.parse(answers), on);
    case 'youth':
      return youthRules(programme, programme.eligibilitySchema.parse(answers), on);
  }
}

/** Any failed criterion refuses; otherwise any open one needs a person; otherwise eligible. */
export function outcomeOf(criteria: Criterion[]): Outcome {
  if (criteria.some((c) => c.passed === false)) return 'ineligible';
  if (criteria.some((c) => c.passed === null)) return 'needs-review';
  return 'eligible';
}

const headlines: Record<Outcome, Text> = {
  eligible: { ko: '신청 자격 기준을 모두 충족합니다', en: 'All eligibility criteria are met' },
  ineligible: { ko: '신청 자격 기준을 충족하지 않습니다', en: 'The eligibility criteria are not met' },
  'needs-review': { ko: '담당자 확인이 필요한 항목이 있습니다', en: 'A case manager needs to check some points' },
};

/** The headline, then the criteria that decided the outcome, then the copay. */
function summarise(outcome: Outcome, evaluation: RuleEvaluation): Text[] {
  const deciding = evaluation.criteria.filter((c) =>
    outcome === 'ineligible' ? c.passed === false : outcome === 'needs-review' ? c.passed === null : true,
  );
  const copay = outcome !== 'ineligible' && evaluation.copay.reason ? [evaluation.copay.reason] : [];
  return [headlines[outcome], ...deciding.map((c) => c.reason), ...copay];
}

/**
 * Decides an application. `answers` are validated with the programme's `eligibilitySchema` (the
 * resident registration number, if present, is ignored); a ZodError means they are not answers to
 * this programme.
 *
 * @example
 * const result = checkEligibility(getProgramme('youth'), answers, { applicationDate: now() });
 * if (result.outcome === 'ineligible') notify(result.reasons);
 */
export function checkEligibility(programme: AnyProgramme, answers: unknown, options: CheckOptions): EligibilityResult {
  if (Number.isNaN(options.applicationDate.getTime())) throw new RangeError('applicationDate is not a valid date');
  const date = seoulIsoDate(options.applicationDate);
  const on: ApplicationDay = { date, year: yearOf(date) };
  const evaluation = evaluate(programme, answers, on);
  const outcome = outcomeOf(evaluation.criteria);
  return {
    outcome,
    criteria: evaluation.criteria,
    reasons: summarise(outcome, evaluation),
    copay: outcome === 'ineligible' ? noCopay().result : evaluation.copay.result,
    priority: evaluation.priority,
    ruleVersion: { programme: programme.id, definitionVersion: programme.version, incomeTableYear: on.year },
    decidedAt: date,
  };
}
