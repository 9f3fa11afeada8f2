/** The application's answers as its programme's form asked them (the RRN masked). */
import type { AnyProgramme, FieldDef } from '../../../forms';
import { answerAt } from '../../../forms/answers';
import { formatNumber } from '../../../forms/i18n';
import { h, type Child } from '../lib/dom';
import { ui } from './texts';
import type { CaseFile } from './types';

function valueText(def: FieldDef, value: unknown): Child {
  if (value === undefined || value === null || value === '') return ui.none;
  if (typeof value === 'boolean') return value ? ui.yes : ui.no;
  const optionLabel = (v: unknown) => def.options?.find((o) => o.value === v)?.label ?? { ko: String(v), en: String(v) };
  if (Array.isArray(value)) {
    if (!value.length) return ui.none;
    const labels = value.map(optionLabel);
    return { ko: labels.map((l) => l.ko).join(', '), en: labels.map((l) => l.en).join(', ') };
  }
  if (def.options) return optionLabel(value);
  if (typeof value === 'number') return formatNumber(value);
  return String(value);
}

export function answersView(programme: AnyProgramme, file: CaseFile): HTMLElement {
  const sections = programme.sections.map((section) => {
    const rows = (fields: FieldDef[], at: (name: string) => unknown): Child[] =>
      fields.flatMap((def) => {
        const value = def.input === 'rrn' ? file.rrn?.masked : at(def.name);
        if (def.showIf && value === undefined) return [];
        return [h('dt', {}, def.label), h('dd', { 'data-answer': def.name }, def.input === 'rrn' ? (value as string | undefined) ?? ui.none : valueText(def, value))];
      });
    if (section.repeat) {
      const items = answerAt(file.answers, section.repeat.path);
      const prefix = `${section.repeat.path}.*.`;
      return h(
        'section',
        {},
        h('h3', {}, section.title),
        ...(Array.isArray(items) && items.length
          ? items.map((item, i) =>
              h('div', { class: 'item' }, h('h4', {}, ui.item(i + 1)), h('dl', { class: 'facts' }, ...rows(section.fields, (name) => answerAt(item, name.slice(prefix.length))))),
            )
          : [h('p', {}, ui.none)]),
      );
    }
    return h('section', {}, h('h3', {}, section.title), h('dl', { class: 'facts' }, ...rows(section.fields, (name) => answerAt(file.answers, name))));
  });
  return h('div', { class: 'answers' }, ...sections);
}
