import * as z from 'zod/mini';
import { message } from '../../forms/messages';
import { httpHandler } from '../commons/http';
import { pageSizeParameter } from '../commons/page-size';
import { problem } from '../commons/problems';
import { requireDistrict, staffMember } from '../commons/staff';
import { isApplicationId } from '../applications/identifiers';
import { getApplication } from '../applications/store';
import { decodeAccessCursor, encodeAccessCursor } from './access-cursor';
import { accessLogOfApplication, accessLogOfStaff, type AccessPage } from './access-log-store';

const cursorInvalid = { ko: '목록 위치 값이 올바르지 않습니다. 목록을 처음부터 다시 불러 주세요', en: 'Not a valid list position. Load the list again from the start' };
const pageSize = message('page-size', { ko: '한 번에 1~100건까지 볼 수 있습니다', en: 'A page holds 1 to 100 records' });
const oneOf = message('access-log-subject', {
  ko: '신청 ID(applicationId)나 직원 ID(userId) 가운데 하나만 적어 주세요',
  en: 'Give either an application id (applicationId) or a staff user id (userId), not both',
});

export const querySchema = z
  .object({
    applicationId: z.optional(z.string().check(z.maxLength(100))),
    userId: z.optional(z.string().check(z.minLength(1), z.maxLength(128))),
    cursor: z.optional(z.string().check(z.maxLength(1024, message('cursor-invalid', cursorInvalid)))),
    limit: pageSizeParameter(pageSize, 50),
  })
  .check(z.refine((q) => (q.applicationId === undefined) !== (q.userId === undefined), { error: oneOf, path: ['applicationId'] }));

/**
 * GET /api/staff/access-log?applicationId=…|userId=…[&limit=50][&cursor=…] — who read a person's data
 * (by case), or what one staff member read (by person), newest first, a page at a time. Supervisors
 * only (routes.ts). By case: the case must be in the supervisor's districts. By staff member: only
 * the records of the supervisor's districts are listed. Listing the log is not itself logged: it shows
 * ids, roles and addresses of staff, not a person's case.
 */
export const handler = httpHandler(async (event) => {
  const staff = staffMember(event);
  const query = querySchema.parse(event.queryStringParameters ?? {});
  const after = query.cursor === undefined ? undefined : decodeAccessCursor(query.cursor);
  if (query.cursor !== undefined && !after) throw problem.invalidInput([{ field: 'cursor', code: 'cursor-invalid', message: cursorInvalid }]);
  let page: AccessPage;
  if (query.applicationId !== undefined) {
    const application = isApplicationId(query.applicationId) ? await getApplication(query.applicationId, false) : undefined;
    if (!application) throw problem.notFound({ ko: '신청', en: 'Application' });
    requireDistrict(staff, application.district);
    if (after && after.applicationId !== application.id) throw problem.invalidInput([{ field: 'cursor', code: 'cursor-invalid', message: cursorInvalid }]);
    page = await accessLogOfApplication(application.id, query.limit, after);
  } else {
    page = await accessLogOfStaff(query.userId!, staff.districts, query.limit, after);
  }
  const { records, next } = page;
  return {
    status: 200,
    body: {
      records: records.map(({ expiresAt: _ttl, ...record }) => record),
      ...(next ? { next: encodeAccessCursor(next) } : {}),
    },
  };
});
