/**
 * The status page's answer to a supplement request (보완 요청): what the case manager asks for, in
 * plain words, the deadline, a file picker per document, the answers to correct (filled with what
 * they say now) and a note. Files go straight to the documents bucket through presigned PUTs; then
 * the answer is sent, and the API checks each file where it lies (functions/supplements/).
 */
import type { Text } from '../../../forms/i18n';
import type { CitizenSupplement } from '../../../functions/supplements/citizen-view';
import { callApi, type ProblemField } from '../lib/api';
import { h, show, txt } from '../lib/dom';
import { dateTimeText } from '../lib/i18n';

export type { CitizenSupplement };

const ui = {
  heading: { ko: '보완이 필요합니다', en: 'We need more from you' },
  due: { ko: '제출 기한', en: 'Please answer by' },
  fromCaseManager: { ko: '담당자 안내', en: 'From your case manager' },
  documents: { ko: '올려 주실 서류', en: 'Documents to upload' },
  fields: { ko: '확인하고 고쳐 주실 내용', en: 'Answers to check and correct' },
  note: { ko: '담당자에게 남길 말 (선택)', en: 'A note to your case manager (optional)' },
  send: { ko: '보완 제출', en: 'Send' },
  sending: { ko: '보내는 중입니다…', en: 'Sending…' },
  sent: { ko: '보완을 제출했습니다. 담당자가 다시 검토합니다.', en: 'Sent. Your case manager will review your application again.' },
  tooLarge: { ko: '파일이 10MB보다 큽니다. 더 작은 파일을 골라 주세요.', en: 'The file is larger than 10 MB. Please choose a smaller one.' },
  wrongType: { ko: 'PDF, JPEG, PNG 파일만 올릴 수 있습니다.', en: 'Only PDF, JPEG or PNG files can be uploaded.' },
  uploadFailed: { ko: '파일을 올리지 못했습니다. 다시 시도해 주세요.', en: 'The file could not be uploaded. Please try again.' },
  yes: { ko: '예', en: 'Yes' },
} satisfies Record<string, Text>;

interface Upload {
  documentId: string;
  uploadId: string;
  url: string;
  headers: Record<string, string>;
}

/** An input for one answer to correct, filled with what it says now; `read()` gives the value to send. */
function answerInput(field: CitizenSupplement['fields'][number], id: string): { element: HTMLElement; read: () => unknown } {
  if (field.options && field.input !== 'checkbox') {
    const select = h('select', { id }, ...field.options.map((o) => h('option', { value: o.value, selected: o.value === field.current }, o.label)));
    return { element: select, read: () => select.value };
  }
  if (field.input === 'checkbox' && !field.options) {
    const box = h('input', { type: 'checkbox', id, checked: field.current === true });
    return { element: box, read: () => box.checked };
  }
  if (field.input === 'number') {
    const input = h('input', { type: 'number', id, value: typeof field.current === 'number' ? field.current : '' });
    return { element: input, read: () => Number(input.value) };
  }
  const type = { date: 'date', tel: 'tel', email: 'email' }[field.input as string] ?? 'text';
  const input = h('input', { type, id, value: typeof field.current === 'string' ? field.current : '' });
  return { element: input, read: () => input.value.trim() };
}

export function supplementSection(supplement: CitizenSupplement, applicationId: string, accessCode: string): HTMLElement {
  const status = h('div', { role: 'status', class: 'status', id: 'supplement-status' });
  const files = supplement.documents.map((d) => ({ document: d, input: h('input', { type: 'file', id: `supplement-file-${d.id}`, accept: supplement.limits.contentTypes.join(',') }) }));
  const answers = supplement.fields.map((f, i) => ({ field: f, ...answerInput(f, `supplement-field-${i}`) }));
  const note = h('textarea', { id: 'supplement-note', rows: 3, maxlength: 2000 });
  const send = h('button', { type: 'submit', id: 'supplement-send' }, ui.send);
  const headers = { 'x-access-code': accessCode };
  const fail = (text: Text | ProblemField[]) =>
    show(status, ...(Array.isArray(text) ? text.map((f) => h('p', { class: 'error', role: 'alert' }, f.message)) : [h('p', { class: 'error', role: 'alert' }, text)]));

  const form = h(
    'form',
    { id: 'supplement-form', novalidate: true },
    files.length ? txt('h4', ui.documents) : null,
    txt('p', supplement.limits.text, { class: 'hint' }),
    ...files.map(({ document, input }) =>
      h('div', { class: 'field' }, h('label', { for: input.id }, document.label), document.when ? h('p', { class: 'help' }, document.when) : null, input),
    ),
    answers.length ? txt('h4', ui.fields) : null,
    ...answers.map(({ field, element }) => h('div', { class: 'field' }, h('label', { for: element.id }, field.label), field.help ? h('p', { class: 'help' }, field.help) : null, element)),
    h('div', { class: 'field' }, h('label', { for: 'supplement-note' }, ui.note), note),
    h('div', { class: 'actions' }, send),
    status,
  );

  let busy = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    const chosen = files.flatMap(({ document, input }) => (input.files?.[0] ? [{ documentId: document.id, file: input.files[0] }] : []));
    if (chosen.some((c) => c.file.size > supplement.limits.maxBytes)) return fail(ui.tooLarge);
    if (chosen.some((c) => !supplement.limits.contentTypes.includes(c.file.type as never))) return fail(ui.wrongType);
    busy = true;
    send.setAttribute('aria-disabled', 'true');
    show(status, ui.sending);
    try {
      const documents: { documentId: string; uploadId: string }[] = [];
      if (chosen.length) {
        const asked = await callApi<{ uploads: Upload[] }>('POST', `/api/applications/${applicationId}/supplement/uploads`, {
          body: { documents: chosen.map((c) => ({ documentId: c.documentId, contentType: c.file.type, size: c.file.size })) },
          headers,
        });
        if (!asked.ok) return fail(asked.problem.fields.length ? asked.problem.fields : asked.problem.message);
        for (const [i, slot] of asked.body.uploads.entries()) {
          const put = await fetch(slot.url, { method: 'PUT', headers: slot.headers, body: chosen[i]!.file }).catch(() => undefined);
          if (!put?.ok) return fail(ui.uploadFailed);
          documents.push({ documentId: slot.documentId, uploadId: slot.uploadId });
        }
      }
      const fields = Object.fromEntries(answers.map(({ field, read }) => [field.name, read()]));
      const body = { documents, fields, ...(note.value.trim() ? { note: note.value.trim() } : {}) };
      const sent = await callApi<{ round: number }>('POST', `/api/applications/${applicationId}/supplement`, { body, headers });
      if (!sent.ok) return fail(sent.problem.fields.length ? sent.problem.fields : sent.problem.message);
      form.replaceWith(h('p', { class: 'success', role: 'status', id: 'supplement-sent' }, ui.sent));
    } finally {
      busy = false;
      send.setAttribute('aria-disabled', 'false');
    }
  });

  return h(
    'section',
    { class: 'supplement', id: 'supplement', 'aria-labelledby': 'supplement-heading' },
    txt('h3', ui.heading, { id: 'supplement-heading' }),
    supplement.dueAt ? h('p', {}, h('strong', {}, ui.due, ': '), dateTimeText(supplement.dueAt)) : null,
    h('div', { class: 'message' }, h('strong', {}, ui.fromCaseManager), h('p', { id: 'supplement-message' }, supplement.message)),
    form,
  );
}
