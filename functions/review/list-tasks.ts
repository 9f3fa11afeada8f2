import { districtCodes } from '../../forms/districts';
import { recordStaffRead } from '../access-log/record-access';
import { now } from '../commons/clock';
import { env } from '../commons/env';
import { httpHandler } from '../commons/http';
import { problem } from '../commons/problems';
import { requireDistrict, servesDistrict, staffMember } from '../commons/staff';
import { ascending, cursorInvalid, filterFingerprint, filterOf, orderKey, queueQuerySchema } from './queue-filter';
import { queueQuery } from './queue-query';
import { queueRows } from './queue-rows';
import { applicationsSearched, searchQueue } from './queue-search';
import { decodeCursor, nextPage } from './task-queue';
import { readQueue } from './task-store';

const invalidCursor = () => problem.invalidInput([{ field: 'cursor', code: 'cursor-invalid', message: cursorInvalid }]);

/**
 * GET /api/staff/tasks — the work queue of the caller's districts, a page at a time: filters
 * (district, programme, kind, state, overdue, mine, unassigned), sort (`due`, default, or `received`),
 * and `q`, a search by receipt number or full applicant name. `next` is the cursor of the following
 * page, bound to the filter; a search answers in one page. Every read is a Query (queue-query.ts).
 */
export const handler = httpHandler(async (event) => {
  const staff = staffMember(event);
  const query = queueQuerySchema.parse(event.queryStringParameters ?? {});
  if (query.district) requireDistrict(staff, query.district);
  const districts = query.district ? [query.district] : districtCodes.filter((d) => servesDistrict(staff, d));
  const filter = filterOf(query);
  const at = now();

  if (filter.q !== undefined) {
    if (query.cursor !== undefined) throw invalidCursor();
    const searched = await applicationsSearched(filter.q, districts);
    const tasks = await searchQueue(searched.applicationIds, filter, districts, at, staff.userId, query.limit);
    // A search picks out people: each case it shows is a staff read of that person's data.
    await recordStaffRead(event, staff, 'application.found-by-staff', shownIn(tasks).map((s) => ({ ...s, detail: { by: searched.by } })), { query });
    return { status: 200, body: { tasks: await queueRows(tasks, at) } };
  }

  const fingerprint = filterFingerprint(filter);
  const cursor = query.cursor === undefined ? undefined : decodeCursor(query.cursor, districts, fingerprint, filter.state);
  if (query.cursor !== undefined && !cursor) throw invalidCursor();
  const order = { key: (task: Parameters<typeof orderKey>[1]) => orderKey(filter, task), ascending: ascending(filter), state: filter.state };
  const read = (district: string, after: string | undefined, limit: number) =>
    readQueue(queueQuery(env.tableName(), district, filter, after, limit, at, staff.userId), limit);
  const page = await nextPage(districts, cursor, query.limit, read, order, fingerprint);
  // The rows name the applicants: listing them is a read of their data (PIPA safeguard standard art. 8).
  await recordStaffRead(event, staff, 'tasks.listed', shownIn(page.tasks), { caseTrail: false, query });
  return { status: 200, body: { tasks: await queueRows(page.tasks, at), ...(page.next ? { next: page.next } : {}) } };
});

/** Each application a page of tasks shows, once. */
function shownIn(tasks: readonly { applicationId: string; district: string }[]) {
  return [...new Map(tasks.map((t) => [t.applicationId, { applicationId: t.applicationId, district: t.district }])).values()];
}
