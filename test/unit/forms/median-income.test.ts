import { describe, expect, it } from 'vitest';
import {
  hasIncomeTable,
  incomeLimit,
  incomeTableYears,
  isWithinPercent,
  medianIncome,
  medianIncomeTable,
} from '../../../forms/median-income';

describe('medianIncome', () => {
  it('holds the published 2023–2026 tables for 1 to 7 persons', () => {
    expect(incomeTableYears).toEqual([2023, 2024, 2025, 2026]);
    for (const year of incomeTableYears) expect(medianIncomeTable[year]).toHaveLength(7);
    expect(medianIncome(2023, 1)).toBe(2_077_892);
    expect(medianIncome(2024, 4)).toBe(5_729_913);
    expect(medianIncome(2025, 7)).toBe(8_988_428);
    expect(medianIncome(2026, 4)).toBe(6_494_738);
  });

  it('adds the 6→7 step per extra person from 8 persons: 2026, 8 persons = 10,474,348', () => {
    expect(medianIncome(2026, 8)).toBe(10_474_348);
    expect(medianIncome(2026, 9)).toBe(10_474_348 + (9_515_150 - 8_555_952));
    expect(medianIncome(2023, 8)).toBe(8_987_049);
  });

  it('grows with household size in every year', () => {
    for (const year of incomeTableYears) {
      for (let size = 2; size <= 20; size++) expect(medianIncome(year, size)).toBeGreaterThan(medianIncome(year, size - 1));
    }
  });

  it('throws a RangeError for a year without a table or a size below 1', () => {
    expect(() => medianIncome(2022, 3)).toThrow(RangeError);
    expect(() => medianIncome(2027, 3)).toThrow(RangeError);
    expect(() => medianIncome(2026, 0)).toThrow(RangeError);
    expect(() => medianIncome(2026, -2)).toThrow(RangeError);
    expect(() => medianIncome(2026, 2.5)).toThrow(RangeError);
    expect(hasIncomeTable(2026)).toBe(true);
    expect(hasIncomeTable(2027)).toBe(false);
  });
});

describe('isWithinPercent', () => {
  it('compares exactly: 140% of 6,494,738 is 9,092,633.2, so 9,092,633 is within and 9,092,634 is not', () => {
    expect(isWithinPercent(9_092_633, 140, 6_494_738)).toBe(true);
    expect(isWithinPercent(9_092_634, 140, 6_494_738)).toBe(false);
  });

  it('includes the exact boundary when the percentage is a whole number of won', () => {
    expect(isWithinPercent(1_200_000, 120, 1_000_000)).toBe(true);
    expect(isWithinPercent(1_200_001, 120, 1_000_000)).toBe(false);
  });

  it('stays exact where floating point would not (0.1 + 0.2 style products)', () => {
    // 110 × 3 = 330 exactly, while 1.1 × 300 = 330.00000000000006 in floating point.
    expect(isWithinPercent(330, 110, 300)).toBe(true);
    expect(isWithinPercent(1_000_000_000, 140, 1_000_000_000)).toBe(true);
  });

  it('refuses non-integers rather than round them', () => {
    expect(() => isWithinPercent(100.5, 140, 1000)).toThrow(RangeError);
    expect(() => isWithinPercent(100, 12.5, 1000)).toThrow(RangeError);
  });
});

describe('incomeLimit', () => {
  it('is the largest whole-won income within the percentage', () => {
    expect(incomeLimit(140, 6_494_738)).toBe(9_092_633);
    expect(incomeLimit(120, 6_494_738)).toBe(7_793_685);
    expect(incomeLimit(140, 10_474_348)).toBe(14_664_087);
  });
});
