/** The provider portal's words, Korean first; the views share them. */
import type { Text } from '../../../forms/i18n';

export const ui = {
  title: { ko: '돌봄 — 제공기관', en: 'Dolbom — provider agencies' },
  heading: { ko: '제공기관 업무', en: 'Agency work' },
  offers: { ko: '제안 대기', en: 'Offers waiting' },
  offersHint: {
    ko: '돌봄이 추천한 상담사에게 새 이용자를 제안합니다. 기한 안에 수락하거나 거절해 주세요.',
    en: 'Dolbom offers new people to the counsellor it recommends. Accept or decline before the due date.',
  },
  noOffers: { ko: '대기 중인 제안이 없습니다.', en: 'No offers waiting.' },
  caseload: { ko: '현재 이용자', en: 'Current caseload' },
  noCases: { ko: '현재 이용자가 없습니다.', en: 'Nobody in the caseload.' },
  refresh: { ko: '새로 고침', en: 'Refresh' },
  more: { ko: '더 보기', en: 'Show more' },
  loading: { ko: '불러오는 중…', en: 'Loading…' },
  contact: { ko: '연락처', en: 'Contact' },
  service: { ko: '서비스', en: 'Service' },
  district: { ko: '거주 자치구', en: 'District' },
  counsellor: { ko: '담당 상담사', en: 'Counsellor' },
  why: { ko: '추천 이유', en: 'Why this counsellor' },
  dueAt: { ko: '응답 기한', en: 'Answer by' },
  acknowledged: { ko: '검토 중 표시함', en: 'Marked as being looked at' },
  name: { ko: '이름', en: 'Name' },
  status: { ko: '상태', en: 'Status' },
  period: { ko: '이용 기간', en: 'Service period' },
  programme: { ko: '사업', en: 'Programme' },
  accept: { ko: '수락', en: 'Accept' },
  decline: { ko: '거절', en: 'Decline' },
  acknowledge: { ko: '검토 중 (기한 연장)', en: 'Looking at it (more time)' },
  acknowledgeHint: {
    ko: '검토 중으로 표시하면 응답 기한이 늘어납니다(최종 기한까지).',
    en: 'Marking it as being looked at moves the due date on (up to the final deadline).',
  },
  reason: { ko: '거절 사유', en: 'Reason for declining' },
  chooseReason: { ko: '사유를 고르세요', en: 'Choose a reason' },
  note: { ko: '메모', en: 'Note' },
  noteOptional: { ko: '메모(선택)', en: 'Note (optional)' },
  noteRequired: { ko: '메모(기타 사유는 필수)', en: 'Note (required for “other”)' },
  sendDecline: { ko: '거절 보내기', en: 'Send the refusal' },
  cancel: { ko: '취소', en: 'Cancel' },
  reasonMissing: { ko: '거절 사유를 골라 주세요.', en: 'Choose a reason for declining.' },
  noteMissing: { ko: '기타 사유를 메모에 적어 주세요.', en: 'Write the reason in the note.' },
  offered: { ko: '제안 응답 대기', en: 'Offer waiting for an answer' },
  serving: { ko: '서비스 중', en: 'Serving' },
  guardianOf: (relation: Text): Text => ({ ko: `보호자(${relation.ko})`, en: `Guardian (${relation.en})` }),
  accepted: (name: string): Text => ({
    ko: `${name} 님 제안을 수락했습니다. 서비스 시작까지 몇 초가 걸릴 수 있습니다.`,
    en: `You accepted the offer for ${name}. The service may take a few seconds to start.`,
  }),
  declined: (name: string): Text => ({
    ko: `${name} 님 제안을 거절했습니다. 다른 기관에 제안됩니다.`,
    en: `You declined the offer for ${name}. It goes to another agency.`,
  }),
} as const;

export const none: Text = { ko: '—', en: '—' };
