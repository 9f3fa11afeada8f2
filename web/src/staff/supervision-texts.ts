/** The words of the supervision views (case page and supervisor page), Korean first. */
import type { Text } from '../../../forms/i18n';

export const sv = {
  heading: { ko: '슈퍼비전', en: 'Supervision' },
  pageHeading: { ko: '슈퍼비전 요청', en: 'Supervision requests' },
  pageLink: { ko: '슈퍼비전 요청 목록', en: 'Supervision requests' },
  none: { ko: '이 사례에 요청한 슈퍼비전이 없습니다.', en: 'No supervision has been asked on this case.' },
  noneInState: { ko: '이 상태의 요청이 없습니다.', en: 'No requests in this state.' },
  question: { ko: '질문', en: 'Question' },
  tried: { ko: '지금까지 해 본 개입', en: 'What was tried' },
  urgency: { ko: '긴급도', en: 'Urgency' },
  preferredForm: { ko: '희망 방식', en: 'Preferred form' },
  form: { ko: '방식', en: 'Form' },
  askedBy: { ko: '요청', en: 'Asked by' },
  session: { ko: '슈퍼비전 일정', en: 'Session' },
  sessionOn: { ko: '슈퍼비전 날짜', en: 'Session day' },
  place: { ko: '장소·시간 (선택)', en: 'Place and time (optional)' },
  advice: { ko: '자문 내용', en: 'Advice' },
  agreedActions: { ko: '합의한 조치 (한 줄에 하나)', en: 'Agreed actions (one a line)' },
  followUpOn: { ko: '다시 볼 날짜 (선택)', en: 'Follow-up day (optional)' },
  by: { ko: '담당 감독자', en: 'Supervisor' },
  case: { ko: '사례', en: 'Case' },
  askLegend: { ko: '슈퍼비전 요청하기', en: 'Ask for supervision' },
  askButton: { ko: '슈퍼비전 요청', en: 'Ask for supervision' },
  acceptButton: { ko: '이 일정으로 맡기', en: 'Take it on for this day' },
  adviceButton: { ko: '자문 내용 기록', en: 'Record the advice' },
  saved: { ko: '저장했습니다.', en: 'Saved.' },
} satisfies Record<string, Text>;
