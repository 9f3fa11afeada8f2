/**
 * The work queue: the caller's tasks with the columns a case manager needs, filters, sort, a search by
 * receipt number or full name, a page at a time (next / previous); the receipt-number lookup of any
 * case; and, for supervisors, the counts across districts. Views are in `queue/`.
 */
import { focusView, h, show, txt } from '../lib/dom';
import { app, problemWithFields } from './page';
import { bulkBar } from './queue/bulk-selection';
import { notificationsLink } from './notifications-page';
import { caseLookup } from './queue/case-lookup';
import { defaultFilters, filterForm, isSupervisor, queryOf, type QueueFilters } from './queue/queue-filters';
import { queueTable } from './queue/queue-table';
import { taskCounts } from './queue/task-counts';
import { session, staffApi } from './session';
import { sv } from './supervision-texts';
import { ui } from './texts';
import type { TaskPage } from './types';

// Kept while the console is open: back from a case, the queue shows the same filters.
let filters: QueueFilters = { ...defaultFilters };

export async function showTasks(): Promise<void> {
  const heading = txt('h1', ui.workQueue);
  const refresh = h('button', { type: 'button', class: 'secondary' }, ui.refresh);
  refresh.addEventListener('click', () => void showTasks());
  const ledger = h('a', { href: '#/ledger', id: 'ledger-link', class: 'button secondary' }, ui.ledger);
  const dashboard = h('a', { href: '#/dashboard', id: 'dashboard-link', class: 'button secondary' }, ui.dashboard);
  const body = h('div', { id: 'tasks', 'aria-live': 'polite' }, txt('p', ui.loading));
  const pager = h('nav', { class: 'pager actions' });
  const counts = isSupervisor() ? h('div', { id: 'counts-slot' }) : null;
  // Supervisors take supervision requests on from their own page; caseworkers ask from the case page.
  const supervisor = (session.claims()?.['cognito:groups'] as unknown[] | undefined)?.includes('supervisor');
  const supervision = supervisor ? h('a', { href: '#/supervision', id: 'supervision-link', class: 'button secondary' }, sv.pageLink) : null;
  show(
    app,
    h('div', { class: 'toolbar' }, heading, h('div', { class: 'inline' }, refresh, dashboard, ledger, supervision, notificationsLink())),
    caseLookup(),
    counts,
    filterForm(filters, (next) => {
      filters = next;
      void loadPage([undefined], 0);
    }),
    bulkBar(),
    body,
    pager,
  );
  focusView(heading);
  if (counts) void taskCounts().then((box) => counts.replaceChildren(box));

  /** `cursors[i]` opens page i (undefined: the first); going back re-reads the page it left. */
  async function loadPage(cursors: (string | undefined)[], index: number): Promise<void> {
    show(body, txt('p', ui.loading));
    const result = await staffApi<TaskPage>('GET', `/api/staff/tasks${queryOf(filters, cursors[index])}`);
    if (!result) return;
    if (!result.ok) {
      show(pager);
      return show(body, problemWithFields(result));
    }
    const { tasks, next } = result.body;
    const known = next ? [...cursors.slice(0, index + 1), next] : cursors.slice(0, index + 1);
    show(body, filters.q.trim() ? txt('p', ui.searchResults, { class: 'hint' }) : null, tasks.length ? queueTable(tasks) : txt('p', ui.noTasks));
    const previous = h('button', { type: 'button', class: 'secondary', id: 'previous-tasks', disabled: index === 0 }, ui.previous);
    const following = h('button', { type: 'button', class: 'secondary', id: 'next-tasks', disabled: !next }, ui.next);
    previous.addEventListener('click', () => void loadPage(known, index - 1));
    following.addEventListener('click', () => void loadPage(known, index + 1));
    show(pager, previous, h('span', { class: 'page-number' }, ui.pageN(index + 1)), following);
  }

  await loadPage([undefined], 0);
}
