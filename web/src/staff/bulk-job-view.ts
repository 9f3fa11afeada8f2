/**
 * A bulk decision job's page (#/bulk/{jobId}): its progress, read again every second or so while it
 * runs, and each case's result with a link to the case. Polling stops once the job is done or the
 * page is left.
 */
import type { Text } from '../../../forms/i18n';
import { focusView, h, show, txt } from '../lib/dom';
import { app, problemView } from './page';
import { bulkText } from './queue/bulk-texts';
import { staffApi } from './session';
import { decisionLabels } from './texts';

interface JobItem {
  taskId: string;
  outcome: 'pending' | 'applied' | 'already-decided' | 'refused' | 'not-done';
  outcomeLabel: Text;
  applicationId?: string;
  receiptNumber?: string;
  reason?: Text;
}
interface JobView {
  jobId: string;
  status: 'running' | 'done';
  decision: string;
  note?: string;
  progress: { done: number; total: number };
  counts: { applied: number; alreadyDecided: number; refused: number; notDone: number };
  items: JobItem[];
}

const POLL_MS = 1_000;

export function bulkJobOf(hash: string): string | undefined {
  return /^#\/bulk\/(B[A-Za-z0-9_-]{26})$/.exec(hash)?.[1];
}

export async function showBulkJob(jobId: string): Promise<void> {
  const heading = txt('h1', bulkText.jobTitle);
  const back = h('a', { href: '#/tasks', class: 'back' }, bulkText.backToQueue);
  const body = h('div', { id: 'bulk-job' }, txt('p', { ko: '불러오는 중…', en: 'Loading…' }));
  show(app, back, heading, body);
  focusView(heading);
  const here = location.hash;

  for (;;) {
    const result = await staffApi<JobView>('GET', `/api/staff/bulk-decisions/${jobId}`);
    if (location.hash !== here) return;
    if (!result) return;
    if (!result.ok) return show(body, problemView(result));
    render(body, result.body);
    if (result.body.status === 'done') return;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    if (location.hash !== here) return;
  }
}

function render(body: HTMLElement, job: JobView): void {
  const { done, total } = job.progress;
  // Redrawn in place: the live region is kept, so a screen reader hears the count change, not the page.
  let live = body.querySelector<HTMLElement>('#bulk-progress-text');
  if (!live) {
    live = h('p', { id: 'bulk-progress-text', 'aria-live': 'polite' });
    show(
      body,
      h('p', { class: 'meta' }, decisionLabels[job.decision] ?? job.decision, job.note ? ` · ${job.note}` : ''),
      h('progress', { id: 'bulk-progress', max: total, value: done }),
      live,
      h('div', { id: 'bulk-results' }),
    );
  }
  body.querySelector<HTMLProgressElement>('#bulk-progress')!.value = done;
  // Every case has its result once done reaches total (the job's last step only closes it).
  show(live, bulkText.progress(done, total), ' ', job.status === 'done' || done === total ? bulkText.finished : bulkText.running);
  show(body.querySelector('#bulk-results')!, txt('p', bulkText.summary(job.counts), { class: 'hint' }), resultsTable(job.items));
}

function resultsTable(items: JobItem[]): HTMLElement {
  const cell = (label: Text, ...content: (Node | Text | string)[]) => h('td', {}, h('span', { class: 'cell-label', 'aria-hidden': 'true' }, label), ...content);
  return h(
    'div',
    { class: 'table-wrap' },
    h(
      'table',
      { class: 'tasks stacked bulk-results' },
      h('thead', {}, h('tr', {}, ...[bulkText.case, bulkText.result, bulkText.reason].map((label) => h('th', { scope: 'col' }, label)))),
      h(
        'tbody',
        {},
        ...items.map((item) =>
          h(
            'tr',
            { 'data-task': item.taskId, 'data-outcome': item.outcome },
            cell(bulkText.case, item.applicationId ? h('a', { href: `#/applications/${item.applicationId}` }, item.receiptNumber ?? item.applicationId) : bulkText.unnamedCase),
            cell(bulkText.result, h('strong', { class: `tag outcome-${item.outcome}` }, item.outcomeLabel)),
            cell(bulkText.reason, item.reason ?? '—'),
          ),
        ),
      ),
    ),
  );
}
