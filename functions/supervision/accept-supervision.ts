import { httpHandler } from '../commons/http';
import { staffActor, staffMember } from '../commons/staff';
import { advanceSupervision, openSupervision } from './advance';
import { supervisionAcceptanceBody } from './bodies';
import { planAcceptance } from './supervision';
import { supervisionView } from './view';

/**
 * POST /api/staff/supervision/{requestId}/acceptance — a supervisor takes an open request on as a
 * visiting (방문) or in-office (내방) session on a day. Of two supervisors at once, one wins; the other
 * gets 409. The winner sending the same again gets 200 and the same arrangement.
 */
export const handler = httpHandler(async (event) => {
  const staff = staffMember(event);
  const request = await openSupervision(event, staff);
  const body = supervisionAcceptanceBody.parse(event.jsonBody);
  const by = staffActor(staff, event);
  const accepted = await advanceSupervision(
    request,
    {
      from: 'open',
      plan: (current, today) => planAcceptance(current, body, staff.userId, today),
      next: (current, at) => ({ ...current, state: 'accepted', acceptance: { form: body.form, sessionOn: body.sessionOn, ...(body.place ? { place: body.place } : {}), by, at } }),
      action: 'supervision.accepted',
      detail: (next) => ({ form: next.acceptance!.form, sessionOn: next.acceptance!.sessionOn }),
    },
    by,
  );
  return { status: 200, body: supervisionView(accepted) };
});
