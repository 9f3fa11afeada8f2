import * as z from 'zod/mini';
import { now } from '../commons/clock';
import { workflowStep } from '../commons/step';
import { RetryableError } from '../commons/transient-errors';
import { applicationStatuses, type ApplicationStatus } from '../applications/application';
import { auditEvent } from '../applications/audit';
import { getApplication, InvalidTransition, transition } from '../applications/store';
import type { WorkflowFailure } from '../lifecycle/resume';
import { stepInput, systemActor } from '../lifecycle/step-input';
import { businessMetrics, countMetric } from '../commons/metrics';

const input = z.extend(stepInput, {
  error: z.optional(z.partial(z.object({ Error: z.optional(z.string()), Cause: z.optional(z.string()) }))),
  // The failed execution's name (`$$.Execution.Name`); absent in executions of an older definition.
  execution: z.optional(z.string().check(z.minLength(1), z.maxLength(80))),
});

const stillOpen: readonly ApplicationStatus[] = applicationStatuses.filter((s) => !['closed', 'rejected', 'failed'].includes(s));

/**
 * RecordWorkflowFailure: a step failed beyond its retries. The application is marked failed so staff
 * see it in their dashboard, and keeps what an operator's resume needs (`failure`: the status it
 * replaced, the failed execution's period and name; functions/lifecycle/resume.ts). Only the error
 * type is kept (causes may quote data). A retry finds it failed already and keeps the first record.
 */
export const handler = workflowStep('RecordWorkflowFailure', input, async ({ applicationId, period, error, execution }) => {
  const application = await getApplication(applicationId);
  if (!application) return { recorded: false };
  const at = now().toISOString();
  const type = error?.Error ?? 'unknown';
  const open = stillOpen.includes(application.status);
  const failure: WorkflowFailure | undefined = open && execution ? { at, from: application.status, period, execution, error: type } : undefined;
  try {
    await transition(applicationId, {
      // The status read just now, so the one kept is the one replaced.
      from: open ? [application.status] : stillOpen,
      to: 'failed',
      ...(failure ? { set: { failure } } : {}),
      audit: auditEvent({
        applicationId,
        at,
        actor: systemActor('RecordWorkflowFailure'),
        action: 'workflow.failed',
        status: 'failed',
        visibleToApplicant: true,
        detail: { error: type, period, ...(open ? { from: application.status } : {}), ...(execution ? { execution } : {}) },
      }),
    });
  } catch (failed) {
    // The status moved meanwhile (a staff action between the read and the write): read it again.
    if (open && failed instanceof InvalidTransition && stillOpen.includes(failed.status)) throw new RetryableError(failed);
    throw failed;
  }
  // What the failed-application alarm counts (infra/constructs/observability.ts): an operator is told.
  countMetric(businessMetrics.failed, 1, { error: type });
  return { recorded: true };
});
