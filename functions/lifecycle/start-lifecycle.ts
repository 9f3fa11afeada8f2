import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { sfn } from '../commons/clients';
import { env } from '../commons/env';

/** The input every lifecycle execution starts with. */
export interface LifecycleInput {
  applicationId: string;
  period: number;
}

/**
 * One execution per service period, named deterministically: the first is the application id, each
 * extension `<applicationId>-p<n>`. Starting twice is harmless: Step Functions returns the running
 * execution for the same name and input, and an already-finished one means the work was done.
 */
export function executionName(applicationId: string, period: number): string {
  return period === 1 ? applicationId : `${applicationId}-p${period}`;
}

export async function startLifecycle(input: LifecycleInput): Promise<string | undefined> {
  try {
    const out = await sfn().send(
      new StartExecutionCommand({
        stateMachineArn: env.lifecycleStateMachineArn(),
        name: executionName(input.applicationId, input.period),
        input: JSON.stringify(input),
      }),
    );
    return out.executionArn;
  } catch (error) {
    if (error instanceof Error && error.name === 'ExecutionAlreadyExists') return undefined;
    throw error;
  }
}
