/**
 * What the citizen's form in steps relies on in the shared schemas: browser and server give the same
 * answer for a phone typed with spaces, a future date (judged as soon as it is typed, whatever else
 * is still missing) and a yes/no question.
 */
import { describe, expect, it } from 'vitest';
import { fieldErrors, getProgramme, prescreenSchemaOn, programmes } from '../../../forms';
import { programmeLoaders } from '../../../forms/loaders';
import { exampleDay, parentExample, patched, seoulNoon, youthExample } from '../../support/answers';
import { errorsOf, expectOnlyError } from './helpers';

const parse = (id: string, answers: unknown) => getProgramme(id).schemaOn(seoulNoon(exampleDay)).parse(answers) as Record<string, any>;
const futureMessage = { ko: '신청인 생년월일은 신청일보다 늦을 수 없습니다', en: 'Applicant birth date cannot be after the application date' };

describe('a mobile number', () => {
  it.each(['010 5555 0000', '010-5555-0000', '01055550000', ' 010 5555-0000 '])('is read from %j and kept with dashes', (phone) => {
    expect(parse('youth', patched(youthExample, { applicant: { phone } })).applicant.phone).toBe('010-5555-0000');
  });

  it.each(['010  5555 0000', '010.5555.0000', '010 555 50000', '011 5555 0000'])('is refused as %j', (phone) => {
    expectOnlyError(errorsOf('youth', patched(youthExample, { applicant: { phone } }), exampleDay), 'applicant.phone', 'phone-format');
  });
});

describe('a date after the application day', () => {
  it('is refused on the step that asks it, while the later answers are still missing', () => {
    const applicantOnly = { applicant: { ...youthExample.applicant, birthDate: '2026-03-16' } };
    const errors = errorsOf('youth', applicantOnly, exampleDay);
    expect(errors.find((e) => e.field === 'applicant.birthDate')).toEqual({ field: 'applicant.birthDate', code: 'date-after-application', message: futureMessage });
    // The day itself is not after it.
    expect(errorsOf('youth', { applicant: { ...youthExample.applicant, birthDate: exampleDay } }, exampleDay).map((e) => e.field)).not.toContain('applicant.birthDate');
  });

  it('is judged for each listed child, by its place in the list', () => {
    const children = [...parentExample.children, { birthDate: '2027-01-01', relation: 'child', hasServiceNeed: true }];
    expectOnlyError(errorsOf('parent', patched(parentExample, { children }), exampleDay), 'children.1.birthDate', 'date-after-application');
  });

  it('is not judged twice: a malformed date says only that it is malformed', () => {
    expectOnlyError(errorsOf('youth', patched(youthExample, { applicant: { birthDate: '2099-02-30' } }), exampleDay), 'applicant.birthDate', 'date-invalid');
  });

  it('is refused by the pre-check with the same message, so no negative age is ever computed', () => {
    const result = prescreenSchemaOn(seoulNoon(exampleDay)).safeParse({
      programme: 'youth',
      answers: { applicant: { birthDate: '2030-01-01', district: '11440' }, leavingCare: false, referredByMentalHealthCentre: false, otherYouthCounselling: false, counsellorType: 'A' },
    });
    expect(fieldErrors(result.error!)).toEqual([{ field: 'answers.applicant.birthDate', code: 'date-after-application', message: futureMessage }]);
  });

  it('leaves the pre-check of a past date alone', () => {
    const result = prescreenSchemaOn(seoulNoon(exampleDay)).safeParse({
      programme: 'parent',
      answers: {
        applicant: { birthDate: '1988-02-29', district: '11680' },
        household: { size: 3, monthlyIncome: 6_000_000, category: 'general' },
        basis: 'parent-of-child',
        children: [{ birthDate: '2019-05-01', relation: 'child', hasServiceNeed: true }],
        childEmotionalProblem: true,
        ownEmotionalProblem: false,
      },
    });
    expect(result.success).toBe(true);
  });
});

describe('cross-field rules in steps', () => {
  it('check the registration number against the birth date on the step that asks both', () => {
    const errors = errorsOf('parent', { applicant: parentExample.applicant, rrn: '880228-2123456' }, exampleDay);
    expect(errors.find((e) => e.field === 'rrn')?.code).toBe('rrn-birth-date-mismatch');
  });

  it('ask for a guardian as soon as the birth date says one is needed', () => {
    const errors = errorsOf('parent', { applicant: { ...parentExample.applicant, birthDate: '2013-05-01' }, rrn: '130501-4123456' }, exampleDay);
    expect(errors.find((e) => e.field === 'guardian')?.code).toBe('guardian-required');
  });
});

describe('yes/no questions', () => {
  it('are the boolean answers, asked as 예/아니오 (never one box to tick, which reads as “must tick”)', () => {
    for (const programme of programmes) {
      for (const field of programme.sections.flatMap((s) => s.fields)) {
        const single = field.input === 'checkbox' && !field.options;
        expect(single ? field.name.startsWith('consent.') : true, field.name).toBe(true);
      }
    }
    const yesNo = programmes.flatMap((p) => p.sections.flatMap((s) => s.fields)).filter((f) => f.input === 'yesno').map((f) => f.name);
    expect(new Set(yesNo)).toEqual(
      new Set(['child.inHighSchool', 'leavingCare', 'referredByMentalHealthCentre', 'otherYouthCounselling', 'primaryCaregiver', 'children.*.hasServiceNeed', 'childEmotionalProblem', 'ownEmotionalProblem', 'submitter.legalGuardian']),
    );
  });
});

describe('programme loaders', () => {
  it('load the very definitions of the registry, one module each', async () => {
    for (const programme of programmes) await expect(programmeLoaders[programme.id]()).resolves.toBe(programme);
  });
});
