import * as z from 'zod/mini';
import { now } from '../commons/clock';
import { workflowStep } from '../commons/step';
import { auditEvent } from '../applications/audit';
import { requireApplication, transition } from '../applications/store';
import { stateSeconds, stepInput, systemActor, taskToken } from '../lifecycle/step-input';
import { keys } from '../applications/keys';
import { renewToken } from '../applications/renewed-token';
import { effectiveOutcome } from '../eligibility/override';
import { stopIfClosing } from '../closure/stop-if-closing';
import { taskIdFor, type HumanTask } from './task';
import { carriedAge } from './task-age';
import { taskPut, tasksOfApplication } from './task-store';

const input = z.extend(stepInput, {
  kind: z.enum(['review', 'reassessment']),
  taskToken,
  timeoutSeconds: stateSeconds,
  heartbeatSeconds: stateSeconds,
});

const statusFor = {
  // A supplement round (answered or not) returns the case to review.
  review: { from: ['screened', 'awaiting-review', 'supplement-requested'], to: 'awaiting-review' },
  reassessment: { from: ['in-service', 'reassessment'], to: 'reassessment' },
} as const;

/**
 * CaseManagerReview / Reassessment: opens the task that holds the token. It is due when the state
 * escalates it — its heartbeat runs out first unless someone claims it — and the state's own
 * TimeoutSeconds and HeartbeatSeconds come in the payload, so the two cannot disagree. A task opened
 * after an escalation (in this execution or, past the year's budget, in the next) keeps the first
 * one's date and counts the escalations. The task is opened once per visit: a retried attempt (a new
 * token) finds the one an earlier attempt opened still open and hands it the new token
 * (applications/renewed-token.ts); an escalation closes its task before the fresh one opens.
 */
export const handler = workflowStep('OpenHumanTask', input, async ({ applicationId, period, kind, taskToken, timeoutSeconds, heartbeatSeconds }) => {
  const application = await requireApplication(applicationId);
  const openedAt = now();
  const returned = application.status === 'supplement-requested' ? application.supplement : undefined;
  const outcome = returned?.state === 'answered' ? 'answered' : returned ? 'no-answer' : undefined;
  const after = (seconds: number) => new Date(openedAt.getTime() + seconds * 1000).toISOString();
  const taskId = taskIdFor(applicationId, taskToken);
  const earlier = (await tasksOfApplication(applicationId)).filter((t) => t.kind === kind && t.period === period && t.taskId !== taskId);
  const task: HumanTask = {
    taskId,
    applicationId,
    kind,
    period,
    district: application.district,
    programme: application.programme,
    state: 'open',
    createdAt: openedAt.toISOString(),
    ...carriedAge(earlier, openedAt.toISOString()),
    dueAt: after(Math.min(heartbeatSeconds, timeoutSeconds)),
    timeoutAt: after(timeoutSeconds),
    heartbeatSeconds,
    taskToken,
    // A supervisor's override counts over the rules' outcome (a reopened application reads eligible).
    eligibilityOutcome: effectiveOutcome(application),
    ...(returned && outcome ? { supplement: { round: returned.round, outcome } } : {}),
  };
  // Open still, of this kind and period: an earlier attempt of this visit opened it, and its token died with that attempt.
  const opened = earlier.find((t) => t.state === 'open' && t.taskToken);
  if (opened && (await renewToken(keys.task(applicationId, opened.taskId), { taskToken: opened.taskToken!, answer: opened.answer }, taskToken))) {
    await stopIfClosing(applicationId);
    return { taskId: opened.taskId };
  }
  await transition(applicationId, {
    ...statusFor[kind],
    audit: auditEvent({
      applicationId,
      at: task.createdAt,
      actor: systemActor('OpenHumanTask'),
      action: `task.opened`,
      status: statusFor[kind].to,
      visibleToApplicant: true,
      detail: { taskId: task.taskId, kind, dueAt: task.dueAt, ...(task.supplement ? { supplementRound: task.supplement.round, supplementOutcome: task.supplement.outcome } : {}) },
    }),
    with: [taskPut(task)],
  });
  // The task (and its token) is kept: a closing request from here on finds it; one before, we find.
  await stopIfClosing(applicationId);
  return { taskId: task.taskId };
});
