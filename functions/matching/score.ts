/**
 * The soft score of a counsellor for a match request: integer points, higher is better, each part
 * with its reason in Korean and English. Only counsellors meeting every hard constraint
 * (constraints.ts) are scored.
 *
 * The weights, in points, and why:
 * - distance 40 in the same district, 10 fewer per step across the district graph
 *   (forms/district-adjacency.ts), 0 from 4 steps: sessions are weekly for 3 to 12 months, and every
 *   extra district on the way costs a family time, and the case its attendance; this is the largest
 *   part, so with no wishes asked the nearest fitting counsellor wins.
 * - language asked and spoken 30 (three steps): a session in a language the person does not speak
 *   well is hardly a session; worth crossing districts for, yet not the far side of Seoul.
 * - time asked and available 20 (two steps): a slot the person cannot attend means a missed session
 *   every week, but people can often move a slot, so it weighs less than a language.
 * - counsellor gender asked and met 15 (one and a half steps): it matters to many clients, and is
 *   weighed but never bought with a long trip.
 * - continuity 50, the counsellor of the earlier period (an extension): the relationship is much of
 *   the treatment, and a new counsellor starts it over. It outweighs the whole distance part (40),
 *   so the earlier counsellor stays first even from a farther agency; a newcomer overtakes only by
 *   meeting wishes the earlier counsellor does not.
 * - load 0 to 10, ten times the counsellor's free share of their weekly capacity, rounded: the
 *   smallest part, it separates otherwise equal counsellors so the cases spread and nobody fills
 *   while a neighbour sits empty.
 * A wish not met, or a district 4 or more steps away, is a part of 0 points: shown to staff, left out
 * of the one-line reason. English part reasons start in lower case (but names), as they read inside
 * that sentence; the sentence starts with a capital (rank.ts `reasonOf`).
 *
 * The score decomposes for the waitlist batch, which weighs 10,000 applications against 1,000
 * counsellors by class: `classScore` reads only what `requestClassKey` and `counsellorClassKey`
 * hold (and the day), `counsellorPoints` the rest, and `score` is their sum.
 */
import { languageOptions } from '../../forms/languages';
import { districtDistance } from '../../forms/district-adjacency';
import { districtName } from '../../forms/districts';
import type { Text } from '../../forms/i18n';
import { basicTrainingDone, freePlaces, type CounsellorForMatching, type Language } from '../providers/registry';
import { fitsClass } from './constraints';
import type { MatchPreferences, MatchRequest, ScorePart } from './match-types';

export const weights = {
  distance: { sameDistrict: 40, perStep: 10 },
  language: 30,
  time: 20,
  gender: 15,
  continuity: 50,
  load: 10,
} as const;

type Time = NonNullable<MatchPreferences['time']>;

const timeTexts: Record<Time, { available: keyof CounsellorForMatching['availability']; met: Text; unmet: Text }> = {
  'weekday-daytime': {
    available: 'weekdayDaytime',
    met: { ko: '평일 낮 가능', en: 'weekday daytime available' },
    unmet: { ko: '평일 낮 불가', en: 'no weekday daytime' },
  },
  evening: {
    available: 'evening',
    met: { ko: '야간 가능', en: 'evenings available' },
    unmet: { ko: '야간 불가', en: 'no evenings' },
  },
  saturday: {
    available: 'saturday',
    met: { ko: '토요일 가능', en: 'Saturdays available' },
    unmet: { ko: '토요일 불가', en: 'no Saturdays' },
  },
};

const genderTexts: Record<CounsellorForMatching['gender'], { met: Text; unmet: Text }> = {
  female: {
    met: { ko: '여성 상담사 희망 충족', en: 'female counsellor as asked' },
    unmet: { ko: '여성 상담사 희망 미충족', en: 'not the female counsellor asked for' },
  },
  male: {
    met: { ko: '남성 상담사 희망 충족', en: 'male counsellor as asked' },
    unmet: { ko: '남성 상담사 희망 미충족', en: 'not the male counsellor asked for' },
  },
};

function languageName(language: Language): Text {
  return languageOptions.find((o) => o.value === language)!.label;
}

function distancePart(request: MatchRequest, counsellor: CounsellorForMatching): ScorePart {
  const steps = districtDistance(request.district, counsellor.agencyDistrict);
  const points = Math.max(0, weights.distance.sameDistrict - weights.distance.perStep * steps);
  const name = districtName(counsellor.agencyDistrict);
  const reason: Text =
    steps === 0
      ? { ko: '같은 구', en: 'same district' }
      : steps === 1
        ? { ko: `이웃 구(${name.ko})`, en: `neighbouring district (${name.en})` }
        : { ko: `${name.ko}(${steps}개 구 거리)`, en: `${name.en} (${steps} districts away)` };
  return { factor: 'distance', points, reason };
}

function timePart(time: Time, counsellor: CounsellorForMatching): ScorePart {
  const texts = timeTexts[time];
  const met = counsellor.availability[texts.available];
  return { factor: 'time', points: met ? weights.time : 0, reason: met ? texts.met : texts.unmet };
}

function genderPart(gender: CounsellorForMatching['gender'], counsellor: CounsellorForMatching): ScorePart {
  const met = counsellor.gender === gender;
  return { factor: 'gender', points: met ? weights.gender : 0, reason: met ? genderTexts[gender].met : genderTexts[gender].unmet };
}

function languagePart(language: Language, counsellor: CounsellorForMatching): ScorePart {
  const met = counsellor.languages.includes(language);
  const name = languageName(language);
  return {
    factor: 'language',
    points: met ? weights.language : 0,
    reason: met ? { ko: `${name.ko} 상담 가능`, en: `counselling in ${name.en}` } : { ko: `${name.ko} 상담 불가`, en: `no counselling in ${name.en}` },
  };
}

/** The parts a class pair decides: distance, and each wish the applicant asked. */
export function classParts(request: MatchRequest, counsellor: CounsellorForMatching): ScorePart[] {
  const { time, counsellorGender, language } = request.preferences;
  return [
    distancePart(request, counsellor),
    ...(time ? [timePart(time, counsellor)] : []),
    ...(counsellorGender ? [genderPart(counsellorGender, counsellor)] : []),
    ...(language ? [languagePart(language, counsellor)] : []),
  ];
}

/** The parts of this counsellor and this application: continuity (when there was a counsellor before) and load. */
export function counsellorParts(request: MatchRequest, counsellor: CounsellorForMatching): ScorePart[] {
  const parts: ScorePart[] = [];
  if (request.previousCounsellorId !== undefined) {
    const same = request.previousCounsellorId === counsellor.counsellorId;
    parts.push({
      factor: 'continuity',
      points: same ? weights.continuity : 0,
      reason: same ? { ko: '이전 상담사(연속성)', en: 'same counsellor as before' } : { ko: '새 상담사', en: 'a new counsellor' },
    });
  }
  const free = freePlaces(counsellor);
  const capacity = counsellor.weeklyCapacity;
  parts.push({
    factor: 'load',
    points: capacity > 0 ? Math.round((weights.load * Math.min(free, capacity)) / capacity) : 0,
    reason: { ko: `남은 자리 ${free}/${capacity}`, en: `${free} of ${capacity} places free` },
  });
  return parts;
}

/** Every part, in the order the reason reads: distance, time, gender, language, continuity, load. */
export function scoreParts(request: MatchRequest, counsellor: CounsellorForMatching): ScorePart[] {
  return [...classParts(request, counsellor), ...counsellorParts(request, counsellor)];
}

const sum = (parts: ScorePart[]) => parts.reduce((total, part) => total + part.points, 0);

/**
 * The score a class pair decides, or undefined when a class constraint fails (all but free places
 * and exclusions). Reads only the features in `requestClassKey(request)` and
 * `counsellorClassKey(counsellor, on)`: equal keys, equal class scores.
 */
export function classScore(request: MatchRequest, counsellor: CounsellorForMatching, on: string): number | undefined {
  return fitsClass(request, counsellor, on) ? sum(classParts(request, counsellor)) : undefined;
}

/** The points of this counsellor for this application: load balance and continuity. */
export function counsellorPoints(request: MatchRequest, counsellor: CounsellorForMatching): number {
  return sum(counsellorParts(request, counsellor));
}

/** `classScore + counsellorPoints`; undefined when a class constraint fails. */
export function score(request: MatchRequest, counsellor: CounsellorForMatching, on: string): number | undefined {
  const byClass = classScore(request, counsellor, on);
  return byClass === undefined ? undefined : byClass + counsellorPoints(request, counsellor);
}

/** Exactly the request features `classScore` reads. */
export function requestClassKey(request: MatchRequest): string {
  const { counsellorGender, language, time } = request.preferences;
  return JSON.stringify([request.programme, request.district, request.serviceType, request.voucherType ?? null, counsellorGender ?? null, language ?? null, time ?? null]);
}

const sortedSet = <T extends string>(list: readonly T[]) => [...new Set(list)].sort();

/**
 * Exactly the counsellor features `classScore` reads on a day: the agency's district, the
 * counsellor's gender, languages and availability, and what decides the class constraints (active,
 * the agency's programmes and service types, qualifications, the programmes trained for by then).
 * Lists are sorted and without repeats, so the order they were stored in makes no class of its own.
 */
export function counsellorClassKey(counsellor: CounsellorForMatching, on: string): string {
  const { weekdayDaytime, evening, saturday } = counsellor.availability;
  const trained = sortedSet(counsellor.trainings.map((t) => t.programme)).filter((programme) => basicTrainingDone(counsellor.trainings, programme, on));
  return JSON.stringify([
    counsellor.agencyDistrict,
    counsellor.gender,
    sortedSet(counsellor.languages),
    [weekdayDaytime, evening, saturday],
    counsellor.active,
    sortedSet(counsellor.agencyProgrammes),
    sortedSet(counsellor.agencyServiceTypes),
    sortedSet(counsellor.qualifications),
    trained,
  ]);
}
