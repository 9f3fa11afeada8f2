/**
 * "서비스 중단(철회) 신청": the citizen stops the service from the status page. A first button opens a
 * confirmation with an optional reason (in words; the codes stay in the request) and a note; only
 * the confirm button sends it, with the access code the page was opened with.
 */
import { withdrawalReasonChoices, withdrawalReasons } from '../../../functions/closure/closing-labels';
import { callApi } from '../lib/api';
import { focusView, h, show, txt } from '../lib/dom';
import { bi } from '../lib/i18n';

const ui = {
  open: { ko: '서비스 중단(철회) 신청', en: 'Stop the service (withdraw)' },
  heading: { ko: '서비스를 중단하시겠어요?', en: 'Do you want to stop the service?' },
  explain: {
    ko: '중단하면 이 신청은 종결되고, 예정된 상담 회기는 모두 취소됩니다. 되돌릴 수 없지만, 나중에 다시 신청할 수 있습니다.',
    en: 'Stopping closes this application and cancels every session still planned. It cannot be undone, but you can apply again later.',
  },
  reason: { ko: '중단하려는 이유 (선택)', en: 'Why you are stopping (optional)' },
  noReason: { ko: '말하고 싶지 않아요', en: 'I would rather not say' },
  note: { ko: '남기고 싶은 말 (선택)', en: 'Anything you want to add (optional)' },
  confirm: { ko: '네, 중단합니다', en: 'Yes, stop the service' },
  cancel: { ko: '아니요, 계속 이용합니다', en: 'No, keep the service' },
  sending: { ko: '보내는 중입니다…', en: 'Sending…' },
} as const;

export function withdrawalSection(applicationId: string, accessCode: string, onDone: () => void): HTMLElement {
  const box = h('section', { class: 'withdrawal', id: 'withdrawal' });
  const openButton = h('button', { type: 'button', class: 'secondary', id: 'withdraw-open' }, ui.open);
  openButton.addEventListener('click', () => {
    show(box, confirmation(applicationId, accessCode, onDone, () => show(box, openButton)));
    focusView(box.querySelector('h3') as HTMLElement);
  });
  show(box, openButton);
  return box;
}

function confirmation(applicationId: string, accessCode: string, onDone: () => void, onCancel: () => void): HTMLElement {
  const select = h('select', { id: 'withdraw-reason', name: 'reason' }, bi(h('option', { value: '' }), ui.noReason));
  for (const reason of withdrawalReasons) select.append(bi(h('option', { value: reason }), withdrawalReasonChoices[reason]));
  const note = h('textarea', { id: 'withdraw-note', rows: 2, maxlength: 2000 });
  const status = h('div', { role: 'status', class: 'status' });
  const confirm = h('button', { type: 'submit', id: 'withdraw-confirm', class: 'danger' }, ui.confirm);
  const cancel = h('button', { type: 'button', class: 'secondary' }, ui.cancel);
  cancel.addEventListener('click', onCancel);
  const form = h(
    'form',
    { class: 'card confirm', novalidate: true },
    txt('h3', ui.heading, { tabindex: -1 }),
    txt('p', ui.explain),
    h('div', { class: 'field' }, h('label', { for: 'withdraw-reason' }, ui.reason), select),
    h('div', { class: 'field' }, h('label', { for: 'withdraw-note' }, ui.note), note),
    h('div', { class: 'actions' }, confirm, cancel),
    status,
  );
  let busy = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    busy = true;
    confirm.setAttribute('aria-disabled', 'true');
    show(status, ui.sending);
    const body = { ...(select.value ? { reason: select.value } : {}), ...(note.value.trim() ? { note: note.value.trim() } : {}) };
    const answer = await callApi<unknown>('POST', `/api/applications/${encodeURIComponent(applicationId)}/withdrawal`, { body, headers: { 'x-access-code': accessCode } });
    busy = false;
    confirm.setAttribute('aria-disabled', 'false');
    if (answer.ok) return onDone();
    const fields = answer.status === 400 ? answer.problem.fields.map((f) => h('span', {}, f.message)) : [];
    show(status, h('p', { class: 'error', role: 'alert' }, answer.problem.message, ...fields.flatMap((m) => [h('br'), m])));
  });
  return form;
}
