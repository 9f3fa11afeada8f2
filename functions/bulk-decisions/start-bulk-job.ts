import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { sfn } from '../commons/clients';
import { env } from '../commons/env';
import { currentCorrelationId } from '../commons/logger';
import type { BulkJob } from './bulk-job';

/**
 * Starts the job's execution (workflows/bulk-decisions.ts) with task ids only — the Map's items —
 * never the cases themselves: 100 ids are a few kilobytes of the 256 KB an execution's payload may be.
 * Named by the job and its creation, so starting again (a repeated POST, a retry after the answer was
 * lost) is harmless: the running execution is returned, a finished one means the work was done; and a
 * job made afresh after an old one of the same key expired still gets its own execution.
 */
export async function startBulkJob(job: Pick<BulkJob, 'jobId' | 'createdAt' | 'taskIds'>): Promise<void> {
  try {
    await sfn().send(
      new StartExecutionCommand({
        stateMachineArn: env.bulkDecisionsStateMachineArn(),
        name: `${job.jobId}-${Math.floor(Date.parse(job.createdAt) / 1000)}`,
        // The creating request's correlation id goes on with the job, onto each case's log lines.
        input: JSON.stringify({ jobId: job.jobId, taskIds: job.taskIds, ...(currentCorrelationId() ? { correlationId: currentCorrelationId() } : {}) }),
      }),
    );
  } catch (error) {
    if (error instanceof Error && error.name === 'ExecutionAlreadyExists') return;
    throw error;
  }
}
