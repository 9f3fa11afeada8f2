/** One supervision request as staff read it: what was asked, the session arranged, the advice given. */
import { sessionFormLabels, supervisionStateLabels, urgencyLabels } from '../../../functions/supervision/labels';
import type { SupervisionView } from '../../../functions/supervision/view';
import { h, txt } from '../lib/dom';
import { dateText, dateTimeText } from '../lib/i18n';
import { sv } from './supervision-texts';

export function supervisionRecord(request: SupervisionView, ...actions: (HTMLElement | null)[]): HTMLElement {
  const { ask, acceptance, advice } = request;
  return h(
    'article',
    { class: 'card supervision', 'data-supervision': request.requestId, 'data-state': request.state },
    h('h3', {}, supervisionStateLabels[request.state], ' · ', urgencyLabels[ask.urgency]),
    h(
      'dl',
      { class: 'facts' },
      txt('dt', sv.askedBy),
      h('dd', {}, request.askedBy, ' · ', dateTimeText(request.askedAt)),
      txt('dt', sv.question),
      h('dd', { class: 'prose' }, ask.question),
      txt('dt', sv.tried),
      h('dd', { class: 'prose' }, ask.tried),
      txt('dt', sv.preferredForm),
      h('dd', {}, sessionFormLabels[ask.preferredForm]),
      acceptance ? txt('dt', sv.session) : null,
      acceptance
        ? h('dd', { class: 'supervision-session' }, dateText(acceptance.sessionOn), ' · ', sessionFormLabels[acceptance.form], acceptance.place ? ` · ${acceptance.place}` : '', ' · ', acceptance.by)
        : null,
      advice ? txt('dt', sv.advice) : null,
      advice ? h('dd', { class: 'prose supervision-advice' }, advice.advice) : null,
      advice ? txt('dt', sv.agreedActions) : null,
      advice ? h('dd', {}, h('ul', {}, ...advice.agreedActions.map((action) => h('li', {}, action)))) : null,
      advice?.followUpOn ? txt('dt', sv.followUpOn) : null,
      advice?.followUpOn ? h('dd', {}, dateText(advice.followUpOn)) : null,
    ),
    ...actions,
  );
}
