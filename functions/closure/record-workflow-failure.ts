import * as z from 'zod/mini';
import { now } from '../commons/clock';
import { workflowStep } from '../commons/step';
import { applicationStatuses } from '../applications/application';
import { auditEvent } from '../applications/audit';
import { getApplication, transition } from '../applications/store';
import { stepInput, systemActor } from '../lifecycle/step-input';
import { businessMetrics, countMetric } from '../commons/metrics';

const input = z.extend(stepInput, { error: z.optional(z.partial(z.object({ Error: z.optional(z.string()), Cause: z.optional(z.string()) }))) });

const stillOpen = applicationStatuses.filter((s) => !['closed', 'rejected', 'failed'].includes(s));

/**
 * RecordWorkflowFailure: a step failed beyond its retries. The application is marked failed so staff
 * see it in their dashboard and can redrive; only the error type is kept (causes may quote data).
 */
export const handler = workflowStep('RecordWorkflowFailure', input, async ({ applicationId, period, error }) => {
  if (!(await getApplication(applicationId))) return { recorded: false };
  await transition(applicationId, {
    from: stillOpen,
    to: 'failed',
    audit: auditEvent({
      applicationId,
      at: now().toISOString(),
      actor: systemActor('RecordWorkflowFailure'),
      action: 'workflow.failed',
      status: 'failed',
      visibleToApplicant: true,
      detail: { error: error?.Error ?? 'unknown', period },
    }),
  });
  // What the failed-application alarm counts (infra/constructs/observability.ts): an operator is told.
  countMetric(businessMetrics.failed, 1, { error: error?.Error ?? 'unknown' });
  return { recorded: true };
});
