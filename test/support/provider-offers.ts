import type { OfferCard } from '../../functions/provider-portal/portal-views';
import { caseWork, type Receipt } from './case-work';
import { eventually, type clientsFor } from './clients';

type Clients = ReturnType<typeof clientsFor>;

/** An agency's day against one local cloud: a case manager approves offering to it, its staff answer in the portal. */
export function providerWork(clients: Clients) {
  const { http, signIn } = clients;
  const work = caseWork(clients);

  /**
   * A caseworker of the district approves the application and proposes the best candidate of
   * `agencyId` (the console's choice before the offer goes out), so the offer goes to that agency.
   */
  async function approveOfferingTo(receipt: Receipt, agencyId: string, caseworker = 'caseworker.jongno'): Promise<string> {
    await work.untilStatus(receipt, 'awaiting-review');
    const token = await signIn(caseworker);
    const task = await work.untilOpenTask(token, receipt.applicationId);
    const ranking = await http('GET', `/api/staff/applications/${receipt.applicationId}/candidates`, undefined, work.bearer(token));
    const candidates = ranking.body?.candidates as { agencyId: string; counsellorId: string }[] | undefined;
    const chosen = candidates?.find((c) => c.agencyId === agencyId);
    if (!chosen) throw new Error(`no candidate of ${agencyId}: ${JSON.stringify(ranking.body)}`);
    const decided = await work.decide(token, task.taskId, { decision: 'approve', counsellorId: chosen.counsellorId });
    if (decided.status !== 202) throw new Error(`approve: ${decided.status} ${JSON.stringify(decided.body)}`);
    return chosen.counsellorId;
  }

  /** The application's open offer as the agency's portal lists it (another than `not`), once it is there. */
  function untilPortalOffer(token: string, applicationId: string, not?: string): Promise<OfferCard> {
    return eventually(async () => {
      const { status, body } = await http('GET', '/api/provider/offers?state=open&limit=100', undefined, work.bearer(token));
      if (status !== 200) throw new Error(`offers: ${status} ${JSON.stringify(body)}`);
      return (body.offers as OfferCard[]).find((o) => o.offerId.startsWith(`${applicationId}.`) && o.offerId !== not);
    }, `an open offer of ${applicationId} in the portal`);
  }

  return { ...work, approveOfferingTo, untilPortalOffer };
}
