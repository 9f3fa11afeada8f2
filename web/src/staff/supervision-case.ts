/**
 * On the case page: the supervision asked on the case, in its state (so the caseworker sees when it
 * is arranged and reads the advice), and for a caseworker the form to ask (POST …/supervision).
 */
import { sessionFormChoiceLabels, sessionFormHelp, sessionForms, supervisionUrgencies, urgencyLabels } from '../../../functions/supervision/labels';
import type { SupervisionView } from '../../../functions/supervision/view';
import { h, show, txt } from '../lib/dom';
import { bi } from '../lib/i18n';
import { problemWithFields } from './page';
import { session, staffApi } from './session';
import { supervisionRecord } from './supervision-record';
import { sv } from './supervision-texts';

function inGroup(group: string): boolean {
  return (session.claims()?.['cognito:groups'] as unknown[] | undefined)?.includes(group) ?? false;
}

export function supervisionSection(applicationId: string, requests: readonly SupervisionView[], reload: () => void): HTMLElement {
  return h(
    'section',
    { id: 'supervision' },
    txt('h2', sv.heading),
    ...(requests.length ? requests.map((r) => supervisionRecord(r)) : [txt('p', sv.none)]),
    inGroup('caseworker') ? askForm(applicationId, reload) : null,
    inGroup('supervisor') ? h('p', {}, h('a', { href: '#/supervision' }, sv.pageLink)) : null,
  );
}

function choice<T extends string>(id: string, values: readonly T[], labels: Record<T, { ko: string; en: string }>): HTMLSelectElement {
  const select = h('select', { id });
  for (const value of values) select.append(bi(h('option', { value }), labels[value]));
  return select;
}

function askForm(applicationId: string, reload: () => void): HTMLElement {
  const question = h('textarea', { id: 'supervision-question', rows: 3, maxlength: 2000 });
  const tried = h('textarea', { id: 'supervision-tried', rows: 3, maxlength: 2000 });
  const urgency = choice('supervision-urgency', supervisionUrgencies, urgencyLabels);
  urgency.value = 'routine';
  const form = choice('supervision-preferred-form', sessionForms, sessionFormChoiceLabels);
  form.setAttribute('aria-describedby', 'supervision-preferred-form-help');
  const status = h('div', { role: 'status', class: 'status' });
  const field = (id: string, label: { ko: string; en: string }, input: HTMLElement, help?: HTMLElement) =>
    h('div', { class: 'field' }, h('label', { for: id }, label), input, help);
  const element = h(
    'form',
    { class: 'supervision-ask', novalidate: true },
    h(
      'fieldset',
      {},
      txt('legend', sv.askLegend),
      field(question.id, sv.question, question),
      field(tried.id, sv.tried, tried),
      field(urgency.id, sv.urgency, urgency),
      field(form.id, sv.preferredForm, form, txt('p', sessionFormHelp, { class: 'help', id: 'supervision-preferred-form-help' })),
    ),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'secondary', id: 'ask-supervision' }, sv.askButton)),
    status,
  );
  element.addEventListener('submit', async (event) => {
    event.preventDefault();
    const body = { question: question.value, tried: tried.value, urgency: urgency.value, preferredForm: form.value };
    const result = await staffApi('POST', `/api/staff/applications/${encodeURIComponent(applicationId)}/supervision`, body);
    if (!result) return;
    if (!result.ok) return show(status, problemWithFields(result));
    reload();
  });
  return element;
}
