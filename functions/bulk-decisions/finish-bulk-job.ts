import * as z from 'zod/mini';
import { now } from '../commons/clock';
import { workflowStep } from '../commons/step';
import { givenUp, isJobId, type BulkItem } from './bulk-job';
import { finishJob, getJob } from './bulk-store';

const input = z.object({ jobId: z.string().check(z.refine(isJobId)) });

/**
 * The job's last step, after every case ran: a case still pending failed beyond its retries (the
 * workflow caught it) and is marked so — to be opened and decided on its own, where the case page
 * shows whether the decision went through after all — and the job is done.
 */
export const handler = workflowStep('FinishBulkJob', input, async ({ jobId }) => {
  const job = await getJob(jobId);
  if (!job || job.status === 'done') return { status: 'done' };
  const at = now().toISOString();
  const leftovers: BulkItem[] = job.taskIds.filter((t) => job.items[t]?.outcome === 'pending').map((taskId) => ({ taskId, outcome: 'not-done', reason: givenUp, at }));
  await finishJob(jobId, leftovers, at);
  return { status: 'done', notDone: leftovers.length };
});
