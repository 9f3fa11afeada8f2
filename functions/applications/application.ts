import type { Text } from '../../forms/i18n';
import type { ClosingRequest } from '../closure/closing-labels';
import type { ClosureRecord } from '../closure/closure-record';
import type { RejectionRecord } from '../closure/rejection';
import type { EligibilityOverride } from '../eligibility/override';
import type { Resumption, WorkflowFailure } from '../lifecycle/resume';
import type { Candidate } from '../matching/match-types';
import type { SealedValue } from '../privacy/envelope';
import type { SupplementSummary } from '../supplements/supplement';

/**
 * Where an application stands. The application item is the source of truth for this (execution
 * histories are deleted by AWS after 90 days); every change of it is an audited transition.
 */
export const applicationStatuses = [
  'submitted',
  'screened',
  'awaiting-review',
  /** The case manager asked the applicant for documents or corrected answers (보완 요청); the workflow waits for them. */
  'supplement-requested',
  'matching',
  'waitlisted',
  'matched',
  'in-service',
  'reassessment',
  'extended',
  'closed',
  'rejected',
  'failed',
] as const;
export type ApplicationStatus = (typeof applicationStatuses)[number];

export const statusLabels: Record<ApplicationStatus, Text> = {
  submitted: { ko: '접수됨', en: 'Submitted' },
  screened: { ko: '자격 확인 완료', en: 'Eligibility checked' },
  'awaiting-review': { ko: '담당자 검토 중', en: 'Waiting for case-manager review' },
  'supplement-requested': { ko: '보완 서류·내용 제출 필요', en: 'We need more from you' },
  matching: { ko: '제공기관 연결 중', en: 'Matching a provider' },
  waitlisted: { ko: '제공기관 대기 중', en: 'On the provider waiting list' },
  matched: { ko: '제공기관 연결됨', en: 'Provider assigned' },
  'in-service': { ko: '서비스 이용 중', en: 'Receiving the service' },
  reassessment: { ko: '재판정 중', en: 'Re-assessment' },
  extended: { ko: '연장 승인', en: 'Extension approved' },
  closed: { ko: '종결', en: 'Closed' },
  rejected: { ko: '부적격 또는 반려', en: 'Not approved' },
  failed: { ko: '처리 오류 (담당자 확인 중)', en: 'Processing error (staff are looking into it)' },
};

export interface ServicePeriod {
  period: number;
  startsAt: string;
  endsAt: string;
  /** Set when the period is over: the plan was done, or its time ran out. */
  endedAt?: string;
  sessionsHeld?: number;
  /** Sessions the programme's plan schedules in this period. */
  sessionsPlanned?: number;
  /** When the agency recorded the plan's last session as held: the period ends early. */
  planCompletedAt?: string;
}

/** A place reserved for the application at one counsellor: offered to the agency, or accepted. */
export interface Reservation {
  agencyId: string;
  counsellorId: string;
  reservedAt: string;
  /** How the counsellor was chosen: the ranking, the case manager's choice, or the waitlist batch. */
  via: 'ranking' | 'proposal' | 'waitlist';
  score: number;
  reason: Text;
}

/** Where matching stands: the ranked candidates, who may no longer be offered, and the place held. */
export interface MatchState {
  /** The best candidates at the last ranking, best first, each with its score and reason. */
  candidates: Candidate[];
  rankedAt: string;
  /** A candidate the case manager chose before the offer went out: offered first if still free. */
  proposedCounsellorId?: string;
  /** Counsellors who declined or let an offer lapse: never offered this application again. */
  excludedCounsellorIds: string[];
  reservation?: Reservation;
  /** Since when the application waits for a place (kept across re-rankings). */
  waitingSince?: string;
}

/** Which consent text the applicant agreed to, and when: general and sensitive (health) separately. */
export interface ConsentRecord {
  general: { version: string; agreedAt: string };
  sensitive: { version: string; agreedAt: string };
}

export interface Application {
  id: string;
  receiptNumber: string;
  programme: string;
  programmeVersion: string;
  district: string;
  status: ApplicationStatus;
  /** The service period the application is in (1 until an extension). */
  period: number;
  createdAt: string;
  updatedAt: string;
  /** The form answers as submitted, with the resident registration number sealed. */
  answers: Record<string, unknown>;
  consents: ConsentRecord;
  rrn?: { sealed: SealedValue; masked: string };
  eligibility?: unknown;
  /** A supervisor's override of the rules' outcome, which then counts (functions/eligibility/override.ts). */
  eligibilityOverride?: EligibilityOverride;
  /** How many times an override reopened the application after the rules rejected it: names its execution. */
  reopened?: number;
  /** Why the application was rejected, by the rules or by the case manager (functions/closure/rejection.ts). */
  rejection?: RejectionRecord;
  /** The agency serving the application (set when its offer is accepted). */
  providerId?: string;
  /** The counsellor serving the application (set with providerId). */
  counsellorId?: string;
  match?: MatchState;
  /** The latest supplement round (보완 요청), if any; its item (functions/supplements/supplement-store.ts) holds the rest. */
  supplement?: SupplementSummary;
  servicePeriod?: ServicePeriod;
  /** When the re-assessment's extension was refused for the programme's caps (recorded once). */
  extensionRefusedAt?: string;
  closedAt?: string;
  /** An early closure asked for (case manager or citizen), until the Closure step closes the case. */
  closingRequest?: ClosingRequest;
  /** How the case closed: reason, closing session, outcome, referral (functions/closure/closure-record.ts). */
  closure?: ClosureRecord;
  /** While `failed`: what failed and the status it replaced (functions/lifecycle/resume.ts). */
  failure?: WorkflowFailure;
  /** The latest resume after a failure: who, why, and where the work picked up. */
  resumed?: Resumption;
  /** The last day its service records are kept (5 years from closure, DOMAIN.md §7). */
  retainUntil?: string;
  accessCodeHash: string;
}

/** The part of an application a citizen with the access code may see. */
export function publicView(application: Application) {
  return {
    applicationId: application.id,
    receiptNumber: application.receiptNumber,
    programme: application.programme,
    district: application.district,
    status: application.status,
    statusLabel: statusLabels[application.status],
    period: application.period,
    servicePeriod: application.servicePeriod,
    submittedAt: application.createdAt,
    updatedAt: application.updatedAt,
  };
}
