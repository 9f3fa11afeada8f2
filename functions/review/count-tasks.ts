import { districtCodes } from '../../forms/districts';
import { now } from '../commons/clock';
import { httpHandler } from '../commons/http';
import { servesDistrict, staffMember } from '../commons/staff';
import { tallyOpenTasks } from './task-counts';
import { openTaskHeads } from './task-store';

/**
 * GET /api/staff/tasks/counts — for supervisors: per district and kind, the open, overdue and
 * unassigned tasks. Counted by one projected Query of each district's open tasks (25 Queries, in
 * parallel), not by counters kept beside the tasks: "overdue" changes with the clock, not with a
 * write, so no counter could hold it; and counters would add one hot item to every task transaction.
 * The cost is reading each district's open tasks once per look — read units in proportion to the
 * open work (a few hundred small items), which a supervisor's occasional view easily affords.
 */
export const handler = httpHandler(async (event) => {
  const staff = staffMember(event);
  const at = now();
  const districts = districtCodes.filter((d) => servesDistrict(staff, d));
  const counted = await Promise.all(districts.map(async (district) => ({ district, ...tallyOpenTasks(await openTaskHeads(district), at) })));
  return { status: 200, body: { at: at.toISOString(), districts: counted } };
});
