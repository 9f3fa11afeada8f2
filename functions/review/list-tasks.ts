import * as z from 'zod';
import { districtCodes, isDistrictCode } from '../../forms/districts';
import { message } from '../../forms/messages';
import { httpHandler } from '../commons/http';
import { requireDistrict, servesDistrict, staffMember } from '../commons/staff';
import { taskView } from './task';
import { openTasksOfDistrict } from './task-store';

const querySchema = z.object({
  district: z
    .string()
    .refine(isDistrictCode, message('district-code', { ko: '서울시 자치구 코드가 아닙니다', en: 'Not a Seoul district code' }))
    .optional(),
});

/** GET /api/staff/tasks[?district=11110] — open tasks of the caller's districts, soonest due first. */
export const handler = httpHandler(async (event) => {
  const staff = staffMember(event);
  const { district } = querySchema.parse(event.queryStringParameters ?? {});
  if (district) requireDistrict(staff, district);
  const districts = district ? [district] : districtCodes.filter((d) => servesDistrict(staff, d));
  const tasks = (await Promise.all(districts.map((d) => openTasksOfDistrict(d)))).flat();
  tasks.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
  return { status: 200, body: { tasks: tasks.map(taskView) } };
});
