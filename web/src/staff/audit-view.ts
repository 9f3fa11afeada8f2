/** The audit trail: every step and every read of the application, oldest first. */
import { h, show, txt } from '../lib/dom';
import { dateTimeText } from '../lib/i18n';
import { problemView } from './page';
import { staffApi } from './session';
import { ui } from './texts';
import type { AuditEventView } from './types';

function actorText(actor: unknown): string {
  if (typeof actor !== 'object' || actor === null) return String(actor ?? '');
  const a = actor as { kind?: string; userId?: string; step?: string; groups?: string[]; sourceIp?: string };
  const who =
    a.kind === 'staff'
      ? `${a.userId ?? ''}${a.groups?.length ? ` (${a.groups.join(', ')})` : ''}`
      : a.kind === 'system'
        ? `system: ${a.step ?? ''}`
        : a.kind === 'step-functions-api'
          ? 'Step Functions API'
          : (a.kind ?? '');
  return a.sourceIp ? `${who} @ ${a.sourceIp}` : who;
}

export async function showAudit(applicationId: string, target: HTMLElement): Promise<void> {
  show(target, txt('p', ui.loading));
  const result = await staffApi<{ events: AuditEventView[] }>('GET', `/api/staff/applications/${applicationId}/audit`);
  if (!result) return;
  if (!result.ok) return show(target, problemView(result));
  show(
    target,
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'audit' },
        h('thead', {}, h('tr', {}, ...[ui.at, ui.actor, ui.action, ui.status, ui.detail, ui.noteLabel].map((label) => h('th', { scope: 'col' }, label)))),
        h(
          'tbody',
          {},
          ...result.body.events.map((e) =>
            h(
              'tr',
              {},
              h('td', {}, h('time', { datetime: e.at }, dateTimeText(e.at))),
              h('td', {}, actorText(e.actor)),
              h('td', {}, h('code', {}, e.action)),
              h('td', {}, e.status ?? ''),
              h('td', {}, e.detail ? Object.entries(e.detail).map(([k, v]) => `${k}=${String(v)}`).join(', ') : ''),
              h('td', { class: 'note' }, e.note ?? ''),
            ),
          ),
        ),
      ),
    ),
  );
}
