import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { dynamo } from '../commons/clients';
import { now } from '../commons/clock';
import { cancellationReasons } from '../commons/dynamo-errors';
import { workflowStep } from '../commons/step';
import type { Actor } from '../applications/audit';
import { auditEvent } from '../applications/audit';
import { auditPut, transition } from '../applications/store';
import { stepInput, systemActor } from '../lifecycle/step-input';
import { decisionsByKind, type TaskKind } from './task';
import { closeTaskWrite, openTasksOfKind } from './task-store';

const input = stepInput.extend({ kind: z.enum(['review', 'reassessment']), decision: z.unknown() });

/** What a case manager (through decide-task) or an operator (SendTaskSuccess) sends as task output. */
const decisionSchema = (kind: TaskKind) =>
  z.object({
    decision: z.enum(decisionsByKind[kind]),
    decidedBy: z.string().max(128).optional(),
    sourceIp: z.string().max(64).optional(),
    note: z.string().max(2000).optional(),
  });

/**
 * Records the answer to a human task, whoever sent it: closes the task and writes the decision to the
 * audit trail in one transaction, so a retried step records it once. An output that is not a valid
 * decision is recorded as such and the workflow opens a fresh task.
 */
export const handler = workflowStep('RecordDecision', input, async ({ applicationId, period, kind, decision }) => {
  const parsed = decisionSchema(kind).safeParse(decision);
  const verdict = parsed.success ? parsed.data.decision : 'invalid';
  const actor: Actor =
    parsed.success && parsed.data.decidedBy
      ? { kind: 'staff', userId: parsed.data.decidedBy, groups: [], sourceIp: parsed.data.sourceIp }
      : systemActor('RecordDecision');
  const at = now().toISOString();
  const [task] = await openTasksOfKind(applicationId, kind, period);
  const closeTask = task
    ? [closeTaskWrite(task, 'decided', { decision: verdict, decidedBy: parsed.data?.decidedBy ?? 'task-token', decidedAt: at })]
    : [];
  const audit = auditEvent({
    applicationId,
    at,
    actor,
    action: `${kind}.decided`,
    visibleToApplicant: verdict !== 'invalid',
    detail: { decision: verdict, taskId: task?.taskId ?? null },
  });

  if (kind === 'review' && verdict === 'approve') {
    await transition(applicationId, { from: ['awaiting-review'], to: 'matching', audit: { ...audit, status: 'matching' }, with: closeTask });
    return { decision: verdict };
  }
  if (!task) return { decision: verdict }; // Already recorded by an earlier attempt of this step.
  try {
    await dynamo().send(new TransactWriteCommand({ TransactItems: [...closeTask, auditPut(audit)] }));
  } catch (error) {
    if (!cancellationReasons(error)?.includes('ConditionalCheckFailed')) throw error;
  }
  return { decision: verdict };
});
