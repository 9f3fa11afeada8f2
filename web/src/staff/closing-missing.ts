/**
 * On a re-assessment's 종결: when the closing session or its post-test could not be recorded, why —
 * a reason from the list and the case manager's words (the server asks for them only then).
 */
import { closingSessionMissingCodes, closingSessionMissingLabels } from '../../../functions/closure/closing-labels';
import { h } from '../lib/dom';
import { bi } from '../lib/i18n';

const texts = {
  legend: { ko: '종결 회기·사후 검사를 기록하지 못한 경우', en: 'If the closing session or post-test could not be recorded' },
  code: { ko: '사유', en: 'Reason' },
  none: { ko: '해당 없음 (모두 기록됨)', en: 'Not needed (both recorded)' },
  note: { ko: '사유 설명', en: 'In your words' },
};

export function closingMissingFields(taskId: string): { element: HTMLElement; value: () => { code: string; note: string } | undefined } {
  const codeId = `closing-missing-${taskId}`;
  const noteId = `closing-missing-note-${taskId}`;
  const code = h('select', { id: codeId }, bi(h('option', { value: '' }), texts.none));
  for (const c of closingSessionMissingCodes) code.append(bi(h('option', { value: c }), closingSessionMissingLabels[c]));
  const note = h('textarea', { id: noteId, rows: 2, maxlength: 2000 });
  const element = h(
    'fieldset',
    { class: 'closing-missing' },
    h('legend', {}, texts.legend),
    h('div', { class: 'field' }, h('label', { for: codeId }, texts.code), code),
    h('div', { class: 'field' }, h('label', { for: noteId }, texts.note), note),
  );
  return { element, value: () => (code.value ? { code: code.value, note: note.value.trim() } : undefined) };
}
