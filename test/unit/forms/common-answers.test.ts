import { describe, expect, it } from 'vitest';
import { getProgramme } from '../../../forms';
import { rrnBirthDate } from '../../../forms/common';
import { childExample, exampleDay, parentExample, patched, seoulNoon, youthExample } from '../../support/answers';
import { errorsOf, expectOnlyError } from './helpers';

const parse = (id: string, answers: unknown) => getProgramme(id).schemaOn(seoulNoon(exampleDay)).parse(answers) as Record<string, any>;

describe('applicant', () => {
  it('normalises a mobile number given without dashes', () => {
    expect(parse('child-adolescent', childExample).applicant.phone).toBe('010-1234-5678');
    expect(parse('parent', parentExample).applicant.phone).toBe('010-9876-5432');
  });

  it.each(['011-1234-5678', '02-123-4567', '010-123-45678', '0101234567', ''])('rejects the phone %j', (phone) => {
    const error = expectOnlyError(errorsOf('youth', patched(youthExample, { applicant: { phone } })), 'applicant.phone', 'phone-format');
    expect(error.message.en).toBe('Applicant mobile phone must be a mobile number like 010-1234-5678');
  });

  it('trims the name and refuses an empty or over-long one', () => {
    expect(parse('youth', patched(youthExample, { applicant: { name: '  최민준 ' } })).applicant.name).toBe('최민준');
    expectOnlyError(errorsOf('youth', patched(youthExample, { applicant: { name: '   ' } })), 'applicant.name', 'length');
    expectOnlyError(errorsOf('youth', patched(youthExample, { applicant: { name: '가'.repeat(51) } })), 'applicant.name', 'length');
  });

  it('says which field is missing', () => {
    const error = expectOnlyError(errorsOf('youth', patched(youthExample, { applicant: { name: undefined } })), 'applicant.name', 'required');
    expect(error.message).toEqual({ ko: '신청인 이름은 필수 항목입니다', en: 'Applicant name is required' });
  });

  it.each([
    ['1985/04/12', 'date-format'],
    ['1985-4-12', 'date-format'],
    ['2001-02-29', 'date-invalid'],
    ['1985-13-01', 'date-invalid'],
    ['1899-12-31', 'date-range'],
  ])('rejects the birth date %s (%s)', (birthDate, code) => {
    expectOnlyError(errorsOf('youth', patched(youthExample, { applicant: { birthDate } })), 'applicant.birthDate', code);
  });

  it('words the date format error in both languages', () => {
    const error = expectOnlyError(
      errorsOf('youth', patched(youthExample, { applicant: { birthDate: '12.04.1985' } })),
      'applicant.birthDate',
      'date-format',
    );
    expect(error.message).toEqual({
      ko: '신청인 생년월일은 YYYY-MM-DD 형식이어야 합니다',
      en: 'Applicant birth date must be in YYYY-MM-DD format',
    });
  });

  it('accepts 29 February in a leap year', () => {
    expect(errorsOf('youth', patched(youthExample, { applicant: { birthDate: '2000-02-29' } }))).toEqual([]);
  });

  it('refuses a birth date after the application date only when judged on that date', () => {
    const future = patched(youthExample, { applicant: { birthDate: '2026-03-16' } });
    expectOnlyError(errorsOf('youth', future, exampleDay), 'applicant.birthDate', 'date-after-application');
    expect(errorsOf('youth', future)).toEqual([]);
  });

  it('refuses a district outside Seoul and a bad email', () => {
    expectOnlyError(errorsOf('youth', patched(youthExample, { applicant: { district: '26110' } })), 'applicant.district', 'district');
    expectOnlyError(errorsOf('youth', patched(youthExample, { applicant: { email: 'not-an-email' } })), 'applicant.email', 'email-format');
  });
});

describe('household', () => {
  it.each([
    ['size', 0, 'range'],
    ['size', 21, 'range'],
    ['size', 2.5, 'range'],
    ['monthlyIncome', -1, 'range'],
    ['monthlyIncome', 1_000_000_001, 'range'],
    ['monthlyIncome', 1234.5, 'range'],
    ['monthlyIncome', '5000000', 'range'],
    ['category', 'rich', 'choice'],
  ])('rejects household.%s = %j', (key, value, code) => {
    expectOnlyError(errorsOf('child-adolescent', patched(childExample, { household: { [key]: value } })), `household.${key}`, code);
  });

  it('accepts the extremes', () => {
    expect(errorsOf('child-adolescent', patched(childExample, { household: { size: 20, monthlyIncome: 0 } }))).toEqual([]);
    expect(errorsOf('child-adolescent', patched(childExample, { household: { size: 1, monthlyIncome: 1_000_000_000 } }))).toEqual([]);
  });
});

describe('consent', () => {
  it('is required: no consent object at all', () => {
    const error = expectOnlyError(errorsOf('youth', patched(youthExample, { consent: undefined })), 'consent', 'consent-required');
    expect(error.message.en).toBe('To apply, agree to the collection and use of personal information');
  });

  it('fails when the general consent is false', () => {
    expectOnlyError(
      errorsOf('parent', patched(parentExample, { consent: { general: { agreed: false } } })),
      'consent.general.agreed',
      'consent-required',
    );
  });

  it('needs the separate sensitive-information consent', () => {
    const error = expectOnlyError(
      errorsOf('child-adolescent', patched(childExample, { consent: { sensitive: { agreed: false } } })),
      'consent.sensitive.agreed',
      'sensitive-consent-required',
    );
    expect(error.message.ko).toBe('신청하려면 민감정보(건강정보) 처리에 별도로 동의해야 합니다');
    expectOnlyError(
      errorsOf('child-adolescent', patched(childExample, { consent: { sensitive: undefined } })),
      'consent.sensitive',
      'sensitive-consent-required',
    );
  });

  it('must be given to the current consent text', () => {
    expectOnlyError(
      errorsOf('youth', patched(youthExample, { consent: { general: { version: '2025.1' } } })),
      'consent.general.version',
      'consent-outdated',
    );
  });
});

describe('guardian (parent programme: the applicant is the person served)', () => {
  const aged = (birthDate: string, guardian?: object) =>
    patched(parentExample, { applicant: { birthDate }, rrn: `${birthDate.slice(2).replaceAll('-', '')}-4123456`, basis: 'pregnant', children: [], ...(guardian ? { guardian } : {}) });
  const guardian = { name: '박영희', relation: 'parent', phone: '01022223333' };

  it('is required for an applicant under 14 on the application date', () => {
    const error = expectOnlyError(errorsOf('parent', aged('2012-03-16'), exampleDay), 'guardian', 'guardian-required');
    expect(error.message).toEqual({
      ko: '만 14세 미만은 법정대리인 정보를 입력해야 합니다',
      en: "Applicants under 14 need a legal guardian: enter the guardian's details",
    });
  });

  it('is not required from the 14th birthday', () => {
    expect(errorsOf('parent', aged('2012-03-15'), exampleDay)).toEqual([]);
  });

  it('is satisfied by naming the guardian, whose phone is normalised too', () => {
    expect(errorsOf('parent', aged('2013-01-01', guardian), exampleDay)).toEqual([]);
    const parsed = parse('parent', aged('2013-01-01', guardian));
    expect(parsed.guardian).toEqual({ name: '박영희', relation: 'parent', phone: '010-2222-3333' });
  });

  it('checks the guardian fields themselves', () => {
    expectOnlyError(
      errorsOf('parent', aged('2013-01-01', { ...guardian, relation: 'neighbour' }), exampleDay),
      'guardian.relation',
      'choice',
    );
  });
});

describe('resident registration number', () => {
  it('reads the birth date and century from the number', () => {
    expect(rrnBirthDate('880229-2123456')).toBe('1988-02-29');
    expect(rrnBirthDate('1409033123456')).toBe('2014-09-03');
    expect(rrnBirthDate('0501017123456')).toBe('2005-01-01');
    expect(rrnBirthDate('900101-5123456')).toBe('1990-01-01');
    expect(rrnBirthDate('890229-1123456')).toBeNull();
  });

  it('is normalised with a dash', () => {
    expect(parse('child-adolescent', childExample).rrn).toBe('140903-3123456');
  });

  it.each(['140903-9123456', '140903-0123456', '14090331234', '140931-3123456', 'abcdef-3123456'])('rejects %s', (rrn) => {
    const error = expectOnlyError(errorsOf('child-adolescent', patched(childExample, { rrn })), 'rrn', 'rrn-format');
    expect(error.message.en).toBe('Resident registration number must be YYMMDD-NNNNNNN with a 7th digit from 1 to 8');
  });

  it("must match the child's birth date in the child programme (century digit included)", () => {
    expectOnlyError(errorsOf('child-adolescent', patched(childExample, { rrn: '140903-1123456' })), 'rrn', 'rrn-birth-date-mismatch');
    const applicantsNumber = patched(childExample, { rrn: '850412-2123456' });
    const error = expectOnlyError(errorsOf('child-adolescent', applicantsNumber), 'rrn', 'rrn-birth-date-mismatch');
    expect(error.message.en).toBe("The resident registration number does not match the child's birth date");
  });

  it("must match the applicant's birth date in the parent programme", () => {
    expectOnlyError(errorsOf('parent', patched(parentExample, { rrn: '880228-2123456' })), 'rrn', 'rrn-birth-date-mismatch');
  });

  it('is required where the programme collects it, and never kept by the youth programme', () => {
    expectOnlyError(errorsOf('parent', patched(parentExample, { rrn: undefined })), 'rrn', 'required');
    expect(parse('youth', { ...youthExample, rrn: '000707-3123456' })).not.toHaveProperty('rrn');
  });
});
