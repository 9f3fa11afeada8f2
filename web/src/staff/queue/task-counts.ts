/** The supervisor's view across districts: open, overdue and unassigned tasks per district and kind. */
import { h, show, txt } from '../../lib/dom';
import { problemView } from '../page';
import { staffApi } from '../session';
import { districtText, taskKindNames, ui } from '../texts';
import type { QueueCountsView, TaskCountsView } from '../types';

const kindOrder = Object.keys(taskKindNames);

function counts(c: QueueCountsView | undefined): string {
  return c ? `${c.open} / ${c.overdue} / ${c.unassigned}` : '—';
}

export async function taskCounts(): Promise<HTMLElement> {
  const box = h('section', { id: 'task-counts', class: 'task-counts', 'aria-live': 'polite' }, txt('h2', ui.counts), txt('p', ui.loading));
  const answer = await staffApi<TaskCountsView>('GET', '/api/staff/tasks/counts');
  if (!answer) return box;
  if (!answer.ok) {
    show(box, txt('h2', ui.counts), problemView(answer));
    return box;
  }
  // Districts with open work only: 25 rows of zeros would hide the few that need attention.
  const busy = answer.body.districts.filter((d) => d.total.open > 0);
  const legend = h('p', { class: 'hint' }, ui.openCount, ' / ', ui.overdueCount, ' / ', ui.unassignedCount);
  const table = h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'counts' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, ui.district), h('th', { scope: 'col' }, ui.total), ...kindOrder.map((k) => h('th', { scope: 'col' }, taskKindNames[k]!)))),
      h(
        'tbody',
        {},
        ...busy.map((d) =>
          h(
            'tr',
            { 'data-district': d.district },
            h('th', { scope: 'row' }, districtText(d.district)),
            h('td', { class: 'total' }, counts(d.total)),
            ...kindOrder.map((k) => h('td', { 'data-kind': k }, counts(d.byKind[k]))),
          ),
        ),
      ),
    ),
  );
  show(box, txt('h2', ui.counts), legend, busy.length ? table : txt('p', ui.noTasks));
  return box;
}
