import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { getProgramme } from '../../../forms';
import { checkEligibility, outcomeOf } from '../../../functions/eligibility/check-eligibility';
import type { Criterion } from '../../../functions/eligibility/types';
import { childExample, parentExample, patched, seoulNoon, youthExample } from '../../support/answers';

const on = (day: string) => ({ applicationDate: seoulNoon(day) });

describe('checkEligibility', () => {
  it('explains an eligible child application: criteria, copay, priority and rule version', () => {
    const result = checkEligibility(getProgramme('child-adolescent'), childExample, on('2026-03-15'));
    expect(result.outcome).toBe('eligible');
    expect(result.criteria.map((c) => c.id)).toEqual(['seoul-residence', 'age', 'income', 'need-evidence']);
    expect(result.criteria.find((c) => c.id === 'income')).toMatchObject({
      inputs: { monthlyIncome: 5_000_000, householdSize: 4, incomeTableYear: 2026, medianIncome: 6_494_738 },
      threshold: 9_092_633,
      passed: true,
    });
    expect(result.copay).toEqual({ tier: 'tier2', ratePercent: 20, monthlyAmount: 32_000, amountKrw: 32_000 });
    expect(result.ruleVersion).toEqual({ programme: 'child-adolescent', definitionVersion: '2026.1', incomeTableYear: 2026 });
    expect(result.decidedAt).toBe('2026-03-15');
    expect(result.reasons[0]).toEqual({ ko: '신청 자격 기준을 모두 충족합니다', en: 'All eligibility criteria are met' });
    expect(result.reasons.at(-1)?.en).toBe('Copay 20% (32,000 KRW a month): household income within 120% of median');
  });

  it('gives the failing reasons, and no copay, when ineligible', () => {
    const answers = patched(youthExample, { otherYouthCounselling: true });
    const result = checkEligibility(getProgramme('youth'), answers, on('2026-03-15'));
    expect(result.outcome).toBe('ineligible');
    expect(result.reasons).toEqual([
      { ko: '신청 자격 기준을 충족하지 않습니다', en: 'The eligibility criteria are not met' },
      {
        ko: '다른 지자체 청년 상담 사업을 이용 중이어서 함께 이용할 수 없습니다',
        en: "Already using another local-government youth counselling programme, which can't be combined",
      },
    ]);
    expect(result.copay).toEqual({ tier: null, ratePercent: null, amountKrw: null });
  });

  it('takes the calendar day in Seoul: 23:30 KST on 14 March is 14 March', () => {
    const result = checkEligibility(getProgramme('youth'), youthExample, { applicationDate: new Date('2026-03-14T23:30:00+09:00') });
    expect(result.decidedAt).toBe('2026-03-14');
    expect(checkEligibility(getProgramme('youth'), youthExample, { applicationDate: new Date('2026-03-14T15:30:00Z') }).decidedAt).toBe('2026-03-15');
  });

  it('reads the resident registration number nowhere: stored answers (without it) decide the same', () => {
    const { rrn: _rrn, ...stored } = parentExample;
    const withRrn = checkEligibility(getProgramme('parent'), parentExample, on('2026-03-15'));
    expect(checkEligibility(getProgramme('parent'), stored, on('2026-03-15'))).toEqual(withRrn);
  });

  it('is deterministic', () => {
    const a = checkEligibility(getProgramme('parent'), parentExample, on('2026-03-15'));
    const b = checkEligibility(getProgramme('parent'), structuredClone(parentExample), on('2026-03-15'));
    expect(b).toEqual(a);
  });

  it('refuses answers that are not answers to the programme, and an invalid date', () => {
    expect(() => checkEligibility(getProgramme('youth'), childExample, on('2026-03-15'))).toThrow(z.core.$ZodError);
    expect(() => checkEligibility(getProgramme('youth'), youthExample, { applicationDate: new Date('nope') })).toThrow(RangeError);
  });

  it('uses the numbers of the definition it is given, not its own', () => {
    const youth = getProgramme('youth');
    if (youth.id !== 'youth') throw new Error('unreachable');
    const stricter = { ...youth, eligibility: { ...youth.eligibility, maxAgeByBirthYear: 25 } };
    expect(checkEligibility(stricter, youthExample, on('2026-03-15')).outcome).toBe('ineligible');
    expect(checkEligibility(youth, youthExample, on('2026-03-15')).outcome).toBe('eligible');
  });
});

describe('outcomeOf', () => {
  const criterion = (passed: boolean | null): Criterion => ({ id: 'x', label: { ko: '가', en: 'x' }, inputs: {}, passed, reason: { ko: '가', en: 'x' } });

  it('refuses on any failed criterion, reviews on any open one, else is eligible', () => {
    expect(outcomeOf([criterion(true), criterion(null), criterion(false)])).toBe('ineligible');
    expect(outcomeOf([criterion(true), criterion(null)])).toBe('needs-review');
    expect(outcomeOf([criterion(true), criterion(true)])).toBe('eligible');
  });
});

describe('a pre-check with only what the rules read', () => {
  const minimal = {
    youth: patched(youthExample, { applicant: { name: undefined, phone: undefined, address: undefined }, consent: undefined }),
    'child-adolescent': patched(childExample, {
      applicant: { name: undefined, phone: undefined, email: undefined, address: undefined },
      child: { name: undefined },
      rrn: undefined,
      relationToChild: undefined,
      serviceType: undefined,
      consent: undefined,
    }),
    parent: patched(parentExample, { applicant: { name: undefined, phone: undefined, address: undefined }, rrn: undefined, consent: undefined }),
  };
  const full = { youth: youthExample, 'child-adolescent': childExample, parent: parentExample };

  it.each(Object.keys(minimal) as (keyof typeof minimal)[])('decides %s exactly as the full application would', (id) => {
    const on = { applicationDate: seoulNoon('2026-03-15') };
    const programme = getProgramme(id);
    expect(checkEligibility(programme, minimal[id], on)).toEqual(checkEligibility(programme, full[id], on));
  });

  it('still names a missing answer the rules need', () => {
    const withoutBirthDate = patched(minimal.youth, { applicant: { birthDate: undefined } });
    expect(() => checkEligibility(getProgramme('youth'), withoutBirthDate, { applicationDate: seoulNoon('2026-03-15') })).toThrow(z.core.$ZodError);
  });
});
