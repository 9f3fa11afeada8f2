import { describe, expect, it } from 'vitest';
import { getProgramme, submissionSchema, submissionSchemaOn } from '../../../forms';
import { fieldErrors } from '../../../forms/errors';
import { childExample, exampleDay, parentExample, patched, seoulNoon, youthExample } from '../../support/answers';
import { errorsOf, expectOnlyError } from './helpers';

describe('child-adolescent answers', () => {
  it('accepts the example, judged with or without the application date', () => {
    expect(errorsOf('child-adolescent', childExample)).toEqual([]);
    expect(errorsOf('child-adolescent', childExample, exampleDay)).toEqual([]);
  });

  it('accepts answers without need evidence (the engine sends them to review)', () => {
    expect(errorsOf('child-adolescent', patched(childExample, { needEvidence: undefined }))).toEqual([]);
  });

  it.each([
    [{ serviceType: 'swimming' }, 'serviceType', 'choice'],
    [{ relationToChild: 'neighbour' }, 'relationToChild', 'choice'],
    [{ child: { inHighSchool: 'no' } }, 'child.inHighSchool', 'yes-no'],
    [{ child: { name: '' } }, 'child.name', 'length'],
    [{ needEvidence: { kind: 'horoscope' } }, 'needEvidence.kind', 'choice'],
    [{ needEvidence: { issuedOn: '2026-02-30' } }, 'needEvidence.issuedOn', 'date-invalid'],
    [{ child: undefined }, 'child', 'required'],
  ])('rejects %j at %s', (patch, field, code) => {
    expectOnlyError(errorsOf('child-adolescent', patched(childExample, patch)), field, code);
  });

  it('refuses evidence issued after the application date when judged on it', () => {
    const later = patched(childExample, { needEvidence: { issuedOn: '2026-03-16' } });
    expectOnlyError(errorsOf('child-adolescent', later, exampleDay), 'needEvidence.issuedOn', 'date-after-application');
  });

  it("refuses a child's birth date after the application date (the rrn agrees with it)", () => {
    const unborn = patched(childExample, { child: { birthDate: '2026-04-01' }, rrn: '260401-4123456' });
    expectOnlyError(errorsOf('child-adolescent', unborn, exampleDay), 'child.birthDate', 'date-after-application');
  });
});

describe('parent answers', () => {
  it('accepts the example, and a pregnant applicant without children (children default to none)', () => {
    expect(errorsOf('parent', parentExample, exampleDay)).toEqual([]);
    const pregnant = patched(parentExample, { basis: 'pregnant', children: undefined, childEmotionalProblem: false });
    expect(errorsOf('parent', pregnant, exampleDay)).toEqual([]);
    expect((getProgramme('parent').schema.parse(pregnant) as { children: unknown[] }).children).toEqual([]);
  });

  it('needs a child for a basis about raising one', () => {
    const error = expectOnlyError(errorsOf('parent', patched(parentExample, { children: [] })), 'children', 'child-needed');
    expect(error.message.en).toBe('For this basis, list at least one child you raise');
  });

  it('needs the degree of kinship and the primary-caregiver answer from a relative carer', () => {
    const errors = errorsOf('parent', patched(parentExample, { basis: 'relative-carer' }));
    expect(errors.map((e) => `${e.field}:${e.code}`)).toEqual(['kinshipDegree:required', 'primaryCaregiver:required']);
    const complete = patched(parentExample, { basis: 'relative-carer', kinshipDegree: 3, primaryCaregiver: true });
    expect(errorsOf('parent', complete)).toEqual([]);
  });

  it('needs the facility name from a facility carer', () => {
    expectOnlyError(errorsOf('parent', patched(parentExample, { basis: 'facility-carer' })), 'facilityName', 'required');
  });

  it.each([
    [{ basis: 'uncle' }, 'basis', 'choice'],
    [{ children: [{ birthDate: '2019-05-01', relation: 'pet', hasServiceNeed: true }] }, 'children.0.relation', 'choice'],
    [{ children: [{ birthDate: '2019-05-01', relation: 'child' }] }, 'children.0.hasServiceNeed', 'required'],
    [{ kinshipDegree: 0 }, 'kinshipDegree', 'range'],
    [{ ownEmotionalProblem: undefined }, 'ownEmotionalProblem', 'required'],
  ])('rejects %j at %s', (patch, field, code) => {
    expectOnlyError(errorsOf('parent', patched(parentExample, patch)), field, code);
  });

  it('limits the list to 10 children', () => {
    const child = { birthDate: '2019-05-01', relation: 'child', hasServiceNeed: false };
    expectOnlyError(errorsOf('parent', patched(parentExample, { children: Array(11).fill(child) })), 'children', 'too-many-children');
  });

  it("names the index of a child born after the application date", () => {
    const children = [
      { birthDate: '2019-05-01', relation: 'child', hasServiceNeed: false },
      { birthDate: '2026-05-01', relation: 'child', hasServiceNeed: false },
    ];
    expectOnlyError(errorsOf('parent', patched(parentExample, { children }), exampleDay), 'children.1.birthDate', 'date-after-application');
  });
});

describe('youth answers', () => {
  it('accepts the example; concerns are optional', () => {
    expect(errorsOf('youth', youthExample, exampleDay)).toEqual([]);
    expect(errorsOf('youth', patched(youthExample, { concerns: undefined }))).toEqual([]);
  });

  it('asks no household income (no income test)', () => {
    const parsed = getProgramme('youth').schema.parse({ ...youthExample, household: { size: 1, monthlyIncome: 1, category: 'general' } });
    expect(parsed).not.toHaveProperty('household');
  });

  it.each([
    [{ counsellorType: 'C' }, 'counsellorType', 'choice'],
    [{ otherYouthCounselling: undefined }, 'otherYouthCounselling', 'required'],
    [{ concerns: ['boredom'] }, 'concerns.0', 'choice'],
  ])('rejects %j at %s', (patch, field, code) => {
    expectOnlyError(errorsOf('youth', patched(youthExample, patch)), field, code);
  });
});

describe('submissionSchema', () => {
  it('accepts { programme, answers } for each programme', () => {
    for (const [programme, answers] of [
      ['child-adolescent', childExample],
      ['parent', parentExample],
      ['youth', youthExample],
    ] as const) {
      expect(submissionSchema.safeParse({ programme, answers }).success).toBe(true);
      expect(submissionSchemaOn(seoulNoon(exampleDay)).safeParse({ programme, answers }).success).toBe(true);
    }
  });

  it("validates the answers against the named programme's schema", () => {
    const result = submissionSchema.safeParse({ programme: 'youth', answers: childExample });
    expect(result.success).toBe(false);
    expect(fieldErrors(result.error!).map((e) => e.field)).toContain('answers.counsellorType');
  });

  it('refuses an unknown programme with a bilingual message', () => {
    const result = submissionSchema.safeParse({ programme: 'pets', answers: {} });
    expect(fieldErrors(result.error!)).toEqual([
      {
        field: 'programme',
        code: 'unknown-programme',
        message: {
          ko: '신청할 사업을 골라 주세요(child-adolescent, parent, youth)',
          en: 'Choose a programme to apply for (child-adolescent, parent, youth)',
        },
      },
    ]);
  });

  it('applies the date-relative rules only in submissionSchemaOn', () => {
    const body = { programme: 'youth', answers: patched(youthExample, { applicant: { birthDate: '2027-01-01' } }) };
    expect(submissionSchema.safeParse(body).success).toBe(true);
    const result = submissionSchemaOn(seoulNoon(exampleDay)).safeParse(body);
    expect(fieldErrors(result.error!).map((e) => `${e.field}:${e.code}`)).toEqual(['answers.applicant.birthDate:date-after-application']);
  });
});

describe('counsellor preferences (every programme, never required)', () => {
  const examples = [
    ['child-adolescent', childExample],
    ['parent', parentExample],
    ['youth', youthExample],
  ] as const;
  const preferences = { counsellorGender: 'female', language: 'vi', time: 'evening' };

  it.each(examples)('%s: accepts them all, some, or none, and keeps what was given', (id, example) => {
    const schema = getProgramme(id).schema;
    expect(errorsOf(id, patched(example, { preferences }), exampleDay)).toEqual([]);
    expect((schema.parse(patched(example, { preferences })) as { preferences?: unknown }).preferences).toEqual(preferences);
    expect((schema.parse(patched(example, { preferences: { time: 'saturday' } })) as { preferences?: unknown }).preferences).toEqual({ time: 'saturday' });
    expect(errorsOf(id, patched(example, { preferences: {} }))).toEqual([]);
    expect(schema.parse(example)).not.toHaveProperty('preferences');
  });

  it.each(examples)('%s: "no preference" is an answer of its own', (id, example) => {
    expect(errorsOf(id, patched(example, { preferences: { counsellorGender: 'any', time: 'any' } }))).toEqual([]);
  });

  it.each([
    [{ counsellorGender: 'robot' }, 'preferences.counsellorGender', 'Preferred counsellor gender: choose one of the listed options'],
    [{ language: 'fr' }, 'preferences.language', 'Preferred language of counselling: choose one of the listed options'],
    [{ time: 'midnight' }, 'preferences.time', 'Time for sessions: choose one of the listed options'],
    [{ language: 1 }, 'preferences.language', 'Preferred language of counselling: choose one of the listed options'],
  ])('refuses %j at %s, in Korean and English', (patch, field, en) => {
    for (const [id, example] of examples) {
      const error = expectOnlyError(errorsOf(id, patched(example, { preferences: patch })), field, 'choice');
      expect(error.message.en).toBe(en);
    }
  });

  it('refuses preferences that are not an object of answers', () => {
    const error = expectOnlyError(errorsOf('youth', patched(youthExample, { preferences: 'female' })), 'preferences', 'preferences-format');
    expect(error.message.ko).toBe('상담사 희망 사항은 성별·언어·시간 항목으로 보내 주세요');
  });

  it.each(examples)('%s: the eligibility rules do not read them', (id, example) => {
    const read = getProgramme(id).eligibilitySchema.parse(patched(example, { preferences }));
    expect(read).not.toHaveProperty('preferences');
  });
});
