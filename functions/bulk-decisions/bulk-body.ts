import * as z from 'zod/mini';
import { message } from '../../forms/messages';
import { decisionBody, rejectionBody, type DecisionBody } from '../review/decision-body';
import { decisionNote } from '../review/decision-note';
import { applicationIdOfTask } from '../review/task';

/**
 * At most this many cases in one job: a district's morning of supplemented cases, and well inside
 * what one job item (DynamoDB's 400 KB) and one execution (256 KB payload, 25,000 history events:
 * about 8 events a case) hold.
 */
export const BULK_MAX_TASKS = 100;

/**
 * The decisions that can be taken for many cases at once. A request for information names documents
 * per case, and an approval's counsellor is chosen per case: those stay one case at a time.
 */
export const bulkDecisions = ['approve', 'reject'] as const;

const taskId = z
  .string({ error: message('bulk-task-id-type', { ko: '업무는 업무 목록의 ID로 보내 주세요', en: 'Send each task as an id from the work queue' }) })
  .check(z.refine((id) => applicationIdOfTask(id) !== undefined, message('bulk-task-id-format', { ko: '업무 ID 형식이 올바르지 않습니다', en: 'A task id is not in a valid format' })));

const taskIds = z
  .array(taskId, { error: message('bulk-task-ids-type', { ko: '결정할 업무를 목록으로 보내 주세요', en: 'Send the tasks to decide as a list' }) })
  .check(
    z.minLength(1, message('bulk-task-ids-empty', { ko: '결정할 업무를 하나 이상 고르세요', en: 'Choose at least one task to decide' })),
    z.maxLength(BULK_MAX_TASKS, message('bulk-task-ids-too-many', { ko: `한 번에 ${BULK_MAX_TASKS}건까지 결정할 수 있습니다`, en: `At most ${BULK_MAX_TASKS} tasks can be decided at once` })),
    z.refine((ids) => new Set(ids).size === ids.length, message('bulk-task-ids-repeated', { ko: '같은 업무가 두 번 들어 있습니다', en: 'The same task is listed twice' })),
  );

/**
 * POST /api/staff/bulk-decisions: the cases, and the one decision taken for each — with the note
 * (required: a batch without a word of why is not a decision anyone can follow later, and it is kept on
 * every case) and, to reject, the reason the applicants are told. The decision's own rules (a reason to
 * reject, none otherwise) are those of a single decision: decisionBody checks them, here as there.
 */
const bulkFields = z.strictObject({
  taskIds,
  decision: z.enum(bulkDecisions, {
    error: message('bulk-decision-choice', { ko: '일괄 결정은 승인 또는 반려만 할 수 있습니다', en: 'A bulk decision is either approve or reject' }),
  }),
  note: decisionNote.check(z.refine((note) => note !== undefined, message('bulk-note-required', { ko: '일괄 결정에는 메모가 필요합니다. 각 사례에 남습니다', en: 'A bulk decision needs a note: it is kept on every case' }))),
  // Checked with the decision below, by the single decision's rules (a reason to reject, none otherwise).
  rejection: z.optional(rejectionBody),
});
export const bulkDecisionBody = z.pipe(
  bulkFields,
  z.transform((body, ctx) => {
    const single = decisionBody.safeParse({ decision: body.decision, note: body.note, rejection: body.rejection });
    if (!single.success) {
      for (const issue of single.error.issues) ctx.issues.push({ code: 'custom', path: issue.path, message: issue.message, input: body });
      return z.NEVER;
    }
    const { rejection } = single.data;
    return { taskIds: body.taskIds, decision: body.decision, note: body.note!, ...(rejection ? { rejection } : {}) };
  }),
);
export type BulkDecisionBody = z.infer<typeof bulkDecisionBody>;

/** What is decided on each case: the body of a single decision, as the decision route reads it. */
export function decisionOf(request: Pick<BulkDecisionBody, 'decision' | 'note' | 'rejection'>): DecisionBody {
  return { decision: request.decision, note: request.note, ...(request.rejection ? { rejection: request.rejection } : {}) };
}
