/**
 * The queue's selection for a bulk decision: open review tasks only (the decisions a job takes are a
 * review's), kept while the console is open so paging does not lose it; the bar says how many and
 * opens the dialog.
 */
import { h, show, txt } from '../../lib/dom';
import type { QueueRowView } from '../types';
import { bulkText } from './bulk-texts';
import { openBulkDialog } from './bulk-dialog';

export const BULK_LIMIT = 100;

/** Task id → receipt number, in the order chosen. */
const chosen = new Map<string, string>();
/** The bar on screen (one at a time: the queue draws a new one each time it is shown). */
let renderBar: () => void = () => {};
const changed = () => renderBar();

export const selection = {
  selectable: (row: QueueRowView) => row.kind === 'review' && row.state === 'open',
  has: (taskId: string) => chosen.has(taskId),
  set(row: QueueRowView, on: boolean) {
    if (on && chosen.size < BULK_LIMIT) chosen.set(row.taskId, row.receiptNumber ?? row.taskId);
    if (!on) chosen.delete(row.taskId);
    changed();
  },
  clear() {
    chosen.clear();
    changed();
  },
  entries: () => [...chosen.entries()].map(([taskId, receipt]) => ({ taskId, receipt })),
};

/** The bar above the queue: "선택한 N건 일괄 결정", and clearing the selection. Follows the selection. */
export function bulkBar(): HTMLElement {
  const decide = h('button', { type: 'button', id: 'bulk-decide' });
  const clear = h('button', { type: 'button', class: 'secondary', id: 'bulk-clear' }, bulkText.clearSelection);
  const bar = h('div', { class: 'bulk-bar', role: 'region', 'aria-label': '일괄 결정 / Bulk decision' });
  const render = () => {
    const n = chosen.size;
    show(decide, bulkText.decideSelected(n));
    decide.disabled = n === 0;
    clear.disabled = n === 0;
  };
  decide.addEventListener('click', () => openBulkDialog(selection.entries(), () => selection.clear()));
  clear.addEventListener('click', () => selection.clear());
  renderBar = render;
  render();
  show(bar, h('div', { class: 'inline' }, decide, clear), txt('p', bulkText.selectionHint, { class: 'hint' }));
  return bar;
}
