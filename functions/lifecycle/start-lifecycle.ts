import { StartExecutionCommand } from '@aws-sdk/client-sfn';
import { sfn } from '../commons/clients';
import { env } from '../commons/env';
import { currentCorrelationId } from '../commons/logger';

/**
 * Where an execution that continues another one picks up the work: a hand-over's four, and two only
 * an operator's resume of a failed application needs (functions/lifecycle/resume.ts) — a service
 * period not yet started in period 1, and a closure that was asked for.
 */
export type Resume = 'matching' | 'service' | 'review' | 'reassessment' | 'service-start' | 'closure';

/** The input every lifecycle execution starts with. */
export interface LifecycleInput {
  applicationId: string;
  period: number;
  /** Set on an execution that continues another (continue-as-new): the stage it goes on with. */
  resume?: Resume;
  /** How many executions this period has been handed over through (1 for the first continuation). */
  handover?: number;
  /** An application a supervisor's override reopened after the rules rejected it: the how-manieth time. */
  reopened?: number;
  /**
   * The id every log line of this execution's steps carries (workflows/correlation.ts): the API
   * request's that started the chain, passed on by each continuation. Defaults to the caller's own.
   */
  correlationId?: string;
}

/**
 * Executions are named deterministically: the first is the application id, each extension
 * `<applicationId>-p<n>`, and an execution that continues a long wait of one (continue-as-new, since
 * a Standard execution ends after a year) adds `-h<k>`. An application reopened by a supervisor's
 * eligibility override after the rules rejected it runs its review again as `<applicationId>-r<n>`,
 * and its continuations as `<applicationId>-r<n>-h<k>` (an earlier round may have handed over too,
 * a review nobody decided for a year, so the round stays in the name). Starting twice is harmless:
 * Step Functions returns the running execution for the same name and input, and an already-finished
 * one means the work was done.
 */
export function executionName(applicationId: string, period: number, handover?: number, reopened?: number): string {
  const first = reopened ? `${applicationId}-r${reopened}` : applicationId;
  const base = period === 1 ? first : `${applicationId}-p${period}`;
  return handover ? `${base}-h${handover}` : base;
}

/** The hand-over number in an execution's name (`…-h<k>`), 0 for one that continues none. */
export function handoverOf(executionName: string): number {
  const handover = /-h(\d+)$/.exec(executionName)?.[1];
  return handover ? Number(handover) : 0;
}

function correlation(input: LifecycleInput): { correlationId?: string } {
  const correlationId = input.correlationId ?? currentCorrelationId();
  return correlationId ? { correlationId } : {};
}

export async function startLifecycle(input: LifecycleInput): Promise<string | undefined> {
  try {
    const out = await sfn().send(
      new StartExecutionCommand({
        stateMachineArn: env.lifecycleStateMachineArn(),
        name: executionName(input.applicationId, input.period, input.handover, input.reopened),
        // Every execution knows its place in the chain (0: not a continuation), so the step that
        // continues it can name the next one from its own input.
        input: JSON.stringify({ ...input, handover: input.handover ?? 0, ...correlation(input) }),
      }),
    );
    return out.executionArn;
  } catch (error) {
    if (error instanceof Error && error.name === 'ExecutionAlreadyExists') return undefined;
    throw error;
  }
}
