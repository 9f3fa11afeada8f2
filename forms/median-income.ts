/**
 * Standard median income (기준 중위소득), monthly KRW at 100%, for households of 1..7 persons.
 * Published yearly by the Ministry of Health and Welfare; add a row per year.
 */
export const medianIncomeTable: Readonly<Record<number, readonly number[]>> = {
  2023: [2_077_892, 3_456_155, 4_434_816, 5_400_964, 6_330_688, 7_227_981, 8_107_515],
  2024: [2_228_445, 3_682_609, 4_714_657, 5_729_913, 6_695_735, 7_618_369, 8_514_994],
  2025: [2_392_013, 3_932_658, 5_025_353, 6_097_773, 7_108_192, 8_064_805, 8_988_428],
  2026: [2_564_238, 4_199_292, 5_359_036, 6_494_738, 7_556_719, 8_555_952, 9_515_150],
};

export const incomeTableYears: readonly number[] = Object.keys(medianIncomeTable).map(Number);

export function hasIncomeTable(year: number): boolean {
  return incomeTableYears.includes(year);
}

/**
 * Median income for a household. Households of 8 or more add, per extra person, the step between
 * 6 and 7 persons — the published rule, so the table itself stops at 7.
 */
export function medianIncome(year: number, householdSize: number): number {
  const row = medianIncomeTable[year];
  if (!row) throw new RangeError(`no median-income table for ${year}`);
  if (!Number.isInteger(householdSize) || householdSize < 1) {
    throw new RangeError(`household size must be a whole number ≥ 1, got ${householdSize}`);
  }
  const listed = row[householdSize - 1];
  if (listed !== undefined) return listed;
  const six = row[5];
  const seven = row[6];
  if (six === undefined || seven === undefined) throw new RangeError(`table ${year} lacks 6/7 persons`);
  return seven + (householdSize - 7) * (seven - six);
}

function wholeBig(value: number, what: string): bigint {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer, got ${value}`);
  return BigInt(value);
}

/** Whether `income` is within `percent`% of `median`: `income × 100 ≤ percent × median`, exactly. */
export function isWithinPercent(income: number, percent: number, median: number): boolean {
  return wholeBig(income, 'income') * 100n <= wholeBig(percent, 'percent') * wholeBig(median, 'median');
}

/** The largest whole-won income still within `percent`% of `median`: floor(percent × median / 100). */
export function incomeLimit(percent: number, median: number): number {
  return Number((wholeBig(percent, 'percent') * wholeBig(median, 'median')) / 100n);
}
