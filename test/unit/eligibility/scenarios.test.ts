/**
 * Named applications and their expected decisions. 2026 limits used below (median × p / 100, floored):
 * 3 persons 120% 6,430,843 · 140% 7,502,650; 4 persons 120% 7,793,685 · 140% 9,092,633;
 * 8 persons 140% 14,664,087. 2023, 4 persons 140% 7,561,349.
 */
import { describe, expect, it } from 'vitest';
import { getProgramme, type ProgrammeId } from '../../../forms';
import type { CopayTier } from '../../../forms/types';
import { checkEligibility } from '../../../functions/eligibility/check-eligibility';
import type { Outcome } from '../../../functions/eligibility/types';
import { childExample, exampleDay, parentExample, patched, seoulNoon, youthExample } from '../../support/answers';

interface Scenario {
  name: string;
  programme: ProgrammeId;
  answers: object;
  /** The Seoul day applied on; `at` gives an exact moment instead. */
  day?: string;
  at?: Date;
  outcome: Outcome;
  tier: CopayTier | null;
  failing?: string[];
  review?: string[];
  amountKrw?: number;
  rank?: number;
}

const child = (patch: Record<string, unknown>) => patched(childExample, patch);
const parent = (patch: Record<string, unknown>) => patched(parentExample, patch);
const youth = (patch: Record<string, unknown>) => patched(youthExample, patch);
const kid = (birthDate: string, relation = 'child', hasServiceNeed = false) => ({ birthDate, relation, hasServiceNeed });
const relativeCarer = { basis: 'relative-carer', kinshipDegree: 3, primaryCaregiver: true, children: [kid('2015-04-01', 'other-relative', true)] };

const scenarios: Scenario[] = [
  // 아동·청소년 심리지원서비스 (160,000 KRW a month)
  { name: 'child aged 11, income 77% of median for 4 → eligible tier2, 32,000 KRW a month', programme: 'child-adolescent', answers: childExample, outcome: 'eligible', tier: 'tier2', amountKrw: 32_000, rank: 1 },
  { name: 'child aged 18 one day before 19th birthday, income at 140% → eligible tier3', programme: 'child-adolescent', answers: child({ child: { birthDate: '2007-03-16' }, household: { monthlyIncome: 9_092_633 } }), outcome: 'eligible', tier: 'tier3', amountKrw: 48_000 },
  { name: 'child on the 19th birthday, not in high school → ineligible (age)', programme: 'child-adolescent', answers: child({ child: { birthDate: '2007-03-15' } }), outcome: 'ineligible', tier: null, failing: ['age'] },
  { name: 'child aged 19 in high school → eligible tier2 (enrolment certificate)', programme: 'child-adolescent', answers: child({ child: { birthDate: '2007-01-10', inHighSchool: true } }), outcome: 'eligible', tier: 'tier2' },
  { name: 'student aged 20 still in high school → eligible', programme: 'child-adolescent', answers: child({ child: { birthDate: '2005-06-01', inHighSchool: true } }), outcome: 'eligible', tier: 'tier2' },
  { name: 'child, income one won above 140% for 4 → ineligible (income)', programme: 'child-adolescent', answers: child({ household: { monthlyIncome: 9_092_634 } }), outcome: 'ineligible', tier: null, failing: ['income'] },
  { name: 'child, income exactly at 120% → eligible tier2', programme: 'child-adolescent', answers: child({ household: { monthlyIncome: 7_793_685 } }), outcome: 'eligible', tier: 'tier2', amountKrw: 32_000 },
  { name: 'child, income one won above 120% → eligible tier3', programme: 'child-adolescent', answers: child({ household: { monthlyIncome: 7_793_686 } }), outcome: 'eligible', tier: 'tier3', amountKrw: 48_000 },
  { name: 'child in a basic-livelihood household → eligible tier1, 16,000 KRW', programme: 'child-adolescent', answers: child({ household: { monthlyIncome: 1_000_000, category: 'basic-livelihood' } }), outcome: 'eligible', tier: 'tier1', amountKrw: 16_000 },
  { name: 'child in a near-poor household → eligible tier1', programme: 'child-adolescent', answers: child({ household: { monthlyIncome: 2_500_000, category: 'near-poor' } }), outcome: 'eligible', tier: 'tier1' },
  { name: 'single-parent family at 130% → eligible tier1 (category before income)', programme: 'child-adolescent', answers: child({ household: { monthlyIncome: 8_443_159, category: 'single-parent' } }), outcome: 'eligible', tier: 'tier1' },
  { name: 'single-parent family above 140% → ineligible (income)', programme: 'child-adolescent', answers: child({ household: { monthlyIncome: 9_500_000, category: 'single-parent' } }), outcome: 'ineligible', tier: null, failing: ['income'] },
  { name: 'child without need evidence → needs-review, provisional tier2', programme: 'child-adolescent', answers: child({ needEvidence: undefined }), outcome: 'needs-review', tier: 'tier2', review: ['need-evidence'] },
  { name: 'evidence issued exactly 6 months before → eligible', programme: 'child-adolescent', answers: child({ needEvidence: { issuedOn: '2025-09-15' } }), outcome: 'eligible', tier: 'tier2' },
  { name: 'evidence issued 6 months and a day before → needs-review (expired)', programme: 'child-adolescent', answers: child({ needEvidence: { issuedOn: '2025-09-14' } }), outcome: 'needs-review', tier: 'tier2', review: ['need-evidence'] },
  { name: 'evidence dated after the application date → needs-review', programme: 'child-adolescent', answers: child({ needEvidence: { issuedOn: '2026-03-16' } }), outcome: 'needs-review', tier: 'tier2', review: ['need-evidence'] },
  { name: 'application in 2027 without a median-income table → needs-review (income), no tier', programme: 'child-adolescent', day: '2027-03-15', answers: child({ needEvidence: { issuedOn: '2027-01-20' } }), outcome: 'needs-review', tier: null, review: ['income'] },
  { name: 'application in 2023 judged on the 2023 table: 7,561,349 for 4 is within 140% → eligible tier3', programme: 'child-adolescent', day: '2023-06-15', answers: child({ household: { monthlyIncome: 7_561_349 }, needEvidence: { issuedOn: '2023-05-01' } }), outcome: 'eligible', tier: 'tier3' },
  { name: 'application in 2023: one won more → ineligible (income)', programme: 'child-adolescent', day: '2023-06-15', answers: child({ household: { monthlyIncome: 7_561_350 }, needEvidence: { issuedOn: '2023-05-01' } }), outcome: 'ineligible', tier: null, failing: ['income'] },
  { name: 'child over the age and household over the income → ineligible on both', programme: 'child-adolescent', answers: child({ child: { birthDate: '2005-01-01' }, household: { monthlyIncome: 10_000_000 } }), outcome: 'ineligible', tier: null, failing: ['age', 'income'] },
  { name: 'household of 8 at exactly 140% of 10,474,348 → eligible tier3', programme: 'child-adolescent', answers: child({ household: { size: 8, monthlyIncome: 14_664_087 } }), outcome: 'eligible', tier: 'tier3' },
  { name: 'applied 23:30 KST the day before the 19th birthday → still 18, eligible', programme: 'child-adolescent', at: new Date('2026-03-14T23:30:00+09:00'), answers: child({ child: { birthDate: '2007-03-15' } }), outcome: 'eligible', tier: 'tier2' },

  // 부모심리지원서비스 (240,000 KRW a month)
  { name: 'parent of a 6-year-old with emotional problems, income 112% → eligible tier2, priority 1', programme: 'parent', answers: parentExample, outcome: 'eligible', tier: 'tier2', amountKrw: 48_000, rank: 1 },
  { name: 'parent at exactly 140% for 3 → eligible tier3, 72,000 KRW', programme: 'parent', answers: parent({ household: { monthlyIncome: 7_502_650 } }), outcome: 'eligible', tier: 'tier3', amountKrw: 72_000 },
  { name: 'parent one won above 140% → ineligible (income)', programme: 'parent', answers: parent({ household: { monthlyIncome: 7_502_651 } }), outcome: 'ineligible', tier: null, failing: ['income'] },
  { name: 'parent whose only child turned 19 yesterday → ineligible (qualifying-child)', programme: 'parent', answers: parent({ children: [kid('2007-03-14')] }), outcome: 'ineligible', tier: null, failing: ['qualifying-child'] },
  { name: 'parent whose child is 18, one day before the 19th birthday → eligible', programme: 'parent', answers: parent({ children: [kid('2007-03-16')] }), outcome: 'eligible', tier: 'tier2' },
  { name: 'parent of a 20-year-old and a 15-year-old → eligible', programme: 'parent', answers: parent({ children: [kid('2005-05-05'), kid('2010-10-10')] }), outcome: 'eligible', tier: 'tier2' },
  { name: 'pregnant woman without children at 100% → eligible tier2, priority 3', programme: 'parent', answers: parent({ basis: 'pregnant', children: [], childEmotionalProblem: false, household: { monthlyIncome: 5_359_036 } }), outcome: 'eligible', tier: 'tier2', rank: 3 },
  { name: 'pregnant woman above 140% → ineligible (income)', programme: 'parent', answers: parent({ basis: 'pregnant', children: [], household: { monthlyIncome: 8_000_000 } }), outcome: 'ineligible', tier: null, failing: ['income'] },
  { name: 'grandparent heading the household, grandchild of 10, basic livelihood → eligible tier1, 24,000 KRW', programme: 'parent', answers: parent({ basis: 'grandparent-carer', children: [kid('2016-01-01', 'grandchild')], household: { category: 'basic-livelihood' } }), outcome: 'eligible', tier: 'tier1', amountKrw: 24_000 },
  { name: 'grandparent carer who listed no grandchild → ineligible (qualifying-child)', programme: 'parent', answers: parent({ basis: 'grandparent-carer' }), outcome: 'ineligible', tier: null, failing: ['qualifying-child'] },
  { name: 'aunt (3촌) caring for a child in need, income 200% → needs-review (copay band)', programme: 'parent', answers: parent({ ...relativeCarer, household: { monthlyIncome: 10_718_072 } }), outcome: 'needs-review', tier: null, review: ['copay-band'] },
  { name: 'aunt (3촌) caring for a child in need, near-poor → eligible tier1 whatever the income', programme: 'parent', answers: parent({ ...relativeCarer, household: { monthlyIncome: 10_718_072, category: 'near-poor' } }), outcome: 'eligible', tier: 'tier1' },
  { name: 'relative carer at 120% → eligible tier2 (no income test, copay by income)', programme: 'parent', answers: parent({ ...relativeCarer, household: { monthlyIncome: 6_430_843 } }), outcome: 'eligible', tier: 'tier2' },
  { name: 'relative carer in the 5th degree → ineligible (kinship)', programme: 'parent', answers: parent({ ...relativeCarer, kinshipDegree: 5 }), outcome: 'ineligible', tier: null, failing: ['kinship'] },
  { name: 'relative carer whose child has no service need → ineligible (qualifying-child)', programme: 'parent', answers: parent({ ...relativeCarer, children: [kid('2015-04-01', 'other-relative', false)] }), outcome: 'ineligible', tier: null, failing: ['qualifying-child'] },
  { name: 'relative who is not the primary caregiver → ineligible (primary-caregiver)', programme: 'parent', answers: parent({ ...relativeCarer, primaryCaregiver: false }), outcome: 'ineligible', tier: null, failing: ['primary-caregiver'] },
  { name: 'child welfare facility carer at 90% → eligible tier2', programme: 'parent', answers: parent({ basis: 'facility-carer', facilityName: '서울시립아동복지센터', children: [], childEmotionalProblem: false, household: { monthlyIncome: 4_823_132 } }), outcome: 'eligible', tier: 'tier2', rank: 3 },
  { name: 'facility carer at 250% → needs-review (copay band)', programme: 'parent', answers: parent({ basis: 'facility-carer', facilityName: '서울시립아동복지센터', children: [], household: { monthlyIncome: 13_397_590 } }), outcome: 'needs-review', tier: null, review: ['copay-band'] },
  { name: 'pregnant applicant aged 13 without a guardian → needs-review (guardian)', programme: 'parent', answers: parent({ basis: 'pregnant', children: [], applicant: { birthDate: '2012-06-01' } }), outcome: 'needs-review', tier: 'tier2', review: ['guardian'] },
  { name: 'parent with only emotional problems of their own → priority 2', programme: 'parent', answers: parent({ childEmotionalProblem: false, ownEmotionalProblem: true }), outcome: 'eligible', tier: 'tier2', rank: 2 },

  // 청년마음건강지원사업 (A 600,000 / B 700,000 KRW per package)
  { name: 'young person aged 26, type A → eligible youth 10%, 60,000 KRW a package, priority 3', programme: 'youth', answers: youthExample, outcome: 'eligible', tier: 'youth', amountKrw: 60_000, rank: 3 },
  { name: 'born 31 Dec 2007: 19 by birth year though 만 18 → eligible', programme: 'youth', day: '2026-01-01', answers: youth({ applicant: { birthDate: '2007-12-31' } }), outcome: 'eligible', tier: 'youth' },
  { name: 'born 1 Jan 2008: 18 by birth year → ineligible (age)', programme: 'youth', day: '2026-12-31', answers: youth({ applicant: { birthDate: '2008-01-01' } }), outcome: 'ineligible', tier: null, failing: ['age'] },
  { name: 'born 1992: 34 by birth year, type B → eligible, 70,000 KRW', programme: 'youth', answers: youth({ applicant: { birthDate: '1992-12-31' }, counsellorType: 'B' }), outcome: 'eligible', tier: 'youth', amountKrw: 70_000 },
  { name: 'born 1991: 35 by birth year → ineligible (age)', programme: 'youth', answers: youth({ applicant: { birthDate: '1991-12-31' } }), outcome: 'ineligible', tier: null, failing: ['age'] },
  { name: 'young person leaving care → copay 0%, priority 1', programme: 'youth', answers: youth({ leavingCare: true, counsellorType: 'B' }), outcome: 'eligible', tier: 'youth-leaving-care', amountKrw: 0, rank: 1 },
  { name: 'referred by a mental-health welfare centre → priority 2', programme: 'youth', answers: youth({ referredByMentalHealthCentre: true }), outcome: 'eligible', tier: 'youth', rank: 2 },
  { name: 'leaving care and referred → priority 1', programme: 'youth', answers: youth({ leavingCare: true, referredByMentalHealthCentre: true }), outcome: 'eligible', tier: 'youth-leaving-care', rank: 1 },
  { name: 'already in another youth counselling programme → ineligible', programme: 'youth', answers: youth({ otherYouthCounselling: true }), outcome: 'ineligible', tier: null, failing: ['no-other-youth-counselling'] },
  { name: 'aged 35 and in another programme → ineligible on both', programme: 'youth', answers: youth({ applicant: { birthDate: '1991-01-01' }, otherYouthCounselling: true }), outcome: 'ineligible', tier: null, failing: ['age', 'no-other-youth-counselling'] },
  { name: 'applying in 2030 needs no median-income table → eligible', programme: 'youth', day: '2030-03-15', answers: youthExample, outcome: 'eligible', tier: 'youth' },
];

describe('eligibility scenarios', () => {
  it('cover at least 40 applications across the three programmes', () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(40);
    expect(new Set(scenarios.map((s) => s.programme))).toEqual(new Set(['child-adolescent', 'parent', 'youth']));
    expect(new Set(scenarios.map((s) => s.name)).size).toBe(scenarios.length);
  });

  it.each(scenarios)('$name', (scenario) => {
    const applicationDate = scenario.at ?? seoulNoon(scenario.day ?? exampleDay);
    const result = checkEligibility(getProgramme(scenario.programme), scenario.answers, { applicationDate });
    expect(result.outcome).toBe(scenario.outcome);
    expect(result.copay.tier).toBe(scenario.tier);
    expect(result.criteria.filter((c) => c.passed === false).map((c) => c.id)).toEqual(scenario.failing ?? []);
    expect(result.criteria.filter((c) => c.passed === null).map((c) => c.id)).toEqual(scenario.review ?? []);
    if (scenario.amountKrw !== undefined) expect(result.copay.amountKrw).toBe(scenario.amountKrw);
    if (scenario.rank !== undefined) expect(result.priority.rank).toBe(scenario.rank);
    for (const text of result.reasons) {
      expect(text.ko).toMatch(/[가-힣]/);
      expect(text.en).toMatch(/[A-Za-z]/);
    }
  });
});
