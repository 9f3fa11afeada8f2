import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { now } from '../commons/clock';
import { cancellationReasons } from '../commons/dynamo-errors';
import { env } from '../commons/env';
import { httpHandler } from '../commons/http';
import { staffActor } from '../commons/staff';
import { auditEvent } from '../applications/audit';
import { keys } from '../applications/keys';
import { auditPut } from '../applications/store';
import { taskClosed } from '../review/staff-task';
import { referralAnsweredDifferently, referralTaskForStaff } from './referral-access';
import { referralSentBody } from './referral-body';
import type { Referral } from './referral-labels';

/**
 * POST /api/staff/tasks/{taskId}/referral — the case manager records where a high-risk person was
 * referred at closure (a mental-health welfare centre, Seoul's integration centre, a medical
 * institution), audited. The task stays open until the receiver's acknowledgement is recorded
 * (acknowledge-referral.ts). The same record sent again gets the same answer; a different one → 409.
 */
export const handler = httpHandler(async (event) => {
  const { staff, task } = await referralTaskForStaff(event);
  const body = referralSentBody.parse(event.jsonBody);
  // Who, by user id; from which address stays in the audit trail (its event is written with the address).
  const { sourceIp: _ip, ...by } = staffActor(staff, event);
  const standing = task.referral.sent;
  if (standing) {
    const same = standing.to === body.to && standing.organisation === body.organisation && (standing.note ?? '') === (body.note ?? '') && standing.by.userId === by.userId;
    if (!same) throw referralAnsweredDifferently();
    return { status: 202, body: { taskId: task.taskId, sent: standing } };
  }
  if (task.state !== 'open') throw taskClosed();
  const sent: NonNullable<Referral['sent']> = { to: body.to, organisation: body.organisation, ...(body.note ? { note: body.note } : {}), at: now().toISOString(), by };
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: env.tableName(),
              Key: keys.task(task.applicationId, task.taskId),
              UpdateExpression: 'SET referral.sent = :sent',
              ConditionExpression: '#state = :open AND attribute_not_exists(referral.sent)',
              ExpressionAttributeNames: { '#state': 'state' },
              ExpressionAttributeValues: { ':sent': sent, ':open': 'open' },
            },
          },
          auditPut(
            auditEvent({
              applicationId: task.applicationId,
              at: sent.at,
              actor: staffActor(staff, event),
              action: 'referral.sent',
              detail: { taskId: task.taskId, to: sent.to, organisation: sent.organisation },
              ...(sent.note ? { note: sent.note } : {}),
            }),
          ),
        ],
      }),
    );
  } catch (error) {
    if (cancellationReasons(error)?.[0] === 'ConditionalCheckFailed') throw referralAnsweredDifferently();
    throw error;
  }
  return { status: 202, body: { taskId: task.taskId, sent } };
});
