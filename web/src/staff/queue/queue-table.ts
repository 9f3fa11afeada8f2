/** The queue as a table that becomes a list of cards on a phone (each cell then carries its label). */
import type { Text } from '../../../../forms/i18n';
import { h, type Child } from '../../lib/dom';
import { dateTimeText } from '../../lib/i18n';
import { programmeName, taskStateLabels, ui } from '../texts';
import type { QueueRowView } from '../types';
import { bulkText } from './bulk-texts';
import { selection } from './bulk-selection';

const columns: Text[] = [ui.receiptNumber, ui.applicant, ui.kind, ui.programme, ui.status, ui.assignee, ui.receivedAt, ui.dueAt, ui.age, ui.sla, ui.escalations];

function cell(label: Text, ...content: Child[]): HTMLElement {
  return h('td', {}, h('span', { class: 'cell-label', 'aria-hidden': 'true' }, label), ...content);
}

/** The row's checkbox for a bulk decision: open review tasks only, named by the case it selects. */
function selectCell(row: QueueRowView, onChange: () => void): HTMLElement {
  if (!selection.selectable(row)) return h('td', { class: 'select-none' });
  const id = `select-${row.taskId.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const box = h('input', { type: 'checkbox', class: 'bulk-select', id, 'data-task': row.taskId, checked: selection.has(row.taskId) });
  box.addEventListener('change', () => {
    selection.set(row, box.checked);
    box.checked = selection.has(row.taskId); // Past the limit, the box does not stay checked.
    onChange();
  });
  // Named by the case it selects, in the page's language (a label, not a fixed aria-label).
  return cell(bulkText.select, box, h('label', { for: id, class: 'visually-hidden' }, bulkText.selectRow(row.receiptNumber ?? row.taskId)));
}

function queueRow(row: QueueRowView, onChange: () => void): HTMLElement {
  const received = row.receivedAt ?? row.firstOpenedAt ?? row.createdAt;
  const due = row.slaDueAt ?? row.dueAt;
  const escalations = row.escalations ?? 0;
  return h(
    'tr',
    { 'data-task': row.taskId, class: row.sla?.state === 'overdue' ? 'overdue' : undefined },
    selectCell(row, onChange),
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
  const selectable = rows.filter(selection.selectable);
  const all = h('input', { type: 'checkbox', id: 'bulk-select-page', disabled: selectable.length === 0 });
  const syncAll = () => (all.checked = selectable.length > 0 && selectable.every((r) => selection.has(r.taskId)));
  const body = h('tbody', {}, ...rows.map((row) => queueRow(row, syncAll)));
  all.addEventListener('change', () => {
    for (const row of selectable) selection.set(row, all.checked);
    body.querySelectorAll<HTMLInputElement>('input.bulk-select').forEach((box) => (box.checked = selection.has(box.dataset.task!)));
    syncAll();
  });
  syncAll();
  return h(
    'div',
    { class: 'table-wrap queue-wrap' },
    h(
      'table',
      { class: 'tasks queue' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col', class: 'select' }, all, h('label', { for: 'bulk-select-page', class: 'visually-hidden' }, bulkText.selectPage)), ...columns.map((label) => h('th', { scope: 'col' }, label)))),
      body,
    ),
  );
}
