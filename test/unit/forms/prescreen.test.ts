import { describe, expect, it } from 'vitest';
import { fieldErrors, getProgramme, prescreenAnswersSchema, prescreenSchema } from '../../../forms';
import { schemaPaths, valuePaths } from '../../support/answer-paths';
import { childExample, parentExample, patched, youthExample } from '../../support/answers';

const guardian = { name: '박보호', relation: 'parent', phone: '010-2222-3333' };
const personal = ['applicant.name', 'applicant.phone', 'applicant.address', 'consent'];
const applications = [
  {
    programme: 'child-adolescent',
    answers: childExample,
    notRead: [...personal, 'applicant.birthDate', 'applicant.email', 'child.name', 'relationToChild', 'rrn', 'serviceType'],
  },
  {
    programme: 'parent',
    answers: patched(parentExample, { guardian, preferences: { counsellorGender: 'female', time: 'saturday' } }),
    notRead: [...personal, 'guardian.name', 'guardian.relation', 'guardian.phone', 'rrn', 'preferences'],
  },
  { programme: 'youth', answers: patched(youthExample, { preferences: { language: 'en' } }), notRead: [...personal, 'concerns', 'preferences'] },
] as const;

describe.each(applications.map((a) => [a.programme, a] as const))('the %s pre-check', (id, application) => {
  const read = schemaPaths(getProgramme(id).eligibilitySchema);

  it('draws from a whole application only what the eligibility rules read', () => {
    const drawn = prescreenAnswersSchema.parse({ programme: application.programme, answers: application.answers });
    expect(valuePaths(drawn.answers).every((p) => read.includes(p))).toBe(true);
    expect(JSON.stringify(drawn)).not.toMatch(/010|@|서울시|rrn|consent|name/);
    expect(prescreenSchema.safeParse(drawn).success).toBe(true);
  });

  it('refuses a whole application, naming each answer it does not ask for, in Korean and English', () => {
    const result = prescreenSchema.safeParse({ programme: application.programme, answers: application.answers, receiptNumber: 'DB-2026-ABCDEFGH' });
    const errors = fieldErrors(result.error!);
    expect(errors.map((e) => e.field).sort()).toEqual(['receiptNumber', ...application.notRead.map((p) => `answers.${p}`)].sort());
    expect(errors.every((e) => e.code === 'unrecognized-key')).toBe(true);
    expect(errors[0]!.message).toEqual({
      ko: '여기에서 받지 않는 항목입니다. 빼고 다시 보내 주세요',
      en: 'This field is not asked for here: leave it out and send again',
    });
  });
});

describe('the pre-check request', () => {
  it('keeps the eligibility rules’ own messages and cross-field checks', () => {
    const answers = { applicant: { birthDate: '1988-02-29', district: '11680' }, household: { size: 3, monthlyIncome: 6_000_000, category: 'general' } };
    const result = prescreenSchema.safeParse({
      programme: 'parent',
      answers: { ...answers, basis: 'parent-of-child', childEmotionalProblem: false, ownEmotionalProblem: false },
    });
    expect(fieldErrors(result.error!)).toEqual([expect.objectContaining({ field: 'answers.children', code: 'child-needed' })]);
  });

  it('refuses an unasked answer however deep: inside a listed child', () => {
    const drawn = prescreenAnswersSchema.parse({ programme: 'parent', answers: parentExample });
    const children = (drawn.answers.children as object[]).map((child) => ({ ...child, name: '박하늘' }));
    const result = prescreenSchema.safeParse({ programme: 'parent', answers: { ...drawn.answers, children } });
    expect(fieldErrors(result.error!).map((e) => `${e.field}:${e.code}`)).toEqual(['answers.children.0.name:unrecognized-key']);
  });

  it('knows a guardian applies without their name, relation or phone', () => {
    const drawn = prescreenAnswersSchema.parse({ programme: 'parent', answers: applications[1].answers });
    expect(drawn.answers.guardian).toEqual({});
  });
});
