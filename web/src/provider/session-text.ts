/** The sessions view's words, Korean first. */
import type { Text } from '../../../forms/i18n';

export const sx = {
  sessions: { ko: '회기 기록', en: 'Sessions' },
  sessionsOf: (name: string): Text => ({ ko: `${name} 님 회기 기록`, en: `Sessions of ${name}` }),
  backToCaseload: { ko: '← 현재 이용자 목록', en: '← Back to the caseload' },
  sessionsColumn: { ko: '회기', en: 'Sessions' },
  openSessions: { ko: '회기 기록', en: 'Record sessions' },
  plan: { ko: '회기 계획', en: 'Session plan' },
  caseManagerTold: (sessions: readonly number[]): Text => ({
    ko: `${sessions.join(', ')}회기에 연속으로 불참해 사례관리자에게 알렸습니다. 사례관리자가 가족에게 연락합니다.`,
    en: `Sessions ${sessions.join(', ')} were missed in a row: the case manager has been told and will contact the family.`,
  }),
  count: { ko: '이용 회기', en: 'Sessions used' },
  nextToRecord: { ko: '다음에 기록할 회기', en: 'Next session to record' },
  allRecorded: { ko: '모든 회기를 기록했습니다.', en: 'Every session is recorded.' },
  sessionN: (n: number): Text => ({ ko: `${n}회기`, en: `Session ${n}` }),
  minutes: (n: number): Text => ({ ko: `${n}분`, en: `${n} min` }),
  record: { ko: '기록하기', en: 'Record' },
  correct: { ko: '수정', en: 'Correct' },
  recordOnNewDay: { ko: '옮긴 날 기록하기', en: 'Record the new day' },
  history: { ko: '이전 기록', en: 'Earlier records' },
  recordedAt: { ko: '기록', en: 'Recorded' },
  notRecordable: {
    ko: '서비스 이용 중일 때만 회기를 기록할 수 있습니다. 기록은 볼 수만 있습니다.',
    en: 'Sessions can be recorded only while the service runs. The records are shown read-only.',
  },
  // The form
  outcome: { ko: '결과', en: 'What happened' },
  heldOn: { ko: '진행한 날', en: 'Held on' },
  missedOn: { ko: '불참한 날', en: 'Missed on' },
  cancelledOn: { ko: '취소된 날', en: 'Cancelled on' },
  movedFrom: { ko: '원래 날짜', en: 'Original day' },
  duration: { ko: '진행 시간(분)', en: 'Duration (minutes)' },
  durationHelp: { ko: '10–240분', en: '10–240 minutes' },
  cancelledBy: { ko: '누가 취소했나요?', en: 'Who cancelled?' },
  byApplicant: { ko: '이용자(보호자)', en: 'The client (or guardian)' },
  byProvider: { ko: '기관(상담사)', en: 'The agency (counsellor)' },
  movedTo: { ko: '옮긴 날짜', en: 'New day' },
  note: { ko: '메모(선택, 기관 내부용)', en: 'Note (optional, for the agency)' },
  save: { ko: '저장', en: 'Save' },
  saveCorrection: { ko: '수정 저장', en: 'Save the correction' },
  cancel: { ko: '닫기', en: 'Close' },
  saving: { ko: '저장하는 중…', en: 'Saving…' },
  refresh: { ko: '새로 고침', en: 'Refresh' },
  // Checks before sending (the server says the same if they slip through)
  chooseOutcome: { ko: '결과를 골라 주세요.', en: 'Choose what happened.' },
  giveDate: { ko: '날짜를 골라 주세요.', en: 'Choose the date.' },
  giveMinutes: { ko: '진행 시간을 10–240분 사이의 숫자로 적어 주세요.', en: 'Give the duration as a number from 10 to 240.' },
  chooseWho: { ko: '누가 취소했는지 골라 주세요.', en: 'Say who cancelled.' },
  giveNewDay: { ko: '옮긴 날짜를 골라 주세요.', en: 'Choose the new day.' },
  newDayLater: { ko: '옮긴 날짜는 원래 날짜보다 뒤여야 합니다.', en: 'The new day must come after the original one.' },
  answersOrReason: {
    ko: '검사 답을 고르거나, 검사를 하지 못했다면 그 이유를 메모에 적어 주세요.',
    en: 'Choose the test answers or, if the test could not be given, say why in the note.',
  },
  // Results
  saved: (n: number, what: Text): Text => ({ ko: `${n}회기를 저장했습니다: ${what.ko}`, en: `Session ${n} saved: ${what.en}` }),
  screeningResult: { ko: '검사 결과(돌봄이 계산)', en: 'Test result (scored by Dolbom)' },
} as const;

/** The test questions inside the form. */
export const tx = {
  screening: { ko: '검사 문항 답', en: 'Test answers' },
  screeningHelp: {
    ko: '이용자의 답을 문항마다 하나씩 고르세요. 총점과 수준은 돌봄이 계산합니다. 검사를 하지 못했다면 비워 두고 메모에 이유를 적어 주세요.',
    en: 'Choose the client’s answer to each item. Dolbom computes the totals and bands. If the test could not be given, leave it empty and say why in the note.',
  },
  answered: (n: number, of: number): Text => ({ ko: `${of}문항 중 ${n}문항 답함`, en: `${n} of ${of} items answered` }),
  itemN: (n: number): Text => ({ ko: `${n}번`, en: `Item ${n}` }),
  finishAnswers: (name: string, item: number): Text => ({
    ko: `${name} ${item}번 문항의 답을 골라 주세요. 검사를 하지 못했다면 모든 답을 비워 주세요.`,
    en: `Choose an answer for ${name} item ${item}. If the test could not be given, clear every answer.`,
  }),
  clearAnswers: { ko: '답 모두 지우기', en: 'Clear every answer' },
  answers: { ko: '문항별 답', en: 'Answers by item' },
} as const;

/** What the page says the moment a test shows high risk (DOMAIN.md §4: the crisis line, 109). */
export const crisis = {
  heading: { ko: '고위험: 바로 확인이 필요합니다', en: 'High risk: follow up now' },
  told: {
    ko: '담당 사례관리자에게 긴급 과제로 알렸습니다. 이용자가 지금 위험하면 109 또는 112·119에 바로 연락하세요.',
    en: 'The case manager has been told through an urgent task. If the client is in danger now, call 109, or 112 or 119, at once.',
  },
  why: { ko: '판단 근거', en: 'Why' },
} as const;
