import type { HumanTask } from './task';

/**
 * What a fresh review or re-assessment task carries from the ones before it in the same period: the
 * day the first was opened — an escalated or re-asked case is as old as its first task, not its latest —
 * and how many times it was escalated, across executions (a fresh task may open in the next one).
 */
export function carriedAge(earlier: readonly HumanTask[], openedAt: string): { firstOpenedAt: string; escalations: number } {
  const last = [...earlier].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1);
  if (!last) return { firstOpenedAt: openedAt, escalations: 0 };
  return {
    firstOpenedAt: last.firstOpenedAt ?? last.createdAt,
    escalations: (last.escalations ?? 0) + (last.state === 'expired' ? 1 : 0),
  };
}
