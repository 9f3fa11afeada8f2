import { describe, expect, it } from 'vitest';
import { EXECUTION_MAX_SECONDS, freshTaskFits } from '../../../functions/lifecycle/execution-budget';

const DAY = 86_400;
const started = '2026-01-01T00:00:00.000Z';
const day = (n: number) => Date.parse(started) + n * DAY * 1000;

describe('freshTaskFits', () => {
  it('lets a fresh task open while it and what follows end within the year', () => {
    expect(freshTaskFits(started, day(100), 14 * DAY, 237 * DAY)).toBe(true);
  });
  it('hands it to the next execution once they would not', () => {
    expect(freshTaskFits(started, day(115), 14 * DAY, 237 * DAY)).toBe(false);
  });
  it('is exact at the edge: ending on the last second of the year still fits', () => {
    const edge = day(365 - 30 - 1);
    expect(freshTaskFits(started, edge, 30 * DAY, DAY)).toBe(true);
    expect(freshTaskFits(started, edge + 1000, 30 * DAY, DAY)).toBe(false);
  });
  it('counts the year as 365 days, the shorter reading of AWS’s "1 year"', () => {
    expect(EXECUTION_MAX_SECONDS).toBe(365 * DAY);
  });
});
