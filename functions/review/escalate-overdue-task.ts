import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { dynamo } from '../commons/clients';
import { now } from '../commons/clock';
import { cancellationReasons } from '../commons/dynamo-errors';
import { workflowStep } from '../commons/step';
import { auditEvent } from '../applications/audit';
import { auditPut } from '../applications/store';
import { freshTaskFits } from '../lifecycle/execution-budget';
import { stateSeconds, stepInput, systemActor } from '../lifecycle/step-input';
import { closeTaskWrite, openTasksOfKind } from './task-store';
import { businessMetrics, countMetric } from '../commons/metrics';

const input = z.extend(stepInput, {
  kind: z.enum(['review', 'reassessment']),
  error: z.optional(z.string().check(z.maxLength(200))),
  /** `$$.Execution.StartTime`: the year this execution may run is counted from it. */
  executionStartedAt: z.iso.datetime({ offset: true }),
  /** The state's TimeoutSeconds: the longest a fresh task may stay open. */
  nextTaskSeconds: stateSeconds,
  /** What the rest of this execution may still need after the task is decided (workflows/README.md). */
  thenSeconds: z.int().check(z.nonnegative()),
});

/**
 * A human task timed out, or nobody touched it within the heartbeat: expire it and record an
 * escalation a supervisor sees; the workflow then opens a fresh task with a new due date — in this
 * execution while the task and what follows it fit in its year (`freshTaskFits`), else in the next
 * one (continue-as-new). The fresh task keeps the first one's date (open-human-task.ts).
 */
export const handler = workflowStep('EscalateOverdueTask', input, async ({ applicationId, period, kind, error, executionStartedAt, nextTaskSeconds, thenSeconds }) => {
  const clock = now();
  const at = clock.toISOString();
  for (const task of await openTasksOfKind(applicationId, kind, period)) {
    try {
      await dynamo().send(
        new TransactWriteCommand({
          TransactItems: [
            closeTaskWrite(task, 'expired'),
            auditPut(
              auditEvent({
                applicationId,
                at,
                actor: systemActor('EscalateOverdueTask'),
                action: 'task.escalated',
                detail: { taskId: task.taskId, kind, reason: error ?? 'States.Timeout', dueAt: task.dueAt },
              }),
            ),
          ],
        }),
      );
      countMetric(businessMetrics.escalated, 1, { kind });
    } catch (failure) {
      if (!cancellationReasons(failure)?.includes('ConditionalCheckFailed')) throw failure;
    }
  }
  return { escalated: true, freshTaskFits: freshTaskFits(executionStartedAt, clock.getTime(), nextTaskSeconds, thenSeconds) };
});
