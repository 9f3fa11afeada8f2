/** Counsellors and match requests for the matching tests: readable builders, and fast-check arbitraries of whole registries. */
import fc from 'fast-check';
import { programmes } from '../../../forms';
import { languages } from '../../../forms/languages';
import { districtCodes, type DistrictCode } from '../../../forms/districts';
import type { MatchRequest } from '../../../functions/matching/match-types';
import { programmeIds, qualifications, type CounsellorForMatching, type QualificationId, type Training } from '../../../functions/providers/registry';

export const on = '2026-03-15';

/** A counsellor who can serve every youth and parent case in 마포구 on weekdays, until a test says otherwise. */
export function counsellor(overrides: Partial<CounsellorForMatching> = {}): CounsellorForMatching {
  return {
    counsellorId: 'C-mapo-1',
    agencyId: 'A-mapo',
    agencyName: { ko: '마포마음센터', en: 'Mapo Mind Centre' },
    agencyDistrict: '11440',
    agencyProgrammes: ['youth', 'parent'],
    agencyServiceTypes: ['youth-counselling', 'parent-counselling', 'prenatal-counselling'],
    gender: 'female',
    languages: ['ko'],
    qualifications: ['youth-counsellor'],
    trainings: [
      { programme: 'youth', level: 'basic', completedOn: '2025-06-01' },
      { programme: 'parent', level: 'basic', completedOn: '2025-09-01' },
    ],
    availability: { weekdayDaytime: true, evening: false, saturday: false },
    weeklyCapacity: 5,
    reserved: 2,
    active: true,
    ...overrides,
  };
}

/** A youth request (voucher type A) from 마포구 with no wishes, until a test says otherwise. */
export function request(overrides: Partial<MatchRequest> = {}): MatchRequest {
  return {
    applicationId: 'APP-1',
    programme: 'youth',
    district: '11440',
    serviceType: 'youth-counselling',
    voucherType: 'A',
    preferences: {},
    rank: 3,
    waitingSince: '2026-03-01T00:00:00.000Z',
    excludedCounsellorIds: [],
    ...overrides,
  };
}

/* ---------- arbitraries ---------- */

const serviceTypesByProgramme = new Map(programmes.map((p) => [p.id, p.serviceTypes.map((t) => t.id)]));
const allServiceTypes = programmes.flatMap((p) => p.serviceTypes.map((t) => t.id));
const qualificationIds = qualifications.map((q) => q.id);

export const isoDay = (min: string, max: string) =>
  fc.date({ min: new Date(`${min}T00:00:00Z`), max: new Date(`${max}T00:00:00Z`), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

export const dayArb = isoDay('2025-01-01', '2027-12-31');
const districtArb = fc.constantFrom<DistrictCode>(...districtCodes);

const trainingArb: fc.Arbitrary<Training> = fc.record({
  programme: fc.constantFrom(...programmeIds),
  level: fc.constantFrom('basic' as const, 'advanced' as const),
  completedOn: isoDay('2023-01-01', '2027-12-31'),
});

/** Mostly `true`: a registry of mostly inactive counsellors would seldom have anyone to rank. */
const mostly = fc.integer({ min: 0, max: 4 }).map((n) => n > 0);

/** The service types of an agency: usually all those of its programmes, sometimes any few. */
const agencyServiceTypesArb = (agencyProgrammes: readonly string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.constant(agencyProgrammes.flatMap((p) => serviceTypesByProgramme.get(p as never) ?? [])) },
    { weight: 1, arbitrary: fc.subarray(allServiceTypes, { minLength: 1 }) },
  );

/** Usually a training for each of the agency's programmes, done at some time, and now and then another. */
const agencyTrainingsArb = (agencyProgrammes: readonly (typeof programmeIds)[number][]) =>
  fc
    .tuple(
      fc.tuple(...agencyProgrammes.map((programme) => fc.option(trainingArb.map((t) => ({ ...t, programme })), { nil: undefined, freq: 4 }))),
      fc.array(trainingArb, { maxLength: 2 }),
    )
    .map(([own, other]) => [...own.filter((t) => t !== undefined), ...other]);

/** Usually a counselling qualification (or two) and now and then a therapist's; sometimes any few. */
const counsellingIds: QualificationId[] = qualifications.filter((q) => q.counselling).map((q) => q.id);
const qualificationsArb = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.subarray(counsellingIds, { minLength: 1, maxLength: 2 }), fc.subarray(qualificationIds.filter((id) => !counsellingIds.includes(id)), { maxLength: 2 }))
      .map(([counselling, therapist]) => [...counselling, ...therapist]),
  },
  { weight: 1, arbitrary: fc.subarray(qualificationIds, { minLength: 1, maxLength: 4 }) },
);

/** A counsellor with an id of its own (`id`) and everything else at random, often fitting a random request. */
export function counsellorArb(id: string): fc.Arbitrary<CounsellorForMatching> {
  return fc
    .subarray([...programmeIds], { minLength: 1 })
    .chain((agencyProgrammes) =>
      fc.record({
        agencyId: fc.constantFrom('A1', 'A2', 'A3', 'A4'),
        agencyDistrict: districtArb,
        agencyProgrammes: fc.constant(agencyProgrammes),
        agencyServiceTypes: agencyServiceTypesArb(agencyProgrammes),
        gender: fc.constantFrom('female' as const, 'male' as const),
        languages: fc.subarray([...languages], { minLength: 1 }),
        qualifications: qualificationsArb,
        trainings: agencyTrainingsArb(agencyProgrammes),
        availability: fc.record({ weekdayDaytime: fc.boolean(), evening: fc.boolean(), saturday: fc.boolean() }),
        weeklyCapacity: fc.integer({ min: 0, max: 12 }),
        reservedShare: fc.double({ min: 0, max: 1, noNaN: true }),
        active: mostly,
      }),
    )
    .map(({ reservedShare, agencyId, ...rest }) => ({
      ...rest,
      counsellorId: id,
      agencyId,
      agencyName: { ko: `기관 ${agencyId}`, en: `Agency ${agencyId}` },
      reserved: Math.floor(reservedShare * rest.weeklyCapacity),
    }));
}

/** 0 to `max` counsellors with unique ids. */
export function registryArb(max = 60): fc.Arbitrary<CounsellorForMatching[]> {
  return fc.integer({ min: 0, max }).chain((n) => (n === 0 ? fc.constant([]) : fc.tuple(...Array.from({ length: n }, (_, i) => counsellorArb(`C${String(i).padStart(3, '0')}`)))));
}

/** A request for a programme and one of its service types (now and then another programme's), with random wishes and history. */
export function requestArb(counsellorIds: readonly string[]): fc.Arbitrary<MatchRequest> {
  return fc.constantFrom(...programmeIds).chain((programme) =>
    fc.record({
      applicationId: fc.constantFrom('APP-1', 'APP-2'),
      programme: fc.constant(programme),
      district: districtArb,
      serviceType: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...serviceTypesByProgramme.get(programme)!) }, { weight: 1, arbitrary: fc.constantFrom(...allServiceTypes) }),
      voucherType: programme === 'youth' ? fc.constantFrom('A' as const, 'B' as const) : fc.constant(undefined),
      preferences: fc.record(
        {
          counsellorGender: fc.constantFrom('female' as const, 'male' as const),
          language: fc.constantFrom(...languages),
          time: fc.constantFrom('weekday-daytime' as const, 'evening' as const, 'saturday' as const),
        },
        { requiredKeys: [] },
      ),
      previousCounsellorId: counsellorIds.length ? fc.option(fc.constantFrom(...counsellorIds), { nil: undefined }) : fc.constant(undefined),
      rank: fc.integer({ min: 1, max: 3 }),
      waitingSince: dayArb.map((d) => `${d}T00:00:00.000Z`),
      excludedCounsellorIds: fc.subarray([...counsellorIds], { maxLength: Math.min(3, counsellorIds.length) }),
    }).map(({ voucherType, previousCounsellorId, ...rest }) => ({
      ...rest,
      ...(voucherType ? { voucherType } : {}),
      ...(previousCounsellorId ? { previousCounsellorId } : {}),
    })),
  );
}

/** A registry, a request against it and a day. */
export const caseArb = registryArb().chain((registry) =>
  fc.record({ registry: fc.constant(registry), request: requestArb(registry.map((c) => c.counsellorId)), on: dayArb }),
);
