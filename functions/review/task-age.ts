import type { HumanTask } from './task';

/**
 * What a fresh review or re-assessment task carries from the ones before it in the same period: the
 * day the first was opened — an escalated or re-asked case is as old as its first task, not its latest —
 * and how many times it was escalated, across executions (a fresh task may open in the next one).
 */
export function carriedAge(earlier: readonly HumanTask[], openedAt: string): { firstOpenedAt: string; escalations: number; firstDueAt?: string } {
  const last = [...earlier].sort((a, b) => a.createdAt.localeCompare(b.createdAt)).at(-1);
  if (!last) return { firstOpenedAt: openedAt, escalations: 0 };
  const escalations = (last.escalations ?? 0) + (last.state === 'expired' ? 1 : 0);
  // The due date a case missed stays its due date: a fresh task after an escalation is measured
  // against it, not against its own new deadline. A task opened after a decision (request-info)
  // starts a fresh deadline: the case manager answered the one before.
  const firstDueAt = last.state === 'expired' ? (last.firstDueAt ?? last.dueAt) : undefined;
  return { firstOpenedAt: last.firstOpenedAt ?? last.createdAt, escalations, ...(firstDueAt ? { firstDueAt } : {}) };
}
