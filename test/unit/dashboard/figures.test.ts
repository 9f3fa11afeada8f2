import { describe, expect, it } from 'vitest';
import { dashboardFigures, monthsUpTo } from '../../../functions/dashboard/figures';

const at = new Date('2026-03-31T15:30:00Z'); // 1 April, 00:30 in Seoul

describe('monthsUpTo', () => {
  it('lists the months up to this one across a year boundary, oldest first', () => {
    expect(monthsUpTo('2026-02', 4)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
  });
});

describe('dashboardFigures', () => {
  const figures = dashboardFigures({
    now: at,
    districts: ['11110', '11440'],
    counters: [
      { sk: 'application#youth#submitted', count: 2 },
      { sk: 'application#youth#submitted', count: 1 }, // the other district's: summed
      { sk: 'application#parent#awaiting-review', count: 1 },
      { sk: 'application#child-adolescent#in-service', count: 4 },
      { sk: 'application#unknown-programme#submitted', count: 9 },
      { sk: 'sessions#2026-04#held', count: 3 },
      { sk: 'sessions#2026-04#no-show', count: 1 },
      { sk: 'sessions#2026-03#held', count: 5 },
      { sk: 'sessions#2025-01#held', count: 7 }, // outside the months shown
    ],
    overdue: [
      { kind: 'review', programme: 'youth' },
      { kind: 'review', programme: 'parent' },
      { kind: 'risk', programme: 'youth' },
    ],
    waiting: [
      { programme: 'youth', waitingSince: '2026-03-21T00:00:00Z' },
      { programme: 'youth', waitingSince: '2026-03-29T00:00:00Z' },
    ],
  });

  it("takes this month in Seoul time, by the clock it is given", () => {
    expect(figures.month).toBe('2026-04');
    expect(figures.sessions.heldByMonth.map((m) => m.month)).toEqual(['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04']);
  });

  it('sums applications by status and programme over the districts, every status listed in lifecycle order', () => {
    expect(figures.applications.byStatus).toHaveLength(13);
    expect(figures.applications.byStatus[0]).toEqual({ status: 'submitted', total: 3, byProgramme: { 'child-adolescent': 0, parent: 0, youth: 3 } });
    expect(figures.applications.byStatus.find((r) => r.status === 'in-service')?.total).toBe(4);
    expect(figures.applications.byProgramme).toEqual([
      { programme: 'child-adolescent', total: 4 },
      { programme: 'parent', total: 1 },
      { programme: 'youth', total: 3 },
    ]);
    expect(figures.applications.total).toBe(8);
  });

  it('tallies overdue tasks by kind and programme', () => {
    expect(figures.overdue.total).toBe(3);
    expect(figures.overdue.byKind.find((k) => k.kind === 'review')?.count).toBe(2);
    expect(figures.overdue.byProgramme.find((p) => p.programme === 'youth')?.count).toBe(2);
  });

  it('counts the waiting list by programme with its longest wait in whole days', () => {
    expect(figures.waitlist.total).toBe(2);
    expect(figures.waitlist.byProgramme.find((p) => p.programme === 'youth')).toEqual({ programme: 'youth', waiting: 2, longestWaitDays: 10 });
    expect(figures.waitlist.byProgramme.find((p) => p.programme === 'parent')).toEqual({ programme: 'parent', waiting: 0, longestWaitDays: null });
  });

  it("counts this month's recorded sessions by outcome, and the held ones of each month shown", () => {
    expect(figures.sessions.recorded).toBe(4);
    expect(figures.sessions.byOutcome).toEqual([
      { outcome: 'held', count: 3 },
      { outcome: 'no-show', count: 1 },
      { outcome: 'cancelled', count: 0 },
      { outcome: 'rescheduled', count: 0 },
    ]);
    expect(figures.sessions.heldByMonth.at(-2)).toEqual({ month: '2026-03', held: 5 });
  });
});
