import * as z from 'zod';
import { districtCodes, isDistrictCode } from '../../forms/districts';
import { message } from '../../forms/messages';
import { httpHandler } from '../commons/http';
import { problem } from '../commons/problems';
import { requireDistrict, servesDistrict, staffMember } from '../commons/staff';
import { taskView } from './task';
import { decodeCursor, nextPage } from './task-queue';
import { openTasksOfDistrict } from './task-store';

const cursorInvalid = { ko: '목록 위치 값이 올바르지 않습니다. 목록을 처음부터 다시 불러 주세요', en: 'Not a valid list position. Load the list again from the start' };
const pageSize = message('page-size', { ko: '한 번에 1~100건까지 볼 수 있습니다', en: 'A page holds 1 to 100 tasks' });

const querySchema = z.object({
  district: z
    .string()
    .refine(isDistrictCode, message('district-code', { ko: '서울시 자치구 코드가 아닙니다', en: 'Not a Seoul district code' }))
    .optional(),
  cursor: z.string().max(4096, message('cursor-invalid', cursorInvalid)).optional(),
  limit: z.string().regex(/^\d{1,3}$/, pageSize).transform(Number).pipe(z.number().int().min(1, pageSize).max(100, pageSize)).default(50),
});

const invalidCursor = () => problem.invalidInput([{ field: 'cursor', code: 'cursor-invalid', message: cursorInvalid }]);

/**
 * GET /api/staff/tasks[?district=11110][&limit=50][&cursor=…] — open tasks of the caller's districts,
 * soonest due first, a page at a time: `next` is the cursor of the following page, absent on the last.
 */
export const handler = httpHandler(async (event) => {
  const staff = staffMember(event);
  const query = querySchema.parse(event.queryStringParameters ?? {});
  if (query.district) requireDistrict(staff, query.district);
  const districts = query.district ? [query.district] : districtCodes.filter((d) => servesDistrict(staff, d));
  const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor, districts);
  if (query.cursor !== undefined && !cursor) throw invalidCursor();
  const page = await nextPage(districts, cursor, query.limit, openTasksOfDistrict);
  return { status: 200, body: { tasks: page.tasks.map(taskView), ...(page.next ? { next: page.next } : {}) } };
});
