/** "제안 대기": the agency's open offers, soonest due first, a page at a time. */
import type { Text } from '../../../forms/i18n';
import { append, focusView, h, show, txt } from '../lib/dom';
import type { StaffSession } from '../lib/staff-session';
import { offerCardView } from './offer-card';
import { ui } from './text';
import type { OfferPage } from './types';

export function offersView(session: StaffSession): HTMLElement {
  const heading = txt('h2', ui.offers, { id: 'offers-heading' });
  // Confirmations are said here (and focused), so they outlive the card they were about.
  const confirmation = h('div', { id: 'offers-confirmation', 'aria-live': 'polite' });
  const list = h('div', { id: 'offers', class: 'portal-offers' });
  const more = h('button', { type: 'button', class: 'secondary', id: 'more-offers' }, ui.more);
  const moreBox = h('div', { class: 'actions' }, more);
  const refresh = h('button', { type: 'button', class: 'secondary', id: 'refresh-offers' }, ui.refresh);
  const section = h(
    'section',
    { 'aria-labelledby': heading.id },
    h('div', { class: 'toolbar' }, heading, refresh),
    txt('p', ui.offersHint, { class: 'hint' }),
    confirmation,
    list,
    moreBox,
  );
  let next: string | undefined;

  const emptyIfNone = () => {
    if (!list.querySelector('[data-offer]')) show(list, txt('p', ui.noOffers));
  };
  const events = {
    answered(card: HTMLElement, message: Text) {
      card.remove();
      emptyIfNone();
      const said = h('p', { class: 'success', tabindex: '-1' }, message);
      show(confirmation, said);
      focusView(said);
    },
    refresh: () => void load(),
  };

  async function page(cursor?: string): Promise<boolean> {
    const result = await session.api<OfferPage>('GET', `/api/provider/offers?state=open${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (!result) return false;
    if (!result.ok) {
      show(confirmation, h('p', { class: 'error', role: 'alert' }, result.problem.message));
      return false;
    }
    append(list, ...result.body.offers.map((offer) => offerCardView(offer, session, events)));
    next = result.body.next;
    moreBox.hidden = !next;
    return true;
  }

  async function load(): Promise<void> {
    show(list, txt('p', ui.loading));
    show(confirmation);
    moreBox.hidden = true;
    const loaded = h('div');
    list.replaceChildren(loaded);
    if (await page()) {
      loaded.remove();
      emptyIfNone();
    }
  }

  let busy = false;
  more.addEventListener('click', async () => {
    if (!next || busy) return;
    busy = true;
    more.setAttribute('aria-disabled', 'true');
    await page(next);
    busy = false;
    more.setAttribute('aria-disabled', 'false');
  });
  refresh.addEventListener('click', () => void load());
  void load();
  return section;
}
