import { now } from '../commons/clock';
import { workflowStep } from '../commons/step';
import { auditEvent } from '../applications/audit';
import { requireApplication, transition } from '../applications/store';
import { stepInput, systemActor } from '../lifecycle/step-input';
import type { EligibilityResult } from '../eligibility/types';
import { notificationPut } from '../notifications/outbox';
import { tasksOfApplication } from '../review/task-store';
import { rejectedByRules, rejectedOnReview, type RejectionRecord } from './rejection';

/**
 * RejectApplication: the application ends, the reason is kept on it (`rejection`), and the applicant
 * is sent the reason with how to appeal. Reached from `screened` only by the rules' outcome (no task
 * was opened), from `awaiting-review` only by a case manager's reject — so the status says which.
 */
export const handler = workflowStep('RejectApplication', stepInput, async ({ applicationId }) => {
  const application = await requireApplication(applicationId);
  const at = now().toISOString();
  const rejection: RejectionRecord =
    application.status === 'screened' && application.eligibility
      ? rejectedByRules(application.eligibility as EligibilityResult, at)
      : rejectedOnReview(await decidingTask(applicationId), at);
  // An application reopened by a supervisor's override may be rejected again: one notice per round.
  const key = application.reopened ? `rejected-r${application.reopened}` : 'rejected';
  await transition(applicationId, {
    from: ['screened', 'awaiting-review'],
    to: 'rejected',
    set: { rejection },
    audit: auditEvent({
      applicationId,
      at,
      actor: systemActor('RejectApplication'),
      action: 'application.rejected',
      status: 'rejected',
      visibleToApplicant: true,
      detail: { basis: rejection.basis, reason: rejection.reason ?? null, taskId: rejection.taskId ?? null },
    }),
    with: [
      notificationPut({
        applicationId,
        key,
        template: 'application-rejected',
        reasons: rejection.reasons,
        ...(rejection.toCitizen ? { toCitizen: rejection.toCitizen } : {}),
        createdAt: at,
      }),
    ],
  });
  return { rejected: true };
});

/** The review task whose reject ended the case: the latest one decided so. */
async function decidingTask(applicationId: string) {
  const rejects = (await tasksOfApplication(applicationId)).filter((t) => t.kind === 'review' && t.state === 'decided' && t.answer?.decision === 'reject');
  return rejects.sort((a, b) => (a.answer!.at < b.answer!.at ? 1 : -1))[0];
}
