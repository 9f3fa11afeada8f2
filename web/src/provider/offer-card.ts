/** One offer: who, what, which counsellor, why, by when — and the agency's answer to it. */
import type { Text } from '../../../forms/i18n';
import type { ApiResult } from '../lib/api';
import { h, show, txt, focusView, type Child } from '../lib/dom';
import { dateTimeText } from '../lib/i18n';
import type { StaffSession } from '../lib/staff-session';
import { declineForm } from './decline-form';
import { none, ui } from './text';
import type { OfferCard } from './types';

export interface OfferCardEvents {
  /** The answer was taken: the card leaves the list and the page says so. */
  answered(card: HTMLElement, message: Text): void;
  /** Closed meanwhile (answered by someone else, or lapsed): the list should be refreshed. */
  refresh(): void;
}

function contact(offer: OfferCard): Child[] {
  const phone = (number: string) => h('a', { href: `tel:${number}` }, number);
  const lines: Child[] = [];
  if (offer.person?.phone) lines.push(h('span', { class: 'line' }, offer.person.name, ' ', phone(offer.person.phone)));
  if (offer.guardian) lines.push(h('span', { class: 'line' }, offer.guardian.name, ' ', ui.guardianOf(offer.guardian.relation), ' ', phone(offer.guardian.phone)));
  return lines.length ? lines : [none];
}

function problemText(result: Extract<ApiResult<unknown>, { ok: false }>): HTMLElement {
  const fields = result.status === 400 ? result.problem.fields.flatMap((f) => [h('br'), h('span', {}, f.message)]) : [];
  return h('p', { class: 'error', role: 'alert' }, result.problem.message, ...fields);
}

export function offerCardView(offer: OfferCard, session: StaffSession, events: OfferCardEvents): HTMLElement {
  const name = offer.person?.name ?? '';
  const idBase = `offer-${offer.offerId.replace(/[^A-Za-z0-9_-]/g, '-')}`;
  const due = h('time', { datetime: offer.dueAt }, dateTimeText(offer.dueAt));
  const heading = h('h3', { id: `${idBase}-title` }, name || none, ' ', h('span', { class: 'tag' }, offer.programme.name));
  const status = h('div', { role: 'status', class: 'status' });
  const card = h(
    'article',
    { class: 'portal-offer card', 'data-offer': offer.offerId, 'aria-labelledby': heading.id },
    heading,
    h(
      'dl',
      { class: 'facts' },
      txt('dt', ui.contact),
      h('dd', {}, ...contact(offer)),
      txt('dt', ui.service),
      h('dd', {}, offer.serviceType.label, offer.cadence ? h('span', { class: 'hint' }, ' · ', offer.cadence) : null),
      txt('dt', ui.district),
      h('dd', {}, offer.district.name),
      txt('dt', ui.counsellor),
      h('dd', {}, offer.counsellor.name ?? offer.counsellor.counsellorId),
      txt('dt', ui.why),
      h('dd', {}, offer.reason),
      txt('dt', ui.dueAt),
      h('dd', {}, due, offer.acknowledgedAt ? h('span', { class: 'hint' }, ' · ', ui.acknowledged) : null),
    ),
  );

  const answer = async (body: unknown, done: Text, target: HTMLElement) => {
    const result = await session.api<{ offerId: string; decision: string }>('POST', `/api/provider/offers/${encodeURIComponent(offer.offerId)}/decision`, body);
    if (!result) return;
    if (result.ok) return events.answered(card, done);
    if (result.status === 409) {
      // Someone else answered first, or the offer lapsed: say so where the buttons were.
      const refresh = h('button', { type: 'button', class: 'secondary' }, ui.refresh);
      refresh.addEventListener('click', events.refresh);
      const closed = h('div', { class: 'closed' }, problemText(result), refresh);
      actions.replaceWith(closed);
      decline?.form.remove();
      return focusView(closed);
    }
    show(target, problemText(result));
  };

  const accept = h('button', { type: 'button', 'data-action': 'accept' }, ui.accept);
  const declineButton = h('button', { type: 'button', class: 'secondary', 'data-action': 'decline', 'aria-expanded': 'false' }, ui.decline);
  const acknowledge = h('button', { type: 'button', class: 'secondary', 'data-action': 'acknowledge', title: ui.acknowledgeHint.en }, ui.acknowledge);
  const actions = h('div', { class: 'actions' }, accept, declineButton, acknowledge);
  let decline: ReturnType<typeof declineForm> | undefined;

  let busy = false;
  accept.addEventListener('click', async () => {
    if (busy) return;
    busy = true;
    accept.setAttribute('aria-disabled', 'true');
    await answer({ decision: 'accept' }, ui.accepted(name), status);
    busy = false;
    accept.setAttribute('aria-disabled', 'false');
  });
  declineButton.addEventListener('click', () => {
    if (decline) return decline.form.querySelector('select')?.focus();
    decline = declineForm(idBase, (body) => answer(body, ui.declined(name), decline!.status), () => {
      decline?.form.remove();
      decline = undefined;
      declineButton.setAttribute('aria-expanded', 'false');
      declineButton.focus();
    });
    declineButton.setAttribute('aria-expanded', 'true');
    actions.after(decline.form);
    decline.form.querySelector('select')?.focus();
  });
  acknowledge.addEventListener('click', async () => {
    const result = await session.api<{ dueAt: string }>('POST', `/api/provider/offers/${encodeURIComponent(offer.offerId)}/acknowledge`);
    if (!result) return;
    if (!result.ok) return show(status, problemText(result));
    show(due, dateTimeText(result.body.dueAt));
    due.setAttribute('datetime', result.body.dueAt);
    show(status, h('p', { class: 'success' }, ui.acknowledged, ': ', ui.dueAt, ' ', dateTimeText(result.body.dueAt)));
  });

  // Answered here already, but the workflow has not taken the answer up yet: nothing more to press.
  if (offer.answer) card.append(h('p', { class: 'hint' }, offer.answer.decision === 'accept' ? ui.accept : ui.decline, ' · ', dateTimeText(offer.answer.at)));
  else card.append(actions, h('p', { class: 'hint' }, ui.acknowledgeHint), status);
  return card;
}
