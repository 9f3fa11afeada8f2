import { describe, expect, it } from 'vitest';
import { carriedAge } from '../../../functions/review/task-age';
import type { HumanTask } from '../../../functions/review/task';

const task = (createdAt: string, state: HumanTask['state'], carried: Partial<HumanTask> = {}): HumanTask =>
  ({ taskId: `A.${createdAt}`, applicationId: 'A', kind: 'review', period: 1, district: '11110', programme: 'youth', state, createdAt, dueAt: createdAt, timeoutAt: createdAt, heartbeatSeconds: 1, ...carried }) as HumanTask;

describe('carriedAge', () => {
  it('starts a first task at its own date, never escalated', () => {
    expect(carriedAge([], '2026-01-01T00:00:00.000Z')).toEqual({ firstOpenedAt: '2026-01-01T00:00:00.000Z', escalations: 0 });
  });
  it('keeps the first task’s date and counts one more escalation after an expired task', () => {
    const first = task('2026-01-01T00:00:00.000Z', 'expired', { firstOpenedAt: '2026-01-01T00:00:00.000Z', escalations: 0 });
    const second = task('2026-01-08T00:00:00.000Z', 'expired', { firstOpenedAt: '2026-01-01T00:00:00.000Z', escalations: 1 });
    // Listed out of order: the latest task counts.
    expect(carriedAge([second, first], '2026-01-15T00:00:00.000Z')).toEqual({ firstOpenedAt: '2026-01-01T00:00:00.000Z', escalations: 2, firstDueAt: second.dueAt });
  });
  it('keeps the due date the first task missed through every escalation after it', () => {
    const first = task('2026-01-01T00:00:00.000Z', 'expired', { dueAt: '2026-01-04T00:00:00.000Z', escalations: 0 });
    const second = task('2026-01-04T00:00:00.000Z', 'expired', { dueAt: '2026-01-11T00:00:00.000Z', firstDueAt: '2026-01-04T00:00:00.000Z', escalations: 1 });
    expect(carriedAge([first], '2026-01-04T00:00:00.000Z').firstDueAt).toBe('2026-01-04T00:00:00.000Z');
    expect(carriedAge([first, second], '2026-01-11T00:00:00.000Z').firstDueAt).toBe('2026-01-04T00:00:00.000Z');
  });
  it('after a decision that asks again (request-info) keeps the date but adds no escalation', () => {
    const asked = task('2026-01-01T00:00:00.000Z', 'decided', { firstOpenedAt: '2026-01-01T00:00:00.000Z', escalations: 1 });
    expect(carriedAge([asked], '2026-01-03T00:00:00.000Z')).toEqual({ firstOpenedAt: '2026-01-01T00:00:00.000Z', escalations: 1 });
  });
  it('reads a task stored before tasks carried their age by its own date', () => {
    expect(carriedAge([task('2025-12-01T00:00:00.000Z', 'expired')], '2026-01-01T00:00:00.000Z')).toEqual({
      firstOpenedAt: '2025-12-01T00:00:00.000Z',
      escalations: 1,
      firstDueAt: '2025-12-01T00:00:00.000Z',
    });
  });
});
