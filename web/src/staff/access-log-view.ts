/**
 * The case's access log (접속기록), for supervisors: who read this person's data, in which role, when,
 * from where and by which route — newest first, a page at a time. Only supervisors are shown the
 * button; the API refuses everyone else anyway (functions/access-log/list-access-log.ts).
 */
import type { Text } from '../../../forms/i18n';
import { h, show, txt } from '../lib/dom';
import { dateTimeText } from '../lib/i18n';
import { problemView } from './page';
import { session, staffApi } from './session';
import { ui } from './texts';

const words = {
  heading: { ko: '열람 기록 (접속기록)', en: 'Access log' },
  show: { ko: '열람 기록 보기', en: 'Show access log' },
  who: { ko: '열람자 (역할)', en: 'Who (role)' },
  from: { ko: '접속 위치 (IP)', en: 'From (IP)' },
  what: { ko: '열람 내용', en: 'What' },
  none: { ko: '아직 열람 기록이 없습니다.', en: 'Nobody has read this case yet.' },
} satisfies Record<string, Text>;

interface AccessRecordView {
  accessId: string;
  at: string;
  userId: string;
  groups: string[];
  sourceIp?: string;
  route: string;
  purpose: string;
}

/** Whether the signed-in person is a supervisor (for display only: the API decides). */
export function isSupervisor(): boolean {
  const groups = session.claims()?.['cognito:groups'];
  return Array.isArray(groups) && groups.includes('supervisor');
}

function row(r: AccessRecordView): HTMLElement {
  return h(
    'tr',
    {},
    h('td', {}, h('time', { datetime: r.at }, dateTimeText(r.at))),
    h('td', {}, `${r.userId} (${r.groups.join(', ')})`),
    h('td', {}, r.sourceIp ?? ''),
    h('td', {}, h('code', {}, r.purpose), ' ', h('span', { class: 'hint' }, r.route)),
  );
}

async function loadPage(applicationId: string, body: HTMLElement, more: HTMLButtonElement, target: HTMLElement, cursor?: string): Promise<void> {
  const query = `applicationId=${encodeURIComponent(applicationId)}&limit=50${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
  const result = await staffApi<{ records: AccessRecordView[]; next?: string }>('GET', `/api/staff/access-log?${query}`);
  if (!result) return;
  if (!result.ok) return show(target, problemView(result));
  body.append(...result.body.records.map(row));
  if (!cursor && result.body.records.length === 0) show(target, txt('p', words.none));
  const next = result.body.next;
  more.hidden = !next;
  more.onclick = next ? () => void loadPage(applicationId, body, more, target, next) : null;
}

/** The access-log section of a case page: a heading and a button, for supervisors only. */
export function accessLogSection(applicationId: string): HTMLElement[] {
  if (!isSupervisor()) return [];
  const target = h('div', { id: 'access-log', 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'secondary', id: 'show-access-log' }, words.show);
  button.addEventListener('click', () => {
    const body = h('tbody', {});
    const more = h('button', { type: 'button', class: 'secondary', hidden: true }, ui.more);
    show(
      target,
      h(
        'div',
        { class: 'table-wrap' },
        h('table', { class: 'audit' }, h('thead', {}, h('tr', {}, ...[ui.at, words.who, words.from, words.what].map((label) => h('th', { scope: 'col' }, label)))), body),
      ),
      more,
    );
    void loadPage(applicationId, body, more, target);
  });
  return [txt('h2', words.heading), button, target];
}
