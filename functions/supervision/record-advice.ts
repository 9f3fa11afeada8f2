import { httpHandler } from '../commons/http';
import { staffActor, staffMember } from '../commons/staff';
import { advanceSupervision, openSupervision } from './advance';
import { supervisionAdviceBody } from './bodies';
import { planAdvice } from './supervision';
import { supervisionView } from './view';

/**
 * POST /api/staff/supervision/{requestId}/advice — the supervisor who took the request on records
 * the advice, the agreed actions and a follow-up day, from the session's day on. It joins the case
 * file (GET /api/staff/applications/{applicationId} lists the case's supervision). Sent again, the
 * same advice is answered as recorded; other words are refused: the record stands as written.
 */
export const handler = httpHandler(async (event) => {
  const staff = staffMember(event);
  const request = await openSupervision(event, staff);
  const body = supervisionAdviceBody.parse(event.jsonBody);
  const by = staffActor(staff, event);
  const advised = await advanceSupervision(
    request,
    {
      from: 'accepted',
      plan: (current, today) => planAdvice(current, body, staff.userId, today),
      next: (current, at) => ({
        ...current,
        state: 'advised',
        advice: { advice: body.advice, agreedActions: body.agreedActions, ...(body.followUpOn ? { followUpOn: body.followUpOn } : {}), by, at },
      }),
      action: 'supervision.advised',
      detail: (next) => ({ agreedActions: next.advice!.agreedActions.length, followUpOn: next.advice!.followUpOn ?? null }),
    },
    by,
  );
  return { status: 200, body: supervisionView(advised) };
});
