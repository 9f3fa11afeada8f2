import { describe, expect, it } from 'vitest';
import { ageInDays, receivedAt, slaDueAt, slaState } from '../../../functions/review/queue-sla';
import { matchesFilter, type QueueFilter } from '../../../functions/review/queue-filter';
import { tallyOpenTasks } from '../../../functions/review/task-counts';
import { queueKey } from '../../../functions/review/task-store';
import type { HumanTask } from '../../../functions/review/task';

// 2026-03-10 12:00 in Seoul.
const now = new Date('2026-03-10T03:00:00.000Z');

describe('slaState', () => {
  it('is overdue once the due moment has passed', () => {
    expect(slaState('2026-03-10T02:59:59.999Z', now)).toBe('overdue');
  });
  it('is due today until midnight in Seoul, not in UTC', () => {
    expect(slaState('2026-03-10T03:00:00.001Z', now)).toBe('due-today');
    expect(slaState('2026-03-10T14:59:59.999Z', now)).toBe('due-today'); // 23:59 KST
    expect(slaState('2026-03-10T15:00:00.000Z', now)).toBe('on-time'); // 00:00 KST the next day, still the 10th in UTC
  });
});

describe('an escalated case', () => {
  const escalated = { taskId: 'A.t', state: 'open', createdAt: '2026-03-08T00:00:00.000Z', firstOpenedAt: '2026-02-20T00:00:00.000Z', dueAt: '2026-03-15T00:00:00.000Z', firstDueAt: '2026-03-01T00:00:00.000Z', escalations: 1, district: '11110', kind: 'review' } as HumanTask;

  it('is received when its first task was opened, and as old', () => {
    expect(receivedAt(escalated)).toBe('2026-02-20T00:00:00.000Z');
    expect(ageInDays(receivedAt(escalated), now)).toBe(18);
  });
  it('is due when its first task was, so it shows and sorts as overdue despite its fresh deadline', () => {
    expect(slaDueAt(escalated)).toBe('2026-03-01T00:00:00.000Z');
    expect(slaState(slaDueAt(escalated), now)).toBe('overdue');
    expect(queueKey(escalated)).toBe('open#2026-03-01T00:00:00.000Z#A.t');
    const filter: QueueFilter = { state: 'open', overdue: true, mine: false, unassigned: false, sort: 'received' };
    expect(matchesFilter(escalated, filter, ['11110'], now, 'me')).toBe(true);
    expect(matchesFilter(escalated, filter, ['11440'], now, 'me')).toBe(false);
  });
});

describe('tallyOpenTasks', () => {
  it('counts open, overdue and unassigned tasks per kind and in total', () => {
    const heads = [
      { kind: 'review' as const, queueKey: 'open#2026-03-01T00:00:00.000Z#a' },
      { kind: 'review' as const, assignee: 'me', queueKey: 'open#2026-03-20T00:00:00.000Z#b' },
      { kind: 'risk' as const, queueKey: 'open#2026-03-10T02:00:00.000Z#c' },
    ];
    expect(tallyOpenTasks(heads, now)).toEqual({
      byKind: { review: { open: 2, overdue: 1, unassigned: 1 }, risk: { open: 1, overdue: 1, unassigned: 1 } },
      total: { open: 3, overdue: 2, unassigned: 2 },
    });
  });
});
