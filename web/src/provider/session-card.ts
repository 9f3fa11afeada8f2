/**
 * One planned session: its number, kind, day and state; what was recorded (a test session's scores
 * and answers too) and the earlier records a correction kept; and the button that opens its form.
 */
import type { Text } from '../../../forms/i18n';
import type { ApiResult } from '../lib/api';
import { focusView, h, show } from '../lib/dom';
import { dateTimeText } from '../lib/i18n';
import type { StaffSession } from '../lib/staff-session';
import { formFieldOf } from './record-body';
import { questionnaires } from './screening-questions';
import { dayText, expectedDay, kindLabels, recordText, screeningText, sessionState, stateLabels, stillToHappen } from './session-facts';
import { sessionForm } from './session-form';
import { sx, tx } from './session-text';
import type { RecordAnswer, RecordBody, RecordEntry, RecordedSession } from './types';

export interface SessionCardContext {
  applicationId: string;
  today: string;
  /** Only while the service runs; otherwise the records are read-only. */
  recordable: boolean;
  api: StaffSession['api'];
  /** The record was saved: the view redraws the session and says so. */
  saved(answer: RecordAnswer): void;
  /** The server's copy changed under us: the view reloads. */
  reload(): void;
}

/** A test session's item answers, folded away: the scores line above says what they add up to. */
function answersList(entry: RecordEntry): HTMLElement | null {
  const answers = entry.screening?.answers;
  if (!answers) return null;
  const answer = (scale: readonly Text[], score: number | undefined) =>
    score === undefined ? '–' : h('span', {}, h('strong', {}, String(score)), ' ', scale[score] ?? '');
  return h(
    'details',
    { class: 'answers' },
    h('summary', {}, tx.answers),
    ...questionnaires.map((q) =>
      h('div', {}, h('strong', {}, q.name), h('ol', {}, ...q.items.map((item, i) => h('li', {}, item, ' — ', answer(q.scale, answers[q.id][i]))))),
    ),
  );
}

function entryLine(entry: RecordEntry, current: boolean): HTMLElement {
  return h(
    current ? 'div' : 'li',
    { class: current ? 'record' : 'earlier' },
    h('span', { class: 'line' }, recordText(entry)),
    entry.screening ? h('span', { class: 'line score-line' }, screeningText(entry.screening)) : null,
    entry.note ? h('span', { class: 'line note' }, entry.note) : null,
    h('span', { class: 'line hint' }, sx.recordedAt, ' ', dateTimeText(entry.recordedAt), ' · ', entry.recordedBy.userId),
    current ? answersList(entry) : null,
  );
}

function problemText(result: Extract<ApiResult<unknown>, { ok: false }>, unplaced: { message: Text }[] = []): HTMLElement {
  return h('p', { class: 'error', role: 'alert' }, result.problem.message, ...unplaced.flatMap((f) => [h('br'), h('span', {}, f.message)]));
}

export function sessionCard(session: RecordedSession, context: SessionCardContext, said?: Text): HTMLElement {
  const idBase = `session-${session.sessionId}`;
  const state = sessionState(session, context.today);
  const heading = h('h3', { id: `${idBase}-title` }, sx.sessionN(session.number), ' · ', kindLabels[session.kind]);
  const result = h('div', { class: 'session-result', 'aria-live': 'polite' }, said ? h('p', { class: 'success', tabindex: '-1' }, said) : null);
  // One solid button on the page's sessions that are due (today or past, nothing final recorded):
  // the ones still weeks ahead and the corrections stay quiet, so a hurried tap lands on the right one.
  const due = stillToHappen(session) && expectedDay(session) <= context.today;
  const toggle = h(
    'button',
    { type: 'button', class: due ? '' : 'secondary', 'data-action': 'open-record', 'aria-expanded': 'false', 'aria-describedby': heading.id },
    !session.record ? sx.record : stillToHappen(session) ? sx.recordOnNewDay : sx.correct,
  );
  const card = h(
    'li',
    { class: `session card state-${state}`, 'data-session': session.sessionId, 'aria-labelledby': heading.id },
    h('div', { class: 'session-head' }, heading, h('span', { class: `badge state-${state}` }, stateLabels[state])),
    h('p', { class: 'hint planned' }, dayText(expectedDay(session)), ' · ', sx.minutes(session.plannedMinutes)),
    session.record ? entryLine(session.record, true) : null,
    session.history.length
      ? h('details', { class: 'history' }, h('summary', {}, h('span', {}, sx.history, ` (${session.history.length})`)), h('ul', {}, ...[...session.history].reverse().map((e) => entryLine(e, false))))
      : null,
    context.recordable ? h('div', { class: 'actions' }, toggle) : null,
    result,
  );

  let form: ReturnType<typeof sessionForm> | undefined;
  const closeForm = () => {
    form?.form.remove();
    form = undefined;
    toggle.setAttribute('aria-expanded', 'false');
    toggle.focus();
  };
  const send = async (body: RecordBody) => {
    const path = `/api/provider/applications/${encodeURIComponent(context.applicationId)}/sessions/${encodeURIComponent(session.sessionId)}`;
    // A correction names the record this page showed: if someone changed it since, the server says so.
    const answer = await context.api<RecordAnswer>('PUT', path, session.record ? { ...body, corrects: session.record.recordedAt } : body);
    if (!answer || !form) return;
    if (answer.ok) return context.saved(answer.body);
    if (answer.status === 409 && answer.problem.code === 'session-changed') {
      const reload = h('button', { type: 'button', class: 'secondary' }, sx.refresh);
      reload.addEventListener('click', context.reload);
      show(form.status, problemText(answer), reload);
      return focusView(form.status);
    }
    const placed = answer.problem.fields.flatMap((f) => (formFieldOf(f.field) ? [{ field: formFieldOf(f.field)!, message: f.message }] : []));
    show(form.status, problemText(answer, answer.problem.fields.filter((f) => !formFieldOf(f.field))));
    if (placed.length) form.showProblems(placed);
    else focusView(form.status);
  };
  toggle.addEventListener('click', () => {
    if (form) return form.focus();
    form = sessionForm(session, context.today, idBase, send, closeForm);
    toggle.setAttribute('aria-expanded', 'true');
    toggle.closest('.actions')!.after(form.form);
    show(result);
    form.focus();
  });
  return card;
}
