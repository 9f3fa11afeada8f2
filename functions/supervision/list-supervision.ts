import * as z from 'zod/mini';
import { message } from '../../forms/messages';
import { recordStaffRead } from '../access-log/record-access';
import { httpHandler } from '../commons/http';
import { pageSizeParameter } from '../commons/page-size';
import { problem } from '../commons/problems';
import { servesDistrict, staffMember } from '../commons/staff';
import { supervisionStates } from './labels';
import { requestIdOfListingKey } from './supervision';
import { supervisionInState } from './supervision-store';
import { supervisionView } from './view';

const cursorInvalid = {
  ko: '슈퍼비전 목록 위치 값이 올바르지 않습니다. 목록을 처음부터 다시 불러 주세요',
  en: 'Not a valid position in the supervision list. Load the list again from the start',
};
const pageSize = message('supervision-page-size', { ko: '슈퍼비전 요청은 한 번에 1~100건까지 볼 수 있습니다', en: 'A page holds 1 to 100 supervision requests' });

export const querySchema = z.object({
  state: z._default(
    z.enum(supervisionStates, { error: message('supervision-state', { ko: '상태는 open, accepted, advised 중 하나입니다', en: 'The state is one of open, accepted, advised' }) }),
    'open',
  ),
  cursor: z.optional(z.string().check(z.maxLength(200, message('supervision-cursor', cursorInvalid)))),
  limit: pageSizeParameter(pageSize, 25),
});

/**
 * GET /api/staff/supervision[?state=open|accepted|advised][&limit=25][&cursor=…] — supervision requests
 * of the caller's districts in one state, a page at a time (a Query on GSI1, never a Scan): open ones most
 * urgent then oldest first, arranged ones by session day, advised ones newest first. `next` is the
 * cursor of the following page, absent on the last.
 */
export const handler = httpHandler(async (event) => {
  const staff = staffMember(event);
  const query = querySchema.parse(event.queryStringParameters ?? {});
  if (query.cursor !== undefined && !requestIdOfListingKey(query.state, query.cursor)) {
    throw problem.invalidInput([{ field: 'cursor', code: 'supervision-cursor', message: cursorInvalid }]);
  }
  const page = await supervisionInState(query.state, query.cursor, query.limit);
  // Supervisors see only the districts they serve (functions/commons/staff.ts).
  const requests = page.requests.filter((r) => servesDistrict(staff, r.district));
  // A request tells of a person's situation in the caseworker's words: listing them is a read of it.
  const shown = [...new Map(requests.map((r) => [r.applicationId, { applicationId: r.applicationId, district: r.district }])).values()];
  await recordStaffRead(event, staff, 'supervision.listed', shown, { caseTrail: false, query });
  return { status: 200, body: { state: query.state, requests: requests.map(supervisionView), ...(page.next ? { next: page.next } : {}) } };
});
