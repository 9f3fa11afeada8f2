/**
 * Why a case closes early, and why its closing session could not be recorded: short lists of codes,
 * each with the words a person reads. Data only — no zod, no node:crypto — so the status page and
 * the console bundle it (the request bodies are in closing-reasons.ts).
 */
import type { Text } from '../../forms/i18n';
import type { Actor } from '../applications/audit';
import type { ApplicationStatus } from '../applications/application';

/** A case manager closes early (`POST /api/staff/applications/{id}/closure`). */
export const staffClosingReasons = ['drop-out', 'eligibility-lost', 'other-programme', 'other'] as const;
/** The citizen withdraws from the status page; what they may say why (optional). */
export const withdrawalReasons = ['feeling-better', 'no-time', 'not-helpful', 'other-programme', 'moving', 'other'] as const;
export type EarlyReason = (typeof staffClosingReasons)[number] | 'withdrawal' | `withdrawal-${(typeof withdrawalReasons)[number]}`;

export const earlyReasonLabels: Record<EarlyReason, Text> = {
  'drop-out': { ko: '서비스 이용이 중단되어(연락 두절·불참) 담당자가 종결했습니다', en: 'Closed by the case manager: the service was dropped (no contact, no attendance)' },
  'eligibility-lost': { ko: '지원 자격이 없어져 담당자가 종결했습니다', en: 'Closed by the case manager: the person is no longer eligible' },
  'other-programme': { ko: '다른 상담 지원을 받게 되어 종결했습니다', en: 'Closed: the person receives another counselling programme' },
  other: { ko: '담당자가 종결했습니다', en: 'Closed by the case manager' },
  withdrawal: { ko: '본인 신청으로 서비스를 중단(철회)했습니다', en: 'Withdrawn at your request' },
  'withdrawal-feeling-better': { ko: '본인 신청으로 중단했습니다: 많이 나아졌습니다', en: 'Withdrawn at your request: you feel much better' },
  'withdrawal-no-time': { ko: '본인 신청으로 중단했습니다: 시간을 내기 어렵습니다', en: 'Withdrawn at your request: you have no time for it' },
  'withdrawal-not-helpful': { ko: '본인 신청으로 중단했습니다: 도움이 되지 않았습니다', en: 'Withdrawn at your request: it did not help' },
  'withdrawal-other-programme': { ko: '본인 신청으로 중단했습니다: 다른 상담을 받게 되었습니다', en: 'Withdrawn at your request: you receive other counselling' },
  'withdrawal-moving': { ko: '본인 신청으로 중단했습니다: 이사합니다', en: 'Withdrawn at your request: you are moving' },
  'withdrawal-other': { ko: '본인 신청으로 중단했습니다: 기타 사유', en: 'Withdrawn at your request: another reason' },
};

/** The withdrawal reasons as the status page offers them (the citizen never sees the codes). */
export const withdrawalReasonChoices: Record<(typeof withdrawalReasons)[number], Text> = {
  'feeling-better': { ko: '많이 나아졌어요', en: 'I feel much better' },
  'no-time': { ko: '시간을 내기 어려워요', en: 'I have no time for it' },
  'not-helpful': { ko: '도움이 되지 않았어요', en: 'It did not help' },
  'other-programme': { ko: '다른 상담을 받게 되었어요', en: 'I receive other counselling' },
  moving: { ko: '이사해요', en: 'I am moving' },
  other: { ko: '기타', en: 'Another reason' },
};

/** Why the closing session or its post-test could not be recorded. */
export const closingSessionMissingCodes = ['no-show', 'declined-test', 'unreachable', 'health', 'other'] as const;
export type MissingCode = (typeof closingSessionMissingCodes)[number] | 'closed-early' | 'not-given';
export interface ClosingSessionMissing {
  code: MissingCode;
  /** The case manager's words: kept, shown to staff and audited. */
  note?: string;
}

export const closingSessionMissingLabels: Record<MissingCode, Text> = {
  'no-show': { ko: '종결 회기에 오지 않음', en: 'Did not come to the closing session' },
  'declined-test': { ko: '사후 검사를 거부함', en: 'Declined the post-test' },
  unreachable: { ko: '연락이 닿지 않음', en: 'Could not be reached' },
  health: { ko: '건강상 이유(입원 등)', en: 'Health reasons (in hospital, …)' },
  other: { ko: '기타 사유', en: 'Another reason' },
  'closed-early': { ko: '조기 종결로 종결 회기를 하지 못함', en: 'Closed early: no closing session' },
  'not-given': { ko: '사유가 기록되지 않음(Step Functions API로 직접 결정)', en: 'No reason recorded (decided straight through the Step Functions API)' },
};

/** A closing request, kept on the application until the Closure step closes the case. */
export interface ClosingRequest {
  reason: EarlyReason;
  note?: string;
  by: Actor;
  at: string;
}

/** Statuses a case can close early from: everything still going. Closed, rejected and failed ones cannot. */
export const closableEarly: readonly ApplicationStatus[] = ['submitted', 'screened', 'awaiting-review', 'supplement-requested', 'matching', 'waitlisted', 'matched', 'in-service', 'reassessment', 'extended'];

