import { SendTaskHeartbeatCommand } from '@aws-sdk/client-sfn';
import { sfn } from '../commons/clients';
import { now } from '../commons/clock';
import { httpHandler } from '../commons/http';
import { staffActor } from '../commons/staff';
import { auditEvent } from '../applications/audit';
import { appendAudit } from '../applications/store';
import { isSpentToken, openTaskForStaff, taskClosed } from './staff-task';
import { dueAfterClaim } from './task';
import { claimOpenTask } from './task-store';

/**
 * POST /api/staff/tasks/{taskId}/claim — "I am working on this": assigns the task to the caller and
 * sends the state's heartbeat, so a task someone is handling does not escalate as forgotten. The due
 * date moves a heartbeat on (never past the state's timeout): claiming again before it keeps the task.
 */
export const handler = httpHandler(async (event) => {
  const { staff, task } = await openTaskForStaff(event);
  // Taken before the heartbeat, so the due date shown is never later than the workflow's deadline.
  const claimedAt = now();
  const dueAt = dueAfterClaim(task, claimedAt);
  try {
    // An urgent risk task has no workflow waiting on it: nothing to keep alive.
    if (task.taskToken) await sfn().send(new SendTaskHeartbeatCommand({ taskToken: task.taskToken }));
  } catch (error) {
    if (isSpentToken(error)) throw taskClosed();
    throw error;
  }
  const at = claimedAt.toISOString();
  if (!(await claimOpenTask(task, staff.userId, at, dueAt))) throw taskClosed();
  await appendAudit(
    auditEvent({ applicationId: task.applicationId, at, actor: staffActor(staff, event), action: 'task.claimed', detail: { taskId: task.taskId, dueAt } }),
  );
  return { status: 200, body: { taskId: task.taskId, assignee: staff.userId, claimedAt: at, dueAt } };
});
