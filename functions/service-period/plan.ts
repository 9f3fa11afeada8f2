import type { ServicePlan } from '../../forms/types';

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

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

/** The period is checked weekly (sessions may complete the plan early) and exactly at its end. */
export function nextCheckAt(nowMs: number, endsAt: Date): Date {
  return new Date(Math.min(nowMs + WEEK_MS, endsAt.getTime()));
}

/** Whether another period fits the programme's re-assessment and duration caps. */
export function mayExtend(plan: ServicePlan, currentPeriod: number): boolean {
  const extensionsUsed = currentPeriod - 1;
  return extensionsUsed < plan.maxReassessments && (currentPeriod + 1) * plan.periodMonths <= plan.maxMonths;
}
