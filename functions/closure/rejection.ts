/**
 * Why an application was rejected, as kept on it, and what the applicant is told: the reason in
 * plain words, the case manager's words *to them* (never the internal note), and where and by when
 * to appeal. Pure: no AWS.
 */
import type { Text } from '../../forms/i18n';
import type { Application } from '../applications/application';
import type { EligibilityResult } from '../eligibility/types';
import { APPEAL_DAYS, appealInDistrict } from '../notifications/appeal';
import { reasonNotGiven, rejectionReasonLabels, type RejectionReasonCode } from '../review/rejection-reasons';
import type { TaskAnswer } from '../review/task';

export interface RejectionRecord {
  /** 'eligibility': the rules' outcome (no one reviewed it); 'review': a case manager's decision. */
  basis: 'eligibility' | 'review';
  /** Review: the case manager's reason; absent when the decision came straight through the Step Functions API. */
  reason?: RejectionReasonCode;
  /** What the applicant is told, in their words: the rules' reasons, or the reason's wording. */
  reasons: Text[];
  /** Review: the case manager's words to the applicant, shown to them as written. */
  toCitizen?: string;
  /** Review: the task the decision was made on. */
  taskId?: string;
  at: string;
}

/** The rules rejected it: the applicant is told the rules' own reasons. */
export function rejectedByRules(eligibility: EligibilityResult, at: string): RejectionRecord {
  return { basis: 'eligibility', reasons: eligibility.reasons, at };
}

/** A case manager rejected it on a task: the reason they gave, or — sent another way — a true, general line. */
export function rejectedOnReview(decided: { taskId: string; answer?: TaskAnswer } | undefined, at: string): RejectionRecord {
  const given = decided?.answer?.rejection;
  return {
    basis: 'review',
    ...(given ? { reason: given.code } : {}),
    reasons: [given ? rejectionReasonLabels[given.code] : reasonNotGiven],
    ...(given?.toCitizen ? { toCitizen: given.toCitizen } : {}),
    ...(decided ? { taskId: decided.taskId } : {}),
    at,
  };
}

const decidedByLabels: Record<RejectionRecord['basis'], Text> = {
  eligibility: { ko: '자격 기준 확인(자동 판정)', en: 'The eligibility check (the programme’s rules)' },
  review: { ko: '담당자 검토', en: 'Review by a case manager' },
};

export interface CitizenRejection {
  decidedAt: string;
  decidedBy: Text;
  reasons: Text[];
  /** The case manager's words to the applicant, as written. */
  fromCaseManager?: string;
  /** 이의신청: the district office, and the last day (Seoul calendar, YYYY-MM-DD). */
  appeal: { office: Text; by: string; days: number };
}

/**
 * What the status page shows of a rejection. Built field by field: no code, no staff note, no task.
 * An application rejected before rejections were recorded is explained from its eligibility result.
 */
export function citizenRejection(application: Pick<Application, 'status' | 'district' | 'eligibility' | 'rejection' | 'updatedAt'>): CitizenRejection | undefined {
  if (application.status !== 'rejected') return undefined;
  const eligibility = application.eligibility as EligibilityResult | undefined;
  const record =
    application.rejection ??
    (eligibility?.outcome === 'ineligible' ? rejectedByRules(eligibility, application.updatedAt) : rejectedOnReview(undefined, application.updatedAt));
  return {
    decidedAt: record.at,
    decidedBy: decidedByLabels[record.basis],
    reasons: record.reasons,
    ...(record.toCitizen ? { fromCaseManager: record.toCitizen } : {}),
    appeal: { ...appealInDistrict(application.district, record.at), days: APPEAL_DAYS },
  };
}
