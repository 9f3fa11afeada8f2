import { GetExecutionHistoryCommand, ListExecutionsCommand, type HistoryEvent, type SFNClient } from '@aws-sdk/client-sfn';

export interface WaitingTask {
  executionArn: string;
  /** The callback state that waits (CaseManagerReview, ProviderOffer, Reassessment, AwaitSupplement…). */
  state: string;
  taskToken: string;
}

/** Whether an execution of the lifecycle belongs to the application: its own name, or a later period's or continuation's (`<id>-p2`, `<id>-h1`, `<id>-r1`). */
const ofApplication = (name: string, applicationId: string) => name === applicationId || name.startsWith(`${applicationId}-`);

async function history(sfn: SFNClient, executionArn: string): Promise<HistoryEvent[]> {
  const events: HistoryEvent[] = [];
  let nextToken: string | undefined;
  do {
    const out = await sfn.send(new GetExecutionHistoryCommand({ executionArn, nextToken, maxResults: 1000 }));
    events.push(...(out.events ?? []));
    nextToken = out.nextToken;
  } while (nextToken);
  return events;
}

/** The callback the history shows still waiting: the newest token scheduled and not answered, timed out or failed since. */
export function openCallback(events: readonly HistoryEvent[]): Omit<WaitingTask, 'executionArn'> | undefined {
  let entered: string | undefined;
  let open: Omit<WaitingTask, 'executionArn'> | undefined;
  for (const event of events) {
    if (event.stateEnteredEventDetails?.name) entered = event.stateEnteredEventDetails.name;
    if (event.type === 'TaskScheduled' && entered) {
      const token = (JSON.parse(event.taskScheduledEventDetails?.parameters ?? '{}') as { Payload?: { taskToken?: string } }).Payload?.taskToken;
      open = token ? { state: entered, taskToken: token } : undefined;
    }
    if (event.type === 'TaskSucceeded' || event.type === 'TaskFailed' || event.type === 'TaskTimedOut' || event.type === 'TaskStateExited') open = undefined;
  }
  return open;
}

/**
 * The task token an application's running lifecycle execution waits on, read as an operator would:
 * the running execution of the application (ListExecutions), then its history (GetExecutionHistory).
 * Undefined when nothing waits (no running execution, or it is between two steps).
 */
export async function waitingTask(sfn: SFNClient, lifecycleArn: string, applicationId: string): Promise<WaitingTask | undefined> {
  let nextToken: string | undefined;
  const running: string[] = [];
  do {
    const out = await sfn.send(new ListExecutionsCommand({ stateMachineArn: lifecycleArn, statusFilter: 'RUNNING', nextToken, maxResults: 1000 }));
    for (const execution of out.executions ?? []) if (ofApplication(execution.name ?? '', applicationId)) running.push(execution.executionArn!);
    nextToken = out.nextToken;
  } while (nextToken);
  for (const executionArn of running) {
    const open = openCallback(await history(sfn, executionArn));
    if (open) return { executionArn, ...open };
  }
  return undefined;
}
