import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../../../forms/errors';
import { getProgramme, programmeIds } from '../../../forms';
import { submitterSchema } from '../../../forms/submitter';
import { childExample, exampleDay, parentExample, patched, youthExample } from '../../support/answers';
import { errorsOf, expectOnlyError } from './helpers';

const examples: Record<string, Record<string, unknown>> = { 'child-adolescent': childExample, parent: parentExample, youth: youthExample };
const onBehalf = { who: 'on-behalf', name: '김복지', relation: 'district-official', organisation: '종로구 사직동 주민센터', phone: '02 2148 1234' };

describe('the submitter (who applies)', () => {
  it.each(programmeIds)('is asked first in the %s form and left out of what the eligibility rules read', (id) => {
    const programme = getProgramme(id);
    expect(programme.sections[0]?.fields[0]?.name).toBe('submitter.who');
    expect(programme.eligibilitySchema.safeParse({ ...examples[id], submitter: onBehalf }).data).not.toHaveProperty('submitter');
  });

  it.each(programmeIds)('is stored with a %s application, the office line kept with dashes', (id) => {
    const parsed = getProgramme(id).schemaOn(new Date(`${exampleDay}T03:00:00Z`)).parse(patched(examples[id]!, { submitter: onBehalf })) as { submitter: unknown };
    expect(parsed.submitter).toEqual({ ...onBehalf, phone: '02-2148-1234' });
  });

  it('needs a name, a relation and a phone or e-mail when someone acts for the person, in Korean and English', () => {
    const errors = fieldErrors(submitterSchema.safeParse({ who: 'on-behalf' }).error!);
    expect(errors.map((e) => `${e.field}:${e.code}`)).toEqual(['name:required', 'relation:required', 'phone:submitter-contact-required']);
    expect(errors[2]!.message.ko).toContain('전화번호나 이메일');
    expect(errors[2]!.message.en).toContain('phone number or email');
  });

  it('needs the office of a welfare officer and the relation in words for “기타”', () => {
    const base = { who: 'on-behalf', name: '이친척', email: 'r@example.kr' };
    expectOnlyError(fieldErrors(submitterSchema.safeParse({ ...base, relation: 'district-official' }).error!), 'organisation', 'required');
    expectOnlyError(fieldErrors(submitterSchema.safeParse({ ...base, relation: 'other' }).error!), 'relationOther', 'required');
    expect(submitterSchema.safeParse({ ...base, relation: 'family' }).success).toBe(true);
  });

  it('accepts a mobile or an office line with spaces, dashes or neither, and keeps it with dashes', () => {
    const phone = (value: string) => submitterSchema.parse({ who: 'on-behalf', name: '김', relation: 'family', phone: value }) as { phone?: string };
    expect(phone('010 5555 0000').phone).toBe('010-5555-0000');
    expect(phone('01055550000').phone).toBe('010-5555-0000');
    expect(phone('0221481234').phone).toBe('02-2148-1234');
    expect(phone('02-123-4567').phone).toBe('02-123-4567');
    expect(phone('031 123 4567').phone).toBe('031-123-4567');
    expectOnlyError(errorsOf('youth', patched(youthExample, { submitter: { who: 'on-behalf', name: '김', relation: 'family', phone: '12345' } })), 'submitter.phone', 'contact-phone-format');
  });

  it('keeps nothing about an acting person when the person applies themselves', () => {
    expect(submitterSchema.parse({ who: 'self', name: '남은 이름', phone: '010-1111-2222' })).toEqual({ who: 'self' });
  });

  it('asks a family member of the parent programme whether they are the legal guardian, and no one else', () => {
    const fields = (id: string) => getProgramme(id).sections[0]!.fields.map((f) => f.name);
    expect(fields('parent')).toContain('submitter.legalGuardian');
    expect(fields('youth')).not.toContain('submitter.legalGuardian');
    expect(fields('child-adolescent')).not.toContain('submitter.legalGuardian');
  });
});
