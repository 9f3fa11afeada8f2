import * as z from 'zod/mini';
import { now } from '../commons/clock';
import { workflowStep } from '../commons/step';
import { requireApplication } from '../applications/store';
import { stepInput, taskToken } from '../lifecycle/step-input';
import { endPeriodWait, keepPeriodWait } from './period-wait';
import { ClosingEarly } from '../closure/stop-if-closing';

const input = z.extend(stepInput, { taskToken });

/**
 * AwaitServicePeriod: the period runs with no timed loop. The workflow waits on this token until the
 * agency records the plan's last session (functions/provider-portal/record-session.ts answers it) or
 * the state's timeout — the period's end, or the longest wait of one execution — comes first. A plan
 * completed before the token was kept is answered here at once, so the race cannot lose it.
 */
export const handler = workflowStep('AwaitServicePeriod', input, async ({ applicationId, period, taskToken }) => {
  await keepPeriodWait(applicationId, period, taskToken, now().toISOString());
  const application = await requireApplication(applicationId);
  // Read after the token is kept: a closing request before it stops the wait here (closing-signal.ts).
  if (application.closingRequest) throw new ClosingEarly(`Application ${applicationId} is closing early`);
  if (application.servicePeriod?.period === period && application.servicePeriod.planCompletedAt) await endPeriodWait(applicationId, period, taskToken);
  return { waiting: true };
});
