/**
 * 청년마음건강지원사업's terms — DOMAIN.md §2.3: who qualifies, what it costs, how it is served. Its
 * form (questions, documents, consents, the answers' schemas) is forms/programmes/youth.ts.
 */
import type { CopayTier, ProgrammeTerms } from '../types';

export interface YouthEligibility {
  /** Age counted by birth year: application year − birth year (연 나이). */
  minAgeByBirthYear: number;
  maxAgeByBirthYear: number;
  /** Not together with another local-government youth counselling programme. */
  excludesOtherYouthCounselling: boolean;
}

/** 10% of the package; young people leaving care (자립준비청년) pay nothing. */
export interface YouthCopay {
  kind: 'youth';
  standard: { tier: CopayTier; ratePercent: number };
  leavingCare: { tier: CopayTier; ratePercent: number };
}

export const counsellorTypes = [
  {
    id: 'A',
    label: { ko: 'A형(전문상담인력)', en: 'Type A (qualified counsellor)' },
    help: {
      ko: '정신건강전문요원, 임상심리사, 전문상담교사, 청소년상담사 등',
      en: 'Mental-health professional, clinical psychologist, counselling teacher, youth counsellor or similar',
    },
  },
  {
    id: 'B',
    label: { ko: 'B형(고급상담인력)', en: 'Type B (senior counsellor)' },
    help: {
      ko: '정신건강전문요원, 임상심리사 1급 이상 또는 석사 이상과 경력',
      en: 'Mental-health professional, 1st-grade clinical psychologist, or a higher degree with experience',
    },
  },
] as const;
export type CounsellorType = (typeof counsellorTypes)[number]['id'];

/** One 10-session package; its price depends on the counsellor's qualification. */
export interface YouthPrice {
  unit: 'package';
  sessions: number;
  amountKrwByCounsellorType: Record<CounsellorType, number>;
}

const eligibility: YouthEligibility = {
  minAgeByBirthYear: 19,
  maxAgeByBirthYear: 34,
  excludesOtherYouthCounselling: true,
};

const plan = { sessionMinutes: 50, totalSessions: 10, preTestMinutes: 90, counsellingSessions: 8 };

export type YouthTerms = ProgrammeTerms<'youth', YouthEligibility, YouthCopay, YouthPrice>;

export const youthTerms: YouthTerms = {
  id: 'youth',
  version: '2026.1',
  name: { ko: '청년마음건강지원사업', en: 'Youth mental-health voucher' },
  summary: {
    ko: `만 ${eligibility.minAgeByBirthYear}~${eligibility.maxAgeByBirthYear}세(출생연도 기준) 청년에게 소득과 관계없이 ${plan.totalSessions}회 심리상담을 지원합니다.`,
    en: `${plan.totalSessions} counselling sessions for young people aged ${eligibility.minAgeByBirthYear}–${eligibility.maxAgeByBirthYear} by birth year, whatever their income.`,
  },
  eligibility,
  copay: {
    kind: 'youth',
    standard: { tier: 'youth', ratePercent: 10 },
    leavingCare: { tier: 'youth-leaving-care', ratePercent: 0 },
  },
  price: { unit: 'package', sessions: plan.totalSessions, amountKrwByCounsellorType: { A: 600_000, B: 700_000 } },
  priority: {
    ranks: [
      {
        rank: 1,
        when: { field: 'leavingCare', equals: true },
        reason: { ko: '자립준비청년(1순위)', en: 'Leaving care (first priority)' },
      },
      {
        rank: 2,
        when: { field: 'referredByMentalHealthCentre', equals: true },
        reason: { ko: '정신건강복지센터 의뢰(2순위)', en: 'Referred by a mental-health welfare centre (second priority)' },
      },
    ],
    otherwise: { rank: 3, reason: { ko: '우선순위 해당 없음(신청 순서)', en: 'No priority group: handled in order of application' } },
  },
  plan: {
    sessionMinutes: plan.sessionMinutes,
    preTestMinutes: plan.preTestMinutes,
    totalSessions: plan.totalSessions,
    periodMonths: 3,
    maxReassessments: 3,
    maxMonths: 12,
    cadence: {
      ko: `주 1회 3개월: 사전검사(${plan.preTestMinutes}분), 상담 ${plan.counsellingSessions}회(${plan.sessionMinutes}분), 사후검사를 포함한 종결상담 — 모두 ${plan.totalSessions}회`,
      en: `Weekly for 3 months: a pre-test (${plan.preTestMinutes} min), ${plan.counsellingSessions} counselling sessions (${plan.sessionMinutes} min) and a closing session with the post-test — ${plan.totalSessions} in all`,
    },
  },
  serviceTypes: [{ id: 'youth-counselling', label: { ko: '청년 심리상담(10회 패키지)', en: 'Youth counselling (10-session package)' } }],
  serviceTypeOf: () => 'youth-counselling',
};
