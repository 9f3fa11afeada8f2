import type { Text } from '../../forms/i18n';
import type { ServicePlan } from '../../forms/types';

/**
 * The longest one execution waits on a service period before it hands over to the next execution
 * (continue-as-new): a Standard execution ends after a year, and the execution that starts a period
 * has already spent time on review and matching, and will still hold the re-assessment.
 */
export const LONGEST_WAIT_DAYS = 120;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Calendar months later, clamped to the month's last day (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(from: Date, months: number): Date {
  const target = new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() + months, 1, from.getUTCHours(), from.getUTCMinutes(), from.getUTCSeconds()));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(from.getUTCDate(), lastDay));
  return target;
}

/** Sessions one period of the plan holds: a fixed package, or a monthly rhythm over the period. */
export function plannedSessions(plan: ServicePlan): number {
  return plan.totalSessions ?? (plan.sessionsPerMonth ?? 0) * plan.periodMonths;
}

/**
 * Seconds the workflow waits on the period from `nowMs`: until its end, at most LONGEST_WAIT_DAYS (then
 * the next execution waits on), at least one second. The agency's record of the plan's last session
 * ends the wait early.
 */
export function waitSeconds(nowMs: number, endsAt: Date): number {
  return Math.max(1, Math.ceil(Math.min(endsAt.getTime() - nowMs, LONGEST_WAIT_DAYS * DAY_MS) / 1000));
}

/** Whether another period fits the programme's re-assessment and duration caps. */
export function mayExtend(plan: ServicePlan, currentPeriod: number): boolean {
  return extensionCap(plan, currentPeriod).allowed;
}

/** What the programme's caps say of one more period after `currentPeriod`. */
export type ExtensionCap =
  | { allowed: true; nextPeriod: number; monthsAfter: number }
  | { allowed: false; nextPeriod: number; monthsAfter: number; reason: Text };

/**
 * The caps of DOMAIN.md §2 (child: 1 re-assessment, 24 months; parent: 1, 12 months; youth: 3, 12
 * months), with the reason in words when another period does not fit: the case manager reads it
 * before deciding, and the decision route answers with it.
 */
export function extensionCap(plan: ServicePlan, currentPeriod: number): ExtensionCap {
  const extensionsUsed = currentPeriod - 1;
  const nextPeriod = currentPeriod + 1;
  const monthsAfter = nextPeriod * plan.periodMonths;
  const tooMany = extensionsUsed >= plan.maxReassessments;
  const tooLong = monthsAfter > plan.maxMonths;
  if (!tooMany && !tooLong) return { allowed: true, nextPeriod, monthsAfter };
  const ko: string[] = [];
  const en: string[] = [];
  if (tooMany) {
    ko.push(`재판정 연장은 최대 ${plan.maxReassessments}회이며 이미 ${extensionsUsed}회 연장했습니다`);
    en.push(`at most ${plan.maxReassessments} extension${plan.maxReassessments === 1 ? '' : 's'} by re-assessment, and ${extensionsUsed} already used`);
  }
  if (tooLong) {
    ko.push(`한 번 더 연장하면 모두 ${monthsAfter}개월로 최대 ${plan.maxMonths}개월을 넘습니다`);
    en.push(`another period would make ${monthsAfter} months, past the maximum of ${plan.maxMonths}`);
  }
  return {
    allowed: false,
    nextPeriod,
    monthsAfter,
    reason: {
      ko: `이 사업의 연장 한도에 이르렀습니다: ${ko.join(', ')}. 종결해 주세요.`,
      en: `The programme's extension cap is reached: ${en.join('; ')}. Close the case instead.`,
    },
  };
}
