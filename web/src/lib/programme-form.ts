/**
 * A programme's application form, rendered from its definition (`sections[].fields[]`) and checked
 * with the same zod schema the server uses, dates judged against today as the server judges them on
 * receipt. Nothing here knows a programme by name: a new programme in forms/ gets its form for free.
 * It imports one definition's modules only (not the registry), so a page loads no other programme.
 */
import type * as z from 'zod/mini';
import type { AnyProgramme, FieldDef, FormSection } from '../../../forms';
import { answerAt, conditionHolds } from '../../../forms/answers';
import { seoulIsoDate } from '../../../forms/dates';
import { fieldErrors } from '../../../forms/errors';
import type { Text } from '../../../forms/i18n';
import { submissionFor } from '../../../forms/submission';
import { append, h, txt } from './dom';
import { errorDomId, fieldDomId, helpDomId } from './field-ids';
import { bi } from './i18n';

/** An error to show: the dot path inside the answers ('applicant.name', 'children.0') and its text. */
export interface FormError {
  field: string;
  message: Text;
}

type Submitted = { programme: string; answers: Record<string, unknown> };

type Input = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

interface Control {
  def: FieldDef;
  /** The concrete path: in a repeated section '*' is replaced by the item's index. */
  name: string;
  container: HTMLElement;
  inputs: Input[];
  error: HTMLElement;
  help?: HTMLElement;
  read(): unknown;
  write(value: unknown): void;
}

interface RepeatState {
  section: FormSection & { repeat: NonNullable<FormSection['repeat']> };
  list: HTMLElement;
  error: HTMLElement;
  addButton: HTMLButtonElement;
  items: Control[][];
}

const ui = {
  required: { ko: '필수', en: 'required' },
  optional: { ko: '선택', en: 'optional' },
  sensitive: { ko: '건강정보', en: 'health information' },
  choose: { ko: '선택하세요', en: 'Choose…' },
  remove: { ko: '삭제', en: 'Remove' },
  yes: { ko: '예', en: 'Yes' },
  no: { ko: '아니오', en: 'No' },
  summaryTitle: { ko: '입력 내용을 확인해 주세요', en: 'Please check your answers' },
  item: (section: Text, n: number): Text => ({ ko: `${section.ko} ${n}`, en: `${section.en} ${n}` }),
} as const;

/** Browser autofill hints for the applicant's own details (never for the child's or the RRN). */
const autocomplete: Record<string, string> = {
  'applicant.name': 'name',
  'applicant.birthDate': 'bday',
  'applicant.phone': 'tel',
  'applicant.email': 'email',
  'applicant.address': 'street-address',
};

/**
 * Sets the answer at a dot path, creating the objects on the way. With `undefined` it only creates
 * them: a required answer left empty then shows as missing itself, not as a missing parent object.
 */
function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  keys.slice(0, -1).forEach((key) => {
    const next = node[key];
    if (typeof next !== 'object' || next === null) node[key] = {};
    node = node[key] as Record<string, unknown>;
  });
  const last = keys[keys.length - 1];
  if (last !== undefined && value !== undefined) node[last] = value;
}

function textValue(input: Input): string | undefined {
  return input.value.trim() === '' ? undefined : input.value;
}

/** Whole numbers may be typed with separators ('2,500,000'); anything else goes to zod as typed. */
function numberValue(input: Input): unknown {
  const raw = input.value.replace(/[\s,]/g, '');
  if (raw === '') return undefined;
  return /^-?\d+$/.test(raw) ? Number(raw) : input.value;
}

export class ProgrammeForm {
  readonly element: HTMLFormElement;
  readonly summary: HTMLElement;
  private readonly controls: Control[] = [];
  private readonly repeats: RepeatState[] = [];
  /**
   * Section-level messages, keyed by the answer path they stand for: a repeated section's path
   * ('children': "list at least one child"), or a section whose id names an answer object
   * ('guardian': "a guardian is needed").
   */
  private readonly sectionErrors = new Map<string, HTMLElement>();
  /** Each section's fieldset, by section id: a form in steps shows one at a time. */
  private readonly sections = new Map<string, HTMLElement>();
  /** The sections whose errors are shown (a step's); all when unset. */
  private scope: HTMLElement[] | undefined;

  constructor(readonly programme: AnyProgramme) {
    this.summary = h('div', { class: 'error-summary', id: 'error-summary', hidden: true, tabindex: -1, 'aria-labelledby': 'error-summary-title' });
    // The links move the focus themselves: following them would change the page's URL.
    this.summary.addEventListener('click', (event) => {
      const link = (event.target as Element).closest('a');
      const target = link ? document.getElementById(link.getAttribute('href')?.slice(1) ?? '') : null;
      if (!target) return;
      event.preventDefault();
      // A field on another step: that step is shown first.
      const section = [...this.sections].find(([, element]) => element.contains(target))?.[0];
      if (section && target.closest('[hidden]')) this.onReveal?.(section);
      target.scrollIntoView({ block: 'center' });
      target.focus();
    });
    this.element = h('form', { id: 'application-form', novalidate: true, 'data-programme': programme.id });
    for (const section of programme.sections) this.element.append(this.renderSection(section));
    this.element.addEventListener('change', () => this.refreshVisibility());
    this.refreshVisibility();
  }

  /* ---------- rendering ---------- */

  private renderSection(section: FormSection): HTMLElement {
    const fieldset = h('fieldset', { class: 'section', id: `section-${section.id}` }, h('legend', {}, section.title));
    this.sections.set(section.id, fieldset);
    const error = h('p', { class: 'error', id: `section-${section.id}-error`, hidden: true });
    fieldset.append(error);
    if (section.repeat) {
      const state: RepeatState = {
        section: section as RepeatState['section'],
        list: h('div', { class: 'repeat-items' }),
        error,
        addButton: h('button', { type: 'button', class: 'secondary', id: `add-${section.id}` }, section.repeat.addLabel),
        items: [],
      };
      this.repeats.push(state);
      this.sectionErrors.set(section.repeat.path, error);
      state.addButton.addEventListener('click', () => {
        this.addItem(state);
        state.items.at(-1)?.[0]?.inputs[0]?.focus();
      });
      fieldset.append(state.list, state.addButton);
    } else {
      this.sectionErrors.set(section.id, error);
      for (const def of section.fields) {
        const control = this.renderField(def, def.name);
        this.controls.push(control);
        fieldset.append(control.container);
      }
    }
    return fieldset;
  }

  private addItem(state: RepeatState, values?: Map<string, unknown>): void {
    if (state.items.length >= state.section.repeat.maxItems) return;
    const index = state.items.length;
    const controls = state.section.fields.map((def) => this.renderField(def, def.name.replace('*', String(index))));
    const remove = h('button', { type: 'button', class: 'secondary remove' }, ui.remove);
    remove.addEventListener('click', () => this.removeItem(state, index));
    state.list.append(
      h(
        'fieldset',
        { class: 'item' },
        h('legend', {}, ui.item(state.section.title, index + 1)),
        ...controls.map((c) => c.container),
        remove,
      ),
    );
    for (const control of controls) control.write(values?.get(control.def.name));
    state.items.push(controls);
    state.addButton.hidden = state.items.length >= state.section.repeat.maxItems;
  }

  /** Removing an item renumbers the ones after it: rebuild them with the values they had. */
  private removeItem(state: RepeatState, index: number): void {
    const kept = state.items.filter((_, i) => i !== index).map((item) => new Map(item.map((c) => [c.def.name, c.read()])));
    state.items = [];
    state.list.replaceChildren();
    for (const values of kept) this.addItem(state, values);
    state.addButton.hidden = false;
    (state.items[Math.min(index, state.items.length - 1)]?.[0]?.inputs[0] ?? state.addButton).focus();
    this.element.dispatchEvent(new Event('change', { bubbles: true }));
  }

  private renderField(def: FieldDef, name: string): Control {
    const id = fieldDomId(name);
    const error = h('p', { class: 'error', id: errorDomId(name), hidden: true });
    const help = def.help ? txt('p', def.help, { class: def.name.startsWith('consent.') ? 'help consent-text' : 'help', id: helpDomId(name) }) : undefined;
    const tags = [
      h('span', { class: 'tag' }, '(', def.required ? ui.required : ui.optional, ')'),
      def.sensitive ? h('span', { class: 'tag sensitive' }, ui.sensitive) : null,
    ];
    const container = h('div', { class: `field field-${def.input}`, 'data-field': name });
    const describedBy = help ? help.id : undefined;

    // A yes/no question is two radio buttons (예/아니오) whose values are the booleans the schema reads.
    const options = def.input === 'yesno' ? [{ value: 'true', label: ui.yes }, { value: 'false', label: ui.no }] : def.options;
    if ((def.input === 'radio' || def.input === 'checkbox' || def.input === 'yesno') && options) {
      const multiple = def.input === 'checkbox';
      const inputs = options.map((option, i) =>
        h('input', { type: multiple ? 'checkbox' : 'radio', name: id, id: `${id}-${i}`, value: option.value, 'aria-describedby': describedBy }),
      );
      const group = h(
        'fieldset',
        { class: `choices${def.input === 'yesno' ? ' yesno' : ''}`, id, ...(multiple ? {} : { role: 'radiogroup', 'aria-required': def.required ? 'true' : undefined }) },
        h('legend', {}, def.label, ' ', ...tags),
        help ?? null,
        h('div', { class: 'options' }, ...options.map((option, i) => h('div', { class: 'choice' }, inputs[i] ?? null, h('label', { for: `${id}-${i}` }, option.label)))),
        error,
      );
      container.append(group);
      const chosen = () => inputs.find((i) => i.checked)?.value;
      return {
        def,
        name,
        container,
        inputs,
        error,
        ...(help ? { help } : {}),
        read: () => {
          if (multiple) return inputs.filter((i) => i.checked).map((i) => i.value);
          const value = chosen();
          return def.input === 'yesno' && value !== undefined ? value === 'true' : value;
        },
        write: (value) => {
          const wanted = typeof value === 'boolean' ? String(value) : value;
          for (const input of inputs) input.checked = Array.isArray(wanted) ? wanted.includes(input.value) : input.value === wanted;
        },
      };
    }

    if (def.input === 'checkbox') {
      const input = h('input', { type: 'checkbox', id, name: id, 'aria-describedby': describedBy, 'aria-required': def.required ? 'true' : undefined });
      append(container, help ?? null, h('div', { class: 'choice' }, input, h('label', { for: id }, def.label, ' ', ...tags)), error);
      return {
        def,
        name,
        container,
        inputs: [input],
        error,
        ...(help ? { help } : {}),
        read: () => (input.checked ? true : def.required ? false : undefined),
        write: (value) => {
          input.checked = value === true;
        },
      };
    }

    let input: Input;
    const common = { id, name: id, 'aria-describedby': describedBy, 'aria-required': def.required ? 'true' : undefined };
    switch (def.input) {
      case 'select':
        input = h(
          'select',
          { ...common, autocomplete: autocomplete[name] ?? 'off' },
          bi(h('option', { value: '' }), ui.choose),
          ...(def.options ?? []).map((o) => bi(h('option', { value: o.value }), o.label)),
        );
        break;
      case 'textarea':
        input = h('textarea', { ...common, rows: 3, autocomplete: autocomplete[name] ?? 'off' });
        break;
      case 'number':
        input = h('input', { ...common, type: 'text', inputmode: 'numeric', autocomplete: 'off' });
        break;
      case 'rrn':
        input = h('input', { ...common, type: 'text', inputmode: 'numeric', autocomplete: 'off', spellcheck: 'false', maxlength: 14, placeholder: '000000-0000000' });
        break;
      case 'tel':
        input = h('input', { ...common, type: 'tel', autocomplete: autocomplete[name] ?? 'off' });
        break;
      case 'email':
      case 'date':
      case 'text':
      case 'radio': // a radio without options has nothing to choose from: a text box at least works
      case 'yesno':
        input = h('input', { ...common, type: def.input === 'email' || def.input === 'date' ? def.input : 'text', autocomplete: autocomplete[name] ?? 'off' });
        break;
    }
    append(container, h('label', { for: id }, def.label, ' ', ...tags), help ?? null, input, error);
    return {
      def,
      name,
      container,
      inputs: [input],
      error,
      ...(help ? { help } : {}),
      read: () => (def.input === 'number' ? numberValue(input) : textValue(input)),
      write: (value) => {
        input.value = value === undefined || value === null ? '' : String(value);
      },
    };
  }

  /* ---------- answers ---------- */

  private allControls(): Control[] {
    return [...this.controls, ...this.repeats.flatMap((r) => r.items.flat())];
  }

  /** A field with `showIf` is shown (and answered) only while its condition holds. */
  private refreshVisibility(): void {
    const base = this.collect(false);
    for (const control of this.controls) {
      if (!control.def.showIf) continue;
      const visible = conditionHolds(base, control.def.showIf);
      control.container.hidden = !visible;
      for (const input of control.inputs) input.disabled = !visible;
    }
  }

  private collect(withConditional: boolean): Record<string, unknown> {
    const answers: Record<string, unknown> = {};
    const put = (target: Record<string, unknown>, path: string, control: Control) => {
      const value = control.read();
      if (value !== undefined || control.def.required) setAt(target, path, value);
    };
    for (const control of this.controls.filter((c) => !c.def.showIf)) put(answers, control.name, control);
    if (withConditional) {
      const base = structuredClone(answers);
      for (const control of this.controls) {
        if (control.def.showIf && conditionHolds(base, control.def.showIf)) put(answers, control.name, control);
      }
    }
    for (const { section, items } of this.repeats) {
      const prefix = `${section.repeat.path}.*.`;
      setAt(
        answers,
        section.repeat.path,
        items.map((item) => {
          const value: Record<string, unknown> = {};
          for (const control of item) put(value, control.def.name.slice(prefix.length), control);
          return value;
        }),
      );
    }
    // A consent is given to the text shown, so it carries that text's version (from the definition).
    const consent = answers.consent as Record<string, unknown> | undefined;
    for (const [kind, text] of Object.entries(this.programme.consents)) {
      const given = consent?.[kind];
      if (typeof text === 'object' && typeof given === 'object' && given !== null) (given as Record<string, unknown>).version = text.version;
    }
    return answers;
  }

  /** The answers as the API expects them: hidden fields left out, empty optional fields left out. */
  answers(): Record<string, unknown> {
    return this.collect(true);
  }

  /**
   * `{ programme, answers }` checked with the server's own schema — the full submission's, or the
   * pre-check's, which asks less; later rechecks use the same one, so the messages stay consistent.
   * `body` is the answers as given, `parsed` what the schema made of them (only what it reads).
   */
  validate(schema: z.ZodMiniType = this.submissionSchema()): { ok: true; body: Submitted; parsed: unknown } | { ok: false; errors: FormError[] } {
    this.checkedWith = schema;
    const body = { programme: this.programme.id, answers: this.answers() };
    const result = schema.safeParse(body);
    if (result.success) return { ok: true, body, parsed: result.data };
    return { ok: false, errors: toFormErrors(fieldErrors(result.error)) };
  }

  /* ---------- errors ---------- */

  /** Where an error about `path` is shown: its field, else the nearest field or section under it. */
  private slotFor(path: string): { error: HTMLElement; control?: Control } | undefined {
    const controls = this.allControls().filter((c) => !c.container.hidden);
    for (let p = path; p !== ''; p = p.includes('.') ? p.slice(0, p.lastIndexOf('.')) : '') {
      const exact = controls.find((c) => c.name === p);
      if (exact) return { error: exact.error, control: exact };
      const section = this.sectionErrors.get(p);
      if (section) return { error: section };
      const inside = controls.find((c) => c.name.startsWith(`${p}.`));
      if (inside) return { error: inside.error, control: inside };
    }
    return undefined;
  }

  clearErrors(): void {
    this.serverErrors = [];
    this.showInline([]);
    this.summary.replaceChildren();
    this.summary.hidden = true;
  }

  /**
   * Shows each message next to its field (aria-invalid, aria-describedby) and lists them all in the
   * summary above the form, each a link to its field. Errors about no field are listed only there.
   */
  showErrors(all: FormError[], options: { focusSummary?: boolean; headline?: Text; anywhere?: boolean } = {}): void {
    this.serverErrors = [];
    // `anywhere`: errors of other steps too (the pre-check reads several), each linked to its field.
    const errors = options.anywhere ? all : this.inScope(all);
    const placed = this.showInline(errors);
    this.summary.replaceChildren();
    this.summary.hidden = !errors.length && !options.headline;
    if (this.summary.hidden) return;
    // In the order of the form, as the person will go through them.
    placed.sort((a, b) => {
      if (!a.slot || !b.slot) return (a.slot ? 0 : 1) - (b.slot ? 0 : 1);
      if (a.slot.error === b.slot.error) return 0;
      return a.slot.error.compareDocumentPosition(b.slot.error) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
    });
    const links = placed.map(({ error, slot }) => {
      const target = slot?.control?.inputs[0]?.id ?? slot?.error.id;
      return h('li', {}, target ? h('a', { href: `#${target}` }, error.message) : txt('span', error.message));
    });
    this.summary.append(txt('h2', options.headline ?? ui.summaryTitle, { id: 'error-summary-title' }), h('ul', {}, ...links));
    if (options.focusSummary) this.summary.focus();
  }

  /**
   * Re-checks the answers while the person corrects them, without touching the summary (it moves
   * only on submit). While typing (`live`), messages only go away: a half-typed phone number is not
   * an error yet. When a field is left, its new errors show. Unchanged messages are left in place, so
   * nothing jumps under the pointer between pressing and releasing a button.
   */
  recheck(live: boolean, changed?: EventTarget | null): void {
    // The server judges more than the browser can (e.g. dates against the day of receipt): keep its
    // messages until the person changes the field they are about.
    const field = this.allControls().find((c) => c.inputs.some((input) => input === changed))?.name;
    if (field) this.serverErrors = this.serverErrors.filter((e) => !sameOrNested(e.field, field));
    const result = this.validate(this.checkedWith);
    const errors = this.inScope(result.ok ? [] : result.errors);
    this.showInline([...(live ? errors.filter((e) => this.shown.has(errorKey(e))) : errors), ...this.inScope(this.serverErrors)]);
  }

  /* ---------- steps ---------- */

  /** Called when an error link leads to a field of a section not shown: the page shows its step. */
  onReveal: ((sectionId: string) => void) | undefined;

  sectionElement(id: string): HTMLElement | undefined {
    return this.sections.get(id);
  }

  /** Shows only these sections, and from now on only their errors; `undefined` shows all. */
  limitTo(sectionIds: string[] | undefined): void {
    this.scope = sectionIds?.flatMap((id) => this.sections.get(id) ?? []);
    for (const [id, element] of this.sections) element.hidden = sectionIds !== undefined && !sectionIds.includes(id);
    this.clearErrors();
  }

  /** The section an error is shown in (by its field or section slot); undefined for errors about no field. */
  sectionOf(error: FormError): string | undefined {
    const slot = this.slotFor(error.field);
    return slot ? [...this.sections].find(([, element]) => element.contains(slot.error))?.[0] : undefined;
  }

  /** The errors shown where the person is: those of the sections in scope (all of them without a scope). */
  inScope(errors: FormError[]): FormError[] {
    const scope = this.scope;
    if (!scope) return errors;
    return errors.filter((error) => {
      const slot = this.slotFor(error.field);
      return slot !== undefined && scope.some((section) => section.contains(slot.error));
    });
  }

  /**
   * Writes answers into the form (a draft being resumed, answers carried over from elsewhere): what
   * the answers hold is filled in, the rest left as it is; a repeated section gets one item per entry.
   */
  fill(answers: Record<string, unknown>): void {
    for (const control of this.controls) {
      const value = answerAt(answers, control.name);
      if (value !== undefined) control.write(value);
    }
    for (const state of this.repeats) {
      const items = answerAt(answers, state.section.repeat.path);
      if (!Array.isArray(items)) continue;
      state.items = [];
      state.list.replaceChildren();
      const prefix = `${state.section.repeat.path}.*.`;
      for (const item of items.slice(0, state.section.repeat.maxItems)) {
        this.addItem(state, new Map(state.section.fields.map((def) => [def.name, answerAt(item, def.name.slice(prefix.length))])));
      }
      state.addButton.hidden = state.items.length >= state.section.repeat.maxItems;
    }
    this.refreshVisibility();
  }

  /** The questions of a section as shown, each with its answer as read (items of a repeated section numbered). */
  answerEntries(sectionId: string): { label: Text; def: FieldDef; value: unknown }[] {
    const repeat = this.repeats.find((r) => r.section.id === sectionId);
    if (repeat) {
      return repeat.items.flatMap((item, i) =>
        item.map((control) => ({ label: { ko: `${ui.item(repeat.section.title, i + 1).ko} — ${control.def.label.ko}`, en: `${ui.item(repeat.section.title, i + 1).en} — ${control.def.label.en}` }, def: control.def, value: control.read() })),
      );
    }
    const section = this.programme.sections.find((s) => s.id === sectionId);
    return this.controls
      .filter((control) => section?.fields.includes(control.def) && !control.container.hidden)
      .map((control) => ({ label: control.def.label, def: control.def, value: control.read() }));
  }

  /** Field errors from the server's 400 answer, shown like the browser's own. */
  showServerErrors(errors: FormError[], headline: Text): void {
    this.showErrors(errors, { focusSummary: true, headline });
    this.serverErrors = errors;
  }

  private readonly shown = new Set<string>();
  private serverErrors: FormError[] = [];
  /** The schema of the last check: the submission's, or the pre-check's. */
  private checkedWith: z.ZodMiniType | undefined;
  private todays: { day: string; schema: z.ZodMiniType } | undefined;

  /**
   * This programme's submission as the server will judge it today (dates not after today, the
   * guardian by age today), built once a day: the browser and the server refuse the same answers.
   */
  submissionSchema(): z.ZodMiniType {
    const now = new Date();
    const day = seoulIsoDate(now);
    if (this.todays?.day !== day) this.todays = { day, schema: submissionFor(this.programme, this.programme.schemaOn(now)) };
    return this.todays.schema;
  }

  /** Puts each error in its slot; returns them de-duplicated, with the slot each went to. */
  private showInline(errors: FormError[]) {
    const placed: { error: FormError; slot: ReturnType<ProgrammeForm['slotFor']> }[] = [];
    const bySlot = new Map<HTMLElement, { messages: FormError[]; control?: Control }>();
    this.shown.clear();
    for (const error of errors) {
      const key = errorKey(error);
      if (this.shown.has(key)) continue;
      this.shown.add(key);
      const slot = this.slotFor(error.field);
      placed.push({ error, slot });
      if (!slot) continue;
      const entry = bySlot.get(slot.error) ?? { messages: [], ...(slot.control ? { control: slot.control } : {}) };
      entry.messages.push(error);
      bySlot.set(slot.error, entry);
    }
    const slots = [...this.allControls().map((c) => ({ error: c.error, control: c as Control | undefined })), ...[...this.sectionErrors.values()].map((error) => ({ error, control: undefined }))];
    for (const { error: element, control } of slots) {
      const messages = bySlot.get(element)?.messages ?? [];
      const signature = messages.map(errorKey).join('\n');
      if (element.dataset.errors !== signature) {
        element.dataset.errors = signature;
        element.replaceChildren(...messages.map((m) => txt('span', m.message)));
        element.hidden = messages.length === 0;
      }
      for (const input of control?.inputs ?? []) {
        const describedBy = [control?.help?.id, messages.length ? element.id : undefined].filter(Boolean).join(' ');
        if (messages.length) input.setAttribute('aria-invalid', 'true');
        else input.removeAttribute('aria-invalid');
        if (describedBy) input.setAttribute('aria-describedby', describedBy);
        else input.removeAttribute('aria-describedby');
      }
    }
    return placed;
  }
}

/** 'children' and 'children.0.birthDate' are about the same answer; 'child' and 'children' are not. */
const sameOrNested = (a: string, b: string) => a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);

const errorKey = (error: FormError) => `${error.field}\u0000${error.message.en}`;

/** Field errors of `{ programme, answers }` (from zod or the server) as paths inside the answers. */
export function toFormErrors(errors: { field: string; message: Text }[]): FormError[] {
  return errors.map((e) => ({ field: e.field.replace(/^answers(\.|$)/, ''), message: e.message }));
}
