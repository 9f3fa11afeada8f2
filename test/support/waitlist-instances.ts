import { districtCodes, type DistrictCode } from '../../forms/districts';
import type { MatchRequest } from '../../functions/matching/match-types';
import type { WaitlistScorer } from '../../functions/matching/waitlist/scorer';
import {
  freePlaces,
  languages,
  qualifiedFor,
  youthVoucherTypesOf,
  type CounsellorForMatching,
  type Gender,
  type Language,
  type ProgrammeId,
  type QualificationId,
} from '../../functions/providers/registry';

/**
 * STAND-IN SCORER — replace with `functions/matching/score.ts` when the scoring branch is merged
 * (`import * as score from '../../functions/matching/score'` satisfies WaitlistScorer). It has the
 * same shape and keeps the same promises: classScore reads only what the two class keys hold, and
 * counsellorPoints is the counsellor's load plus a continuity bonus for the previous counsellor.
 * The points are made up; only their shape matters to the solver's tests and benchmark.
 */
export const standInScorer: WaitlistScorer = {
  requestClassKey: (r) =>
    [r.programme, r.district, r.serviceType, r.voucherType ?? '-', r.preferences.counsellorGender ?? '-', r.preferences.language ?? '-', r.preferences.time ?? '-'].join('|'),
  counsellorClassKey: (c) =>
    [
      c.agencyDistrict,
      c.gender,
      [...c.languages].sort().join(','),
      `${+c.availability.weekdayDaytime}${+c.availability.evening}${+c.availability.saturday}`,
      [...new Set(c.trainings.map((t) => t.programme))].sort().join(','),
      [...c.qualifications].sort().join(','),
      [...c.agencyServiceTypes].sort().join(','),
    ].join('|'),
  classScore(r, c) {
    if (!c.trainings.some((t) => t.programme === r.programme && t.level === 'basic')) return undefined;
    if (!c.agencyServiceTypes.includes(r.serviceType) || !qualifiedFor(c.qualifications, r.serviceType)) return undefined;
    if (r.programme === 'youth' && !youthVoucherTypesOf(c.qualifications).includes(r.voucherType ?? 'A')) return undefined;
    const apart = Math.abs(districtCodes.indexOf(r.district) - districtCodes.indexOf(c.agencyDistrict));
    let points = 30 - 5 * Math.min(apart, 6);
    const p = r.preferences;
    if (p.counsellorGender && p.counsellorGender === c.gender) points += 10;
    if (p.language && c.languages.includes(p.language)) points += 15;
    if (p.time === 'evening' && c.availability.evening) points += 10;
    if (p.time === 'saturday' && c.availability.saturday) points += 10;
    if (p.time === 'weekday-daytime' && c.availability.weekdayDaytime) points += 10;
    return points;
  },
  counsellorPoints(r, c) {
    const load = c.weeklyCapacity === 0 ? 0 : Math.round((8 * freePlaces(c)) / c.weeklyCapacity);
    return load + (r.previousCounsellorId === c.counsellorId ? 25 : 0);
  },
};

/** mulberry32: a small seeded generator, so every instance is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
function weighted<T>(random: Random, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let x = random() * total;
  for (const [item, w] of items) if ((x -= w) < 0) return item;
  return items[items.length - 1]![0];
}

const therapistFor: Record<string, QualificationId> = {
  speech: 'speech-therapist',
  'play-therapy': 'play-therapist',
  'art-therapy': 'art-therapist',
  'music-therapy': 'music-therapist',
  'sensory-integration': 'sensory-integration-therapist',
  psychomotor: 'psychomotor-therapist',
  'cognitive-learning': 'cognitive-learning-therapist',
};
const therapists = Object.values(therapistFor);
const counselling: QualificationId[] = [
  'mental-health-professional',
  'clinical-psychologist-1',
  'clinical-psychologist-2',
  'counselling-teacher',
  'youth-counsellor',
  'counselling-graduate-experienced',
  'counselling-degree-experienced',
];
const childServices = ['psychological-counselling', 'speech', 'play-therapy', 'cognitive-learning', 'art-therapy', 'music-therapy', 'sensory-integration', 'psychomotor'];
const programmeServices: Record<ProgrammeId, string[]> = {
  'child-adolescent': childServices,
  parent: ['parent-counselling', 'prenatal-counselling'],
  youth: ['youth-counselling'],
};

export interface WaitlistInstance {
  requests: MatchRequest[];
  counsellors: CounsellorForMatching[];
}

/**
 * A registry and a waitlist shaped like Seoul's: about eight counsellors an agency, agencies in every
 * district, most counsellors Korean-speaking women working weekdays, a few with free places; and
 * applications over the three programmes with optional preferences, some extensions (a previous
 * counsellor), some declined offers (excluded counsellors) and a few priority ranks.
 */
export function waitlistInstance(options: { seed: number; applications: number; counsellors: number; freePlaces: number; ranks?: number }): WaitlistInstance {
  const random = seededRandom(options.seed);
  const agencies = Array.from({ length: Math.max(1, Math.round(options.counsellors / 8)) }, (_, a) => {
    const programmes = (['child-adolescent', 'parent', 'youth'] as const).filter(() => random() < 0.6);
    if (programmes.length === 0) programmes.push(pick(random, ['child-adolescent', 'parent', 'youth'] as const));
    const serviceTypes = programmes.flatMap((p) => programmeServices[p].filter((_, i) => i === 0 || random() < 0.5));
    return { agencyId: `agency-${a}`, district: districtCodes[a % districtCodes.length]!, programmes, serviceTypes };
  });

  const counsellors: CounsellorForMatching[] = Array.from({ length: options.counsellors }, (_, c) => {
    const agency = agencies[c % agencies.length]!;
    // Mostly coherent with the agency: a therapist for a therapy it offers, trained for children; or a
    // counsellor trained for some of its programmes. A few hold a second qualification.
    const therapies = agency.serviceTypes.filter((s) => s in therapistFor);
    const therapist = therapies.length > 0 && random() < 0.45;
    const held = new Set<QualificationId>([therapist ? therapistFor[pick(random, therapies)]! : pick(random, counselling)]);
    if (random() < 0.15) held.add(pick(random, random() < 0.5 ? counselling : therapists));
    const spoken: Language[] = ['ko'];
    if (random() < 0.12) spoken.push(pick(random, languages.slice(1)));
    const trained: ProgrammeId[] = therapist ? ['child-adolescent'] : agency.programmes.filter(() => random() < 0.7);
    if (trained.length === 0) trained.push(agency.programmes[0]!);
    return {
      counsellorId: `counsellor-${String(c).padStart(5, '0')}`,
      agencyId: agency.agencyId,
      gender: (random() < 0.75 ? 'female' : 'male') as Gender,
      languages: spoken,
      qualifications: [...held],
      trainings: trained.flatMap((programme) => [
        { programme, level: 'basic' as const, completedOn: '2025-03-01' },
        ...(random() < 0.3 ? [{ programme, level: 'advanced' as const, completedOn: '2025-09-01' }] : []),
      ]),
      availability: { weekdayDaytime: random() < 0.9, evening: random() < 0.4, saturday: random() < 0.25 },
      weeklyCapacity: 0,
      reserved: 0,
      agencyDistrict: agency.district,
      agencyName: { ko: `기관 ${agency.agencyId}`, en: `Agency ${agency.agencyId}` },
      agencyServiceTypes: agency.serviceTypes,
      agencyProgrammes: [...agency.programmes],
      active: true,
    };
  });
  // Free places: ~20% of counsellors full, the rest share options.freePlaces.
  for (const c of counsellors) {
    c.weeklyCapacity = 4 + Math.floor(random() * 7);
    c.reserved = c.weeklyCapacity;
  }
  const open = counsellors.filter(() => random() < 0.8);
  for (let free = 0; free < options.freePlaces && open.length > 0; free++) {
    const at = Math.floor(random() * open.length);
    const c = open[at]!;
    c.reserved--;
    if (c.reserved === 0) open.splice(at, 1);
  }

  // Priority ranks from eligibility: few at the top (e.g. basic livelihood recipients), most at the bottom.
  const ranks = options.ranks ?? 3;
  const rankOf = (x: number) => 1 + Math.min(ranks - 1, Math.floor(x ** 0.45 * ranks));
  const requests: MatchRequest[] = Array.from({ length: options.applications }, (_, i) => {
    const programme = weighted<ProgrammeId>(random, [['child-adolescent', 5], ['youth', 3], ['parent', 2]]);
    const serviceType =
      programme === 'child-adolescent'
        ? weighted(random, [['psychological-counselling', 8], ['speech', 4], ['play-therapy', 3], ['art-therapy', 1], ['cognitive-learning', 1], ['music-therapy', 1], ['sensory-integration', 1], ['psychomotor', 1]])
        : programme === 'parent'
          ? weighted(random, [['parent-counselling', 6], ['prenatal-counselling', 1]])
          : 'youth-counselling';
    const preferences: MatchRequest['preferences'] = {};
    if (random() < 0.35) preferences.counsellorGender = random() < 0.8 ? 'female' : 'male';
    if (random() < 0.05) preferences.language = pick(random, languages.slice(1));
    if (random() < 0.3) preferences.time = weighted(random, [['evening', 5], ['saturday', 3], ['weekday-daytime', 2]] as const);
    const request: MatchRequest = {
      applicationId: `application-${String(i).padStart(6, '0')}`,
      programme,
      district: pick<DistrictCode>(random, districtCodes),
      serviceType,
      preferences,
      rank: rankOf(random()),
      waitingSince: new Date(Date.UTC(2026, 0, 1) + Math.floor(random() * 180 * 86_400_000)).toISOString(),
      excludedCounsellorIds: [],
    };
    if (programme === 'youth') request.voucherType = random() < 0.7 ? 'A' : 'B';
    const fitting = () => {
      for (let tries = 0; tries < 20; tries++) {
        const c = pick(random, counsellors);
        if (standInScorer.classScore(request, c) !== undefined) return c.counsellorId;
      }
      return pick(random, counsellors).counsellorId;
    };
    if (random() < 0.08) request.previousCounsellorId = fitting();
    if (random() < 0.05) request.excludedCounsellorIds = Array.from({ length: 1 + Math.floor(random() * 2) }, fitting);
    return request;
  });
  return { requests, counsellors };
}
