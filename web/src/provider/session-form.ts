/**
 * The form that records one session: what happened (held, no-show, cancelled, rescheduled), the day,
 * and what that outcome asks for; a test session held also takes the PHQ-9 and GAD-7 answers. Filled
 * for the usual case — held today, the planned minutes — so recording it is one tap on 저장; a
 * correction starts from what was recorded.
 */
import type { Text } from '../../../forms/i18n';
import { h, show, txt } from '../lib/dom';
import { bi } from '../lib/i18n';
import { recordBodyOf, type RecordField, type RecordProblem } from './record-body';
import { screeningFieldset } from './screening-fieldset';
import { isTestSession, outcomeLabels, stillToHappen } from './session-facts';
import { sx } from './session-text';
import type { RecordBody, RecordedSession } from './types';

export interface SessionForm {
  form: HTMLFormElement;
  /** Where the form says what the server answered. */
  status: HTMLElement;
  focus(): void;
  showProblems(problems: RecordProblem[]): void;
}

const dayLabels: Record<string, Text> = { held: sx.heldOn, 'no-show': sx.missedOn, cancelled: sx.cancelledOn, rescheduled: sx.movedFrom };

function radios(name: string, options: [string, Text][], chosen: string | undefined): HTMLElement[] {
  return options.map(([value, label]) => {
    const id = `${name}-${value}`;
    return h('div', { class: 'choice' }, h('input', { type: 'radio', id, name, value, checked: chosen === value }), h('label', { for: id }, label));
  });
}

export function sessionForm(session: RecordedSession, today: string, idBase: string, send: (body: RecordBody) => Promise<void>, close: () => void): SessionForm {
  // A correction starts from the record; a first record, or the day a moved session took place, from the usual case.
  const previous = stillToHappen(session) ? undefined : session.record;
  const id = (field: string) => `${idBase}-${field}`;
  const screening = isTestSession(session.kind) ? screeningFieldset(id('screening'), previous?.screening?.answers) : undefined;
  const error = (field: RecordField) => h('p', { class: 'error', id: id(`${field}-error`) });
  const errors: Record<RecordField, HTMLElement> = {
    outcome: error('outcome'),
    on: error('on'),
    durationMinutes: error('durationMinutes'),
    cancelledBy: error('cancelledBy'),
    rescheduledTo: error('rescheduledTo'),
    note: error('note'),
    screening: screening?.error ?? error('screening'),
  };

  const outcome = h(
    'fieldset',
    { class: 'choices outcomes', 'aria-describedby': errors.outcome.id },
    txt('legend', sx.outcome),
    ...radios(id('outcome'), Object.entries(outcomeLabels), previous?.outcome ?? 'held'),
    errors.outcome,
  );
  const dayLabel = h('label', { for: id('on') });
  const on = h('input', { type: 'date', id: id('on'), name: 'on', value: previous?.on ?? today, 'aria-describedby': errors.on.id, required: true });
  const minutes = h('input', {
    type: 'text', inputmode: 'numeric', id: id('minutes'), name: 'durationMinutes', autocomplete: 'off',
    value: String(previous?.durationMinutes ?? session.plannedMinutes), 'aria-describedby': `${id('minutes-help')} ${errors.durationMinutes.id}`,
  });
  const minutesField = h('div', { class: 'field' }, h('label', { for: id('minutes') }, sx.duration), txt('p', sx.durationHelp, { class: 'help', id: id('minutes-help') }), minutes, errors.durationMinutes);
  const whoField = h(
    'fieldset',
    { class: 'choices field', 'aria-describedby': errors.cancelledBy.id },
    txt('legend', sx.cancelledBy),
    ...radios(id('by'), [['applicant', sx.byApplicant], ['provider', sx.byProvider]], previous?.cancelledBy),
    errors.cancelledBy,
  );
  const movedTo = h('input', { type: 'date', id: id('to'), name: 'rescheduledTo', value: previous?.rescheduledTo ?? '', 'aria-describedby': errors.rescheduledTo.id });
  const movedField = h('div', { class: 'field' }, h('label', { for: id('to') }, sx.movedTo), movedTo, errors.rescheduledTo);
  const note = h('textarea', { id: id('note'), name: 'note', rows: 2, maxlength: 2000, 'aria-describedby': errors.note.id }, previous?.note ?? '');
  const save = h('button', { type: 'submit', 'data-action': 'save-session' }, previous ? sx.saveCorrection : sx.save);
  const closeButton = h('button', { type: 'button', class: 'secondary' }, sx.cancel);
  const status = h('div', { class: 'status', role: 'status' });
  const form = h(
    'form',
    { class: 'session-form', novalidate: true, 'data-form': session.sessionId },
    outcome,
    h('div', { class: 'field' }, dayLabel, on, errors.on),
    minutesField,
    whoField,
    movedField,
    screening?.element,
    h('div', { class: 'field' }, h('label', { for: id('note') }, sx.note), note, errors.note),
    h('div', { class: 'actions' }, save, closeButton),
    status,
  );

  const chosen = () => form.querySelector<HTMLInputElement>(`input[name="${id('outcome')}"]:checked`)?.value ?? '';
  const fitOutcome = () => {
    const value = chosen();
    bi(dayLabel, dayLabels[value] ?? sx.heldOn);
    minutesField.hidden = value !== 'held';
    whoField.hidden = value !== 'cancelled';
    movedField.hidden = value !== 'rescheduled';
    if (screening) screening.element.hidden = value !== 'held';
  };
  outcome.addEventListener('change', fitOutcome);
  fitOutcome();
  closeButton.addEventListener('click', close);

  const controls: Record<RecordField, () => HTMLElement | null> = {
    outcome: () => form.querySelector(`input[name="${id('outcome')}"]`),
    on: () => on,
    durationMinutes: () => minutes,
    cancelledBy: () => form.querySelector(`input[name="${id('by')}"]`),
    rescheduledTo: () => movedTo,
    note: () => note,
    screening: () => screening?.element.querySelector('input') ?? null,
  };
  function showProblems(problems: RecordProblem[]): void {
    for (const [field, error] of Object.entries(errors) as [RecordField, HTMLElement][]) {
      const problem = problems.find((p) => p.field === field);
      show(error, problem?.message ?? null);
      controls[field]()?.toggleAttribute('aria-invalid', Boolean(problem));
    }
    if (problems[0]) controls[problems[0].field]()?.focus();
  }

  let busy = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    const test = screening && chosen() === 'held' ? screening.read() : undefined;
    const checked = recordBodyOf({
      outcome: chosen(), on: on.value, minutes: minutes.value, note: note.value, rescheduledTo: movedTo.value, testSession: Boolean(screening),
      cancelledBy: form.querySelector<HTMLInputElement>(`input[name="${id('by')}"]:checked`)?.value ?? '',
      ...(test?.state === 'complete' ? { screening: test.answers } : {}),
    });
    const found = 'problems' in checked ? checked.problems : [];
    // Answers begun but not finished: say which item is missing, rather than "answers or a reason".
    const problems: RecordProblem[] =
      test?.state === 'partial' ? [...found.filter((p) => p.field !== 'screening'), { field: 'screening', message: test.message }] : found;
    showProblems(problems);
    if (test?.state === 'partial' && problems.length === 1) test.first.focus();
    if (problems.length || !('body' in checked)) return;
    busy = true;
    save.setAttribute('aria-disabled', 'true');
    show(status, sx.saving);
    await send(checked.body);
    busy = false;
    save.setAttribute('aria-disabled', 'false');
  });

  return { form, status, focus: () => form.querySelector<HTMLInputElement>('input:checked, input')?.focus(), showProblems };
}
