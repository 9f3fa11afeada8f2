import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { districtDistance } from '../../../forms/district-adjacency';
import { fits, fitsClass, unmetConstraints } from '../../../functions/matching/constraints';
import type { MatchRequest } from '../../../functions/matching/match-types';
import { rankCandidates } from '../../../functions/matching/rank';
import { classParts, classScore, counsellorClassKey, counsellorPoints, requestClassKey, score, scoreParts } from '../../../functions/matching/score';
import type { CounsellorForMatching, Training } from '../../../functions/providers/registry';
import { caseArb, counsellorArb, dayArb, requestArb } from './fixtures';

const byId = (registry: CounsellorForMatching[]) => new Map(registry.map((c) => [c.counsellorId, c]));

describe('rankCandidates, for random registries and requests', () => {
  it('never proposes a counsellor who breaks a hard constraint', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 1, max: 10 }), ({ registry, request, on }, limit) => {
        const counsellors = byId(registry);
        for (const candidate of rankCandidates(request, registry, on, limit)) {
          const counsellor = counsellors.get(candidate.counsellorId)!;
          expect(unmetConstraints(request, counsellor, on)).toEqual([]);
          expect(request.excludedCounsellorIds).not.toContain(candidate.counsellorId);
          expect(counsellor.weeklyCapacity).toBeGreaterThan(counsellor.reserved);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('proposes the best `limit` of those who fit, best score first, then nearer, then by id', () => {
    fc.assert(
      fc.property(caseArb, fc.integer({ min: 1, max: 10 }), ({ registry, request, on }, limit) => {
        const ranked = rankCandidates(request, registry, on, limit);
        const fitting = registry.filter((c) => fits(request, c, on));
        expect(ranked).toHaveLength(Math.min(limit, fitting.length));
        const steps = (district: CounsellorForMatching['agencyDistrict']) => districtDistance(request.district, district);
        for (let i = 1; i < ranked.length; i++) {
          const [a, b] = [ranked[i - 1]!, ranked[i]!];
          expect(a.score).toBeGreaterThanOrEqual(b.score);
          if (a.score === b.score) {
            expect(steps(a.agencyDistrict)).toBeLessThanOrEqual(steps(b.agencyDistrict));
            if (steps(a.agencyDistrict) === steps(b.agencyDistrict)) expect(a.counsellorId < b.counsellorId).toBe(true);
          }
        }
        // Nobody left out scores more than the last one proposed.
        const last = ranked.at(-1);
        const proposed = new Set(ranked.map((c) => c.counsellorId));
        for (const c of fitting) if (last && !proposed.has(c.counsellorId)) expect(score(request, c, on)!).toBeLessThanOrEqual(last.score);
      }),
      { numRuns: 300 },
    );
  });

  it('is deterministic: the same registry read in another order gives the same list, and the input is left as it was', () => {
    const withShuffle = caseArb.chain((c) =>
      fc.record({ case: fc.constant(c), shuffled: fc.shuffledSubarray(c.registry, { minLength: c.registry.length, maxLength: c.registry.length }) }),
    );
    fc.assert(
      fc.property(withShuffle, ({ case: { registry, request, on }, shuffled }) => {
        const before = structuredClone({ registry, request });
        const ranked = rankCandidates(request, registry, on, 8);
        expect(rankCandidates(structuredClone(request), shuffled, on, 8)).toEqual(ranked);
        expect(rankCandidates(request, registry, on, 8)).toEqual(ranked);
        expect({ registry, request }).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });

  it('gives each candidate a score that is the sum of its parts, and a reason in Korean and English', () => {
    fc.assert(
      fc.property(caseArb, ({ registry, request, on }) => {
        for (const candidate of rankCandidates(request, registry, on, 10)) {
          expect(Number.isInteger(candidate.score)).toBe(true);
          expect(candidate.score).toBe(candidate.parts.reduce((total, p) => total + p.points, 0));
          expect(candidate.reason.ko).toMatch(/[가-힣]/);
          expect(candidate.reason.en).toMatch(/^[\x20-\x7E]+$/);
          for (const part of candidate.parts.filter((p) => p.points > 0)) expect(candidate.reason.ko).toContain(part.reason.ko);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('the score decomposes by class, for the waitlist batch', () => {
  const oneArb = fc.record({ counsellor: counsellorArb('C001'), request: requestArb(['C001', 'C002']), on: dayArb });

  it('score = classScore + counsellorPoints = the sum of the parts, and classScore is undefined exactly when a class constraint fails', () => {
    fc.assert(
      fc.property(oneArb, ({ counsellor, request, on }) => {
        const byClass = classScore(request, counsellor, on);
        expect(byClass === undefined).toBe(!fitsClass(request, counsellor, on));
        if (byClass === undefined) {
          expect(score(request, counsellor, on)).toBeUndefined();
          return;
        }
        expect(score(request, counsellor, on)).toBe(byClass + counsellorPoints(request, counsellor));
        expect(score(request, counsellor, on)).toBe(scoreParts(request, counsellor).reduce((t, p) => t + p.points, 0));
        // Capacity and exclusions are the only constraints outside the class.
        const unmet = unmetConstraints(request, counsellor, on);
        expect(unmet.every((name) => name === 'free-places' || name === 'not-excluded')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  /**
   * A twin of a counsellor with the same class key: every feature the key leaves out changed (ids,
   * agency name, capacity, reservations, trainings finished after the day), and its lists reordered
   * and repeated.
   */
  const counsellorTwin = (c: CounsellorForMatching, on: string) =>
    fc
      .record({
        capacity: fc.integer({ min: 0, max: 30 }),
        reserved: fc.integer({ min: 0, max: 30 }),
        later: fc.array(
          fc.record({
            programme: fc.constantFrom('child-adolescent' as const, 'parent' as const, 'youth' as const),
            level: fc.constantFrom('basic' as const, 'advanced' as const),
            completedOn: fc.constantFrom('2028-01-01', '2030-06-30'),
          }),
          { maxLength: 3 },
        ),
        reorder: fc.boolean(),
      })
      .map(({ capacity, reserved, later, reorder }): CounsellorForMatching => {
        const shuffle = <T,>(list: readonly T[]) => (reorder ? [...list].reverse().concat(list.slice(0, 1)) : [...list]);
        const done = c.trainings.filter((t) => t.completedOn <= on.slice(0, 10));
        return {
          ...c,
          counsellorId: `${c.counsellorId}-twin`,
          agencyId: `${c.agencyId}-other`,
          agencyName: { ko: '다른 기관', en: 'Another agency' },
          weeklyCapacity: capacity,
          reserved: Math.min(reserved, capacity),
          languages: shuffle(c.languages),
          qualifications: shuffle(c.qualifications),
          agencyProgrammes: shuffle(c.agencyProgrammes),
          agencyServiceTypes: shuffle(c.agencyServiceTypes),
          trainings: shuffle<Training>([...done, ...later]),
        };
      });

  /** A twin of a request with the same class key: its id, rank, waiting time and history changed. */
  const requestTwin = (r: MatchRequest) =>
    fc
      .record({ rank: fc.integer({ min: 1, max: 9 }), previous: fc.option(fc.constantFrom('C001', 'C001-twin', 'C999'), { nil: undefined }), excluded: fc.subarray(['C001', 'C001-twin', 'C002']) })
      .map(({ rank, previous, excluded }): MatchRequest => {
        const { previousCounsellorId: _dropped, ...rest } = r;
        return { ...rest, applicationId: `${r.applicationId}-twin`, rank, waitingSince: '2020-01-01T00:00:00.000Z', excludedCounsellorIds: excluded, ...(previous ? { previousCounsellorId: previous } : {}) };
      });

  it('classScore (and its parts) depends only on the two class keys', () => {
    const twins = oneArb.chain(({ counsellor, request, on }) =>
      fc.record({ counsellor: fc.constant(counsellor), request: fc.constant(request), on: fc.constant(on), counsellor2: counsellorTwin(counsellor, on), request2: requestTwin(request) }),
    );
    fc.assert(
      fc.property(twins, ({ counsellor, request, on, counsellor2, request2 }) => {
        expect(counsellorClassKey(counsellor2, on)).toBe(counsellorClassKey(counsellor, on));
        expect(requestClassKey(request2)).toBe(requestClassKey(request));
        expect(classScore(request2, counsellor2, on)).toBe(classScore(request, counsellor, on));
        expect(classScore(request, counsellor2, on)).toBe(classScore(request, counsellor, on));
        expect(classScore(request2, counsellor, on)).toBe(classScore(request, counsellor, on));
        expect(classParts(request2, counsellor2)).toEqual(classParts(request, counsellor));
      }),
      { numRuns: 500 },
    );
  });

  it('a class key changes with each feature it holds', () => {
    fc.assert(
      fc.property(oneArb, ({ counsellor, request, on }) => {
        const key = counsellorClassKey(counsellor, on);
        expect(counsellorClassKey({ ...counsellor, gender: counsellor.gender === 'female' ? 'male' : 'female' }, on)).not.toBe(key);
        expect(counsellorClassKey({ ...counsellor, active: !counsellor.active }, on)).not.toBe(key);
        expect(counsellorClassKey({ ...counsellor, availability: { ...counsellor.availability, evening: !counsellor.availability.evening } }, on)).not.toBe(key);
        const requestKey = requestClassKey(request);
        expect(requestClassKey({ ...request, district: request.district === '11110' ? '11140' : '11110' })).not.toBe(requestKey);
        expect(requestClassKey({ ...request, preferences: { ...request.preferences, time: request.preferences.time === 'evening' ? 'saturday' : 'evening' } })).not.toBe(requestKey);
      }),
      { numRuns: 100 },
    );
  });
});
