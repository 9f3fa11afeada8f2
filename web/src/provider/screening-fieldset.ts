/**
 * The PHQ-9 and GAD-7 answers of a test session: one radio group (a fieldset) per item, four answers
 * 0–3 each, big enough to tap on a phone. It gives back the item answers only; the totals, bands and
 * risk are computed by the server and shown after saving.
 */
import type { Text } from '../../../forms/i18n';
import { h, show, txt } from '../lib/dom';
import { questionnaires, type Questionnaire, type QuestionnaireText } from './screening-questions';
import { tx } from './session-text';
import type { ScreeningAnswers } from './types';

export type ScreeningRead =
  | { state: 'empty' }
  | { state: 'complete'; answers: ScreeningAnswers }
  /** Some answered, not all: the first unanswered item, to point at. */
  | { state: 'partial'; first: HTMLInputElement; message: Text };

export interface ScreeningFieldset {
  element: HTMLFieldSetElement;
  /** Where a message about the answers goes (the form fills it), inside the fieldset. */
  error: HTMLElement;
  read(): ScreeningRead;
}

function itemGroup(idBase: string, questionnaire: QuestionnaireText, index: number, chosen: number | undefined): HTMLFieldSetElement {
  const number = index + 1;
  const name = `${idBase}-${questionnaire.id}-${number}`;
  return h(
    'fieldset',
    { class: 'question', 'data-item': `${questionnaire.id}.${number}` },
    h('legend', {}, h('span', { class: 'item-number' }, tx.itemN(number)), ' ', questionnaire.items[index]!),
    h(
      'div',
      { class: 'scale' },
      ...questionnaire.scale.map((label, score) =>
        h(
          'label',
          { class: 'scale-option' },
          h('input', { type: 'radio', name, value: score, checked: chosen === score }),
          h('span', { class: 'score', 'aria-hidden': 'true' }, String(score)),
          h('span', { class: 'visually-hidden' }, `${score} `),
          h('span', { class: 'scale-label' }, label),
        ),
      ),
    ),
  );
}

export function screeningFieldset(idBase: string, previous?: ScreeningAnswers): ScreeningFieldset {
  const error = h('p', { class: 'error', id: `${idBase}-error` });
  const progress = h('p', { class: 'hint', id: `${idBase}-screening-progress` });
  const groups = questionnaires.map((q) => ({
    questionnaire: q,
    element: h(
      'fieldset',
      { class: 'questionnaire', 'data-questionnaire': q.id },
      h('legend', {}, q.name),
      txt('p', q.stem, { class: 'hint' }),
      ...q.items.map((_, i) => itemGroup(idBase, q, i, previous?.[q.id][i])),
    ),
  }));
  const clear = h('button', { type: 'button', class: 'link' }, tx.clearAnswers);
  const element = h(
    'fieldset',
    { class: 'screening', 'aria-describedby': `${idBase}-screening-help ${error.id}` },
    h('legend', {}, tx.screening),
    txt('p', tx.screeningHelp, { class: 'help', id: `${idBase}-screening-help` }),
    // Clearing sits by the count, away from 저장 at the end, where a slip would cost sixteen answers.
    h('div', { class: 'screening-bar' }, progress, clear),
    ...groups.map((g) => g.element),
    error,
  );

  const answerOf = (q: Questionnaire, number: number) => element.querySelector<HTMLInputElement>(`input[name="${idBase}-${q}-${number}"]:checked`);
  const all = () => questionnaires.flatMap((q) => q.items.map((_, i) => ({ q, number: i + 1, input: answerOf(q.id, i + 1) })));
  const total = questionnaires.reduce((sum, q) => sum + q.items.length, 0);
  const showProgress = () => show(progress, tx.answered(all().filter((a) => a.input).length, total));
  element.addEventListener('change', () => {
    showProgress();
    if (!all().some((a) => !a.input)) show(error);
  });
  clear.addEventListener('click', () => {
    element.querySelectorAll<HTMLInputElement>('input[type="radio"]').forEach((input) => (input.checked = false));
    showProgress();
    show(error);
  });
  showProgress();

  return {
    element,
    error,
    read() {
      const answers = all();
      if (answers.every((a) => !a.input)) return { state: 'empty' };
      const missing = answers.find((a) => !a.input);
      if (missing) {
        const first = element.querySelector<HTMLInputElement>(`input[name="${idBase}-${missing.q.id}-${missing.number}"]`)!;
        return { state: 'partial', first, message: tx.finishAnswers(missing.q.id === 'phq9' ? 'PHQ-9' : 'GAD-7', missing.number) };
      }
      const scores = (q: Questionnaire) => answers.filter((a) => a.q.id === q).map((a) => Number(a.input!.value));
      // Nine and seven by construction: one radio group per item of the wording in screening-questions.ts.
      return { state: 'complete', answers: { phq9: scores('phq9'), gad7: scores('gad7') } as ScreeningAnswers };
    },
  };
}
