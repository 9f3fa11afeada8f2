import { SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import * as z from 'zod';
import { message } from '../../forms/messages';
import { sfn } from '../commons/clients';
import { httpHandler } from '../commons/http';
import { problem } from '../commons/problems';
import { isSpentToken, openTaskForStaff, taskClosed } from './staff-task';
import { decisionsByKind } from './task';

const bodySchema = z.object({
  decision: z.string().min(1, message('decision-required', { ko: '결정을 선택해 주세요', en: 'Choose a decision' })),
  note: z.string().max(2000, message('note-too-long', { ko: '메모는 2000자 이내로 적어 주세요', en: 'Keep the note within 2000 characters' })).optional(),
});

/**
 * POST /api/staff/tasks/{taskId}/decision — a case manager decides. The decision travels as the task
 * token's output; Step Functions accepts a token once, so two people deciding at once get one winner.
 */
export const handler = httpHandler(async (event) => {
  const { staff, task } = await openTaskForStaff(event);
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
  try {
    await sfn().send(
      new SendTaskSuccessCommand({
        taskToken: task.taskToken,
        output: JSON.stringify({ decision: body.decision, decidedBy: staff.userId, sourceIp: event.requestContext.http.sourceIp, note: body.note }),
      }),
    );
  } catch (error) {
    if (isSpentToken(error)) throw taskClosed();
    throw error;
  }
  return { status: 202, body: { taskId: task.taskId, decision: body.decision } };
});
