import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { now } from '../commons/clock';
import { cancellationReasons } from '../commons/dynamo-errors';
import { httpHandler } from '../commons/http';
import { HttpProblem } from '../commons/problems';
import { staffActor } from '../commons/staff';
import { auditEvent } from '../applications/audit';
import { auditPut } from '../applications/store';
import { taskClosed } from '../review/staff-task';
import type { TaskAnswer } from '../review/task';
import { closeTaskWrite } from '../review/task-store';
import { referralAnsweredDifferently, referralTaskForStaff } from './referral-access';
import { referralAcknowledgedBody } from './referral-body';
import type { Referral } from './referral-labels';

const notSentYet = () =>
  new HttpProblem(409, 'referral-not-sent', {
    ko: '먼저 어디로 연계 의뢰했는지 기록해 주세요.',
    en: 'First record where the person was referred.',
  });

/**
 * POST /api/staff/tasks/{taskId}/referral/acknowledgement — the receiver acknowledged the referral:
 * who there, on which day. Recorded with who entered it, it closes the referral task (decided) in one
 * transaction with its audit event. The same acknowledgement sent again gets the same answer.
 */
export const handler = httpHandler(async (event) => {
  const { staff, task } = await referralTaskForStaff(event);
  const body = referralAcknowledgedBody.parse(event.jsonBody);
  const actor = staffActor(staff, event);
  // Who, by user id; from which address stays in the audit trail.
  const { sourceIp: _ip, ...recordedBy } = actor;
  const standing = task.referral.acknowledged;
  if (standing) {
    const same = standing.by === body.acknowledgedBy && standing.on === body.acknowledgedOn && standing.recordedBy.userId === recordedBy.userId;
    if (!same) throw referralAnsweredDifferently();
    return { status: 202, body: { taskId: task.taskId, state: task.state } };
  }
  if (task.state !== 'open') throw taskClosed();
  if (!task.referral.sent) throw notSentYet();
  const at = now().toISOString();
  const acknowledged: NonNullable<Referral['acknowledged']> = {
    by: body.acknowledgedBy,
    on: body.acknowledgedOn,
    ...(body.note ? { note: body.note } : {}),
    recordedAt: at,
    recordedBy,
  };
  const answer: TaskAnswer = { decision: 'acknowledged', via: 'console', by: recordedBy, ...(body.note ? { note: body.note } : {}), at };
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          closeTaskWrite(task, 'decided', { referral: { ...task.referral, acknowledged }, answer }),
          auditPut(
            auditEvent({
              applicationId: task.applicationId,
              at,
              actor,
              action: 'referral.acknowledged',
              detail: { taskId: task.taskId, to: task.referral.sent.to, acknowledgedOn: acknowledged.on },
              ...(body.note ? { note: body.note } : {}),
            }),
          ),
        ],
      }),
    );
  } catch (error) {
    if (cancellationReasons(error)?.[0] === 'ConditionalCheckFailed') throw taskClosed();
    throw error;
  }
  return { status: 202, body: { taskId: task.taskId, state: 'decided' } };
});
