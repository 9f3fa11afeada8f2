/** The queue as a table that becomes a list of cards on a phone (each cell then carries its label). */
import type { Text } from '../../../../forms/i18n';
import { h, type Child } from '../../lib/dom';
import { dateTimeText } from '../../lib/i18n';
import { programmeName, taskStateLabels, ui } from '../texts';
import type { QueueRowView } from '../types';

const columns: Text[] = [ui.receiptNumber, ui.applicant, ui.kind, ui.programme, ui.status, ui.assignee, ui.receivedAt, ui.dueAt, ui.age, ui.sla, ui.escalations];

function cell(label: Text, ...content: Child[]): HTMLElement {
  return h('td', {}, h('span', { class: 'cell-label', 'aria-hidden': 'true' }, label), ...content);
}

function queueRow(row: QueueRowView): HTMLElement {
  const received = row.receivedAt ?? row.firstOpenedAt ?? row.createdAt;
  const due = row.slaDueAt ?? row.dueAt;
  const escalations = row.escalations ?? 0;
  return h(
    'tr',
    { 'data-task': row.taskId, class: row.sla?.state === 'overdue' ? 'overdue' : undefined },
    // The link reads as the case it opens: a list of links all saying "open" tells a screen reader nothing.
    cell(ui.receiptNumber, h('a', { href: `#/applications/${row.applicationId}`, class: 'case-link' }, row.receiptNumber ?? ui.open)),
    cell(ui.applicant, row.applicantName ?? ui.none),
    cell(ui.kind, row.kindLabel),
    cell(ui.programme, programmeName(row.programme)),
    cell(ui.status, row.state === 'open' ? (row.applicationStatusLabel ?? taskStateLabels.open) : (taskStateLabels[row.state] ?? row.state)),
    cell(ui.assignee, row.assignee ?? ui.unassignedLabel),
    cell(ui.receivedAt, h('time', { datetime: received }, dateTimeText(received))),
    cell(ui.dueAt, h('time', { datetime: due }, dateTimeText(due))),
    cell(ui.age, row.ageDays === undefined ? ui.none : ui.ageDays(row.ageDays)),
    cell(ui.sla, row.sla ? h('strong', { class: `tag sla-${row.sla.state}` }, row.sla.label) : ui.none),
    cell(ui.escalations, escalations ? h('span', { class: 'tag escalated', title: `${escalations}` }, ui.escalationsN(escalations)) : ui.none),
  );
}

export function queueTable(rows: readonly QueueRowView[]): HTMLElement {
  return h(
    'div',
    { class: 'table-wrap queue-wrap' },
    h(
      'table',
      { class: 'tasks queue' },
      h('thead', {}, h('tr', {}, ...columns.map((label) => h('th', { scope: 'col' }, label)))),
      h('tbody', {}, ...rows.map(queueRow)),
    ),
  );
}
