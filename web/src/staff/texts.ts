/** The console's words, Korean first: one place, so the views say the same thing the same way. */
import { getProgramme, isProgrammeId } from '../../../forms';
import { districtName, isDistrictCode } from '../../../forms/districts';
import type { Text } from '../../../forms/i18n';

export const ui = {
  title: { ko: '돌봄 — 사례관리자', en: 'Dolbom — case managers' },
  tasks: { ko: '열린 업무', en: 'Open tasks' },
  noTasks: { ko: '처리할 업무가 없습니다.', en: 'No open tasks.' },
  refresh: { ko: '새로 고침', en: 'Refresh' },
  ledger: { ko: '정산 내역 (CSV)', en: 'Settlement ledger (CSV)' },
  more: { ko: '더 보기', en: 'Show more' },
  loading: { ko: '불러오는 중…', en: 'Loading…' },
  kind: { ko: '업무', en: 'Task' },
  programme: { ko: '사업', en: 'Programme' },
  district: { ko: '자치구', en: 'District' },
  period: { ko: '기간', en: 'Period' },
  createdAt: { ko: '생성', en: 'Created' },
  dueAt: { ko: '기한', en: 'Due' },
  overdue: { ko: '기한 지남', en: 'overdue' },
  open: { ko: '신청서 열기', en: 'Open application' },
  application: { ko: '신청서', en: 'Application' },
  backToTasks: { ko: '← 업무 목록', en: '← Tasks' },
  receiptNumber: { ko: '접수번호', en: 'Receipt number' },
  status: { ko: '상태', en: 'Status' },
  submittedAt: { ko: '접수일시', en: 'Submitted' },
  updatedAt: { ko: '최근 변경', en: 'Last change' },
  rrn: { ko: '주민등록번호(마스킹)', en: 'Resident registration number (masked)' },
  answers: { ko: '신청 내용', en: 'Answers' },
  eligibility: { ko: '자격 판단', en: 'Eligibility' },
  notChecked: { ko: '아직 자격 판단 전입니다.', en: 'Not checked yet.' },
  taskList: { ko: '업무', en: 'Tasks' },
  decide: { ko: '결정', en: 'Decision' },
  note: { ko: '메모(선택)', en: 'Note (optional)' },
  noteLabel: { ko: '메모', en: 'Note' },
  viaApi: { ko: 'Step Functions API로 직접(이름 없음)', en: 'straight through the Step Functions API (no name)' },
  notYetTaken: { ko: '저장됨, 워크플로 반영 전', en: 'saved, not yet taken up by the workflow' },
  saveDecision: { ko: '결정 저장', en: 'Save decision' },
  claim: { ko: '내가 처리 중', en: "I'm working on this" },
  claimHint: {
    ko: '처리 중임을 알리면 기한이 뒤로 미뤄져, 방치된 업무로 상급자에게 넘어가지 않습니다(기한 전에 다시 알려 주세요).',
    en: 'Saying you are on it moves the due date on, so the task does not escalate as forgotten (say it again before it is due).',
  },
  claimedBy: { ko: '처리 담당', en: 'Being handled by' },
  chooseDecision: { ko: '결정을 선택해 주세요.', en: 'Choose a decision.' },
  decided: { ko: '결정을 저장했습니다. 처리에 몇 초가 걸릴 수 있습니다.', en: 'Decision saved. Processing may take a few seconds.' },
  audit: { ko: '감사 기록', en: 'Audit trail' },
  showAudit: { ko: '감사 기록 보기', en: 'Show audit trail' },
  at: { ko: '시각(KST)', en: 'Time (KST)' },
  actor: { ko: '행위자', en: 'Actor' },
  action: { ko: '작업', en: 'Action' },
  detail: { ko: '세부', en: 'Detail' },
  yes: { ko: '예', en: 'Yes' },
  no: { ko: '아니오', en: 'No' },
  none: { ko: '—', en: '—' },
  item: (n: number): Text => ({ ko: `${n}번째`, en: `No. ${n}` }),
  firstOpenedAt: { ko: '처음 열림', en: 'First opened' },
  escalatedN: (n: number): Text => ({ ko: `기한 넘겨 ${n}회 다시 열림`, en: `escalated ${n}×` }),
  missedInARow: { ko: '연속 불참한 회기', en: 'Sessions missed in a row' },
  attendanceNote: { ko: '한 일을 메모에 적어 주세요(필수).', en: 'Write what was done in the note (required).' },
  sessionOn: (n: number, day: Text): Text => ({ ko: `${n}회기 · ${day.ko}`, en: `Session ${n} · ${day.en}` }),
  periodN: (n: number): Text => ({ ko: `${n}기`, en: `Period ${n}` }),
} as const;

export const decisionLabels: Record<string, Text> = {
  approve: { ko: '승인', en: 'Approve' },
  reject: { ko: '반려', en: 'Reject' },
  'request-info': { ko: '보완 요청', en: 'Request information' },
  extend: { ko: '연장', en: 'Extend' },
  close: { ko: '종결', en: 'Close' },
  acknowledged: { ko: '조치 완료 (한 일을 메모에)', en: 'Acknowledged (what was done, in the note)' },
  'family-called': { ko: '가족과 통화함', en: 'Called the family' },
  'new-times-agreed': { ko: '새 일정 합의함', en: 'Agreed new times' },
  'early-closure-proposed': { ko: '조기 종결 제안', en: 'Propose early closure' },
};


export const taskStateLabels: Record<string, Text> = {
  open: { ko: '처리 대기', en: 'Open' },
  decided: { ko: '결정됨', en: 'Decided' },
  expired: { ko: '기한 만료', en: 'Expired' },
  cancelled: { ko: '종결로 취소됨', en: 'Cancelled (case closed)' },
};

export function programmeName(id: string): Text {
  return isProgrammeId(id) ? getProgramme(id).name : { ko: id, en: id };
}

export function districtText(code: string): Text {
  return isDistrictCode(code) ? districtName(code) : { ko: code, en: code };
}
