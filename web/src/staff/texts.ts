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
  dashboard: { ko: '현황판', en: 'Dashboard' },
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
  /** The queue's link to a case, named by its receipt number so each row's link says where it goes. */
  openCase: (receipt: string): Text => ({ ko: `${receipt} 신청서 열기`, en: `Open application ${receipt}` }),
  workQueue: { ko: '업무 목록', en: 'Work queue' },
  applicant: { ko: '신청인', en: 'Applicant' },
  assignee: { ko: '담당', en: 'Assignee' },
  unassignedLabel: { ko: '미배정', en: 'Unassigned' },
  receivedAt: { ko: '접수', en: 'Received' },
  age: { ko: '경과', en: 'Age' },
  ageDays: (n: number): Text => ({ ko: `${n}일`, en: `${n} d` }),
  sla: { ko: '처리기한', en: 'SLA' },
  escalations: { ko: '상향', en: 'Escalated' },
  escalationsN: (n: number): Text => ({ ko: `${n}회`, en: `${n}×` }),
  filters: { ko: '조건', en: 'Filters' },
  allDistricts: { ko: '모든 담당 자치구', en: 'All my districts' },
  allProgrammes: { ko: '모든 사업', en: 'All programmes' },
  allKinds: { ko: '모든 업무', en: 'All kinds' },
  taskState: { ko: '업무 상태', en: 'Task state' },
  onlyOverdue: { ko: '기한 지남만', en: 'Overdue only' },
  onlyMine: { ko: '내 업무', en: 'Mine' },
  onlyUnassigned: { ko: '미배정만', en: 'Unassigned only' },
  sortBy: { ko: '정렬', en: 'Sort' },
  sortDue: { ko: '기한순', en: 'By due date' },
  sortReceived: { ko: '접수순', en: 'By received date' },
  search: { ko: '접수번호 또는 신청인 이름(전체)', en: 'Receipt number or applicant’s full name' },
  apply: { ko: '적용', en: 'Apply' },
  previous: { ko: '이전', en: 'Previous' },
  next: { ko: '다음', en: 'Next' },
  pageN: (n: number): Text => ({ ko: `${n}쪽`, en: `Page ${n}` }),
  searchResults: { ko: '검색 결과 (한 쪽)', en: 'Search results (one page)' },
  lookup: { ko: '접수번호로 신청 찾기', en: 'Find a case by receipt number' },
  lookupButton: { ko: '찾기', en: 'Find' },
  lookupHint: { ko: '열린 업무가 없는 신청도 찾습니다.', en: 'Finds a case whether or not a task is open.' },
  noOpenTask: { ko: '열린 업무 없음', en: 'No open task' },
  counts: { ko: '자치구별 업무 현황', en: 'Tasks by district' },
  total: { ko: '합계', en: 'Total' },
  openCount: { ko: '열림', en: 'Open' },
  overdueCount: { ko: '기한 지남', en: 'Overdue' },
  unassignedCount: { ko: '미배정', en: 'Unassigned' },
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


/** The kinds of task, as the queue's filter and the supervisor's counts name them (the API's own labels are on each task). */
export const taskKindNames: Record<string, Text> = {
  review: { ko: '신청 검토', en: 'Application review' },
  reassessment: { ko: '재판정', en: 'Re-assessment' },
  risk: { ko: '고위험 긴급 확인', en: 'High risk: urgent follow-up' },
  attendance: { ko: '연속 불참 확인', en: 'Missed sessions: follow-up' },
  referral: { ko: '종결 시 연계 의뢰', en: 'Referral at closure' },
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
