/**
 * Under 보완 요청: what is missing — documents from the programme's checklist, answers of the form —
 * and the message the applicant reads. The API checks the same lists (functions/supplements/).
 */
import { getProgramme, isProgrammeId } from '../../../forms';
import { correctableFields } from '../../../functions/supplements/checklist';
import type { SupplementRequest } from '../../../functions/supplements/supplement';
import { h, txt } from '../lib/dom';

const texts = {
  legend: { ko: '신청인에게 요청할 내용', en: 'What to ask the applicant for' },
  documents: { ko: '필요한 서류', en: 'Documents needed' },
  fields: { ko: '고쳐야 할 항목', en: 'Answers to correct' },
  message: { ko: '신청인에게 보낼 안내 (신청인이 그대로 읽습니다)', en: 'Message to the applicant (they read it as written)' },
};

export interface SupplementRequestForm {
  element: HTMLElement;
  value(): SupplementRequest;
}

export function supplementRequestForm(taskId: string, programmeId: string): SupplementRequestForm | undefined {
  if (!isProgrammeId(programmeId)) return undefined;
  const programme = getProgramme(programmeId);
  const box = (group: string, value: string, i: number) => h('input', { type: 'checkbox', id: `${group}-${taskId}-${i}`, name: `${group}-${taskId}`, value });
  const documents = programme.documents.map((d, i) => ({ input: box('supplement-document', d.id, i), label: d.label }));
  const fields = correctableFields(programme).map((f, i) => ({ input: box('supplement-field', f.name, i), label: f.label }));
  const messageId = `supplement-message-${taskId}`;
  const message = h('textarea', { id: messageId, rows: 3, maxlength: 1000 });
  const list = (items: { input: HTMLInputElement; label: { ko: string; en: string } }[]) =>
    items.map((item) => h('div', { class: 'choice' }, item.input, h('label', { for: item.input.id }, item.label)));
  const element = h(
    'fieldset',
    { class: 'supplement-request' },
    txt('legend', texts.legend),
    txt('h4', texts.documents),
    ...list(documents),
    txt('h4', texts.fields),
    ...list(fields),
    h('div', { class: 'field' }, h('label', { for: messageId }, texts.message), message),
  );
  const checked = (items: { input: HTMLInputElement }[]) => items.filter((i) => i.input.checked).map((i) => i.input.value);
  return { element, value: () => ({ documents: checked(documents), fields: checked(fields), message: message.value.trim() }) };
}
