import type { HttpEvent } from '../commons/http';
import { HttpProblem, problem } from '../commons/problems';
import { requireDistrict, staffMember, type StaffMember } from '../commons/staff';
import { applicationIdOfTask, type HumanTask } from './task';
import { getTask } from './task-store';

export const taskClosed = () =>
  new HttpProblem(409, 'task-closed', {
    ko: '이 업무는 이미 처리되었거나 기한이 지났습니다. 업무 목록을 새로 고쳐 주세요.',
    en: 'This task was already decided or has expired. Refresh the task list.',
  });

/** Step Functions' answer to a token that was already answered, expired or never existed. */
export function isSpentToken(error: unknown): boolean {
  return error instanceof Error && ['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken'].includes(error.name);
}

/** The task named in the path, open or not, for a staff member of its district: 404 or 403 otherwise. */
export async function taskForStaff(event: HttpEvent): Promise<{ staff: StaffMember; task: HumanTask }> {
  const staff = staffMember(event);
  return { staff, task: await taskOfStaff(staff, event.pathParameters?.taskId ?? '') };
}

/** The task, open or not, if the staff member serves its district: 404 or 403 otherwise (the route's check, and each case's of a bulk decision). */
export async function taskOfStaff(staff: StaffMember, taskId: string): Promise<HumanTask> {
  const applicationId = applicationIdOfTask(taskId);
  const task = applicationId ? await getTask(applicationId, taskId) : undefined;
  if (!task) throw problem.notFound({ ko: '업무', en: 'Task' });
  requireDistrict(staff, task.district);
  return task;
}

/** The open task named in the path, for a staff member of its district: 404, 403 or 409 otherwise. */
export async function openTaskForStaff(event: HttpEvent): Promise<{ staff: StaffMember; task: HumanTask }> {
  const found = await taskForStaff(event);
  if (found.task.state !== 'open') throw taskClosed();
  return found;
}
