/**
 * Why a case manager rejects an application: a short list of codes, each with the words the citizen
 * reads (status page, notification) and the console shows. Data only — no zod, no node:crypto — so
 * the status page and the console bundle it (the request body is in decision-body.ts).
 */
import type { Text } from '../../forms/i18n';

export const rejectionReasonCodes = [
  'income-over-threshold',
  'not-seoul-resident',
  'age-outside-programme',
  'duplicate-application',
  'supplement-not-provided',
  'equivalent-service',
  'other',
] as const;
export type RejectionReasonCode = (typeof rejectionReasonCodes)[number];

/**
 * The citizen's words for each reason: what was found, not a rule number. `other` says only that the
 * case manager explains below: its free text to the citizen is required (decision-body.ts).
 */
export const rejectionReasonLabels: Record<RejectionReasonCode, Text> = {
  'income-over-threshold': {
    ko: '가구 소득이 이 사업의 소득 기준을 넘습니다',
    en: "Your household's income is above this programme's income limit",
  },
  'not-seoul-resident': {
    ko: '서울시에 주민등록이 되어 있지 않습니다',
    en: 'You are not registered as a resident of Seoul',
  },
  'age-outside-programme': {
    ko: '나이가 이 사업의 대상 연령에 해당하지 않습니다',
    en: "Your age is outside this programme's age range",
  },
  'duplicate-application': {
    ko: '같은 사업에 이미 접수된 신청이 있어 그 신청으로 진행합니다',
    en: 'You already have an application for this programme; that one goes ahead instead',
  },
  'supplement-not-provided': {
    ko: '요청한 보완 서류를 기한 안에 받지 못했습니다',
    en: 'The documents we asked for were not received in time',
  },
  'equivalent-service': {
    ko: '이미 같은 종류의 지원(상담 서비스)을 받고 있습니다',
    en: 'You already receive an equivalent (counselling) service',
  },
  other: {
    ko: '담당자 검토 결과 지원 대상으로 결정되지 않았습니다(담당자 안내를 확인해 주세요)',
    en: 'After review the application was not approved (see the case manager’s explanation)',
  },
};

/**
 * A rejection sent straight to the Step Functions API carries no reason: the citizen is still told
 * something true, and where to ask.
 */
export const reasonNotGiven: Text = {
  ko: '담당자 검토 결과 지원 대상으로 결정되지 않았습니다. 자세한 사유는 관할 구청에 문의해 주세요',
  en: 'After review by a case manager the application was not approved. Ask your district office for the details',
};

/** A case manager's reason for rejecting: the code, and (optionally; required for `other`) words to the citizen. */
export interface RejectionReason {
  code: RejectionReasonCode;
  /** Written *to the citizen*: shown on the status page and sent in the notification. */
  toCitizen?: string;
}

export function isRejectionReasonCode(value: unknown): value is RejectionReasonCode {
  return typeof value === 'string' && (rejectionReasonCodes as readonly string[]).includes(value);
}
