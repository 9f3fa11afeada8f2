/** The words of the re-assessment evidence (evidence-view.ts), Korean first. */
import type { Text } from '../../../forms/i18n';

export const evidenceTexts = {
  heading: { ko: '재판정 근거', en: 'Re-assessment evidence' },
  plan: { ko: '계획', en: 'Plan' },
  periodOf: (n: number, max: number): Text => ({ ko: `${n}기 / 최대 ${max}기`, en: `Period ${n} of at most ${max}` }),
  dates: { ko: '기간', en: 'Dates' },
  cadence: { ko: '이용 방식', en: 'Cadence' },
  sessionsPlanned: { ko: '계획 회기', en: 'Sessions planned' },
  attendance: { ko: '출석', en: 'Attendance' },
  rate: { ko: '출석률', en: 'Attendance rate' },
  rateHint: {
    ko: '진행 ÷ (진행 + 불참 + 이용자 취소). 제공기관 취소, 일정 변경, 미기록 회기는 셈하지 않습니다.',
    en: 'held ÷ (held + no-show + cancelled by the person). Provider cancellations, moved and unrecorded sessions do not count.',
  },
  noRate: { ko: '아직 셈할 회기 없음', en: 'no session due yet' },
  held: { ko: '진행', en: 'Held' },
  noShow: { ko: '불참', en: 'No-show' },
  cancelledByApplicant: { ko: '이용자 취소', en: 'Cancelled by the person' },
  cancelledByProvider: { ko: '제공기관 취소', en: 'Cancelled by the provider' },
  rescheduled: { ko: '일정 변경', en: 'Rescheduled' },
  notRecorded: { ko: '미기록', en: 'Not recorded' },
  earlier: { ko: '이전 기간', en: 'Earlier periods' },
  sessions: { ko: '회기', en: 'Sessions' },
  number: { ko: '회차', en: 'No.' },
  kind: { ko: '종류', en: 'Kind' },
  plannedOn: { ko: '예정일', en: 'Planned' },
  outcome: { ko: '결과', en: 'Outcome' },
  on: { ko: '실시일', en: 'On' },
  minutes: { ko: '시간(분)', en: 'Minutes' },
  tested: { ko: '검사', en: 'Test' },
  scores: { ko: '사전·사후 검사', en: 'Pre- and post-test' },
  pre: { ko: '사전검사', en: 'Pre-test' },
  post: { ko: '사후검사', en: 'Post-test' },
  extension: { ko: '연장 가능 여부', en: 'Extension' },
  extendable: (next: number, months: number): Text => ({ ko: `${next}기로 연장할 수 있습니다(모두 ${months}개월).`, en: `Can be extended to period ${next} (${months} months in all).` }),
  unavailable: { ko: '재판정 근거를 불러오지 못했습니다.', en: 'The re-assessment evidence could not be loaded.' },
};

export const kindLabels: Record<string, Text> = {
  'pre-test': { ko: '사전검사', en: 'Pre-test' },
  counselling: { ko: '상담', en: 'Counselling' },
  closing: { ko: '종결(사후검사)', en: 'Closing (post-test)' },
};

export const outcomeLabels: Record<string, Text> = {
  held: evidenceTexts.held,
  'no-show': evidenceTexts.noShow,
  cancelled: { ko: '취소', en: 'Cancelled' },
  rescheduled: evidenceTexts.rescheduled,
};
