import { describe, expect, it } from 'vitest';
import { addMonths, LONGEST_WAIT_DAYS, mayExtend, plannedSessions, waitSeconds } from '../../../functions/service-period/plan';
import { getProgramme } from '../../../forms';

const plan = (id: string) => getProgramme(id as never).plan;

describe('addMonths', () => {
  it('keeps the day of month', () => {
    expect(addMonths(new Date('2026-03-15T09:00:00Z'), 3).toISOString()).toBe('2026-06-15T09:00:00.000Z');
  });
  it('clamps to the last day of a shorter month', () => {
    expect(addMonths(new Date('2026-01-31T00:00:00Z'), 1).toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(addMonths(new Date('2028-01-31T00:00:00Z'), 1).toISOString()).toBe('2028-02-29T00:00:00.000Z');
  });
  it('crosses years', () => {
    expect(addMonths(new Date('2026-11-23T00:00:00Z'), 12).toISOString()).toBe('2027-11-23T00:00:00.000Z');
  });
});

describe('waitSeconds', () => {
  const start = Date.parse('2026-01-01T00:00:00Z');
  it('waits until the end of a period shorter than the longest wait (youth: 3 months)', () => {
    expect(waitSeconds(start, new Date('2026-04-01T00:00:00Z'))).toBe(90 * 24 * 60 * 60);
  });
  it('hands a longer period (child: 12 months) over to the next execution after the longest wait', () => {
    expect(waitSeconds(start, new Date('2027-01-01T00:00:00Z'))).toBe(LONGEST_WAIT_DAYS * 24 * 60 * 60);
    expect(LONGEST_WAIT_DAYS).toBeLessThan(365 / 2);
  });
  it('never waits zero seconds, even past the end', () => {
    expect(waitSeconds(start, new Date('2025-12-01T00:00:00Z'))).toBe(1);
  });
});

describe('the programme plans', () => {
  it('holds a 10-session package for the youth voucher', () => {
    expect(plannedSessions(plan('youth'))).toBe(10);
  });
  it('holds 4 sessions a month over 12 months for the child programme', () => {
    expect(plannedSessions(plan('child-adolescent'))).toBe(48);
  });
});

describe('mayExtend', () => {
  it('lets the youth voucher extend three times (4 periods of 3 months, 12 months in all)', () => {
    expect([1, 2, 3, 4].map((period) => mayExtend(plan('youth'), period))).toEqual([true, true, true, false]);
  });
  it('lets the child programme extend once (24 months)', () => {
    expect([1, 2].map((period) => mayExtend(plan('child-adolescent'), period))).toEqual([true, false]);
  });
  it('lets the parent programme extend once (12 months)', () => {
    expect([1, 2].map((period) => mayExtend(plan('parent'), period))).toEqual([true, false]);
  });
});
