import { setTimeout as sleep } from 'node:timers/promises';
import { ListExecutionsCommand, type ExecutionListItem, type HistoryEvent } from '@aws-sdk/client-sfn';
import type { clientsFor } from '../../test/support/clients';

type Clients = ReturnType<typeof clientsFor>;

export const LIFECYCLE_ARN = 'arn:aws:states:ap-northeast-2:000000000000:stateMachine:dolbom-dev-lifecycle';

/** What Step Functions would bill one application for, from its executions' histories. */
export interface ExecutionFigures {
  executions: number;
  /** States entered: what Standard workflows bill, one transition each. */
  statesEntered: number;
  /** Lambda tasks scheduled again after a failure: AWS bills each retry as one more transition. */
  retries: number;
  historyEvents: number;
}

/** Transitions as AWS bills them: every state entered, and every retry. */
export const transitions = (f: ExecutionFigures) => f.statesEntered + f.retries;

export function figuresOf(histories: HistoryEvent[][]): ExecutionFigures {
  let statesEntered = 0;
  let taskStates = 0;
  let scheduled = 0;
  let historyEvents = 0;
  for (const events of histories) {
    historyEvents += events.length;
    for (const e of events) {
      if (e.type?.endsWith('StateEntered')) statesEntered++;
      if (e.type === 'TaskStateEntered') taskStates++;
      if (e.type === 'TaskScheduled' || e.type === 'LambdaFunctionScheduled') scheduled++;
    }
  }
  // A Task state schedules its Lambda once per entry; every further scheduling is a retry.
  return { executions: histories.length, statesEntered, retries: Math.max(0, scheduled - taskStates), historyEvents };
}

async function listExecutions(clients: Clients, statusFilter?: 'RUNNING'): Promise<ExecutionListItem[]> {
  const all: ExecutionListItem[] = [];
  let nextToken: string | undefined;
  do {
    const page = await clients.sfn.send(new ListExecutionsCommand({ stateMachineArn: LIFECYCLE_ARN, maxResults: 1000, nextToken, statusFilter }));
    all.push(...(page.executions ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return all;
}

/** The closure step sets the status a moment before its execution ends: wait until none of these runs. */
export async function untilExecutionsEnd(clients: Clients, applicationIds: readonly string[], timeoutMs = 120_000): Promise<void> {
  const ours = new Set(applicationIds);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const running = (await listExecutions(clients, 'RUNNING')).filter((e) => ours.has(applicationOf(e.name!, ours) ?? ''));
    if (running.length === 0) return;
    if (Date.now() > deadline) throw new Error(`${running.length} executions still running, e.g. ${running[0]!.name}`);
    await sleep(250);
  }
}

/** Executions are named `<applicationId>` and `<applicationId>-h1`, `-p2`, `-r1`, …: the application they belong to. */
function applicationOf(name: string, ids: ReadonlySet<string>): string | undefined {
  if (ids.has(name)) return name;
  for (let cut = name.lastIndexOf('-'); cut > 0; cut = name.lastIndexOf('-', cut - 1)) {
    if (ids.has(name.slice(0, cut))) return name.slice(0, cut);
  }
  return undefined;
}

/** Every execution of each application (hand-overs and extensions included), read from its history. */
export async function executionFigures(clients: Clients, applicationIds: readonly string[]): Promise<Map<string, ExecutionFigures>> {
  const ids = new Set(applicationIds);
  const byApplication = new Map<string, string[]>();
  for (const e of await listExecutions(clients)) {
    const id = applicationOf(e.name!, ids);
    if (id) byApplication.set(id, [...(byApplication.get(id) ?? []), e.executionArn!]);
  }
  const figures = new Map<string, ExecutionFigures>();
  for (const id of applicationIds) {
    const histories: HistoryEvent[][] = [];
    for (const arn of byApplication.get(id) ?? []) histories.push(await clients.history(arn));
    figures.set(id, figuresOf(histories));
  }
  return figures;
}
