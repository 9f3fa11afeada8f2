import { now } from '../commons/clock';
import { httpHandler } from '../commons/http';
import { problem, type HttpProblem } from '../commons/problems';
import { requireDistrict, staffActor, staffMember } from '../commons/staff';
import { auditEvent } from '../applications/audit';
import { isApplicationId } from '../applications/identifiers';
import { getApplication } from '../applications/store';
import { getNotification, requeueFailed } from './outbox-store';
import { retryCopy, retryRefusal, type RetryRefusal } from './retry';

const notificationKey = /^[A-Za-z0-9-]{1,120}$/;
const notFound = () => problem.notFound({ ko: '알림', en: 'Notification' });

/** Each refusal in the staff member's words: why not, and what to do instead. */
const refusals: Record<RetryRefusal, () => HttpProblem> = {
  'not-failed': () =>
    problem.conflict('notification-not-failed', {
      ko: '실패한 알림만 다시 보낼 수 있습니다. 이미 다시 보냈거나 전송되었습니다.',
      en: 'Only a failed notification can be sent again; this one was already retried or sent.',
    }),
  'no-contact': () =>
    problem.conflict('notification-no-contact', {
      ko: '신청서에 받을 사람의 휴대전화 번호나 이메일이 없어 다시 보내도 실패합니다. 신청서에 적힌 다른 연락처로 전화하거나, 그분이 연락해 올 때 알려 주세요.',
      en: 'The application has no mobile number or e-mail for this person, so sending it again would fail too. Phone another number on the application, or tell them when they next get in touch.',
    }),
};

/**
 * POST /api/staff/notifications/{applicationId}/{key}/retry — a supervisor of the case's district, or
 * an operator, sends a failed notification again (the SMS provider was down, the address is fixed
 * now): a copy is queued for the sender and the failed one leaves the list, audited on the case as
 * theirs. Only a failed notification can be retried; a second click gets 409, and so does one that
 * failed for want of a contact while the application still has none (nothing is stored then).
 */
export const handler = httpHandler(async (event) => {
  const staff = staffMember(event);
  const applicationId = event.pathParameters?.applicationId ?? '';
  const key = event.pathParameters?.key ?? '';
  // The district is the application's, checked before the notification is looked at.
  const application = isApplicationId(applicationId) ? await getApplication(applicationId, false) : undefined;
  if (!application) throw notFound();
  requireDistrict(staff, application.district);
  const failed = notificationKey.test(key) ? await getNotification({ applicationId, key }) : undefined;
  if (!failed) throw notFound();
  const refusal = retryRefusal(failed, application);
  if (refusal) throw refusals[refusal]();
  const at = now().toISOString();
  const copy = retryCopy(failed, at);
  const audit = auditEvent({
    applicationId,
    at,
    actor: staffActor(staff, event),
    action: 'notification.retried',
    detail: { key, retryKey: copy.key, template: failed.template },
  });
  if (!(await requeueFailed({ applicationId, key }, copy, staff.userId, audit))) throw refusals['not-failed']();
  return { status: 202, body: { applicationId, key: copy.key, retryOf: key, delivery: 'pending' } };
});
