import type { Text } from '../../forms/i18n';
import type { HumanTask } from './task';

/**
 * How late a case is, as the queue shows it.
 *
 * The decision on escalation: a task that expired is replaced by a fresh one with a new due date (the
 * workflow needs that deadline to escalate again), but the case is measured against the due date it
 * first missed (`firstDueAt`, carried by review/task-age.ts). So an escalated case stays "기한 지남"
 * and sorts first, instead of looking on time with its fresh deadline — and it is as old as its first
 * task, not its latest.
 */
export function slaDueAt(task: Pick<HumanTask, 'dueAt' | 'firstDueAt'>): string {
  return task.firstDueAt ?? task.dueAt;
}

/** When the work came in: the period's first task of its kind (an escalation or re-ask keeps it). */
export function receivedAt(task: Pick<HumanTask, 'createdAt' | 'firstOpenedAt'>): string {
  return task.firstOpenedAt ?? task.createdAt;
}

export type SlaState = 'on-time' | 'due-today' | 'overdue';

export const slaLabels: Record<SlaState, Text> = {
  'on-time': { ko: '기한 내', en: 'On time' },
  'due-today': { ko: '오늘 마감', en: 'Due today' },
  overdue: { ko: '기한 지남', en: 'Overdue' },
};

const SEOUL_OFFSET_MS = 9 * 3600 * 1000; // KST has no daylight saving time
const seoulDay = (ms: number) => new Date(ms + SEOUL_OFFSET_MS).toISOString().slice(0, 10);

/** Past due, due before midnight in Seoul, or later. */
export function slaState(dueAt: string, now: Date): SlaState {
  const due = Date.parse(dueAt);
  if (due < now.getTime()) return 'overdue';
  return seoulDay(due) === seoulDay(now.getTime()) ? 'due-today' : 'on-time';
}

/** Whole days since the work came in. */
export function ageInDays(received: string, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(received)) / 86_400_000));
}
