import type { OfferCard } from '../../functions/provider-portal/portal-views';
import type { clientsFor } from '../../test/support/clients';

type Clients = ReturnType<typeof clientsFor>;

/**
 * An agency's staff at the portal's list of open offers: they load it (page by page, 100 an answer)
 * and accept what is on it; an offer that came in after they loaded it is on the next load. Journeys
 * waiting for their offer share one load at a time, so the list is read about as often as staff would
 * read it — each read shows every open offer and the portal audits each one it shows
 * (`offer.viewed`), so a load per journey would multiply what the bench measures.
 */
export class PortalInbox {
  private offers = new Map<string, OfferCard>();
  private loading?: Promise<void>;
  /** Loads done, for the report. */
  loads = 0;

  constructor(
    private readonly clients: Clients,
    private readonly username: string,
  ) {}

  /** The application's open offer: from the list as last loaded, or a fresh load (shared with whoever else is waiting). */
  async offerOf(applicationId: string): Promise<OfferCard> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const offer = this.offers.get(applicationId);
      if (offer) {
        this.offers.delete(applicationId);
        return offer;
      }
      this.loading ??= this.load().finally(() => (this.loading = undefined));
      await this.loading;
    }
    throw new Error(`no open offer of ${applicationId} in ${this.username}'s portal after five loads`);
  }

  private async load(): Promise<void> {
    this.loads++;
    const token = await this.clients.signIn(this.username);
    const offers = new Map<string, OfferCard>();
    let cursor: string | undefined;
    do {
      const page = `/api/provider/offers?state=open&limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const { status, body } = await this.clients.http('GET', page, undefined, { authorization: `Bearer ${token}` });
      if (status !== 200) throw new Error(`offers: ${status} ${JSON.stringify(body)}`);
      for (const offer of body.offers as OfferCard[]) offers.set(offer.offerId.slice(0, offer.offerId.indexOf('.')), offer);
      cursor = body.next;
    } while (cursor);
    this.offers = offers;
  }
}
