/**
 * The settlement download (정산 내역): pick a district and a month, get the voucher ledger as a CSV
 * file (GET /api/staff/ledger). The file needs the sign-in token, which a plain link cannot send, so
 * it is fetched and handed to the browser as a download.
 */
import { districts } from '../../../forms/districts';
import type { Text } from '../../../forms/i18n';
import { problemOf, type ApiResult } from '../lib/api';
import { focusView, h, show, txt } from '../lib/dom';
import { bi } from '../lib/i18n';
import { app, problemWithFields } from './page';
import { session } from './session';

const ui = {
  heading: { ko: '정산 내역 (CSV)', en: 'Settlement ledger (CSV)' },
  intro: {
    ko: '자치구와 정산월을 고르면 그 달에 회기를 이용한 신청마다 이용 횟수, 단가, 본인부담금, 정부지원금을 담은 CSV 파일을 받습니다. 내려받은 기록은 감사 기록에 남습니다.',
    en: 'Pick a district and a month to download a CSV file with, for each application served that month, the sessions used, unit price, copay and government share. Each download is recorded in the audit trail.',
  },
  district: { ko: '자치구', en: 'District' },
  month: { ko: '정산월', en: 'Month' },
  download: { ko: 'CSV 내려받기', en: 'Download CSV' },
  downloading: { ko: '정산 내역을 만드는 중…', en: 'Making the ledger…' },
  downloaded: (name: string): Text => ({ ko: `${name} 파일을 내려받았습니다.`, en: `Downloaded ${name}.` }),
  noDistrict: { ko: '담당 자치구가 없습니다. 관리자에게 문의해 주세요.', en: 'You serve no district. Please ask an administrator.' },
  backToTasks: { ko: '← 업무 목록', en: '← Tasks' },
} as const;

/** The districts the signed-in person may export: their own as a case manager or supervisor, all as an operator. */
function exportableDistricts(): readonly (typeof districts)[number][] {
  const claims = session.claims() ?? {};
  const groups = Array.isArray(claims['cognito:groups']) ? (claims['cognito:groups'] as string[]) : [];
  if (groups.includes('operator')) return districts;
  const own = String(claims['custom:districts'] ?? '').split(/[\s,]+/);
  return districts.filter((d) => own.includes(d.code));
}

/** Last month in Seoul: what is settled at the start of a month. */
function lastMonth(): string {
  const seoul = new Date(Date.now() + 9 * 60 * 60 * 1000);
  const month = new Date(Date.UTC(seoul.getUTCFullYear(), seoul.getUTCMonth() - 1, 1));
  return month.toISOString().slice(0, 7);
}

/** The file's name as the server gave it (Content-Disposition), or one built the same way. */
function fileNameOf(response: Response, district: string, month: string): string {
  const given = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1];
  return given ?? `dolbom-ledger-${district}-${month}.csv`;
}

async function download(district: string, month: string): Promise<ApiResult<string> | undefined> {
  const query = new URLSearchParams({ district, month });
  // Through the session, so an ID token out of date is renewed first and a 401 renews once before giving up.
  const response = await session.authorized<Response | 'offline'>(
    (token) => fetch(`/api/staff/ledger?${query}`, { headers: { authorization: `Bearer ${token}` }, cache: 'no-store' }).catch(() => 'offline' as const),
    (answer) => answer !== 'offline' && answer.status === 401,
    'offline',
  );
  // Signed out (the session has shown the sign-in and said why).
  if (response === undefined) return undefined;
  if (response === 'offline') return { ok: false, status: 0, problem: problemOf(0, undefined) };
  if (!response.ok) return { ok: false, status: response.status, problem: problemOf(response.status, await response.json().catch(() => undefined)) };
  const name = fileNameOf(response, district, month);
  const url = URL.createObjectURL(await response.blob());
  const link = h('a', { href: url, download: name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the file to the browser; the object URL is not needed after this turn.
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return { ok: true, status: response.status, body: name };
}

export function showLedgerExport(): void {
  const heading = txt('h1', ui.heading);
  const back = h('a', { href: '#/tasks' }, ui.backToTasks);
  const choices = exportableDistricts();
  if (!choices.length) return show(app, back, heading, txt('p', ui.noDistrict, { class: 'error' }));
  const district = h('select', { id: 'ledger-district', name: 'district' }, ...choices.map((d) => bi(h('option', { value: d.code }), { ko: `${d.ko} (${d.code})`, en: `${d.en} (${d.code})` })));
  const month = h('input', { id: 'ledger-month', name: 'month', type: 'month', value: lastMonth(), required: true });
  const status = h('div', { role: 'status', id: 'ledger-status', 'aria-live': 'polite' });
  const form = h(
    'form',
    { id: 'ledger-form', class: 'card', novalidate: true },
    txt('p', ui.intro, { class: 'hint' }),
    h('div', { class: 'field' }, h('label', { for: 'ledger-district' }, ui.district), district),
    h('div', { class: 'field' }, h('label', { for: 'ledger-month' }, ui.month), month),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'ledger-download' }, ui.download)),
    status,
  );
  let busy = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    show(status, ui.downloading);
    // An empty or malformed month goes to the server as it is: its 400 names the field and the reason.
    const result = await download(district.value, month.value);
    busy = false;
    if (!result) return;
    show(status, result.ok ? h('p', {}, ui.downloaded(result.body)) : problemWithFields(result));
  });
  show(app, back, heading, form);
  focusView(heading);
}
