import * as z from 'zod/mini';
import { districtCodes, isDistrictCode } from '../../forms/districts';
import { message } from '../../forms/messages';
import { now } from '../commons/clock';
import { httpHandler } from '../commons/http';
import { requireDistrict, servesDistrict, staffMember } from '../commons/staff';
import { seoulMonth } from '../ledger/month';
import { programmeIds } from '../providers/registry';
import type { TaskKind } from '../review/task';
import { districtCounters, overdueTasks, waitingApplications } from './count-store';
import { dashboardFigures, monthsUpTo, SESSION_MONTHS } from './figures';

export const querySchema = z.object({
  district: z.optional(z.string().check(z.refine(isDistrictCode, message('district-code', { ko: '서울시 자치구 코드가 아닙니다', en: 'Not a Seoul district code' })))),
});

/**
 * GET /api/staff/dashboard[?district=11110] — the figures of the caller's districts (or of one of
 * them): applications by status and programme, open tasks past due, the waiting list, and sessions
 * recorded this Seoul month by the local cloud's clock (with the held sessions of the months before).
 * Operators see every district, case managers and supervisors their own (`custom:districts`); a
 * district the caller does not serve is 403. Numbers only, no person: nothing for the access log.
 *
 * Every figure is a Query: the counters the stream keeps (two Queries a district, count-store.ts),
 * the overdue key range of each district's task queue, and each programme's waiting list.
 */
export const handler = httpHandler(async (event) => {
  const staff = staffMember(event);
  const query = querySchema.parse(event.queryStringParameters ?? {});
  if (query.district) requireDistrict(staff, query.district);
  const districts = query.district ? [query.district] : districtCodes.filter((d) => servesDistrict(staff, d));
  const at = now();
  const months = monthsUpTo(seoulMonth(at), SESSION_MONTHS);
  // An operator's whole city needs no district filter on the waiting list.
  const everyDistrict = districts.length === districtCodes.length;
  const [counters, overdue, waiting] = await Promise.all([
    Promise.all(districts.map((d) => districtCounters(d, months[0]!, months.at(-1)!))),
    Promise.all(districts.map((d) => overdueTasks(d, at))),
    Promise.all(programmeIds.map((p) => waitingApplications(p, everyDistrict ? undefined : districts))),
  ]);
  const figures = dashboardFigures({
    now: at,
    districts,
    counters: counters.flat(),
    overdue: overdue.flat() as { kind: TaskKind; programme: string }[],
    waiting: waiting.flat(),
  });
  return { status: 200, body: figures };
});
