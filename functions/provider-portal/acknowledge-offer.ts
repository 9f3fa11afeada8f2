import { SendTaskHeartbeatCommand } from '@aws-sdk/client-sfn';
import { sfn } from '../commons/clients';
import { now } from '../commons/clock';
import { httpHandler } from '../commons/http';
import { staffActor } from '../commons/staff';
import { auditEvent } from '../applications/audit';
import { appendAudit } from '../applications/store';
import { acknowledgeOffer } from '../matching/offer-store';
import { isSpentToken } from '../review/staff-task';
import { dueAfterClaim } from '../review/task';
import { offerClosed, openOfferForAgency } from './agency-offer';

/**
 * POST /api/provider/offers/{offerId}/acknowledge — "we have seen it and are looking": sends the
 * ProviderOffer state's heartbeat, so an offer the agency is weighing does not lapse as ignored. The
 * due date moves a heartbeat on, never past the state's timeout (the rule of a claimed task).
 */
export const handler = httpHandler(async (event) => {
  const { staff, offer } = await openOfferForAgency(event);
  // Taken before the heartbeat, so the due date shown is never later than the workflow's deadline.
  const acknowledgedAt = now();
  const dueAt = dueAfterClaim(offer, acknowledgedAt);
  try {
    await sfn().send(new SendTaskHeartbeatCommand({ taskToken: offer.taskToken }));
  } catch (error) {
    if (isSpentToken(error)) throw offerClosed();
    throw error;
  }
  const at = acknowledgedAt.toISOString();
  if (!(await acknowledgeOffer(offer, at, dueAt))) throw offerClosed();
  await appendAudit(
    auditEvent({ applicationId: offer.applicationId, at, actor: staffActor(staff, event), action: 'offer.acknowledged', detail: { offerId: offer.offerId, dueAt } }),
  );
  return { status: 200, body: { offerId: offer.offerId, acknowledgedAt: at, dueAt } };
});
