import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getProgramme, isProgrammeId, programmeIds, programmes, programmesById } from '../../../forms';
import type { FieldDef } from '../../../forms/types';
import { schemaPaths } from '../../support/answer-paths';
import { childExample, parentExample, patched, youthExample } from '../../support/answers';

const fieldsOf = (id: string): FieldDef[] => getProgramme(id).sections.flatMap((s) => s.fields);

/** Set by the form itself, not asked of the person. */
const notAsked = ['consent.general.version', 'consent.sensitive.version'];

describe('programme registry', () => {
  it('offers the three programmes by id', () => {
    expect(programmeIds).toEqual(['child-adolescent', 'parent', 'youth']);
    expect(programmes.map((p) => p.id)).toEqual(programmeIds);
    for (const id of programmeIds) expect(programmesById[id].id).toBe(id);
  });

  it('refuses an unknown programme id', () => {
    expect(() => getProgramme('pets')).toThrow(RangeError);
    expect(isProgrammeId('youth')).toBe(true);
    expect(isProgrammeId('pets')).toBe(false);
    expect(isProgrammeId(7)).toBe(false);
  });
});

describe.each(programmeIds)('definition %s', (id) => {
  const programme = getProgramme(id);

  it('has a form field for every answer, and an answer for every form field', () => {
    const paths = schemaPaths(programme.schema);
    const names = fieldsOf(id).map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    expect([...names].sort()).toEqual(paths.filter((p) => !notAsked.includes(p)).sort());
  });

  it('shows conditional fields on answers that exist', () => {
    const names = fieldsOf(id).map((f) => f.name);
    for (const field of fieldsOf(id)) if (field.showIf) expect(names).toContain(field.showIf.field);
  });

  it('collects a resident registration number exactly when it has a legal basis for it', () => {
    const asksRrn = fieldsOf(id).some((f) => f.input === 'rrn');
    expect(asksRrn).toBe(programme.collectsRrn);
    expect(programme.rrnLegalBasis !== undefined).toBe(programme.collectsRrn);
  });


  it('words every text in Korean and English', () => {
    const texts: { ko: string; en: string }[] = [];
    const walk = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(walk);
      else if (value && typeof value === 'object' && !('_zod' in value)) {
        if ('ko' in value && 'en' in value) texts.push(value as { ko: string; en: string });
        else Object.values(value).forEach(walk);
      }
    };
    walk({ ...programme, schema: undefined, eligibilitySchema: undefined });
    expect(texts.length).toBeGreaterThan(20);
    for (const text of texts) {
      expect(text.ko).toMatch(/[가-힣]/);
      expect(text.en).toMatch(/[A-Za-z]/);
    }
  });
});

describe('what the eligibility rules read (all a pre-check asks)', () => {
  it.each([
    ['child-adolescent', ['applicant.district', 'child.birthDate', 'child.inHighSchool', 'household.category', 'household.monthlyIncome', 'household.size', 'needEvidence.issuedOn', 'needEvidence.kind']],
    [
      'parent',
      [
        'applicant.birthDate',
        'applicant.district',
        'basis',
        'childEmotionalProblem',
        'children.*.birthDate',
        'children.*.hasServiceNeed',
        'children.*.relation',
        'facilityName',
        'guardian',
        'household.category',
        'household.monthlyIncome',
        'household.size',
        'kinshipDegree',
        'ownEmotionalProblem',
        'primaryCaregiver',
      ],
    ],
    ['youth', ['applicant.birthDate', 'applicant.district', 'counsellorType', 'leavingCare', 'otherYouthCounselling', 'referredByMentalHealthCentre']],
  ])('%s: no name, contact, address, guardian details, consent or registration number', (id, expected) => {
    expect(schemaPaths(getProgramme(id).eligibilitySchema).sort()).toEqual(expected);
  });
});

describe('sensitive (health) answers', () => {
  it.each([
    ['child-adolescent', ['needEvidence.issuedOn', 'needEvidence.kind', 'serviceType']],
    ['parent', ['childEmotionalProblem', 'children.*.hasServiceNeed', 'ownEmotionalProblem']],
    ['youth', ['concerns', 'referredByMentalHealthCentre']],
  ])('%s marks exactly its health answers', (id, expected) => {
    const sensitive = fieldsOf(id).filter((f) => f.sensitive).map((f) => f.name).sort();
    expect(sensitive).toEqual(expected);
  });
});

describe('numbers from DOMAIN.md live in the definitions', () => {
  it('child-adolescent: ≤ 18 or high school, ≤ 140%, evidence ≤ 6 months, 12/1/24 months, 160,000 KRW', () => {
    const p = programmesById['child-adolescent'];
    expect(p.eligibility).toEqual({ maxAgeFullYears: 18, highSchoolStudentsQualify: true, maxIncomePercent: 140, needEvidenceMaxAgeMonths: 6 });
    expect(p.documents.find((d) => d.id === 'need-evidence')?.maxAgeMonths).toBe(6);
    expect(p.plan).toMatchObject({ sessionMinutes: 50, sessionsPerMonth: 4, periodMonths: 12, maxReassessments: 1, maxMonths: 24 });
    expect(p.price).toEqual({ unit: 'month', amountKrw: 160_000, districtAmountKrw: {} });
    expect(p.serviceTypes).toHaveLength(8);
  });

  it('parent: five bases, income test for the first three, ≤ 4촌, 6/1/12 months, 240,000 KRW', () => {
    const p = programmesById.parent;
    const tested = Object.entries(p.eligibility.bases).filter(([, rule]) => rule.incomeTest).map(([basis]) => basis);
    expect(tested).toEqual(['pregnant', 'parent-of-child', 'grandparent-carer']);
    expect(p.eligibility.maxIncomePercent).toBe(140);
    expect(p.eligibility.maxChildAgeFullYears).toBe(18);
    expect(p.eligibility.bases['relative-carer'].maxKinshipDegree).toBe(4);
    expect(p.plan).toMatchObject({ sessionMinutes: 60, periodMonths: 6, maxReassessments: 1, maxMonths: 12 });
    expect(p.price.amountKrw).toBe(240_000);
  });

  it('child and parent share the copay tiers 10/20/30% at 120% and 140%', () => {
    for (const id of ['child-adolescent', 'parent'] as const) {
      const { copay } = programmesById[id];
      expect(copay.byCategory).toEqual({ tier: 'tier1', ratePercent: 10, categories: ['basic-livelihood', 'near-poor', 'single-parent'] });
      expect(copay.byIncome).toEqual([
        { tier: 'tier2', ratePercent: 20, maxIncomePercent: 120 },
        { tier: 'tier3', ratePercent: 30, maxIncomePercent: 140 },
      ]);
    }
  });

  it('youth: 19–34 by birth year, 10 sessions over 3 months, up to 12, A 600,000 / B 700,000, 10% or 0%', () => {
    const p = programmesById.youth;
    expect(p.eligibility).toEqual({ minAgeByBirthYear: 19, maxAgeByBirthYear: 34, excludesOtherYouthCounselling: true });
    expect(p.plan).toMatchObject({ totalSessions: 10, periodMonths: 3, maxReassessments: 3, maxMonths: 12 });
    expect(p.price.amountKrwByCounsellorType).toEqual({ A: 600_000, B: 700_000 });
    expect(p.copay.standard.ratePercent).toBe(10);
    expect(p.copay.leavingCare.ratePercent).toBe(0);
  });
});

describe('the service type stored answers ask for', () => {
  it('is one of the programme’s own service types', () => {
    expect(getProgramme('child-adolescent').serviceTypeOf(childExample)).toBe('play-therapy');
    expect(getProgramme('parent').serviceTypeOf(parentExample)).toBe('parent-counselling');
    expect(getProgramme('youth').serviceTypeOf(youthExample)).toBe('youth-counselling');
  });

  it('comes from the basis in the parent programme: a pregnant applicant gets the prenatal counselling', () => {
    const parent = getProgramme('parent');
    expect(parent.serviceTypeOf(patched(parentExample, { basis: 'pregnant' }))).toBe('prenatal-counselling');
    for (const basis of ['grandparent-carer', 'relative-carer', 'facility-carer']) {
      expect(parent.serviceTypeOf(patched(parentExample, { basis }))).toBe('parent-counselling');
    }
  });

  it('is never guessed from answers that do not say it', () => {
    expect(() => getProgramme('child-adolescent').serviceTypeOf(patched(childExample, { serviceType: 'swimming' }))).toThrow();
    expect(() => getProgramme('parent').serviceTypeOf({})).toThrow();
  });
});

describe('forms/ bundles for the browser', () => {
  const root = join(import.meta.dirname, '../../../forms');
  const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));

  it.each(files)('%s imports neither node: modules nor AWS', (file) => {
    const source = readFileSync(join(root, file), 'utf8');
    expect(source).not.toMatch(/from ['"](node:|@aws-sdk|aws-cdk-lib|fs|path)/);
    expect(source).not.toMatch(/new Date\(\)|Date\.now\(\)/);
  });
});
