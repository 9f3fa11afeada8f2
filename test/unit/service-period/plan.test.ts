import { describe, expect, it } from 'vitest';
import { addMonths, mayExtend, nextCheckAt, plannedSessions } from '../../../functions/service-period/plan';
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

describe('nextCheckAt', () => {
  const start = Date.parse('2026-01-01T00:00:00Z');
  it('checks weekly while the period runs', () => {
    expect(nextCheckAt(start, new Date('2026-04-01T00:00:00Z')).toISOString()).toBe('2026-01-08T00:00:00.000Z');
  });
  it('checks exactly at the end of the period when it is nearer than a week', () => {
    expect(nextCheckAt(start, new Date('2026-01-03T00:00:00Z')).toISOString()).toBe('2026-01-03T00:00:00.000Z');
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
