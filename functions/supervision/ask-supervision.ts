import { now } from '../commons/clock';
import { httpHandler } from '../commons/http';
import { staffActor, staffMember } from '../commons/staff';
import { auditEvent } from '../applications/audit';
import { openForStaff } from '../status/staff-access';
import { supervisionAskBody } from './bodies';
import { tooManyRequests } from './refusals';
import { planAsk, supervisionRequestId, type SupervisionRequest } from './supervision';
import { SupervisionChanged, putNewSupervision, supervisionOf } from './supervision-store';
import { supervisionView } from './view';

/** Two caseworkers asking on one case at the same moment: the loser numbers its request again. */
const ATTEMPTS = 3;

/**
 * POST /api/staff/applications/{applicationId}/supervision — a caseworker of the case's district asks
 * for supervision: the question, what was tried, how urgent, visiting or in-office. 201 with the new
 * request; the same ask sent again by the same caseworker while it is open is answered 200 with the
 * request it made (a retry never makes a second one).
 */
export const handler = httpHandler(async (event) => {
  const application = await openForStaff(event, 'application.viewed-for-supervision');
  const ask = supervisionAskBody.parse(event.jsonBody);
  const staff = staffMember(event);
  const by = staffActor(staff, event);
  for (let attempt = 1; ; attempt++) {
    const plan = planAsk(await supervisionOf(application.id), ask, staff.userId);
    if (plan.kind === 'refused') throw tooManyRequests();
    if (plan.kind === 'repeat') return { status: 200, body: supervisionView(plan.request) };
    const at = now().toISOString();
    const request: SupervisionRequest = {
      requestId: supervisionRequestId(application.id, plan.sequence),
      applicationId: application.id,
      sequence: plan.sequence,
      receiptNumber: application.receiptNumber,
      district: application.district,
      programme: application.programme,
      state: 'open',
      ask,
      askedBy: by,
      askedAt: at,
    };
    const audit = auditEvent({
      applicationId: application.id,
      at,
      actor: by,
      action: 'supervision.requested',
      detail: { requestId: request.requestId, urgency: ask.urgency, preferredForm: ask.preferredForm },
    });
    try {
      await putNewSupervision(request, audit);
      return { status: 201, body: supervisionView(request) };
    } catch (error) {
      if (!(error instanceof SupervisionChanged) || attempt >= ATTEMPTS) throw error;
    }
  }
});
