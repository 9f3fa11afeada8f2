import * as z from 'zod/mini';
import { workflowStep } from '../commons/step';
import { getApplication } from '../applications/store';
import { stepInput } from './step-input';
import { startLifecycle } from './start-lifecycle';

const input = z.extend(stepInput, {
  resume: z.enum(['matching', 'service', 'review', 'reassessment']),
  handover: z.optional(z.int().check(z.nonnegative())),
});

/**
 * ContinueAsNew: a long wait (a period longer than one execution may hold, a waiting list, a human task
 * nobody decides) goes on in a new execution, before Step Functions' one-year maximum ends this one. The
 * name follows from this execution's own input (`…-h<k+1>`), so a retried step starts the same
 * execution once.
 */
export const handler = workflowStep('ContinueAsNew', input, async ({ applicationId, period, resume, handover }) => {
  const next = (handover ?? 0) + 1;
  // A reopened application's continuations carry its round (`…-r<n>-h<k>`), so they never meet the
  // names of an earlier round's, which may have handed over too (a review nobody decided for a year).
  // The round is fixed while this execution runs: only a rejection ends it, and only then is it reopened.
  const reopened = period === 1 ? (await getApplication(applicationId))?.reopened : undefined;
  await startLifecycle({ applicationId, period, resume, handover: next, ...(reopened ? { reopened } : {}) });
  return { handover: next };
});
