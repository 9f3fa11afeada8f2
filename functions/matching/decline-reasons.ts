import type { Text } from '../../forms/i18n';

/** Why an agency declines an offer: the answer body's `reason` and the portal's choices, in one list. */
export const declineReasons = [
  { id: 'no-capacity', label: { ko: '담당 가능 인원 초과', en: 'No room in the caseload after all' } },
  { id: 'schedule', label: { ko: '일정이 맞지 않음', en: 'Schedules do not fit' } },
  { id: 'service-not-suitable', label: { ko: '기관에서 제공하기 어려운 서비스', en: 'We cannot provide this service well' } },
  { id: 'conflict-of-interest', label: { ko: '이해관계 충돌(지인 등)', en: 'Conflict of interest (e.g. known to the counsellor)' } },
  { id: 'distance', label: { ko: '거리가 멀어 이용이 어려움', en: 'Too far for the applicant' } },
  { id: 'other', label: { ko: '기타(메모에 사유 기재)', en: 'Other (reason in the note)' } },
] as const satisfies readonly { id: string; label: Text }[];
export type DeclineReason = (typeof declineReasons)[number]['id'];
