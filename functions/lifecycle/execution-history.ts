import { GetExecutionHistoryCommand, type HistoryEvent } from '@aws-sdk/client-sfn';
import { sfn } from '../commons/clients';
import { env } from '../commons/env';
import { isNeededEvent, traceOf, type ExecutionTrace } from './lifecycle-picture';
import { executionName } from './start-lifecycle';

/**
 * Reads the Step Functions histories behind an application's lifecycle picture.
 *
 * Which executions: the names are deterministic (functions/lifecycle/start-lifecycle.ts): the
 * application id, each reopened round `-r<n>`, each next period `-p<n>`, and each one's continuations
 * `-h1`, `-h2`, … So the chains are known from the application (`reopened`, `period`) and each is
 * followed until a name does not exist — no ListExecutions over every application's executions.
 *
 * How much: GetExecutionHistory pages of 1,000 events, newest first, without inputs and outputs
 * (includeExecutionData=false: ids only, and a fraction of the bytes). Every execution's newest page
 * is read (it says how the execution ended and where it is); older pages only within a budget of
 * calls per request, newest executions first, so a long history (up to 25,000 events each) costs a
 * bounded number of calls against the API's rate (a token bucket shared by the account) and the
 * picture says when it is partial.
 */

/** One page of an execution's history, newest first; undefined when no execution has that name. */
export type HistoryPageReader = (name: string, nextToken: string | undefined) => Promise<{ events: HistoryEvent[]; nextToken?: string } | undefined>;

export const HISTORY_PAGE_SIZE = 1000;
/** Calls for older pages per request: one whole 25,000-event history and some. */
export const OLDER_PAGES_BUDGET = 30;
/** A chain longer than this is a bug elsewhere (a continuation per 120 days): stop following it. */
export const MAX_EXECUTIONS = 60;

export interface LifecycleOf {
  id: string;
  period: number;
  reopened?: number;
}

/** The application's executions in the order they ran, each as a trace of the states it entered. */
export async function readLifecycle(application: LifecycleOf, readPage: HistoryPageReader = awsHistoryPage): Promise<ExecutionTrace[]> {
  const chains: string[] = [];
  for (let round = 0; round <= (application.reopened ?? 0); round++) chains.push(executionName(application.id, 1, undefined, round || undefined));
  for (let period = 2; period <= application.period; period++) chains.push(executionName(application.id, period));

  const found: { name: string; events: HistoryEvent[]; nextToken?: string }[] = [];
  for (const base of chains) {
    for (let handover = 0; found.length < MAX_EXECUTIONS; handover++) {
      const name = handover === 0 ? base : `${base}-h${handover}`;
      const page = await readPage(name, undefined);
      if (!page) break;
      found.push({ name, events: page.events.filter(isNeededEvent), ...(page.nextToken ? { nextToken: page.nextToken } : {}) });
    }
  }

  let budget = OLDER_PAGES_BUDGET;
  for (const execution of [...found].reverse()) {
    while (execution.nextToken && budget > 0) {
      budget--;
      const page = await readPage(execution.name, execution.nextToken);
      execution.events.push(...(page?.events ?? []).filter(isNeededEvent));
      execution.nextToken = page?.nextToken;
    }
  }
  return found.map((execution) => traceOf(execution.name, execution.events, !execution.nextToken));
}

// Executions are named under the machine, whichever alias started them: the ARN without its qualifier
// (`arn:aws:states:<region>:<account>:stateMachine:<name>[:<alias>]`).
const machineArn = () => env.lifecycleStateMachineArn().split(':').slice(0, 7).join(':');
const executionArn = (name: string) => `${machineArn().replace(':stateMachine:', ':execution:')}:${name}`;

/** GetExecutionHistory of one of the lifecycle state machine's executions: the one Step Functions action the route's function holds. */
export const awsHistoryPage: HistoryPageReader = async (name, nextToken) => {
  try {
    const out = await sfn().send(
      new GetExecutionHistoryCommand({
        executionArn: executionArn(name),
        reverseOrder: true,
        includeExecutionData: false,
        maxResults: HISTORY_PAGE_SIZE,
        ...(nextToken ? { nextToken } : {}),
      }),
    );
    return { events: out.events ?? [], ...(out.nextToken ? { nextToken: out.nextToken } : {}) };
  } catch (error) {
    if (error instanceof Error && error.name === 'ExecutionDoesNotExist') return undefined;
    throw error;
  }
};
