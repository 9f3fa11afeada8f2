import { SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import * as z from 'zod';
import { message } from '../../forms/messages';
import { sfn } from '../commons/clients';
import { httpHandler } from '../commons/http';
import { HttpProblem, problem } from '../commons/problems';
import { requireDistrict, staffMember } from '../commons/staff';
import { applicationIdOfTask, decisionsByKind } from './task';
import { getTask } from './task-store';

const bodySchema = z.object({
  decision: z.string().min(1, message('decision-required', { ko: '결정을 선택해 주세요', en: 'Choose a decision' })),
  note: z.string().max(2000, message('note-too-long', { ko: '메모는 2000자 이내로 적어 주세요', en: 'Keep the note within 2000 characters' })).optional(),
});

const taskClosed = () =>
  new HttpProblem(409, 'task-closed', {
    ko: '이 업무는 이미 처리되었거나 기한이 지났습니다. 업무 목록을 새로 고쳐 주세요.',
    en: 'This task was already decided or has expired. Refresh the task list.',
  });

/**
 * POST /api/staff/tasks/{taskId}/decision — a case manager decides. The decision travels as the task
 * token's output; Step Functions accepts a token once, so two people deciding at once get one winner.
 */
export const handler = httpHandler(async (event) => {
  const staff = staffMember(event);
  const taskId = event.pathParameters?.taskId ?? '';
  const applicationId = applicationIdOfTask(taskId);
  const task = applicationId ? await getTask(applicationId, taskId) : undefined;
  if (!task) throw problem.notFound({ ko: '업무', en: 'Task' });
  requireDistrict(staff, task.district);
  const body = bodySchema.parse(event.jsonBody);
  const allowed: readonly string[] = decisionsByKind[task.kind];
  if (!allowed.includes(body.decision)) {
    throw problem.invalidInput([
      {
        field: 'decision',
        code: 'choice',
        message: { ko: `결정은 ${allowed.join(', ')} 중 하나여야 합니다`, en: `The decision must be one of ${allowed.join(', ')}` },
      },
    ]);
  }
  if (task.state !== 'open') throw taskClosed();
  try {
    await sfn().send(
      new SendTaskSuccessCommand({
        taskToken: task.taskToken,
        output: JSON.stringify({ decision: body.decision, decidedBy: staff.userId, sourceIp: event.requestContext.http.sourceIp, note: body.note }),
      }),
    );
  } catch (error) {
    if (error instanceof Error && ['TaskTimedOut', 'TaskDoesNotExist', 'InvalidToken'].includes(error.name)) throw taskClosed();
    throw error;
  }
  return { status: 202, body: { taskId, decision: body.decision } };
});
