/**
 * The screener's judgements: its questions (from the registry) answered as a person would type them,
 * shaped per programme (web/src/screener/answers.ts) and judged by the engine the pre-check runs.
 * Each case starts from the eligibility tests' fixtures (test/support/answers.ts), and the screener
 * must reach the decision the engine reaches on the whole application.
 */
import { describe, expect, it } from 'vitest';
import { getProgramme, programmes, type ProgrammeId } from '../../../forms';
import { answerAt } from '../../../forms/answers';
import { screenerQuestions } from '../../../forms/screener';
import { checkEligibility } from '../../../functions/eligibility/check-eligibility';
import { answersFor, questionGroups, type ScreenerValues } from '../../../web/src/screener/answers';
import { childExample, exampleDay, parentExample, patched, seoulNoon, youthExample } from '../../support/answers';

const screener = screenerQuestions(programmes);
const screened = (id: ProgrammeId) => screener.programmes.find((p) => p.id === id)!;

/** What a person would have typed into the screener for these answers: text, as the page reads it. */
function typedIn(id: ProgrammeId, answers: object): ScreenerValues {
  const values: ScreenerValues = {};
  for (const q of screened(id).questions) {
    const value = answerAt(answers, q.name.replaceAll('*', '0'));
    if (value !== undefined) values[q.name] = Array.isArray(value) ? value.map(String) : String(value);
  }
  return values;
}

const on = { applicationDate: seoulNoon(exampleDay) };
function judge(id: ProgrammeId, answers: object) {
  const result = checkEligibility(getProgramme(id), answersFor(screened(id), typedIn(id, answers)), on);
  return { outcome: result.outcome, reasons: result.reasons.map((r) => r.ko).join(' / '), whole: checkEligibility(getProgramme(id), answers, on).outcome };
}

const kid = (birthDate: string) => ({ birthDate, relation: 'child', hasServiceNeed: false });

// 2026 limits: 4 persons 140% 9,092,633 (exampleDay 2026-03-15).
const cases: { name: string; programme: ProgrammeId; answers: object; outcome: string; reason?: RegExp }[] = [
  { name: 'youth born 2007 (19 by birth year) → eligible', programme: 'youth', answers: patched(youthExample, { applicant: { birthDate: '2007-12-31' } }), outcome: 'eligible' },
  { name: 'youth born 2008 (18 by birth year) → not eligible, saying the age', programme: 'youth', answers: patched(youthExample, { applicant: { birthDate: '2008-01-01' } }), outcome: 'ineligible', reason: /2008|18/ },
  { name: 'youth born 1992 (34) → eligible', programme: 'youth', answers: patched(youthExample, { applicant: { birthDate: '1992-01-01' } }), outcome: 'eligible' },
  { name: 'youth born 1991 (35) → not eligible', programme: 'youth', answers: patched(youthExample, { applicant: { birthDate: '1991-12-31' } }), outcome: 'ineligible', reason: /35/ },
  { name: 'youth using another youth counselling programme → not eligible', programme: 'youth', answers: patched(youthExample, { otherYouthCounselling: true }), outcome: 'ineligible' },
  { name: 'child one day before the 19th birthday, income exactly 140% → eligible', programme: 'child-adolescent', answers: patched(childExample, { child: { birthDate: '2007-03-16' }, household: { monthlyIncome: 9_092_633 } }), outcome: 'eligible' },
  { name: 'child income 1 KRW over 140% → not eligible, saying the income', programme: 'child-adolescent', answers: patched(childExample, { household: { monthlyIncome: 9_092_634 } }), outcome: 'ineligible', reason: /소득/ },
  { name: 'child on the 19th birthday, not in high school → not eligible', programme: 'child-adolescent', answers: patched(childExample, { child: { birthDate: '2007-03-15' } }), outcome: 'ineligible', reason: /19/ },
  { name: 'child aged 19 in high school → eligible', programme: 'child-adolescent', answers: patched(childExample, { child: { birthDate: '2007-01-10', inHighSchool: true } }), outcome: 'eligible' },
  { name: 'parent of a child aged 18 → eligible', programme: 'parent', answers: patched(parentExample, { basis: 'parent-of-child', children: [kid('2007-03-16')] }), outcome: 'eligible' },
  { name: 'parent whose only child turned 19 → not eligible', programme: 'parent', answers: patched(parentExample, { basis: 'parent-of-child', children: [kid('2007-03-15')] }), outcome: 'ineligible' },
  { name: 'parent over 140% of median → not eligible', programme: 'parent', answers: patched(parentExample, { household: { size: 4, monthlyIncome: 9_092_634 } }), outcome: 'ineligible', reason: /소득/ },
];

describe('the screener', () => {
  it.each(cases)('$name', ({ programme, answers, outcome, reason }) => {
    const judged = judge(programme, answers);
    expect(judged.outcome).toBe(outcome);
    expect(judged.outcome).toBe(judged.whole);
    if (reason) expect(judged.reasons).toMatch(reason);
  });

  it('asks only what the rules read: never a name, contact, address, the registration number or who applies', () => {
    const asked = screener.programmes.flatMap((p) => p.questions.map((q) => q.name));
    expect(asked).toContain('applicant.birthDate');
    expect(asked).toContain('leavingCare');
    expect(asked).toContain('household.monthlyIncome');
    expect(asked.filter((name) => /rrn|name$|phone|email|address|submitter|consent/.test(name))).toEqual([]);
  });

  it('asks a question several programmes read once, before the programmes’ own', () => {
    const { shared, own } = questionGroups(screener.programmes);
    expect(shared.map((q) => q.name)).toEqual(['applicant.district', 'household.size', 'household.monthlyIncome', 'household.category', 'applicant.birthDate']);
    expect(own.find((g) => g.programme.id === 'youth')!.questions.map((q) => q.name)).toEqual(['leavingCare', 'referredByMentalHealthCentre', 'otherYouthCounselling', 'counsellorType']);
  });

  it('sends a programme only its own answers, leaving out hidden and empty ones, typed as the rules read them', () => {
    const values: ScreenerValues = { 'applicant.birthDate': '2000-07-07', 'applicant.district': '11110', leavingCare: 'true', 'household.size': '3', basis: 'pregnant', kinshipDegree: '2', 'children.*.birthDate': '' };
    expect(answersFor(screened('youth'), values)).toEqual({ applicant: { birthDate: '2000-07-07', district: '11110' }, leavingCare: true });
    expect(answersFor(screened('parent'), values)).toEqual({ applicant: { birthDate: '2000-07-07', district: '11110' }, household: { size: 3 }, basis: 'pregnant' });
  });
});
