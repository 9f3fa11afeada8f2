/** "현재 이용자": the agency's places — people served and people offered — as a table that stacks on a phone. */
import type { Text } from '../../../forms/i18n';
import { h, show, txt, type Child } from '../lib/dom';
import { dateText } from '../lib/i18n';
import type { StaffSession } from '../lib/staff-session';
import { sx } from './session-text';
import { none, ui } from './text';
import type { CaseloadEntry } from './types';

const columns = [ui.name, ui.contact, ui.service, ui.counsellor, ui.status, ui.period, sx.sessionsColumn] as const;

/** A cell that names its column on a phone, where the table is shown as one card per person. */
function cell(column: Text, ...content: Child[]): HTMLElement {
  return h('td', {}, h('span', { class: 'cell-label', 'aria-hidden': 'true' }, column), ...content);
}

/** The application's own status, when it says more than the place does (e.g. 재판정 중 while serving). */
function saysMore(entry: CaseloadEntry): boolean {
  return !((entry.state === 'serving' && entry.status === 'in-service') || (entry.state === 'offered' && entry.status === 'matching'));
}

function row(entry: CaseloadEntry): HTMLElement {
  const phone = (number: string) => h('a', { href: `tel:${number}` }, number);
  const period = entry.servicePeriod;
  return h(
    'tr',
    { 'data-case': entry.applicationId },
    cell(ui.name, h('strong', {}, entry.person.name || none)),
    cell(
      ui.contact,
      entry.person.phone ? h('span', { class: 'line' }, phone(entry.person.phone)) : null,
      entry.guardian ? h('span', { class: 'line' }, entry.guardian.name, ' ', ui.guardianOf(entry.guardian.relation), ' ', phone(entry.guardian.phone)) : null,
    ),
    cell(ui.service, h('span', { class: 'line' }, entry.programme.name), h('span', { class: 'line' }, entry.serviceType?.label ?? none), entry.cadence ? h('span', { class: 'line hint' }, entry.cadence) : null),
    cell(ui.counsellor, entry.counsellor.name ?? entry.counsellor.counsellorId),
    cell(ui.status, entry.state === 'serving' ? ui.serving : ui.offered, saysMore(entry) ? h('span', { class: 'line hint' }, entry.statusLabel) : null),
    cell(ui.period, period ? h('span', {}, dateText(period.startsAt), ' – ', dateText(period.endsAt)) : none),
    // Once accepted, the agency keeps the person's session records (read-only after the service ends).
    cell(sx.sessionsColumn, entry.state === 'serving' ? h('a', { href: `#/sessions/${entry.applicationId}`, class: 'button secondary', 'data-action': 'open-sessions' }, sx.openSessions, h('span', { class: 'visually-hidden' }, ` (${entry.person.name})`)) : none),
  );
}

export function caseloadView(session: StaffSession): HTMLElement {
  const heading = txt('h2', ui.caseload, { id: 'caseload-heading' });
  const body = h('div', { id: 'caseload', 'aria-live': 'polite' }, txt('p', ui.loading));
  const refresh = h('button', { type: 'button', class: 'secondary', id: 'refresh-caseload' }, ui.refresh);
  const load = async () => {
    show(body, txt('p', ui.loading));
    const result = await session.api<{ cases: CaseloadEntry[] }>('GET', '/api/provider/caseload');
    if (!result) return;
    if (!result.ok) return show(body, h('p', { class: 'error', role: 'alert' }, result.problem.message));
    if (!result.body.cases.length) return show(body, txt('p', ui.noCases));
    show(
      body,
      h(
        'table',
        { class: 'caseload stacked' },
        h('caption', { class: 'visually-hidden' }, ui.caseload),
        h('thead', {}, h('tr', {}, ...columns.map((label) => h('th', { scope: 'col' }, label)))),
        h('tbody', {}, ...result.body.cases.map(row)),
      ),
    );
  };
  refresh.addEventListener('click', () => void load());
  void load();
  return h('section', { 'aria-labelledby': heading.id }, h('div', { class: 'toolbar' }, heading, refresh), body);
}
