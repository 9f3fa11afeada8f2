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
  const extensionsUsed = currentPeriod - 1;
  return extensionsUsed < plan.maxReassessments && (currentPeriod + 1) * plan.periodMonths <= plan.maxMonths;
}
