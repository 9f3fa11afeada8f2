import type { HttpEvent } from '../commons/http';
import { HttpProblem, problem } from '../commons/problems';
import { requireAgency, staffMember, type StaffMember } from '../commons/staff';
import { applicationIdOfOffer, type ProviderOffer } from '../matching/offer';
import { getOffer } from '../matching/offer-store';

export const offerClosed = () =>
  new HttpProblem(409, 'offer-closed', {
    ko: '이 제안은 이미 응답되었거나 기한이 지나 닫혔습니다. 제안 목록을 새로 고쳐 주세요.',
    en: 'This offer was already answered or has lapsed. Refresh the list of offers.',
  });

/** The agency of a signed-in agency staff member: 403 for anyone without one. */
export function agencyOf(staff: StaffMember): string {
  if (!staff.agency) throw problem.forbidden();
  requireAgency(staff, staff.agency);
  return staff.agency;
}

/**
 * The offer named in the path, open or not, for staff of its agency. As with applications and tasks
 * (functions/status/staff-access.ts), an offer that does not exist is 404 and another agency's is
 * 403: offer ids are unguessable, so the 403 tells nothing about the person it is for.
 */
export async function offerForAgency(event: HttpEvent): Promise<{ staff: StaffMember; offer: ProviderOffer }> {
  const staff = staffMember(event);
  const offerId = event.pathParameters?.offerId ?? '';
  const applicationId = applicationIdOfOffer(offerId);
  const offer = applicationId ? await getOffer(applicationId, offerId) : undefined;
  if (!offer) throw problem.notFound({ ko: '제안', en: 'Offer' });
  requireAgency(staff, offer.agencyId);
  return { staff, offer };
}

/** The open offer named in the path, for staff of its agency: 404, 403 or 409 otherwise. */
export async function openOfferForAgency(event: HttpEvent): Promise<{ staff: StaffMember; offer: ProviderOffer }> {
  const found = await offerForAgency(event);
  if (found.offer.state !== 'open') throw offerClosed();
  return found;
}
