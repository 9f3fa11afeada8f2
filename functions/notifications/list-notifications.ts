import * as z from 'zod/mini';
import { districtCodes, isDistrictCode } from '../../forms/districts';
import { message } from '../../forms/messages';
import { httpHandler } from '../commons/http';
import { pageSizeParameter } from '../commons/page-size';
import { requireDistrict, servesDistrict, staffMember } from '../commons/staff';
import { receiptNumbers } from '../applications/summaries';
import { failedNotificationsOf } from './outbox-store';

const pageSize = message('page-size', { ko: '한 번에 1~100건까지 볼 수 있습니다', en: 'A page holds 1 to 100 notifications' });

export const querySchema = z.object({
  // Only failures are listed: delivered messages are in each case's audit trail.
  state: z.literal('failed', { error: message('notification-state', { ko: '상태는 failed만 볼 수 있습니다', en: 'Only state=failed can be listed' }) }),
  district: z.optional(z.string().check(z.refine(isDistrictCode, message('district-code', { ko: '서울시 자치구 코드가 아닙니다', en: 'Not a Seoul district code' })))),
  limit: pageSizeParameter(pageSize, 50),
});

/**
 * GET /api/staff/notifications?state=failed[&district=11110][&limit=50] — messages to applicants or
 * case managers that could not be delivered, in the caller's districts (an operator's: every
 * district), newest first: someone should call the person instead, or send it again once the cause is
 * fixed. Ids, the receipt number, template and reason only; never the number, address or name.
 */
export const handler = httpHandler(async (event) => {
  const staff = staffMember(event);
  const query = querySchema.parse(event.queryStringParameters ?? {});
  if (query.district) requireDistrict(staff, query.district);
  const districts = query.district ? [query.district] : districtCodes.filter((d) => servesDistrict(staff, d));
  const perDistrict = await Promise.all(districts.map((district) => failedNotificationsOf(district, query.limit)));
  const failed = perDistrict
    .flat()
    .sort((a, b) => String(b.failedAt).localeCompare(String(a.failedAt)))
    .slice(0, query.limit);
  const receipts = await receiptNumbers(failed.map((n) => n.applicationId));
  const notifications = failed.map((n) => ({
    applicationId: n.applicationId,
    receiptNumber: receipts.get(n.applicationId) ?? null,
    key: n.key,
    template: n.template,
    audience: n.audience ?? 'applicant',
    district: n.district,
    channel: n.channel ?? null,
    reason: n.failure,
    attempts: n.attempts ?? 0,
    lastError: n.lastError ?? null,
    createdAt: n.createdAt,
    failedAt: n.failedAt,
    ...(n.retryOf ? { retryOf: n.retryOf, retry: n.retry } : {}),
  }));
  return { status: 200, body: { notifications } };
});
