import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { dynamo } from '../commons/clients';
import { now } from '../commons/clock';
import { cancellationReasons } from '../commons/dynamo-errors';
import { workflowStep } from '../commons/step';
import type { MatchState } from '../applications/application';
import { auditEvent } from '../applications/audit';
import { auditPut, getApplication, transition } from '../applications/store';
import { requestSupplement } from '../supplements/request-supplement';
import { stepInput } from '../lifecycle/step-input';
import { notificationPut } from '../notifications/outbox';
import { decisionsByKind, type TaskAnswer, type TaskKind } from './task';
import { closeTaskWrite, openTasksOfKind } from './task-store';

const input = z.extend(stepInput, { kind: z.enum(['review', 'reassessment']), decision: z.unknown() });

/**
 * The task token's output, from the decision route or from anyone calling SendTaskSuccess. Only the
 * decision is believed; who decided comes from the answer the route stored, matched by its id. Any
 * other field (a claimed decidedBy, sourceIp or note) is dropped.
 */
const outputSchema = (kind: TaskKind) => z.object({ decision: z.enum(decisionsByKind[kind]), answerId: z.optional(z.string().check(z.maxLength(64))) });

/**
 * Records the answer to a human task, whoever sent it: closes the task and writes the decision to the
 * audit trail in one transaction, so a retried step records it once. A decision the console stored is
 * recorded as its signed-in author's, with the note; one sent straight to the Step Functions API is
 * recorded as such, naming nobody. An output that is not a valid decision is recorded as such and
 * the workflow opens a fresh task. A console approval that names a counsellor proposes them on the
 * application's match, in the same transaction as the move to `matching` (a counsellor claimed in
 * the token's output, like any other extra field, is dropped). A console request-info carries what
 * the citizen is asked for and opens a supplement round (`supplementRequested`, which the workflow's
 * ReviewDecision branches on); one sent straight to the API asks nothing, and a fresh task opens.
 */
export const handler = workflowStep('RecordDecision', input, async ({ applicationId, period, kind, decision }) => {
  const parsed = outputSchema(kind).safeParse(decision);
  const verdict = parsed.success ? parsed.data.decision : 'invalid';
  const at = now().toISOString();
  const [task] = await openTasksOfKind(applicationId, kind, period);
  const stored = task?.answer;
  const fromConsole = stored?.via === 'console' && stored.id === parsed.data?.answerId && stored.decision === verdict ? stored : undefined;
  const answer: TaskAnswer = fromConsole ?? { decision: verdict, via: 'step-functions-api', at };
  // Only a signed-in case manager's approval proposes a counsellor (decide-task.ts checked the choice).
  const proposed = verdict === 'approve' ? fromConsole?.counsellorId : undefined;
  const closeTask = task ? [closeTaskWrite(task, 'decided', { answer })] : [];
  const audit = auditEvent({
    applicationId,
    at,
    actor: fromConsole?.by ?? { kind: 'step-functions-api' },
    action: `${kind}.decided`,
    visibleToApplicant: verdict !== 'invalid',
    detail: { decision: verdict, taskId: task?.taskId ?? null, via: answer.via, ...(proposed ? { counsellorId: proposed } : {}), ...rejectionDetail(verdict, fromConsole) },
    ...(answer.note ? { note: answer.note } : {}),
  });

  if (kind === 'review' && verdict === 'approve') {
    // The case manager's choice, offered first by MatchProvider, which ranks and fills in the rest.
    const match: MatchState | undefined = proposed ? { candidates: [], rankedAt: at, excludedCounsellorIds: [], proposedCounsellorId: proposed } : undefined;
    // The applicant is told with the change, once per period (a retried step finds the status moved on).
    const approved = notificationPut({ applicationId, key: `approved-p${period}`, template: 'application-approved', createdAt: at });
    await transition(applicationId, { from: ['awaiting-review'], to: 'matching', ...(match ? { set: { match } } : {}), audit: { ...audit, status: 'matching' }, with: [...closeTask, approved] });
    return { decision: verdict, supplementRequested: false };
  }
  if (kind === 'review' && verdict === 'request-info') {
    const application = await getApplication(applicationId);
    if (task && fromConsole?.supplement) {
      await requestSupplement(task, { ...fromConsole, supplement: fromConsole.supplement }, application?.supplement?.round ?? 0, audit);
      return { decision: verdict, supplementRequested: true };
    }
    // Recorded by an earlier attempt of this step: the status says whether it opened a round.
    if (!task) return { decision: verdict, supplementRequested: application?.status === 'supplement-requested' };
  }
  if (!task) return { decision: verdict, supplementRequested: false }; // Already recorded by an earlier attempt of this step.
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: [...closeTask, auditPut(audit)] }));
  } catch (error) {
    if (!cancellationReasons(error)?.includes('ConditionalCheckFailed')) throw error;
  }
  return { decision: verdict, supplementRequested: false };
});

/** A console reject's reason (code) and its words to the applicant, for the audit trail; RejectApplication tells the applicant. */
function rejectionDetail(verdict: string, answer: TaskAnswer | undefined): Record<string, string> {
  const rejection = verdict === 'reject' ? answer?.rejection : undefined;
  if (!rejection) return {};
  return { rejectionReason: rejection.code, ...(rejection.toCitizen ? { toCitizen: rejection.toCitizen } : {}) };
}
