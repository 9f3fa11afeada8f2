import * as z from 'zod/mini';
import { now } from '../commons/clock';
import { HttpProblem } from '../commons/problems';
import { workflowStep } from '../commons/step';
import { getApplication } from '../applications/store';
import { decideTask } from '../review/decide';
import { taskOfStaff } from '../review/staff-task';
import { decisionOf } from './bulk-body';
import { isJobId, resultOfRefusal, type BulkItem, type BulkJob } from './bulk-job';
import { getJob, recordResult } from './bulk-store';

const input = z.object({ jobId: z.string().check(z.refine(isJobId)), taskId: z.string().check(z.maxLength(128)) });

/**
 * One case of a bulk decision job (a Map iteration of workflows/bulk-decisions.ts): the single
 * decision's path — the district of the job's creator, the task still open, its token, the kind's
 * decisions, the supervisor's override — with the job's decision, note and reason, as its creator.
 * Then the case's result is recorded on the job while it is pending.
 *
 * A retry never applies twice: decideTask answers the same person's same decision on a task with the
 * answer already stored (and the token already spent) as applied, without a second answer or audit
 * event; and a result already recorded is left as it is.
 */
export const handler = workflowStep('DecideBulkItem', input, async ({ jobId, taskId }) => {
  const job = await getJob(jobId);
  const recorded = job?.items[taskId];
  if (!job || !recorded) return { outcome: 'unknown' };
  if (recorded.outcome !== 'pending') return { outcome: recorded.outcome };
  const result = await decideOne(job, taskId);
  await recordResult(jobId, { ...result, at: now().toISOString() });
  return { outcome: result.outcome };
});

async function decideOne(job: BulkJob, taskId: string): Promise<Omit<BulkItem, 'at'>> {
  let seen: { applicationId: string; receiptNumber: string } | undefined;
  try {
    const task = await taskOfStaff(job.staff, taskId);
    const application = await getApplication(task.applicationId, false);
    seen = application ? { applicationId: application.id, receiptNumber: application.receiptNumber } : undefined;
    await decideTask(task, decisionOf(job.request), job.by);
    return { taskId, outcome: 'applied', ...seen };
  } catch (error) {
    // The single decision's refusals are this case's answer; anything else is retried by the workflow.
    if (error instanceof HttpProblem && error.status < 500) return resultOfRefusal(taskId, error, seen);
    throw error;
  }
}
