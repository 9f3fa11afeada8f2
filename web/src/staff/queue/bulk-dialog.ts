/**
 * The dialog of a bulk decision: approve or reject (with the reason the applicants are told), and the
 * note every case keeps. A native modal <dialog>: the focus stays inside, Esc closes it. One
 * Idempotency-Key per opening, so a double click (or a resend after a lost answer) starts one job.
 */
import { h, show, txt } from '../../lib/dom';
import { problemWithFields } from '../page';
import { rejectionFields } from '../rejection-fields';
import { staffApi } from '../session';
import { decisionLabels } from '../texts';
import { bulkText } from './bulk-texts';

function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}

export function openBulkDialog(tasks: { taskId: string; receipt: string }[], onStarted: () => void): void {
  if (tasks.length === 0) return;
  const key = newIdempotencyKey();
  const radios = (['approve', 'reject'] as const).map((decision) => h('input', { type: 'radio', name: 'bulk-decision', id: `bulk-decision-${decision}`, value: decision }));
  const rejection = rejectionFields('bulk');
  const note = h('textarea', { id: 'bulk-note', name: 'note', rows: 3, maxlength: 2000, 'aria-required': 'true' });
  const status = h('div', { role: 'status', class: 'status', id: 'bulk-status' });
  const start = h('button', { type: 'submit', id: 'bulk-start' }, bulkText.start(tasks.length));
  const cancel = h('button', { type: 'button', class: 'secondary', id: 'bulk-cancel' }, bulkText.cancel);
  const heading = txt('h2', bulkText.dialogTitle(tasks.length), { id: 'bulk-title' });
  const form = h(
    'form',
    { class: 'decision', novalidate: true },
    heading,
    txt('p', bulkText.dialogHint, { class: 'hint' }),
    h('p', { class: 'bulk-receipts' }, tasks.map((t) => t.receipt).join(', ')),
    h(
      'fieldset',
      { class: 'choices', role: 'radiogroup' },
      h('legend', {}, bulkText.decision),
      ...radios.map((radio) => h('div', { class: 'choice' }, radio, h('label', { for: radio.id }, decisionLabels[radio.value]!))),
    ),
    rejection.element,
    h('div', { class: 'field' }, h('label', { for: 'bulk-note' }, bulkText.note), note),
    h('div', { class: 'actions' }, start, cancel),
    status,
  );
  const dialog = h('dialog', { id: 'bulk-dialog', class: 'bulk-dialog', 'aria-labelledby': 'bulk-title' }, form);
  const chosen = () => radios.find((r) => r.checked)?.value;
  const showRejection = () => (rejection.element.hidden = chosen() !== 'reject');
  radios.forEach((r) => r.addEventListener('change', showRejection));
  showRejection();
  cancel.addEventListener('click', () => dialog.close());
  note.addEventListener('input', () => show(status));
  dialog.addEventListener('close', () => dialog.remove());

  let busy = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    const decision = chosen();
    if (!decision) return show(status, txt('p', bulkText.chooseDecision, { class: 'error' }));
    if (!note.value.trim()) {
      note.focus();
      return show(status, txt('p', bulkText.noteMissing, { class: 'error' }));
    }
    busy = true;
    start.setAttribute('aria-disabled', 'true');
    show(status, txt('p', bulkText.sending));
    const body = { taskIds: tasks.map((t) => t.taskId), decision, note: note.value.trim(), ...(decision === 'reject' ? { rejection: rejection.value() } : {}) };
    const result = await staffApi<{ jobId: string }>('POST', '/api/staff/bulk-decisions', body, { 'idempotency-key': key });
    busy = false;
    start.removeAttribute('aria-disabled');
    if (!result) return dialog.close();
    if (!result.ok) return show(status, problemWithFields(result));
    onStarted();
    dialog.close();
    location.hash = `#/bulk/${result.body.jobId}`;
  });

  document.body.append(dialog);
  dialog.showModal();
  radios[0]!.focus();
}
