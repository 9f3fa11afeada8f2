/**
 * The check-your-answers page: every question of every step with the answer as it will be sent, and
 * a "변경" link per step that opens it and comes back here. The registration number shows masked.
 */
import type { FieldDef } from '../../../forms/types';
import { formatNumber, type Text } from '../../../forms/i18n';
import { h, txt } from '../lib/dom';
import { dateText } from '../lib/i18n';
import type { ProgrammeForm } from '../lib/programme-form';
import type { Step } from './steps';

const ui = {
  intro: {
    ko: '보내기 전에 입력한 내용을 확인해 주세요. 고칠 내용이 있으면 "변경"을 누르세요.',
    en: 'Check your answers before you apply. To correct one, choose “Change”.',
  },
  change: { ko: '변경', en: 'Change' },
  notGiven: { ko: '입력하지 않음', en: 'Not given' },
  none: { ko: '없음', en: 'None' },
  yes: { ko: '예', en: 'Yes' },
  no: { ko: '아니오', en: 'No' },
} as const;

/** An answer in words: an option's label, 예/아니오, a spelled-out date, a masked registration number. */
export function answerText(def: FieldDef, value: unknown): Text | string {
  if (value === undefined || value === '') return ui.notGiven;
  if (typeof value === 'boolean') return value ? ui.yes : ui.no;
  const label = (v: unknown) => def.options?.find((o) => o.value === v)?.label;
  if (Array.isArray(value)) {
    const labels = value.map(label).filter((l): l is Text => l !== undefined);
    return labels.length ? { ko: labels.map((l) => l.ko).join(', '), en: labels.map((l) => l.en).join(', ') } : ui.none;
  }
  if (def.options) return label(value) ?? String(value);
  if (def.input === 'rrn') return `${String(value).replace(/\D/g, '').slice(0, 6)}-${String(value).replace(/\D/g, '').slice(6, 7)}******`;
  if (def.input === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return dateText(value);
  if (typeof value === 'number') return formatNumber(value);
  return String(value);
}

export function answersReview(steps: Step[], form: ProgrammeForm, change: { href(stepId: string): string; open(stepId: string): void }): HTMLElement {
  const blocks = steps
    .filter((step) => step.sections.some((s) => !s.fields.every((f) => f.name.startsWith('consent.'))))
    .map((step) => {
      const entries = step.sections.flatMap((section) => form.answerEntries(section.id));
      const link = h('a', { href: change.href(step.id), class: 'change', 'data-step': step.id }, ui.change, h('span', { class: 'visually-hidden' }, ' ', step.title));
      link.addEventListener('click', (event) => {
        if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
        event.preventDefault();
        change.open(step.id);
      });
      return h(
        'section',
        { class: 'review-step', 'data-step': step.id },
        h('div', { class: 'review-head' }, txt('h3', step.title), link),
        entries.length
          ? h('dl', { class: 'facts review-answers' }, ...entries.flatMap(({ label, def, value }) => [txt('dt', label), h('dd', { 'data-answer': def.name }, answerText(def, value))]))
          : txt('p', ui.none, { class: 'hint' }),
      );
    });
  return h('div', { class: 'answers-review', id: 'answers-review' }, txt('p', ui.intro), ...blocks);
}
