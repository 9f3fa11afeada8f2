import { httpHandler } from '../commons/http';
import { staffActor } from '../commons/staff';
import { decideTask } from './decide';
import { decisionBody } from './decision-body';
import { taskForStaff } from './staff-task';

/**
 * POST /api/staff/tasks/{taskId}/decision — a case manager of the task's district decides it
 * (review/decide.ts: the checks, the conditional answer, the token). Bulk decisions take the same path.
 */
export const handler = httpHandler(async (event) => {
  const { staff, task } = await taskForStaff(event);
  const body = decisionBody.parse(event.jsonBody);
  return { status: 202, body: await decideTask(task, body, staffActor(staff, event)) };
});
