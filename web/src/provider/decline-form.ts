/** Declining an offer: a reason from the list, and a note (required when the reason is "other"). */
import type { Text } from '../../../forms/i18n';
import { declineReasons } from '../../../functions/matching/decline-reasons';
import { h, show } from '../lib/dom';
import { bi } from '../lib/i18n';
import { ui } from './text';

export interface DeclineBody {
  decision: 'decline';
  reason: string;
  note?: string;
}

/**
 * The form that opens under an offer when 거절 is pressed. It checks what the server would (reason
 * chosen, note for "other") before sending, and shows the server's field messages if it still says no.
 */
export function declineForm(idBase: string, send: (body: DeclineBody) => Promise<void>, cancel: () => void): { form: HTMLFormElement; status: HTMLElement } {
  const reasonId = `${idBase}-reason`;
  const noteId = `${idBase}-note`;
  const placeholder = bi(h('option', { value: '' }), ui.chooseReason);
  const reason = h('select', { id: reasonId, name: 'reason', 'aria-required': 'true', 'aria-describedby': `${reasonId}-error` }, placeholder, ...declineReasons.map((r) => bi(h('option', { value: r.id }), r.label)));
  const reasonError = h('p', { class: 'error', id: `${reasonId}-error` });
  const noteLabel = h('label', { for: noteId }, ui.noteOptional);
  const note = h('textarea', { id: noteId, name: 'note', rows: 2, maxlength: 2000, 'aria-describedby': `${noteId}-error` });
  const noteError = h('p', { class: 'error', id: `${noteId}-error` });
  const status = h('div', { role: 'status', class: 'status' });
  const sendButton = h('button', { type: 'submit', 'data-action': 'send-decline' }, ui.sendDecline);
  const cancelButton = h('button', { type: 'button', class: 'secondary' }, ui.cancel);
  const form = h(
    'form',
    { class: 'decline', novalidate: true },
    h('div', { class: 'field' }, h('label', { for: reasonId }, ui.reason), reason, reasonError),
    h('div', { class: 'field' }, noteLabel, note, noteError),
    h('div', { class: 'actions' }, sendButton, cancelButton),
    status,
  );

  const noteNeeded = () => reason.value === 'other';
  const labelNote = () => show(noteLabel, noteNeeded() ? ui.noteRequired : ui.noteOptional);
  // An error goes as soon as what it asked for is there.
  const clear = (control: HTMLElement, error: HTMLElement) => {
    control.removeAttribute('aria-invalid');
    show(error);
  };
  reason.addEventListener('change', () => {
    labelNote();
    note.setAttribute('aria-required', String(noteNeeded()));
    if (reason.value) clear(reason, reasonError);
    if (!noteNeeded()) clear(note, noteError);
  });
  note.addEventListener('input', () => note.value.trim() && clear(note, noteError));
  cancelButton.addEventListener('click', cancel);

  let busy = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    const problems: [HTMLElement, HTMLElement, Text][] = [];
    if (!reason.value) problems.push([reason, reasonError, ui.reasonMissing]);
    if (noteNeeded() && !note.value.trim()) problems.push([note, noteError, ui.noteMissing]);
    clear(reason, reasonError);
    clear(note, noteError);
    for (const [control, error, text] of problems) {
      control.setAttribute('aria-invalid', 'true');
      show(error, text);
    }
    if (problems.length) return problems[0]![0].focus();
    busy = true;
    sendButton.setAttribute('aria-disabled', 'true');
    await send({ decision: 'decline', reason: reason.value, ...(note.value.trim() ? { note: note.value.trim() } : {}) });
    busy = false;
    sendButton.setAttribute('aria-disabled', 'false');
  });
  return { form, status };
}
