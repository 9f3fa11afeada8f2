import * as z from 'zod/mini';
import { now } from '../commons/clock';
import { workflowStep } from '../commons/step';
import { auditEvent } from '../applications/audit';
import { requireApplication, transition } from '../applications/store';
import { stopIfClosing } from '../closure/stop-if-closing';
import { stateSeconds, stepInput, systemActor, taskToken } from '../lifecycle/step-input';
import { sendOutput } from '../applications/renewed-token';
import { supplementAnswered } from './supplement';
import { getSupplement, renewWaitingToken, waitingWrite } from './supplement-store';

const input = z.extend(stepInput, { taskToken, timeoutSeconds: stateSeconds });

/**
 * AwaitSupplement: keeps the token of the workflow's wait for the citizen on the supplement round,
 * with its deadline — the state's own timeout, given in the payload so the two cannot disagree. The
 * citizen's answer (submit-supplement.ts) sends the token; the timeout goes to LapseSupplement. A
 * retried attempt hands its new token to the round (applications/renewed-token.ts).
 */
export const handler = workflowStep('AwaitSupplement', input, async ({ applicationId, taskToken, timeoutSeconds }) => {
  const application = await requireApplication(applicationId);
  const round = application.supplement?.round;
  if (!round) throw new Error(`Application ${applicationId} has no supplement round to wait for`);
  const at = now();
  const dueAt = new Date(at.getTime() + timeoutSeconds * 1000).toISOString();
  // A retried step finds the round already waiting: the transaction fails and the transition says so.
  const { applied } = await transition(applicationId, {
    from: ['supplement-requested'],
    to: 'supplement-requested',
    set: { supplement: { round, state: 'waiting', dueAt } },
    audit: auditEvent({ applicationId, at: at.toISOString(), actor: systemActor('AwaitSupplement'), action: 'supplement.awaited', detail: { round, dueAt } }),
    with: [waitingWrite(applicationId, round, taskToken, dueAt)],
  });
  // Waiting already, with the token of an attempt that failed after it wrote it: the round takes this
  // one — or, answered meanwhile on the dead token, the answer is passed on with this one.
  if (!applied && !(await renewWaitingToken(applicationId, round, taskToken))) {
    const current = await getSupplement(applicationId, round);
    if (current?.state === 'answered') await sendOutput(taskToken, supplementAnswered(round));
  }
  await stopIfClosing(applicationId);
  return { round };
});
