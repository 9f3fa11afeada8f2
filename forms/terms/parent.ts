/**
 * 부모심리지원서비스's terms — DOMAIN.md §2.2: who qualifies (any one basis), what it costs, how it is
 * served. Its form (questions, documents, consents, the answers' schemas) is forms/programmes/parent.ts.
 */
import { answerAt } from '../answers';
import { communityServiceCopay } from '../community-service';
import type { Text } from '../i18n';
import type { IncomeTieredCopay, MonthlyPrice, ProgrammeTerms } from '../types';

export const parentBases = ['pregnant', 'parent-of-child', 'grandparent-carer', 'relative-carer', 'facility-carer'] as const;
export type ParentBasis = (typeof parentBases)[number];

export const childRelations = ['child', 'grandchild', 'other-relative'] as const;
export type ChildRelation = (typeof childRelations)[number];

/** What one basis of eligibility asks for (seed 000: any one basis suffices). */
export interface ParentBasisRule {
  label: Text;
  /** Household income must be within `maxIncomePercent` of median. */
  incomeTest: boolean;
  /** A listed child of one of these relations, within the age limit, and with a service need if asked. */
  child: { relations: ChildRelation[]; needsServiceNeed: boolean } | null;
  /** The carer is a blood relative within this many degrees (촌). */
  maxKinshipDegree?: number;
  mustBePrimaryCaregiver?: boolean;
  /** The applicant names the child welfare facility where they care for children. */
  inChildWelfareFacility?: boolean;
}

export interface ParentEligibility {
  maxIncomePercent: number;
  /** Children count up to this age in full years (만 나이) on the application date. */
  maxChildAgeFullYears: number;
  bases: Record<ParentBasis, ParentBasisRule>;
}

/** The furthest blood relative (촌) who may apply as a relative carer. */
export const maxKinshipDegree = 4;

const eligibility: ParentEligibility = {
  maxIncomePercent: 140,
  maxChildAgeFullYears: 18,
  bases: {
    pregnant: {
      label: { ko: '임신부', en: 'Pregnant' },
      incomeTest: true,
      child: null,
    },
    'parent-of-child': {
      label: { ko: '자녀를 둔 부모', en: 'Parent of a child' },
      incomeTest: true,
      child: { relations: ['child'], needsServiceNeed: false },
    },
    'grandparent-carer': {
      label: { ko: '조손가구의 (외)조부모', en: 'Grandparent heading a grandparent–grandchild household' },
      incomeTest: true,
      child: { relations: ['grandchild'], needsServiceNeed: false },
    },
    'relative-carer': {
      label: { ko: '서비스 욕구가 있는 아동의 주 양육자(4촌 이내 혈족)', en: 'Primary caregiver and blood relative of a child in need' },
      incomeTest: false,
      child: { relations: ['child', 'grandchild', 'other-relative'], needsServiceNeed: true },
      maxKinshipDegree,
      mustBePrimaryCaregiver: true,
    },
    'facility-carer': {
      label: { ko: '아동복지시설에서 아동을 실질적으로 보호하는 사람', en: 'Carer of children in a child welfare facility' },
      incomeTest: false,
      child: null,
      inChildWelfareFacility: true,
    },
  },
};

const sessions = { sessionMinutes: 60, sessionsPerMonth: 4 };

export type ParentTerms = ProgrammeTerms<'parent', ParentEligibility, IncomeTieredCopay, MonthlyPrice>;

export const parentTerms: ParentTerms = {
  id: 'parent',
  version: '2026.1',
  name: { ko: '부모심리지원서비스', en: 'Parent psychological support' },
  summary: {
    ko: '자녀 양육에 따른 심리·정서적 부담을 덜고 양육 효능감을 높이도록 부모·양육자에게 전문 심리상담을, 임신부에게 우울감 감소 상담을 제공합니다.',
    en: 'Professional counselling for parents and carers to ease the emotional load of raising children and build confidence; for pregnant women, counselling to reduce depression.',
  },
  eligibility,
  copay: communityServiceCopay,
  price: { unit: 'month', amountKrw: 240_000, districtAmountKrw: {} },
  priority: {
    ranks: [
      {
        rank: 1,
        when: { field: 'childEmotionalProblem', equals: true },
        reason: { ko: '정서·행동 문제가 있는 아동의 부모(1순위)', en: 'Parent of a child with emotional or behavioural problems (first priority)' },
      },
      {
        rank: 2,
        when: { field: 'ownEmotionalProblem', equals: true },
        reason: { ko: '본인의 정서 문제가 있는 부모(2순위)', en: 'Parent with emotional difficulties of their own (second priority)' },
      },
    ],
    otherwise: { rank: 3, reason: { ko: '우선순위 해당 없음(신청 순서)', en: 'No priority group: handled in order of application' } },
  },
  plan: {
    ...sessions,
    periodMonths: 6,
    maxReassessments: 1,
    maxMonths: 12,
    cadence: { ko: `주 1회, 회당 ${sessions.sessionMinutes}분`, en: `Weekly sessions of ${sessions.sessionMinutes} minutes` },
  },
  serviceTypes: [
    { id: 'parent-counselling', label: { ko: '부모 전문상담(자녀·부모·가족 이해)', en: 'Parent counselling (understanding child, self and family)' } },
    { id: 'prenatal-counselling', label: { ko: '임신부 우울감 감소 상담', en: 'Counselling for pregnant women to reduce depression' } },
  ],
  // No answer names it: a pregnant applicant gets the prenatal counselling, every other basis the parent counselling.
  serviceTypeOf: (stored) => {
    const basis = answerAt(stored, 'basis');
    if (!parentBases.includes(basis as ParentBasis)) throw new RangeError('The answers name no basis of parent');
    return basis === 'pregnant' ? 'prenatal-counselling' : 'parent-counselling';
  },

};
