import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DistrictCode } from '../../../forms/districts';
import type { MatchRequest } from '../../../functions/matching/match-types';
import { assignWaitlist, type WaitlistAssignment } from '../../../functions/matching/waitlist/assign-waitlist';
import type { WaitlistScorer } from '../../../functions/matching/waitlist/scorer';
import { freePlaces, type CounsellorForMatching, type Gender, type Language, type ProgrammeId } from '../../../functions/providers/registry';
import { waitlistScorer } from '../../../functions/matching/waitlist-plan';
import { standInScorer } from '../../support/waitlist-instances';

const programmes: ProgrammeId[] = ['child-adolescent', 'parent', 'youth'];
const serviceOf: Record<ProgrammeId, string[]> = {
  'child-adolescent': ['psychological-counselling', 'speech'],
  parent: ['parent-counselling'],
  youth: ['youth-counselling'],
};
const districts: DistrictCode[] = ['11110', '11140', '11680'];

/** Counsellors from small pools, so several share a class and applications compete for them. */
const counsellorArb = fc.record({
  district: fc.constantFrom(...districts),
  gender: fc.constantFrom<Gender>('female', 'male'),
  english: fc.boolean(),
  qualification: fc.constantFrom('youth-counsellor' as const, 'mental-health-professional' as const, 'speech-therapist' as const),
  trained: fc.subarray(programmes, { minLength: 1 }),
  trainedOn: fc.constantFrom('2025-01-01', '2025-01-01', '2025-01-01', '2026-09-01'), // the last is after the day the real scorer judges
  offered: fc.subarray(programmes),
  active: fc.nat(4).map((n) => n > 0), // mostly active
  evening: fc.boolean(),
  weeklyCapacity: fc.integer({ min: 0, max: 3 }),
  reserved: fc.integer({ min: 0, max: 1 }),
});

const requestArb = (counsellorCount: number) =>
  fc.record({
    programme: fc.constantFrom(...programmes),
    service: fc.nat(1),
    voucherType: fc.constantFrom<'A' | 'B'>('A', 'B'),
    district: fc.constantFrom(...districts),
    gender: fc.option(fc.constantFrom<Gender>('female', 'male'), { nil: undefined }),
    language: fc.option(fc.constant<Language>('en'), { nil: undefined }),
    evening: fc.boolean(),
    rank: fc.integer({ min: 1, max: 3 }),
    day: fc.integer({ min: 1, max: 4 }), // few days: ties in waitingSince happen
    previous: fc.option(fc.integer({ min: 0, max: counsellorCount }), { nil: undefined }), // counsellorCount: unknown id
    excluded: fc.uniqueArray(fc.integer({ min: 0, max: counsellorCount }), { maxLength: 2 }),
  });

const counsellorId = (j: number) => `c${j}`;

const instanceArb = fc.array(counsellorArb, { minLength: 1, maxLength: 4 }).chain((cs) =>
  fc.record({
    counsellors: fc.constant(
      cs.map(
        (c, j): CounsellorForMatching => ({
          counsellorId: counsellorId(j),
          agencyId: `a${j % 2}`,
          gender: c.gender,
          languages: c.english ? ['ko', 'en'] : ['ko'],
          qualifications: [c.qualification],
          trainings: c.trained.map((programme) => ({ programme, level: 'basic' as const, completedOn: c.trainedOn })),
          availability: { weekdayDaytime: true, evening: c.evening, saturday: false },
          weeklyCapacity: c.weeklyCapacity,
          reserved: Math.min(c.reserved, c.weeklyCapacity),
          agencyDistrict: c.district,
          agencyName: { ko: '기관', en: 'Agency' },
          agencyServiceTypes: ['psychological-counselling', 'speech', 'parent-counselling', 'youth-counselling'],
          agencyProgrammes: [...new Set([...c.trained, ...c.offered])],
          active: c.active,
        }),
      ),
    ),
    requests: fc.array(requestArb(cs.length), { minLength: 1, maxLength: 7 }).map((rs) =>
      rs.map(
        (r, i): MatchRequest => ({
          applicationId: `app-${i}`,
          programme: r.programme,
          district: r.district,
          serviceType: serviceOf[r.programme][r.service % serviceOf[r.programme].length]!,
          ...(r.programme === 'youth' ? { voucherType: r.voucherType } : {}),
          preferences: { counsellorGender: r.gender, language: r.language, time: r.evening ? 'evening' : undefined },
          ...(r.previous === undefined ? {} : { previousCounsellorId: counsellorId(r.previous) }),
          rank: r.rank,
          waitingSince: `2026-03-0${r.day}T09:00:00.000Z`,
          excludedCounsellorIds: r.excluded.map(counsellorId),
        }),
      ),
    ),
  }),
);

/**
 * Coarse classes with made-up score tables: a request class is its programme, a counsellor class its
 * district, so classes hold many members and exclusions and continuity cut across them.
 */
const tableScorerArb = fc
  .record({
    table: fc.array(fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined }), { minLength: 9, maxLength: 9 }),
    load: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 5, maxLength: 5 }),
    bonus: fc.integer({ min: 0, max: 4 }),
  })
  .map(
    ({ table, load, bonus }): WaitlistScorer => ({
      requestClassKey: (r) => r.programme,
      counsellorClassKey: (c) => c.agencyDistrict,
      classScore: (r, c) => table[programmes.indexOf(r.programme as ProgrammeId) * 3 + districts.indexOf(c.agencyDistrict)],
      counsellorPoints: (r, c) => load[Number(c.counsellorId.slice(1))]! + (r.previousCounsellorId === c.counsellorId ? bonus : 0),
    }),
  );

/** Three scorers: the real one (score.ts, trainings judged on 2026-06-01), the stand-in, and random tables. */
const scorerArb = fc.oneof(fc.constant(waitlistScorer('2026-06-01')), fc.constant(standInScorer), tableScorerArb);

function quality(scorer: WaitlistScorer, r: MatchRequest, c: CounsellorForMatching): number | undefined {
  if (r.excludedCounsellorIds.includes(c.counsellorId)) return undefined;
  const s = scorer.classScore(r, c);
  return s === undefined ? undefined : s + scorer.counsellorPoints(r, c);
}

/** Longest waiting first, ties by applicationId: the order the waiting criterion reads. */
const waitingOrder = (requests: MatchRequest[]) =>
  [...requests].sort((a, b) => a.waitingSince.localeCompare(b.waitingSince) || a.applicationId.localeCompare(b.applicationId));

/** The objective as a comparable key: placed per rank, total quality, then who is placed in waiting order. */
function objective(requests: MatchRequest[], placedIds: Set<string>, totalQuality: number): number[] {
  return [
    ...[1, 2, 3].map((rank) => requests.filter((r) => r.rank === rank && placedIds.has(r.applicationId)).length),
    totalQuality,
    ...waitingOrder(requests).map((r) => (placedIds.has(r.applicationId) ? 1 : 0)),
  ];
}

const better = (a: number[], b: number[]) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! > b[i]!;
  return false;
};

/** Every assignment, by enumeration: each application gets nothing or a counsellor it may have with a place left. */
function bruteForce(requests: MatchRequest[], counsellors: CounsellorForMatching[], scorer: WaitlistScorer): number[] {
  const left = counsellors.map(freePlaces);
  const q = requests.map((r) => counsellors.map((c) => quality(scorer, r, c)));
  const placed = new Set<string>();
  let best: number[] | undefined;
  const visit = (i: number, total: number) => {
    if (i === requests.length) {
      const key = objective(requests, placed, total);
      if (!best || better(key, best)) best = key;
      return;
    }
    visit(i + 1, total);
    counsellors.forEach((_, j) => {
      const value = q[i]![j];
      if (value === undefined || left[j] === 0) return;
      left[j]!--;
      placed.add(requests[i]!.applicationId);
      visit(i + 1, total + value);
      placed.delete(requests[i]!.applicationId);
      left[j]!++;
    });
  };
  visit(0, 0);
  return best!;
}

function shuffled<T>(items: T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) >>> 0;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const byCounsellor = (assignments: WaitlistAssignment[]) => {
  const count = new Map<string, number>();
  for (const a of assignments) count.set(a.counsellorId, (count.get(a.counsellorId) ?? 0) + 1);
  return count;
};

describe('assignWaitlist', () => {
  it('reaches the brute-force optimum: placed per rank, then total quality, then longest waiting', () => {
    fc.assert(
      fc.property(instanceArb, scorerArb, ({ requests, counsellors }, scorer) => {
        const { assignments, stats } = assignWaitlist(requests, counsellors, scorer);
        const placed = new Set(assignments.map((a) => a.applicationId));
        expect(objective(requests, placed, stats.totalQuality)).toEqual(bruteForce(requests, counsellors, scorer));
      }),
      { numRuns: 600 },
    );
  });

  it('assigns only pairs that meet every hard constraint, each application at most once, no counsellor over its free places', () => {
    fc.assert(
      fc.property(instanceArb, scorerArb, ({ requests, counsellors }, scorer) => {
        const { assignments } = assignWaitlist(requests, counsellors, scorer);
        expect(new Set(assignments.map((a) => a.applicationId)).size).toBe(assignments.length);
        for (const [id, n] of byCounsellor(assignments)) expect(n).toBeLessThanOrEqual(freePlaces(counsellors.find((c) => c.counsellorId === id)!));
        for (const a of assignments) {
          const r = requests.find((x) => x.applicationId === a.applicationId)!;
          const c = counsellors.find((x) => x.counsellorId === a.counsellorId)!;
          expect(r.excludedCounsellorIds).not.toContain(a.counsellorId);
          expect(scorer.classScore(r, c)).toBeDefined();
          expect(a.quality).toBe(quality(scorer, r, c));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('never leaves an application waiting for a place that a lower-priority one holds and it could have', () => {
    fc.assert(
      fc.property(instanceArb, scorerArb, ({ requests, counsellors }, scorer) => {
        const { assignments } = assignWaitlist(requests, counsellors, scorer);
        const placed = new Set(assignments.map((a) => a.applicationId));
        for (const waiting of requests.filter((r) => !placed.has(r.applicationId))) {
          for (const a of assignments) {
            const holder = requests.find((r) => r.applicationId === a.applicationId)!;
            const c = counsellors.find((x) => x.counsellorId === a.counsellorId)!;
            if (quality(scorer, waiting, c) === undefined) continue;
            expect(holder.rank).toBeLessThanOrEqual(waiting.rank);
            // Same rank and same quality there: the one waiting longer has it.
            if (holder.rank === waiting.rank && quality(scorer, waiting, c) === a.quality) {
              expect(waitingOrder([holder, waiting])[0]).toBe(holder);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same assignment for the same waitlist, whatever the order of applications and counsellors', () => {
    fc.assert(
      fc.property(instanceArb, scorerArb, fc.nat(), ({ requests, counsellors }, scorer, seed) => {
        const once = assignWaitlist(requests, counsellors, scorer).assignments;
        expect(assignWaitlist(requests, counsellors, scorer).assignments).toEqual(once);
        expect(assignWaitlist(shuffled(requests, seed), shuffled(counsellors, seed + 1), scorer).assignments).toEqual(once);
      }),
      { numRuns: 200 },
    );
  });

  it('places nobody when nobody fits, and answers an empty waitlist', () => {
    const counsellor: CounsellorForMatching = {
      counsellorId: 'c0',
      agencyId: 'a0',
      gender: 'female',
      languages: ['ko'],
      qualifications: ['speech-therapist'],
      trainings: [{ programme: 'child-adolescent', level: 'basic', completedOn: '2025-01-01' }],
      availability: { weekdayDaytime: true, evening: false, saturday: false },
      weeklyCapacity: 3,
      reserved: 0,
      agencyDistrict: '11110',
      agencyName: { ko: '기관', en: 'Agency' },
      agencyServiceTypes: ['speech'],
      agencyProgrammes: ['child-adolescent'],
      active: true,
    };
    const youth: MatchRequest = {
      applicationId: 'app-1',
      programme: 'youth',
      district: '11110',
      serviceType: 'youth-counselling',
      voucherType: 'A',
      preferences: {},
      rank: 1,
      waitingSince: '2026-03-01T00:00:00.000Z',
      excludedCounsellorIds: [],
    };
    expect(assignWaitlist([youth], [counsellor], standInScorer).assignments).toEqual([]);
    expect(assignWaitlist([], [counsellor], standInScorer).assignments).toEqual([]);
    expect(assignWaitlist([youth], [], standInScorer).stats.ranks).toEqual([{ rank: 1, waiting: 1, placed: 0 }]);
  });

  it('refuses a waitlist with an application twice, and scores that are not integers', () => {
    const request: MatchRequest = {
      applicationId: 'app-1',
      programme: 'parent',
      district: '11110',
      serviceType: 'parent-counselling',
      preferences: {},
      rank: 1,
      waitingSince: '2026-03-01T00:00:00.000Z',
      excludedCounsellorIds: [],
    };
    expect(() => assignWaitlist([request, request], [], standInScorer)).toThrow(/twice/);
    const counsellor = { counsellorId: 'c0', weeklyCapacity: 1, reserved: 0 } as CounsellorForMatching;
    const fractional: WaitlistScorer = { requestClassKey: () => 'r', counsellorClassKey: () => 'c', classScore: () => 1.5, counsellorPoints: () => 0 };
    expect(() => assignWaitlist([request], [counsellor], fractional)).toThrow(/integer/);
  });
});
