import type { TaskKind } from './task';

export interface QueueCounts {
  open: number;
  overdue: number;
  unassigned: number;
}

const zero = (): QueueCounts => ({ open: 0, overdue: 0, unassigned: 0 });

/**
 * A district's open tasks counted by kind: how many, how many past due (the queue key holds the due
 * date the case is measured against, so an escalated case counts as overdue), and how many nobody claimed.
 */
export function tallyOpenTasks(heads: readonly { kind: TaskKind; assignee?: string; queueKey: string }[], now: Date) {
  const overdueBefore = `open#${now.toISOString()}`;
  const byKind: Partial<Record<TaskKind, QueueCounts>> = {};
  const total = zero();
  for (const head of heads) {
    const counts = (byKind[head.kind] ??= zero());
    for (const c of [counts, total]) {
      c.open++;
      if (head.queueKey < overdueBefore) c.overdue++;
      if (!head.assignee) c.unassigned++;
    }
  }
  return { byKind, total };
}
