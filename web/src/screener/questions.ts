/** The screener's questions on the page: the form's own labels and help, no "(필수)" (every answer helps, none is demanded). */
import type { Text } from '../../../forms/i18n';
import type { FieldDef } from '../../../forms/types';
import { h, txt } from '../lib/dom';
import type { ScreenerValues } from './answers';

const ui = {
  choose: { ko: '선택하세요', en: 'Choose' },
  yes: { ko: '예', en: 'Yes' },
  no: { ko: '아니오', en: 'No' },
} as const;

const domId = (name: string) => `s-${name.replaceAll('.', '-').replaceAll('*', '0')}`;

export interface Question {
  def: FieldDef;
  element: HTMLElement;
  read(): string | string[] | undefined;
  write(value: string | string[]): void;
}

export function questionElement(def: FieldDef): Question {
  const id = domId(def.name);
  const help = def.help ? txt('p', def.help, { class: 'help', id: `${id}-help` }) : null;
  const describedBy = help ? help.id : undefined;
  const options: { value: string; label: Text }[] | undefined = def.input === 'yesno' ? [{ value: 'true', label: ui.yes }, { value: 'false', label: ui.no }] : def.options;
  if ((def.input === 'radio' || def.input === 'yesno' || def.input === 'checkbox') && options) {
    const multiple = def.input === 'checkbox';
    const inputs = options.map((o, i) => h('input', { type: multiple ? 'checkbox' : 'radio', name: id, id: `${id}-${i}`, value: o.value, 'aria-describedby': describedBy }));
    const element = h(
      'div',
      { class: 'field', 'data-question': def.name },
      h('fieldset', { class: 'choices', id }, h('legend', {}, def.label), help, h('div', { class: 'options' }, ...options.map((o, i) => h('div', { class: 'choice' }, inputs[i]!, h('label', { for: `${id}-${i}` }, o.label))))),
    );
    return {
      def,
      element,
      read: () => (multiple ? inputs.filter((i) => i.checked).map((i) => i.value) : inputs.find((i) => i.checked)?.value),
      write: (value) => inputs.forEach((i) => (i.checked = Array.isArray(value) ? value.includes(i.value) : i.value === value)),
    };
  }
  const input: HTMLInputElement | HTMLSelectElement =
    def.input === 'select'
      ? h('select', { id, name: id, 'aria-describedby': describedBy }, txt('option', ui.choose, { value: '' }), ...(def.options ?? []).map((o) => txt('option', o.label, { value: o.value })))
      : h('input', { id, name: id, type: def.input === 'date' ? 'date' : 'text', ...(def.input === 'number' ? { inputmode: 'numeric' } : {}), autocomplete: 'off', 'aria-describedby': describedBy });
  const element = h('div', { class: 'field', 'data-question': def.name }, h('label', { for: id }, def.label), help, input);
  return {
    def,
    element,
    read: () => input.value || undefined,
    write: (value) => {
      input.value = Array.isArray(value) ? '' : value;
    },
  };
}

/** Reads every question into values by path. */
export function readAll(questions: Question[]): ScreenerValues {
  const values: ScreenerValues = {};
  for (const q of questions) {
    const value = q.read();
    if (value !== undefined) values[q.def.name] = value;
  }
  return values;
}
