/** "A citizen is on the phone with their receipt number": find the case, open task or not. */
import { h, show, txt } from '../../lib/dom';
import { dateTimeText } from '../../lib/i18n';
import { problemView } from '../page';
import { staffApi } from '../session';
import { districtText, programmeName, ui } from '../texts';
import type { CaseSummaryView } from '../types';

export function caseLookup(): HTMLElement {
  const input = h('input', { id: 'lookup-receipt', name: 'receipt', type: 'text', placeholder: 'DB-2026-XXXXXXXX', autocomplete: 'off', maxlength: 20, required: true });
  const result = h('div', { id: 'lookup-result', 'aria-live': 'polite' });
  const form = h(
    'form',
    { id: 'case-lookup', class: 'case-lookup', role: 'search' },
    h('label', { for: 'lookup-receipt' }, ui.lookup),
    h('div', { class: 'inline' }, input, h('button', { type: 'submit', class: 'secondary' }, ui.lookupButton)),
    txt('p', ui.lookupHint, { class: 'hint' }),
    result,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    show(result, txt('p', ui.loading));
    const answer = await staffApi<{ cases: CaseSummaryView[] }>('GET', `/api/staff/cases?receipt=${encodeURIComponent(input.value.trim())}`);
    if (!answer) return;
    if (!answer.ok) return show(result, problemView(answer));
    show(result, ...answer.body.cases.map(caseCard));
  });
  return form;
}

function caseCard(found: CaseSummaryView): HTMLElement {
  return h(
    'div',
    { class: 'found-case', 'data-application': found.applicationId },
    h('p', {}, h('a', { href: `#/applications/${found.applicationId}` }, ui.openCase(found.receiptNumber)), found.applicantName ? ` · ${found.applicantName}` : ''),
    h(
      'p',
      { class: 'meta' },
      programmeName(found.programme),
      ' · ',
      districtText(found.district),
      ' · ',
      found.statusLabel,
      ' · ',
      dateTimeText(found.submittedAt),
      ' · ',
      found.openTasks.length ? h('span', {}, ...found.openTasks.map((t, i) => h('span', {}, i ? ', ' : '', t.kindLabel))) : h('span', { class: 'no-open-task' }, ui.noOpenTask),
    ),
  );
}
