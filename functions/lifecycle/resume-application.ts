import { statusLabels } from '../applications/application';
import { auditEvent } from '../applications/audit';
import { isApplicationId } from '../applications/identifiers';
import { getApplication, InvalidTransition, transition, type TransitionResult } from '../applications/store';
import { now } from '../commons/clock';
import { httpHandler } from '../commons/http';
import { currentCorrelationId } from '../commons/logger';
import { problem, type HttpProblem } from '../commons/problems';
import { requireDistrict, staffActor, staffMember } from '../commons/staff';
import { planResume, type ResumeRefusal, type Resumption } from './resume';
import { resumeBody } from './resume-body';
import { stageLabels } from './stages';
import { executionName, startLifecycle } from './start-lifecycle';

/** Each refusal in the staff member's words: why not, and what to do instead. */
const refusals: Record<ResumeRefusal, () => HttpProblem> = {
  'not-failed': () =>
    problem.conflict('application-not-failed', {
      ko: '처리 오류로 멈춘 신청만 재개할 수 있습니다. 이 신청은 멈춰 있지 않습니다(이미 재개되었을 수 있습니다). 새로 고쳐 확인해 주세요.',
      en: 'Only an application stopped on a processing error can be resumed, and this one is not stopped (it may have been resumed already). Refresh to check.',
    }),
  'no-failure-record': () =>
    problem.conflict('failure-not-recorded', {
      ko: '이 신청은 어느 단계에서 멈췄는지 기록되기 전에 멈췄습니다. 운영 매뉴얼(docs/operations.md)의 수동 절차로 재개해 주세요.',
      en: 'This application stopped before failures recorded where they happened: resume it by the manual procedure of the runbook (docs/operations.md).',
    }),
  'no-stage': () =>
    problem.conflict('no-resume-stage', {
      ko: '멈춘 단계에서 다시 시작할 방법이 없습니다. 운영 매뉴얼(docs/operations.md)의 수동 절차로 처리해 주세요.',
      en: 'There is no way to start again at the stage it stopped in: use the manual procedure of the runbook (docs/operations.md).',
    }),
};

/**
 * POST /api/staff/applications/{applicationId}/resume — after the cause of a failure is fixed, an
 * operator (any district) or a supervisor of the case's district resumes the failed application with
 * what was fixed: it returns to the status it had, and a new execution picks the work up at its stage
 * (functions/lifecycle/resume.ts). One transaction moves it out of `failed`, so of two people resuming
 * at once one does and the other gets 409; the same person sending the same again (a lost answer)
 * gets the same 202, and its execution, named from the failed one's, is started once.
 */
export const handler = httpHandler(async (event) => {
  const staff = staffMember(event);
  const applicationId = event.pathParameters?.applicationId ?? '';
  const application = isApplicationId(applicationId) ? await getApplication(applicationId) : undefined;
  if (!application) throw problem.notFound({ ko: '신청', en: 'Application' });
  requireDistrict(staff, application.district);
  const { reason } = resumeBody.parse(event.jsonBody);
  const plan = planResume(application);
  if (plan.kind === 'refused') {
    if (isRepeat(application.resumed, staff.userId, reason)) return started(application.resumed!);
    throw refusals[plan.why]();
  }
  const correlationId = currentCorrelationId();
  const resumed: Resumption = {
    at: now().toISOString(),
    by: staffActor(staff, event),
    reason: reason!,
    stage: plan.stage,
    status: plan.status,
    // The request's id goes with the execution (its steps log it), kept so a repeat starts it with the same input.
    input: { ...plan.input, ...(correlationId ? { correlationId } : {}) },
    execution: executionName(plan.input.applicationId, plan.input.period, plan.input.handover, plan.input.reopened),
    failure: application.failure!,
  };
  const done = await moveOutOfFailed(() => transition(applicationId, {
    from: ['failed'],
    to: plan.status,
    set: { resumed },
    remove: ['failure'],
    audit: auditEvent({
      applicationId,
      at: resumed.at,
      actor: resumed.by,
      action: 'workflow.resumed',
      status: plan.status,
      visibleToApplicant: true,
      detail: { stage: plan.stage, execution: resumed.execution, failedExecution: resumed.failure.execution, error: resumed.failure.error },
      note: resumed.reason,
    }),
  }));
  if (!done.applied) {
    // Someone moved it out of `failed` first: theirs stands (or it is this person's own, sent twice).
    if (isRepeat(done.current.resumed, staff.userId, reason)) return started(done.current.resumed!);
    throw refusals['not-failed']();
  }
  return started(resumed);
});

/** Long enough for a lost answer to be sent again; a later click is a new request, answered as such. */
const REPEAT_WINDOW_MS = 15 * 60 * 1000;

/** The same person's same resume, applied moments ago: answered again, its execution started (once). */
function isRepeat(resumed: Resumption | undefined, userId: string, reason: string | undefined): boolean {
  return (
    resumed !== undefined &&
    resumed.by.userId === userId &&
    resumed.reason === reason &&
    now().getTime() - Date.parse(resumed.at) < REPEAT_WINDOW_MS
  );
}

/** Out of `failed` already, and on to another status (the resumed execution moved it on): not applied either. */
async function moveOutOfFailed(move: () => Promise<TransitionResult>): Promise<TransitionResult> {
  try {
    return await move();
  } catch (error) {
    if (!(error instanceof InvalidTransition)) throw error;
    const current = await getApplication(error.applicationId);
    if (!current) throw error;
    return { applied: false, current };
  }
}

async function started(resumed: Resumption) {
  // Named from the failed execution's name: starting it again finds it (start-lifecycle.ts).
  await startLifecycle(resumed.input);
  return {
    status: 202,
    body: {
      applicationId: resumed.input.applicationId,
      status: resumed.status,
      statusLabel: statusLabels[resumed.status],
      stage: resumed.stage,
      stageLabel: stageLabels[resumed.stage],
      execution: resumed.execution,
      resumedAt: resumed.at,
    },
  };
}
