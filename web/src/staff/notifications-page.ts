/**
 * Failed notifications (#/notifications): messages to applicants or case managers that could not be
 * delivered in the caller's districts (an operator's: all), newest first — when, which message, to
 * whom and by what channel, how many tries, the last error, and the case by its receipt number. No
 * phone number or address is shown: the list never holds them. Supervisors and operators may send one
 * again once the cause is put right (POST …/retry): a copy is queued and the row leaves the list. One
 * that failed for want of a mobile number or e-mail is not offered again (it would fail again; the
 * route refuses it): the row says how to reach the person instead.
 */
import type { Text } from '../../../forms/i18n';
import type { Notification } from '../../../functions/notifications/outbox';
import { focusView, h, show, txt, type Child } from '../lib/dom';
import { dateTimeText } from '../lib/i18n';
import { app, problemView } from './page';
import { session, staffApi } from './session';
import { ui } from './texts';

export interface FailedNotificationView {
  applicationId: string;
  receiptNumber: string | null;
  key: string;
  template: Notification['template'];
  audience: 'applicant' | 'submitter' | 'case-managers';
  district: string;
  channel: 'sms' | 'email' | null;
  reason: string;
  attempts: number;
  lastError: string | null;
  createdAt: string;
  failedAt: string;
  retry?: number;
}

const nt = {
  heading: { ko: '발송 실패 알림', en: 'Failed notifications' },
  link: { ko: '발송 실패 알림', en: 'Failed notifications' },
  intro: {
    ko: '보내지 못한 문자·이메일입니다. 신청인에게 전화로 알리거나, 원인을 고친 뒤 다시 보내세요. 전화로 알렸다면 사례 기록에 남겨 주세요. 연락처는 여기에 표시하지 않습니다.',
    en: 'Texts and e-mails that could not be delivered. Call the person, or send again once the cause is fixed; a call made goes in the case notes. Contact details are not shown here.',
  },
  none: { ko: '발송에 실패한 알림이 없습니다.', en: 'No failed notifications.' },
  failedAt: { ko: '실패 시각', en: 'Failed' },
  receipt: { ko: '접수번호', en: 'Receipt' },
  message: { ko: '알림', en: 'Message' },
  to: { ko: '받는 사람', en: 'To' },
  channel: { ko: '채널', en: 'Channel' },
  attempts: { ko: '시도', en: 'Tries' },
  lastError: { ko: '마지막 오류', en: 'Last error' },
  action: { ko: '조치', en: 'Action' },
  retry: { ko: '다시 보내기', en: 'Send again' },
  retried: { ko: '다시 보냈습니다 — 발송 대기 중', en: 'Queued again — sending' },
  sending: { ko: '보내는 중…', en: 'Sending…' },
  attemptsN: (n: number): Text => ({ ko: `${n}회`, en: `${n}` }),
  retryN: (n: number): Text => ({ ko: `재발송 ${n}회차`, en: `retry ${n}` }),
  // Sent again it would fail again: no one in the console can put a contact on the application.
  noContact: {
    ko: '다시 보내도 실패합니다. 신청서에 적힌 다른 연락처로 전화하거나, 그분이 연락해 올 때 알려 주세요. 연락한 일은 사례 기록에 남겨 주세요.',
    en: 'Sending again would fail too. Phone another number on the application, or tell them when they next get in touch. Write the contact down in the case notes.',
  },
};

const templateLabels: Record<Notification['template'], Text> = {
  'application-received': { ko: '접수 안내', en: 'Application received' },
  'supplement-requested': { ko: '보완 요청', en: 'More information needed' },
  'application-approved': { ko: '승인 안내', en: 'Approved' },
  'provider-matched': { ko: '제공기관 연계', en: 'Provider matched' },
  'application-rejected': { ko: '반려 안내', en: 'Rejected' },
  'application-closed': { ko: '종결 안내', en: 'Closed' },
  'risk-flagged': { ko: '고위험 알림', en: 'High risk flagged' },
  'referral-owed': { ko: '연계 의뢰 필요', en: 'Referral owed' },
  'attendance-flagged': { ko: '출석 문제', en: 'Attendance flagged' },
};

const audienceLabels: Record<FailedNotificationView['audience'], Text> = {
  applicant: { ko: '신청인', en: 'Applicant' },
  submitter: { ko: '대신 신청한 분', en: 'Person who applied for them' },
  'case-managers': { ko: '사례관리자', en: 'Case managers' },
};
const channelLabels = { sms: { ko: '문자', en: 'SMS' }, email: { ko: '이메일', en: 'E-mail' } };
/** Why it was not sent: the provider refused every try, or there was nothing to send it to. */
const reasonLabels: Record<string, Text> = {
  'send-failed': { ko: '발송 거부', en: 'Refused by the provider' },
  'no-contact': { ko: '연락처 없음', en: 'No contact details' },
  'no-application': { ko: '신청서 없음', en: 'Application gone' },
  'missing-facts': { ko: '내용 부족', en: 'Details missing' },
  'unknown-template': { ko: '알 수 없는 양식', en: 'Unknown template' },
};

const columns: Text[] = [nt.failedAt, nt.receipt, nt.message, nt.to, nt.channel, nt.attempts, nt.lastError, nt.action];

function inGroup(group: string): boolean {
  return (session.claims()?.['cognito:groups'] as unknown[] | undefined)?.includes(group) ?? false;
}

/** Supervisors and operators send failed notifications again; the work queue links here for them. */
export function mayRetry(): boolean {
  return inGroup('supervisor') || inGroup('operator');
}

export function notificationsLink(): HTMLElement | null {
  return mayRetry() ? h('a', { href: '#/notifications', id: 'notifications-link', class: 'button secondary' }, nt.link) : null;
}

function cell(label: Text, ...content: Child[]): HTMLElement {
  return h('td', {}, h('span', { class: 'cell-label', 'aria-hidden': 'true' }, label), ...content);
}

function retryButton(n: FailedNotificationView, what: string, message: Text): HTMLElement {
  const status = h('span', { role: 'status', class: 'retry-status' });
  // Each row's button names its case and message, so a list of buttons reads as more than "send again".
  const button = h('button', { type: 'button', class: 'secondary retry' }, nt.retry, h('span', { class: 'visually-hidden' }, ` (${what} `, message, ')'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    show(status, nt.sending);
    const result = await staffApi('POST', `/api/staff/notifications/${encodeURIComponent(n.applicationId)}/${encodeURIComponent(n.key)}/retry`);
    if (!result) return;
    if (!result.ok) {
      // Already retried (409): nothing more to do here; anything else may be tried again.
      button.disabled = result.status === 409;
      return show(status, problemView(result));
    }
    button.remove();
    show(status, h('strong', {}, nt.retried));
  });
  return h('div', { class: 'inline' }, button, status);
}

/**
 * What can be done about a row: for want of a contact, what to do instead (for everyone who sees it:
 * calling is the caseworker's work too); otherwise, for supervisors and operators, send it again.
 */
function action(n: FailedNotificationView, retry: boolean, what: string, message: Text): Child {
  if (n.reason === 'no-contact') return h('span', { class: 'no-contact' }, nt.noContact);
  return retry ? retryButton(n, what, message) : ui.none;
}

function row(n: FailedNotificationView, retry: boolean): HTMLElement {
  const message = templateLabels[n.template] ?? { ko: n.template, en: n.template };
  // An operator opens no case file (they see every district, never a case): the receipt number is text for them.
  const receipt = n.receiptNumber ?? n.applicationId;
  const caseRef = inGroup('caseworker') || inGroup('supervisor') ? h('a', { href: `#/applications/${n.applicationId}`, class: 'case-link' }, receipt) : h('span', { class: 'code' }, receipt);
  return h(
    'tr',
    { 'data-notification': `${n.applicationId}/${n.key}` },
    cell(nt.failedAt, h('time', { datetime: n.failedAt }, dateTimeText(n.failedAt))),
    cell(nt.receipt, caseRef),
    cell(nt.message, message, n.retry ? h('span', { class: 'tag' }, ' · ', nt.retryN(n.retry)) : null),
    cell(nt.to, audienceLabels[n.audience] ?? n.audience),
    cell(nt.channel, n.channel ? channelLabels[n.channel] : ui.none),
    cell(nt.attempts, nt.attemptsN(n.attempts)),
    cell(nt.lastError, reasonLabels[n.reason] ?? n.reason, n.lastError ? h('span', { class: 'code', title: n.lastError }, ` (${n.lastError})`) : null),
    cell(nt.action, action(n, retry, receipt, message)),
  );
}

export async function showFailedNotifications(): Promise<void> {
  const heading = txt('h1', nt.heading);
  const refresh = h('button', { type: 'button', class: 'secondary' }, ui.refresh);
  refresh.addEventListener('click', () => void showFailedNotifications());
  const body = h('div', { id: 'notifications', 'aria-live': 'polite' }, txt('p', ui.loading));
  show(app, h('p', {}, h('a', { href: '#/tasks' }, ui.backToTasks)), h('div', { class: 'toolbar' }, heading, refresh), txt('p', nt.intro, { class: 'hint' }), body);
  focusView(heading);
  const result = await staffApi<{ notifications: FailedNotificationView[] }>('GET', '/api/staff/notifications?state=failed&limit=100');
  if (!result) return;
  if (!result.ok) return show(body, problemView(result));
  const { notifications } = result.body;
  if (!notifications.length) return show(body, txt('p', nt.none));
  show(
    body,
    h(
      'div',
      { class: 'table-wrap queue-wrap' },
      h(
        'table',
        { class: 'notifications queue' },
        h('thead', {}, h('tr', {}, ...columns.map((label) => h('th', { scope: 'col' }, label)))),
        h('tbody', {}, ...notifications.map((n) => row(n, mayRetry()))),
      ),
    ),
  );
}
