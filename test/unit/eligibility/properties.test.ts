import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getProgramme } from '../../../forms';
import { medianIncomeTable } from '../../../forms/median-income';
import { checkEligibility } from '../../../functions/eligibility/check-eligibility';
import type { EligibilityResult } from '../../../functions/eligibility/types';
import { childExample, parentExample, patched, seoulNoon, youthExample } from '../../support/answers';

const years = [2023, 2024, 2025, 2026];
const sizes = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** The oracle: the published table and the 8+ rule, written out again here. */
function median(year: number, size: number): number {
  const row = medianIncomeTable[year]!;
  return size <= 7 ? row[size - 1]! : row[6]! + (size - 7) * (row[6]! - row[5]!);
}

/** floor(p × median / 100) in BigInt: the largest income still within p%. */
function limit(percent: number, med: number): number {
  return Number((BigInt(percent) * BigInt(med)) / 100n);
}

const criterion = (result: EligibilityResult, id: string) => result.criteria.find((c) => c.id === id);

function childApplication(year: number, size: number, monthlyIncome: number, category = 'general') {
  const answers = patched(childExample, {
    household: { size, monthlyIncome, category },
    needEvidence: { kind: 'doctor-opinion', issuedOn: `${year}-05-01` },
  });
  return checkEligibility(getProgramme('child-adolescent'), answers, { applicationDate: seoulNoon(`${year}-06-15`) });
}

describe('income thresholds are exact for every year 2023–2026 and household size 1–10', () => {
  it('the integer limit floor(p × median / 100) is within p% and one won more is not', () => {
    for (const year of years) {
      for (const size of sizes) {
        const med = median(year, size);
        for (const percent of [120, 140]) {
          const max = limit(percent, med);
          expect(BigInt(max) * 100n <= BigInt(percent) * BigInt(med)).toBe(true);
          expect(BigInt(max + 1) * 100n > BigInt(percent) * BigInt(med)).toBe(true);
        }
      }
    }
  });

  it('child programme: at, just below and just above 120% and 140%', () => {
    for (const year of years) {
      for (const size of sizes) {
        const med = median(year, size);
        const at120 = limit(120, med);
        const at140 = limit(140, med);
        const expectations: [number, EligibilityResult['outcome'], string | null][] = [
          [at120 - 1, 'eligible', 'tier2'],
          [at120, 'eligible', 'tier2'],
          [at120 + 1, 'eligible', 'tier3'],
          [at140 - 1, 'eligible', 'tier3'],
          [at140, 'eligible', 'tier3'],
          [at140 + 1, 'ineligible', null],
        ];
        for (const [income, outcome, tier] of expectations) {
          const result = childApplication(year, size, income);
          const context = `${year}, ${size} persons, income ${income}`;
          expect(result.outcome, context).toBe(outcome);
          expect(result.copay.tier, context).toBe(tier);
          expect(criterion(result, 'income'), context).toMatchObject({ threshold: at140, inputs: { medianIncome: med, incomeTableYear: year } });
        }
      }
    }
  });

  it('parent programme (parent of a child): the same 140% limit', () => {
    for (const year of years) {
      for (const size of sizes) {
        const at140 = limit(140, median(year, size));
        const decide = (monthlyIncome: number) =>
          checkEligibility(getProgramme('parent'), patched(parentExample, { household: { size, monthlyIncome } }), {
            applicationDate: seoulNoon(`${year}-06-15`),
          });
        expect(decide(at140).outcome).toBe('eligible');
        expect(decide(at140 - 1).copay.tier).toBe('tier3');
        expect(decide(at140 + 1).criteria.filter((c) => c.passed === false).map((c) => c.id)).toEqual(['income']);
      }
    }
  });

  it('any income: the tier and outcome agree with the BigInt oracle, and the copay is price × rate / 100 exactly', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...years),
        fc.integer({ min: 1, max: 20 }),
        fc.double({ min: 0, max: 2, noNaN: true }),
        fc.constantFrom('general', 'general', 'basic-livelihood', 'near-poor', 'single-parent'),
        (year, size, share, category) => {
          const med = median(year, size);
          const income = Math.floor(med * share);
          const result = childApplication(year, size, income, category);
          const within = (p: number) => BigInt(income) * 100n <= BigInt(p) * BigInt(med);
          const expectedTier = !within(140) ? null : category !== 'general' ? 'tier1' : within(120) ? 'tier2' : 'tier3';
          expect(result.outcome).toBe(within(140) ? 'eligible' : 'ineligible');
          expect(result.copay.tier).toBe(expectedTier);
          if (result.copay.ratePercent !== null) {
            expect(result.copay.amountKrw! * 100).toBe(160_000 * result.copay.ratePercent);
            expect(result.copay.monthlyAmount).toBe(result.copay.amountKrw);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** ISO date of the n-th birthday: 29 February falls on 1 March in common years (민법 제160조). */
function birthday(birthDate: string, n: number): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const year = y + n;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return m === 2 && d === 29 && !leap ? `${year}-03-01` : `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function dayBefore(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - 1);
  return date.toISOString().slice(0, 10);
}

const isoDay = (min: string, max: string) =>
  fc.date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('age boundaries', () => {
  const childAge = (birthDate: string, day: string, inHighSchool = false) => {
    const answers = patched(childExample, { child: { birthDate, inHighSchool }, needEvidence: { issuedOn: dayBefore(day) } });
    return criterion(checkEligibility(getProgramme('child-adolescent'), answers, { applicationDate: seoulNoon(day) }), 'age');
  };

  it('a child is 18 the day before the 19th birthday (passes) and 19 on it (fails unless in high school)', () => {
    fc.assert(
      fc.property(isoDay('1990-01-01', '2010-12-31'), (birthDate) => {
        const nineteenth = birthday(birthDate, 19);
        expect(childAge(birthDate, dayBefore(nineteenth))).toMatchObject({ passed: true, inputs: { ageFullYears: 18 } });
        expect(childAge(birthDate, nineteenth)).toMatchObject({ passed: false, inputs: { ageFullYears: 19 } });
        expect(childAge(birthDate, nineteenth, true)).toMatchObject({ passed: true, inputs: { ageFullYears: 19, inHighSchool: true } });
      }),
      { numRuns: 200 },
    );
  });

  it('covers 29 February birthdays: 18 on 28 February, 19 on 1 March of a common year', () => {
    expect(childAge('2008-02-29', '2027-02-28')).toMatchObject({ passed: true, inputs: { ageFullYears: 18 } });
    expect(childAge('2008-02-29', '2027-03-01')).toMatchObject({ passed: false, inputs: { ageFullYears: 19 } });
  });

  it('a 19-year-old high-school student is eligible, with the enrolment certificate named', () => {
    const answers = patched(childExample, { child: { birthDate: '2006-09-03', inHighSchool: true }, rrn: '060903-3123456' });
    const result = checkEligibility(getProgramme('child-adolescent'), answers, { applicationDate: seoulNoon('2026-03-15') });
    expect(result.outcome).toBe('eligible');
    expect(criterion(result, 'age')?.reason.ko).toContain('재학증명서');
  });

  it("a parent's child counts up to the day before the 19th birthday", () => {
    fc.assert(
      fc.property(isoDay('2005-01-01', '2008-12-31'), (birthDate) => {
        const nineteenth = birthday(birthDate, 19);
        const decide = (day: string) =>
          checkEligibility(getProgramme('parent'), patched(parentExample, { children: [{ birthDate, relation: 'child', hasServiceNeed: false }] }), {
            applicationDate: seoulNoon(day),
          });
        expect(criterion(decide(dayBefore(nineteenth)), 'qualifying-child')?.passed).toBe(true);
        expect(criterion(decide(nineteenth), 'qualifying-child')?.passed).toBe(false);
      }),
      { numRuns: 100 },
    );
  });

  it('youth: 19 to 34 by birth year, whatever the birthday', () => {
    fc.assert(
      fc.property(isoDay('1980-01-01', '2012-12-31'), fc.integer({ min: 2023, max: 2030 }), isoDay('2000-01-01', '2000-12-31'), (birthDate, year, dayOfYear) => {
        const day = `${year}${dayOfYear.slice(4)}`;
        if (day.endsWith('02-29') && year % 4 !== 0) return;
        const age = year - Number(birthDate.slice(0, 4));
        const answers = patched(youthExample, { applicant: { birthDate } });
        const result = checkEligibility(getProgramme('youth'), answers, { applicationDate: seoulNoon(day) });
        expect(criterion(result, 'age')).toMatchObject({ passed: age >= 19 && age <= 34, inputs: { ageByBirthYear: age } });
      }),
      { numRuns: 300 },
    );
  });

  it.each([
    ['2007-12-31', '2026-01-01', 19, true],
    ['2008-01-01', '2026-12-31', 18, false],
    ['1992-01-01', '2026-12-31', 34, true],
    ['1991-12-31', '2026-01-01', 35, false],
  ])('youth born %s applying %s is %i by birth year (eligible: %s)', (birthDate, day, age, eligible) => {
    const result = checkEligibility(getProgramme('youth'), patched(youthExample, { applicant: { birthDate } }), { applicationDate: seoulNoon(day) });
    expect(criterion(result, 'age')?.inputs.ageByBirthYear).toBe(age);
    expect(result.outcome).toBe(eligible ? 'eligible' : 'ineligible');
  });
});

describe('every decision', () => {
  const answersArb = fc.record({
    birthDate: isoDay('1995-01-01', '2025-12-31'),
    inHighSchool: fc.boolean(),
    size: fc.integer({ min: 1, max: 20 }),
    monthlyIncome: fc.integer({ min: 0, max: 30_000_000 }),
    category: fc.constantFrom('general', 'basic-livelihood', 'near-poor', 'single-parent'),
    issuedOn: fc.option(isoDay('2022-01-01', '2027-12-31'), { nil: undefined }),
    day: isoDay('2022-06-01', '2027-12-31'),
  });

  it('follows the outcome rule, names its rule version, and is the same when repeated', () => {
    fc.assert(
      fc.property(answersArb, ({ birthDate, inHighSchool, size, monthlyIncome, category, issuedOn, day }) => {
        const answers = patched(childExample, {
          child: { birthDate, inHighSchool },
          household: { size, monthlyIncome, category },
          needEvidence: issuedOn ? { kind: 'teacher-recommendation', issuedOn } : undefined,
        });
        const options = { applicationDate: seoulNoon(day) };
        const result = checkEligibility(getProgramme('child-adolescent'), answers, options);
        const verdicts = result.criteria.map((c) => c.passed);
        const expected = verdicts.includes(false) ? 'ineligible' : verdicts.includes(null) ? 'needs-review' : 'eligible';
        expect(result.outcome).toBe(expected);
        expect(result.ruleVersion.incomeTableYear).toBe(Number(day.slice(0, 4)));
        expect(result.decidedAt).toBe(day);
        if (result.outcome === 'ineligible') expect(result.copay.tier).toBeNull();
        expect(checkEligibility(getProgramme('child-adolescent'), answers, options)).toEqual(result);
      }),
      { numRuns: 300 },
    );
  });
});
