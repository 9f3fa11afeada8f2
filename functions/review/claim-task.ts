import { SendTaskHeartbeatCommand } from '@aws-sdk/client-sfn';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, sfn } from '../commons/clients';
import { now } from '../commons/clock';
import { env } from '../commons/env';
import { httpHandler } from '../commons/http';
import { staffActor } from '../commons/staff';
import { auditEvent } from '../applications/audit';
import { keys } from '../applications/keys';
import { appendAudit } from '../applications/store';
import { isSpentToken, openTaskForStaff, taskClosed } from './staff-task';

/**
 * POST /api/staff/tasks/{taskId}/claim — "I am working on this": assigns the task to the caller and
 * sends the state's heartbeat, so a task someone is handling does not escalate as forgotten. Claiming
 * again (at least once per heartbeat period) keeps it alive.
 */
export const handler = httpHandler(async (event) => {
  const { staff, task } = await openTaskForStaff(event);
  try {
    await sfn().send(new SendTaskHeartbeatCommand({ taskToken: task.taskToken }));
  } catch (error) {
    if (isSpentToken(error)) throw taskClosed();
    throw error;
  }
  const at = now().toISOString();
  await dynamo().send(
    new UpdateCommand({
      TableName: env.tableName(),
      Key: keys.task(task.applicationId, task.taskId),
      UpdateExpression: 'SET assignee = :me, claimedAt = :at',
      ExpressionAttributeValues: { ':me': staff.userId, ':at': at },
    }),
  );
  await appendAudit(
    auditEvent({ applicationId: task.applicationId, at, actor: staffActor(staff, event), action: 'task.claimed', detail: { taskId: task.taskId } }),
  );
  return { status: 200, body: { taskId: task.taskId, assignee: staff.userId, claimedAt: at } };
});
