/**
 * 아동·청소년 심리지원서비스's terms — DOMAIN.md §2.1: who qualifies, what it costs, how it is served.
 * Its form (questions, documents, consents, the answers' schemas) is forms/programmes/child-adolescent.ts.
 */
import { answerAt } from '../answers';
import { communityServiceCopay } from '../community-service';
import type { IncomeTieredCopay, MonthlyPrice, ProgrammeTerms } from '../types';

export interface ChildAdolescentEligibility {
  /** Served up to this age in full years (만 나이) on the application date. */
  maxAgeFullYears: number;
  /** High-school students qualify at any age; one older than `maxAgeFullYears` attaches a 재학증명서. */
  highSchoolStudentsQualify: boolean;
  maxIncomePercent: number;
  /** The need evidence must be issued at most this many months before the application date. */
  needEvidenceMaxAgeMonths: number;
}

const eligibility: ChildAdolescentEligibility = {
  maxAgeFullYears: 18,
  highSchoolStudentsQualify: true,
  maxIncomePercent: 140,
  needEvidenceMaxAgeMonths: 6,
};

export const childServiceTypes = [
  { id: 'psychological-counselling', label: { ko: '심리상담', en: 'Psychological counselling' } },
  { id: 'speech', label: { ko: '언어', en: 'Speech and language' } },
  { id: 'play-therapy', label: { ko: '놀이심리', en: 'Play therapy' } },
  { id: 'cognitive-learning', label: { ko: '인지학습', en: 'Cognitive learning' } },
  { id: 'art-therapy', label: { ko: '미술심리', en: 'Art therapy' } },
  { id: 'music-therapy', label: { ko: '음악심리', en: 'Music therapy' } },
  { id: 'sensory-integration', label: { ko: '감각통합', en: 'Sensory integration' } },
  { id: 'psychomotor', label: { ko: '심리운동', en: 'Psychomotor therapy' } },
] as const;

const sessions = { sessionMinutes: 50, sessionsPerMonth: 4 };

export type ChildAdolescentTerms = ProgrammeTerms<'child-adolescent', ChildAdolescentEligibility, IncomeTieredCopay, MonthlyPrice>;

export const childAdolescentTerms: ChildAdolescentTerms = {
  id: 'child-adolescent',
  version: '2026.1',
  name: { ko: '아동·청소년 심리지원서비스', en: 'Child and adolescent psychological support' },
  summary: {
    ko: `기준 중위소득 ${eligibility.maxIncomePercent}% 이하 가정의 만 ${eligibility.maxAgeFullYears}세 이하 아동·청소년(또는 고등학생)에게 정서·행동 문제의 조기 개입을 위한 심리지원 서비스를 제공합니다.`,
    en: `Early psychological support for children and adolescents aged ${eligibility.maxAgeFullYears} or under (or in high school) with emotional or behavioural difficulties, in households at or below ${eligibility.maxIncomePercent}% of median income.`,
  },
  eligibility,
  copay: communityServiceCopay,
  price: { unit: 'month', amountKrw: 160_000, districtAmountKrw: {} },
  priority: {
    ranks: [],
    otherwise: {
      rank: 1,
      reason: { ko: '우선순위 기준이 없어 신청 순서대로 처리합니다', en: 'No priority groups: handled in order of application' },
    },
  },
  plan: {
    ...sessions,
    periodMonths: 12,
    maxReassessments: 1,
    maxMonths: 24,
    cadence: {
      ko: `월 ${sessions.sessionsPerMonth}회, 회당 ${sessions.sessionMinutes}분`,
      en: `${sessions.sessionsPerMonth} sessions of ${sessions.sessionMinutes} minutes a month`,
    },
  },
  serviceTypes: childServiceTypes.map(({ id, label }) => ({ id, label })),
  // The family chose it on the form (`serviceType`, one of the ids above).
  serviceTypeOf: (stored) => {
    const chosen = answerAt(stored, 'serviceType');
    const type = childServiceTypes.find((t) => t.id === chosen);
    if (!type) throw new RangeError('The answers name no service type of child-adolescent');
    return type.id;
  },
};
