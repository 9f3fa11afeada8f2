import { describe, expect, it } from 'vitest';
import type * as z from 'zod/mini';
import { fieldErrors, type FieldError } from '../../../forms/errors';
import {
  agencyCreateSchema,
  agencyUpdateSchema,
  counsellorCreateSchema,
  counsellorUpdateSchema,
  normalisePhone,
  serviceTypesOutside,
} from '../../../functions/providers/registry-schema';
import { expectOnlyError } from '../forms/helpers';

const today = '2026-03-02';

const agency = {
  name: { ko: '새싹 상담센터', en: 'Saessak Counselling Centre' },
  district: '11440',
  address: '서울특별시 마포구 양화로 12, 3층',
  phone: '02-333-4444',
  programmes: ['child-adolescent', 'parent'],
  serviceTypes: ['psychological-counselling', 'speech', 'parent-counselling'],
  openingHours: { weekdayDaytime: true, evening: true, saturday: false, note: '화·목 21:00까지' },
};

const counsellor = {
  name: '김상담',
  gender: 'female',
  languages: ['ko', 'en'],
  qualifications: ['clinical-psychologist-1'],
  trainings: [
    { programme: 'youth', level: 'basic', completedOn: '2024-05-10' },
    { programme: 'youth', level: 'advanced', completedOn: '2025-11-20' },
  ],
  availability: { weekdayDaytime: true, evening: true, saturday: false },
  weeklyCapacity: 6,
};

function errorsOf(schema: z.ZodMiniType, body: unknown): FieldError[] {
  const result = schema.safeParse(body);
  return result.success ? [] : fieldErrors(result.error);
}

describe('agencyCreateSchema', () => {
  it('accepts a complete agency and keeps the phone number in its usual form', () => {
    const parsed = agencyCreateSchema.parse({ ...agency, phone: ' 02 333 4444 ' });
    expect(parsed.phone).toBe('02-333-4444');
    expect(parsed.name).toEqual(agency.name);
  });

  it('refuses a service type outside the programmes offered, at its place in the list, naming the programme', () => {
    const error = expectOnlyError(errorsOf(agencyCreateSchema, { ...agency, serviceTypes: ['speech', 'youth-counselling'] }), 'serviceTypes.1', 'service-type-programme');
    expect(error.message.ko).toContain('청년');
    expect(error.message.en).toMatch(/youth/i);
  });

  it('refuses a district outside Seoul, an unknown programme and an empty list of service types', () => {
    expectOnlyError(errorsOf(agencyCreateSchema, { ...agency, district: '26110' }), 'district', 'district');
    expectOnlyError(errorsOf(agencyCreateSchema, { ...agency, programmes: ['elderly'], serviceTypes: [] }).filter((e) => e.field.startsWith('programmes')), 'programmes.0', 'choice');
    expectOnlyError(errorsOf(agencyCreateSchema, { ...agency, serviceTypes: [] }), 'serviceTypes', 'choose-at-least-one');
  });

  it('refuses a phone number that is no Korean number, and hidden characters in the name', () => {
    expectOnlyError(errorsOf(agencyCreateSchema, { ...agency, phone: '333-4444' }), 'phone', 'phone-number-format');
    expectOnlyError(errorsOf(agencyCreateSchema, { ...agency, name: { ...agency.name, ko: '새싹\u202E센터' } }), 'name.ko', 'hidden-characters');
    expectOnlyError(errorsOf(agencyCreateSchema, { ...agency, address: '마포구\n양화로' }), 'address', 'line-break');
  });

  it('refuses fields it does not ask for, by name', () => {
    expectOnlyError(errorsOf(agencyCreateSchema, { ...agency, agencyId: 'P-MINE' }), 'agencyId', 'unrecognized-key');
    expectOnlyError(errorsOf(agencyCreateSchema, { ...agency, openingHours: { ...agency.openingHours, sunday: true } }), 'openingHours.sunday', 'unrecognized-key');
  });
});

describe('agencyUpdateSchema', () => {
  it('accepts any one field, and refuses an empty change', () => {
    expect(agencyUpdateSchema.parse({ phone: '010 1234 5678' })).toEqual({ phone: '010-1234-5678' });
    expectOnlyError(errorsOf(agencyUpdateSchema, {}), '', 'nothing-to-change');
  });
});

describe('serviceTypesOutside', () => {
  it('judges an update against the programmes the agency will have', () => {
    expect(serviceTypesOutside(['youth'], ['youth-counselling'])).toEqual([]);
    const [problem] = serviceTypesOutside(['youth'], ['youth-counselling', 'prenatal-counselling']);
    expect(problem).toMatchObject({ field: 'serviceTypes.1', code: 'service-type-programme' });
    expect(problem!.message.ko).toMatch(/[가-힣]/);
  });
});

describe('normalisePhone', () => {
  it.each([
    ['02 123 4567', '02-123-4567'],
    ['0212345678', '02-1234-5678'],
    ['031-123-4567', '031-123-4567'],
    ['010 1234 5678', '010-1234-5678'],
    ['070-1234-5678', '070-1234-5678'],
    ['1588 1234', '1588-1234'],
  ])('keeps %s as %s', (typed, kept) => expect(normalisePhone(typed)).toBe(kept));

  it.each(['02-12-345', '+82 2 123 4567', '02.123.4567', '099-123-4567', '02-123-4567 내선 3'])('refuses %s', (typed) => {
    expect(normalisePhone(typed)).toBeUndefined();
  });
});

describe('counsellorCreateSchema', () => {
  it('accepts a counsellor, active unless said otherwise', () => {
    expect(counsellorCreateSchema(today).parse(counsellor)).toMatchObject({ active: true, weeklyCapacity: 6 });
  });

  it.each([
    ['youthVoucherTypes', ['A', 'B'], 'derived-field'],
    ['qualifiedServiceTypes', ['youth-counselling'], 'derived-field'],
    ['freePlaces', 6, 'derived-free-places'],
    ['reserved', 0, 'reserved-not-typed'],
  ])('refuses %s, which Dolbom derives or keeps, with a reason', (field, value, code) => {
    const error = expectOnlyError(errorsOf(counsellorCreateSchema(today), { ...counsellor, [field]: value }), field, code);
    expect(error.message.en).toMatch(/cannot be sent/);
  });

  it('refuses a capacity outside 0–40 and an unknown qualification', () => {
    expectOnlyError(errorsOf(counsellorCreateSchema(today), { ...counsellor, weeklyCapacity: 41 }), 'weeklyCapacity', 'range');
    expectOnlyError(errorsOf(counsellorCreateSchema(today), { ...counsellor, weeklyCapacity: 2.5 }), 'weeklyCapacity', 'range');
    expectOnlyError(errorsOf(counsellorCreateSchema(today), { ...counsellor, qualifications: ['astrologer'] }), 'qualifications.0', 'choice');
  });

  it('refuses a training completed after today, only when judged on a day', () => {
    const future = { ...counsellor, trainings: [{ programme: 'parent', level: 'basic', completedOn: '2026-03-03' }] };
    expectOnlyError(errorsOf(counsellorCreateSchema(today), future), 'trainings.0.completedOn', 'training-in-future');
    expect(errorsOf(counsellorCreateSchema(), future)).toEqual([]);
  });

  it('refuses the same training twice, and advanced training without the basic one before it', () => {
    const twice = { ...counsellor, trainings: [counsellor.trainings[0], counsellor.trainings[0]] };
    expectOnlyError(errorsOf(counsellorCreateSchema(today), twice), 'trainings.1', 'training-repeated');
    const advancedFirst = { ...counsellor, trainings: [{ programme: 'youth', level: 'basic', completedOn: '2025-12-01' }, counsellor.trainings[1]] };
    expectOnlyError(errorsOf(counsellorCreateSchema(today), advancedFirst), 'trainings.1.level', 'advanced-before-basic');
    expectOnlyError(errorsOf(counsellorCreateSchema(today), { ...counsellor, trainings: [counsellor.trainings[1]] }), 'trainings.0.level', 'advanced-before-basic');
  });

  it('refuses an impossible date and an unknown training level', () => {
    const training = (t: object) => ({ ...counsellor, trainings: [{ ...counsellor.trainings[0], ...t }] });
    expectOnlyError(errorsOf(counsellorCreateSchema(today), training({ completedOn: '2025-02-30' })), 'trainings.0.completedOn', 'date-invalid');
    expectOnlyError(errorsOf(counsellorCreateSchema(today), training({ level: 'expert' })), 'trainings.0.level', 'choice');
  });
});

describe('counsellorUpdateSchema', () => {
  it('accepts one field, and refuses the derived ones and reserved in an update too', () => {
    expect(counsellorUpdateSchema(today).parse({ weeklyCapacity: 3 })).toEqual({ weeklyCapacity: 3 });
    expectOnlyError(errorsOf(counsellorUpdateSchema(today), { weeklyCapacity: 3, reserved: 0 }), 'reserved', 'reserved-not-typed');
    expectOnlyError(errorsOf(counsellorUpdateSchema(today), { youthVoucherTypes: ['B'] }), 'youthVoucherTypes', 'derived-field');
    expectOnlyError(errorsOf(counsellorUpdateSchema(today), {}), '', 'nothing-to-change');
  });

  it('refuses a name with hidden characters and a name over 50 characters', () => {
    expectOnlyError(errorsOf(counsellorUpdateSchema(today), { name: '김\u200B상담' }), 'name', 'hidden-characters');
    expectOnlyError(errorsOf(counsellorUpdateSchema(today), { name: '김'.repeat(51) }), 'name', 'length');
  });
});
