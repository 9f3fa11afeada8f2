/**
 * The supervisor's two steps on a request: take it on as a visiting or in-office session on a day
 * (POST …/acceptance), then record the advice (POST …/advice). The server decides who may; the
 * forms only send and show its answer.
 */
import { sessionFormChoiceLabels, sessionFormHelp, sessionForms } from '../../../functions/supervision/labels';
import type { SupervisionView } from '../../../functions/supervision/view';
import { h, show } from '../lib/dom';
import { bi } from '../lib/i18n';
import { problemWithFields } from './page';
import { staffApi } from './session';
import { sv } from './supervision-texts';

const field = (id: string, label: { ko: string; en: string }, input: HTMLElement) => h('div', { class: 'field' }, h('label', { for: id }, label), input);

function sending(form: HTMLFormElement, path: string, body: () => unknown, done: () => void, status: HTMLElement): HTMLFormElement {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const result = await staffApi('POST', path, body());
    if (!result) return;
    if (!result.ok) return show(status, problemWithFields(result));
    done();
  });
  return form;
}

export function acceptanceForm(request: SupervisionView, done: () => void): HTMLFormElement {
  const id = (name: string) => `${name}-${request.requestId}`;
  const form = h('select', { id: id('accept-form') });
  for (const value of sessionForms) form.append(bi(h('option', { value }), sessionFormChoiceLabels[value]));
  form.setAttribute('aria-describedby', id('accept-form-help'));
  form.value = request.ask.preferredForm;
  const day = h('input', { type: 'date', id: id('accept-day') });
  const place = h('input', { type: 'text', id: id('accept-place'), maxlength: 200 });
  const status = h('div', { role: 'status', class: 'status' });
  const element = h(
    'form',
    { class: 'supervision-accept', novalidate: true },
    field(form.id, sv.form, form),
    bi(h('p', { class: 'help', id: id('accept-form-help') }), sessionFormHelp),
    field(day.id, sv.sessionOn, day),
    field(place.id, sv.place, place),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary' }, sv.acceptButton)),
    status,
  );
  const body = () => ({ form: form.value, sessionOn: day.value, ...(place.value.trim() ? { place: place.value.trim() } : {}) });
  return sending(element, `/api/staff/supervision/${encodeURIComponent(request.requestId)}/acceptance`, body, done, status);
}

export function adviceForm(request: SupervisionView, done: () => void): HTMLFormElement {
  const id = (name: string) => `${name}-${request.requestId}`;
  const advice = h('textarea', { id: id('advice-text'), rows: 4, maxlength: 4000 });
  const actions = h('textarea', { id: id('advice-actions'), rows: 3 });
  const followUp = h('input', { type: 'date', id: id('advice-follow-up') });
  const status = h('div', { role: 'status', class: 'status' });
  const element = h(
    'form',
    { class: 'supervision-advise', novalidate: true },
    field(advice.id, sv.advice, advice),
    field(actions.id, sv.agreedActions, actions),
    field(followUp.id, sv.followUpOn, followUp),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary' }, sv.adviceButton)),
    status,
  );
  const body = () => ({
    advice: advice.value,
    agreedActions: actions.value.split('\n').map((line) => line.trim()).filter(Boolean),
    ...(followUp.value ? { followUpOn: followUp.value } : {}),
  });
  return sending(element, `/api/staff/supervision/${encodeURIComponent(request.requestId)}/advice`, body, done, status);
}
