import { randomUUID } from 'node:crypto';
import { now } from '../commons/clock';
import { httpHandler } from '../commons/http';
import { HttpProblem } from '../commons/problems';
import { staffActor } from '../commons/staff';
import { offerAnswerBody, type OfferAnswer, type ProviderOffer } from '../matching/offer';
import { getOffer, recordOfferAnswer } from '../matching/offer-store';
import { sendAnswer } from '../applications/renewed-token';
import { offerClosed, offerForAgency } from './agency-offer';

const answeredDifferently = () =>
  new HttpProblem(409, 'offer-answered-differently', {
    ko: '이 제안에는 이미 다른 응답을 저장했습니다. 제안 목록을 새로 고쳐 확인해 주세요.',
    en: 'You already saved a different answer to this offer. Refresh the list of offers to see it.',
  });

/**
 * POST /api/provider/offers/{offerId}/decision — the agency accepts or declines (with a reason). The
 * answer is first written on the offer — who (the signed-in staff member), what, why, when — in a
 * conditional write, so of two staff answering at once one wins; then the task token is answered
 * with the decision and the answer's id only, by which the workflow's RecordOfferAnswer step knows
 * the answer came from here and reads who and why from the offer. The same person sending the same
 * answer again (a retry, also after this route died between the write and the token) gets the same
 * 202; the audit event is the workflow step's, as for case-manager decisions.
 */
export const handler = httpHandler(async (event) => {
  const { staff, offer } = await offerForAgency(event);
  const body = offerAnswerBody.parse(event.jsonBody);
  const mine: OfferAnswer = {
    id: randomUUID(),
    decision: body.decision,
    ...(body.reason ? { reason: body.reason } : {}),
    ...(body.note ? { note: body.note } : {}),
    via: 'portal',
    by: staffActor(staff, event),
    at: now().toISOString(),
  };
  const answer = await standingAnswer(offer, mine);
  if ((await sendAnswer(offer.taskToken, answer)) === 'spent') {
    // Spent by an earlier attempt of this answer (recorded, or about to be), or closed another way.
    const current = await getOffer(offer.applicationId, offer.offerId);
    if (current?.state === 'expired' || current?.answer?.id !== answer.id) throw offerClosed();
    // Or renewed: the workflow tried the step again and now waits on the offer with another token.
    if (current?.state === 'open' && current.taskToken !== offer.taskToken) await sendAnswer(current.taskToken, answer);
  }
  return { status: 202, body: { offerId: offer.offerId, decision: answer.decision } };
});

/** The offer's answer if it is `mine`, or the same person's identical earlier one; 409 otherwise. */
async function standingAnswer(offer: ProviderOffer, mine: OfferAnswer): Promise<OfferAnswer> {
  let answer = offer.answer;
  if (!answer && offer.state === 'open') {
    answer = (await recordOfferAnswer(offer, mine)) ? mine : (await getOffer(offer.applicationId, offer.offerId))?.answer;
  }
  if (!answer || answer.via !== 'portal' || answer.by?.userId !== mine.by?.userId) throw offerClosed();
  const same = answer.decision === mine.decision && (answer.reason ?? '') === (mine.reason ?? '') && (answer.note ?? '') === (mine.note ?? '');
  if (!same) throw answeredDifferently();
  return answer;
}
