/** The dashboard's words, Korean first (the console's other words are in ../texts.ts). */
import type { Text } from '../../../../forms/i18n';
import type { ApplicationStatus } from '../../../../functions/applications/application';

export const dt = {
  heading: { ko: '현황판', en: 'Dashboard' },
  link: { ko: '현황판', en: 'Dashboard' },
  scope: { ko: '자치구', en: 'District' },
  allMine: { ko: '담당 자치구 전체', en: 'All my districts' },
  allCity: { ko: '서울시 전체', en: 'All of Seoul' },
  asOf: (at: string): Text => {
    const kst = (locale: string) => new Date(at).toLocaleString(locale, { timeZone: 'Asia/Seoul', dateStyle: 'medium', timeStyle: 'short' });
    return { ko: `${kst('ko-KR')} 기준`, en: `As of ${kst('en-GB')} (KST)` };
  },
  applications: { ko: '상태별·사업별 신청', en: 'Applications by status and programme' },
  applicationsTotal: (n: number): Text => ({ ko: `전체 ${n}건`, en: `${n} in all` }),
  overdue: { ko: '처리기한 지난 업무', en: 'Tasks past their due date (SLA breaches)' },
  overdueTotal: (n: number): Text => ({ ko: `${n}건 기한 지남`, en: `${n} overdue` }),
  waitlist: { ko: '제공기관 대기자', en: 'Waiting for a provider' },
  waitlistTotal: (n: number): Text => ({ ko: `${n}명 대기 중`, en: `${n} waiting` }),
  longestWait: { ko: '가장 오래 기다린 기간', en: 'Longest wait' },
  days: (n: number | null): Text => (n === null ? { ko: '—', en: '—' } : { ko: `${n}일`, en: `${n} d` }),
  sessions: { ko: '이번 달 기록된 회기', en: 'Sessions recorded this month' },
  sessionsTotal: (month: string, n: number): Text => ({ ko: `${month} · ${n}회기`, en: `${month} · ${n} sessions` }),
  heldByMonth: { ko: '월별 진행 회기', en: 'Sessions held by month' },
  month: { ko: '월', en: 'Month' },
  held: { ko: '진행', en: 'Held' },
  count: { ko: '건수', en: 'Count' },
  waiting: { ko: '대기', en: 'Waiting' },
  status: { ko: '상태', en: 'Status' },
  total: { ko: '합계', en: 'Total' },
  outcome: { ko: '결과', en: 'Outcome' },
  kind: { ko: '업무', en: 'Task' },
  programme: { ko: '사업', en: 'Programme' },
  tableCaption: (title: Text): Text => ({ ko: `${title.ko} (표)`, en: `${title.en} (table)` }),
  chartLabel: (title: Text): Text => ({ ko: `${title.ko} 그래프. 같은 내용이 아래 표에 있습니다.`, en: `${title.en}, as a chart. The table below holds the same figures.` }),
  chartUnavailable: { ko: '그래프를 그릴 수 없습니다. 아래 표를 보세요.', en: 'The chart could not be drawn; the table below holds the figures.' },
};

/** Statuses as staff call them, short enough for a chart's axis (the citizen's wording is on the status page); every status must have one. */
export const staffStatusNames: Record<ApplicationStatus, Text> = {
  submitted: { ko: '접수', en: 'Submitted' },
  screened: { ko: '자격 확인됨', en: 'Screened' },
  'awaiting-review': { ko: '검토 대기', en: 'Awaiting review' },
  'supplement-requested': { ko: '보완 요청 중', en: 'Supplement requested' },
  matching: { ko: '기관 연결 중', en: 'Matching' },
  waitlisted: { ko: '대기자 명단', en: 'Waitlisted' },
  matched: { ko: '기관 배정', en: 'Matched' },
  'in-service': { ko: '서비스 중', en: 'In service' },
  reassessment: { ko: '재판정', en: 'Re-assessment' },
  extended: { ko: '연장', en: 'Extended' },
  closed: { ko: '종결', en: 'Closed' },
  rejected: { ko: '반려·부적격', en: 'Rejected' },
  failed: { ko: '처리 오류', en: 'Processing error' },
};

export const outcomeNames: Record<string, Text> = {
  held: { ko: '진행', en: 'Held' },
  'no-show': { ko: '불참', en: 'No-show' },
  cancelled: { ko: '취소', en: 'Cancelled' },
  rescheduled: { ko: '일정 변경', en: 'Rescheduled' },
};

/** Programme names short enough for a chart's axis (the tables and the legend use the full names). */
export const programmeShortNames: Record<string, Text> = {
  'child-adolescent': { ko: '아동·청소년', en: 'Children' },
  parent: { ko: '부모', en: 'Parents' },
  youth: { ko: '청년', en: 'Youth' },
};

/** Task kinds short enough for a chart's axis (the table uses the console's full names). */
export const taskKindShortNames: Record<string, Text> = {
  review: { ko: '신청 검토', en: 'Review' },
  reassessment: { ko: '재판정', en: 'Re-assessment' },
  risk: { ko: '고위험', en: 'High risk' },
  referral: { ko: '연계 의뢰', en: 'Referral' },
  attendance: { ko: '연속 불참', en: 'Missed sessions' },
};
