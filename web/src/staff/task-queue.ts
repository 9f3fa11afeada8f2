/** The open tasks of the caller's districts, soonest due first, a page at a time. */
import { append, focusView, h, show, txt } from '../lib/dom';
import { dateTimeText } from '../lib/i18n';
import { app, problemView } from './page';
import { session, staffApi } from './session';
import { sv } from './supervision-texts';
import { districtText, programmeName, ui } from './texts';
import type { TaskPage, TaskView } from './types';

export async function showTasks(): Promise<void> {
  const heading = txt('h1', ui.tasks);
  const refresh = h('button', { type: 'button', class: 'secondary' }, ui.refresh);
  refresh.addEventListener('click', () => void showTasks());
  const body = h('div', { id: 'tasks', 'aria-live': 'polite' }, txt('p', ui.loading));
  const ledger = h('a', { href: '#/ledger', id: 'ledger-link', class: 'button secondary' }, ui.ledger);
  // Supervisors take supervision requests on from their own page; caseworkers ask from the case page.
  const supervisor = (session.claims()?.['cognito:groups'] as unknown[] | undefined)?.includes('supervisor');
  const supervision = supervisor ? h('a', { href: '#/supervision', id: 'supervision-link', class: 'button secondary' }, sv.pageLink) : null;
  show(app, h('div', { class: 'toolbar' }, heading, refresh, ledger, supervision), body);
  const result = await staffApi<TaskPage>('GET', '/api/staff/tasks');
  if (!result) return;
  if (!result.ok) return show(body, problemView(result));
  if (!result.body.tasks.length) return show(body, txt('p', ui.noTasks));
  const rows = h('tbody', {}, ...result.body.tasks.map(taskRow));
  show(
    body,
    h(
      'div',
      { class: 'table-wrap' },
      h(
        'table',
        { class: 'tasks' },
        h(
          'thead',
          {},
          h('tr', {}, ...[ui.kind, ui.programme, ui.district, ui.period, ui.createdAt, ui.dueAt, ui.application].map((label) => h('th', { scope: 'col' }, label))),
        ),
        rows,
      ),
    ),
    moreTasks(rows, result.body.next),
  );
  focusView(heading);
}

function taskRow(task: TaskView): HTMLElement {
  const overdue = Date.parse(task.dueAt) < Date.now();
  return h(
    'tr',
    { 'data-task': task.taskId, class: overdue ? 'overdue' : undefined },
    h('td', {}, task.kindLabel),
    h('td', {}, programmeName(task.programme)),
    h('td', {}, districtText(task.district)),
    h('td', {}, ui.periodN(task.period)),
    // The case's age: an escalated task is as old as the first one it replaced.
    h('td', {}, dateTimeText(task.firstOpenedAt ?? task.createdAt), task.escalations ? h('span', { class: 'tag' }, ' ', ui.escalatedN(task.escalations)) : null),
    h('td', {}, dateTimeText(task.dueAt), overdue ? h('strong', { class: 'tag danger' }, ' ', ui.overdue) : null),
    h('td', {}, h('a', { href: `#/applications/${task.applicationId}` }, ui.open)),
  );
}

/** "Show more": appends the next page of the queue to `rows` until there is none. */
function moreTasks(rows: HTMLElement, first: string | undefined): HTMLElement {
  let next = first;
  let busy = false;
  const button = h('button', { type: 'button', class: 'secondary', id: 'more-tasks' }, ui.more);
  const status = h('div', { role: 'status', class: 'status' });
  const box = h('div', { class: 'actions' }, button, status);
  box.hidden = !next;
  button.addEventListener('click', async () => {
    if (!next || busy) return;
    busy = true;
    button.setAttribute('aria-disabled', 'true');
    const page = await staffApi<TaskPage>('GET', `/api/staff/tasks?cursor=${encodeURIComponent(next)}`);
    busy = false;
    button.setAttribute('aria-disabled', 'false');
    if (!page) return;
    if (!page.ok) return show(status, problemView(page));
    show(status);
    append(rows, ...page.body.tasks.map(taskRow));
    next = page.body.next;
    box.hidden = !next;
  });
  return box;
}
