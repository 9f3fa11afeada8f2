/**
 * Executions: starting them, running them on the library (one attached run per RUNNING execution
 * in this process), resuming them from their checkpoints after a restart, and ending them — by
 * themselves, by StopExecution, by timing out (the definition's TimeoutSeconds, or Standard's
 * one-year maximum), or by crossing another of Standard's quotas (limits.ts: 25,000 history events,
 * 256 KiB of state data).
 */
import './polyfills';
import { ExecutionAbortedError, ExecutionError } from 'aws-local-stepfunctions';
import { nowMs } from '../../functions/commons/clock';
import { executionArn as toExecutionArn } from './arns';
import type { CheckpointStore, ExecutionEnding, ExecutionRecord } from './checkpoint-store';
import { LOCAL_EXECUTION_CONTEXT_KEY } from './definition';
import { RunDetached, SfnApiError } from './errors';
import {
  executionEnded,
  executionStarted,
  executionSucceeded,
  toHistoryEvent,
  type LibraryEvent,
  type NewHistoryEvent,
} from './history';
import { ExecutionJournal } from './journal';
import type { RegisteredStateMachine } from './state-machines';
import { taskHandlers, type InvokeLambda } from './task-handlers';
import type { TaskTokens } from './task-tokens';
import { SlotHolder, type VirtualTimers } from './timers';

export interface ExecutionDependencies {
  store: CheckpointStore;
  tokens: TaskTokens;
  timers: VirtualTimers;
  invokeLambda: InvokeLambda;
  region: string;
  /** Standard's 25,000 (limits.ts) unless a test asks for fewer. */
  maxHistoryEvents: number;
  log: (line: string) => void;
}

/**
 * A Standard execution runs at most one year. AWS Step Functions Developer Guide, "Step Functions
 * service quotas" › "Quotas related to state machine executions" (hard quotas): "Maximum execution
 * time — Standard: 1 year. If an execution runs for more than the 1-year maximum, it will fail with
 * a States.Timeout error and emit a ExecutionsTimedOut CloudWatch metric." The execution ends
 * TIMED_OUT (DescribeExecution `status`, `stopDate`, `error`, `cause`; the last history event is
 * `ExecutionTimedOut` with `executionTimedOutEventDetails`), and no Catch sees it: catchers belong
 * to states, "not for top-level state machine execution failures" (the guide's "Handling errors").
 * AWS says "1 year", never how many days, nor the cause's text: 365 days is the shorter reading,
 * so what fits here fits on AWS; the cause below is ours. Express workflows (5 minutes) are not
 * modelled: every machine here is STANDARD.
 */
export const STANDARD_MAX_EXECUTION_SECONDS = 365 * 86_400;

/** `$$.Task.Token` in the run's context; handlers swap it for the token they mint. */
const TASK_TOKEN_PLACEHOLDER = '__DOLBOM_LOCAL_TASK_TOKEN__';

export class Executions {
  private readonly runs = new Map<string, ExecutionRun>();

  constructor(private readonly deps: ExecutionDependencies) {}

  /**
   * Starts an execution. The same name with the same input while it is RUNNING returns the
   * existing one (idempotent, as in Standard workflows); any other reuse of a name is refused.
   */
  async start(machine: RegisteredStateMachine, name: string, input: string): Promise<ExecutionRecord> {
    const record: ExecutionRecord = {
      executionArn: toExecutionArn(machine.arn, name),
      stateMachineArn: machine.arn,
      name,
      status: 'RUNNING',
      input,
      startDate: nowMs(),
      roleArn: machine.roleArn,
    };
    if (!(await this.deps.store.createExecution(record))) {
      const existing = await this.deps.store.getExecution(record.executionArn);
      if (existing?.status === 'RUNNING' && existing.input === input) return existing;
      throw new SfnApiError('ExecutionAlreadyExists', `Execution Already Exists: '${record.executionArn}'`);
    }
    const run = this.attach(machine, record, 1);
    run.journal.append(executionStarted(input, record.roleArn));
    run.start();
    return record;
  }

  /** Resumes every RUNNING execution of `machine` that this process does not run yet. */
  async resume(machine: RegisteredStateMachine): Promise<number> {
    const running = (await this.deps.store.executionsOf(machine.arn)).filter(
      (record) => record.status === 'RUNNING' && !this.runs.has(record.executionArn),
    );
    for (const record of running) {
      // Tokens of visits the run will not return to (nested states restart with their parent).
      await this.abandonTokens(record, record.checkpoint?.taskToken);
      const nextEventId = (await this.deps.store.lastEventId(record.executionArn)) + 1;
      try {
        this.attach(machine, record, nextEventId).start();
      } catch (error) {
        // E.g. the definition changed and lost the checkpointed state: leave it RUNNING, start the rest.
        this.runs.delete(record.executionArn);
        this.deps.log(`cannot resume ${record.executionArn}: ${String(error)}`);
      }
    }
    return running.length;
  }

  /** StopExecution: ABORTED, with its tokens invalidated and its timers gone. */
  async stop(executionArn: string, error?: string, cause?: string): Promise<number> {
    const record = await this.deps.store.getExecution(executionArn);
    if (!record) throw new SfnApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${executionArn}'`);
    const stopDate = nowMs();
    const ended = await this.end(
      executionArn,
      { status: 'ABORTED', stopDate, error, cause },
      executionEnded('ExecutionAborted', error, cause),
    );
    if (ended) return stopDate;
    return (await this.deps.store.getExecution(executionArn))?.stopDate ?? stopDate;
  }

  /** Leaves every execution RUNNING in DynamoDB, to be resumed by the next start(). */
  async detachAll(): Promise<void> {
    const runs = [...this.runs.values()];
    this.runs.clear();
    for (const run of runs) run.detach();
    await Promise.all(runs.map((run) => run.journal.idle()));
  }

  private attach(machine: RegisteredStateMachine, record: ExecutionRecord, nextEventId: number): ExecutionRun {
    const run = new ExecutionRun(this.deps, machine, record, nextEventId, {
      ended: (ending, event) => this.end(record.executionArn, ending, event),
    });
    this.runs.set(record.executionArn, run);
    return run;
  }

  /**
   * Ends a RUNNING execution: detaches its run, then writes status and last event together.
   * False when it had already ended (a finish and a stop raced; the first one counts).
   */
  private async end(executionArn: string, ending: ExecutionEnding, event: NewHistoryEvent): Promise<boolean> {
    const run = this.runs.get(executionArn);
    if (run) {
      run.detach();
      await run.journal.idle();
    }
    const eventId = run ? run.journal.reserveEventId() : (await this.deps.store.lastEventId(executionArn)) + 1;
    const closed = await this.deps.store.closeExecution(executionArn, ending, toHistoryEvent(event, eventId, ending.stopDate));
    if (!closed) return false;
    if (this.runs.get(executionArn) === run) this.runs.delete(executionArn);
    const record = await this.deps.store.getExecution(executionArn);
    if (record) await this.abandonTokens(record);
    return true;
  }

  private async abandonTokens(record: ExecutionRecord, keep?: string): Promise<void> {
    for (const token of record.pendingTokens ?? []) {
      if (token === keep) continue;
      await this.deps.tokens.abandon(token);
      await this.deps.store.forgetTaskToken(record.executionArn, token);
    }
  }
}

interface RunCallbacks {
  ended: (ending: ExecutionEnding, event: NewHistoryEvent) => Promise<boolean>;
}

/** One execution running on the library in this process, from its start or from its checkpoint. */
class ExecutionRun {
  readonly journal: ExecutionJournal;
  private readonly detachment = new AbortController();
  private readonly slot = new SlotHolder();
  private abortLibraryRun: () => void = () => {};
  private cancelExecutionTimeout: () => void = () => {};

  constructor(
    private readonly deps: ExecutionDependencies,
    private readonly machine: RegisteredStateMachine,
    private readonly execution: ExecutionRecord,
    nextEventId: number,
    private readonly callbacks: RunCallbacks,
  ) {
    this.journal = new ExecutionJournal(
      deps.store,
      execution.executionArn,
      machine.local.states,
      { nextEventId, checkpoint: execution.checkpoint },
      deps.log,
      { maxHistoryEvents: deps.maxHistoryEvents, exceeded: (error, cause) => void this.failOnQuota(error, cause) },
    );
  }

  start(): void {
    const { execution, machine, deps } = this;
    // Resumed after its deadline (the clock moved while the service was down): it ends as AWS
    // would have ended it then, without running its checkpointed state again.
    if (this.deadline().dueMs <= nowMs()) {
      void this.timeOut();
      return;
    }
    const checkpoint = execution.checkpoint;
    const executionContext = {
      Id: execution.executionArn,
      Name: execution.name,
      Input: JSON.parse(execution.input),
      StartTime: new Date(execution.startDate).toISOString(),
      RoleArn: execution.roleArn,
      RedriveCount: 0,
    };
    const handlers = taskHandlers({
      executionArn: execution.executionArn,
      region: deps.region,
      states: machine.local.states,
      journal: this.journal,
      store: deps.store,
      tokens: deps.tokens,
      timers: deps.timers,
      slot: this.slot,
      invokeLambda: deps.invokeLambda,
      signal: this.detachment.signal,
      tokenPlaceholder: TASK_TOKEN_PLACEHOLDER,
    });
    const run = machine.startingAt(checkpoint?.state).run(JSON.parse(checkpoint?.input ?? execution.input), {
      context: {
        Execution: executionContext,
        [LOCAL_EXECUTION_CONTEXT_KEY]: executionContext,
        StateMachine: { Id: machine.arn, Name: machine.name },
        Task: { Token: TASK_TOKEN_PLACEHOLDER },
      },
      overrides: {
        taskResourceLocalHandlers: handlers,
        // Handlers pause before retries in virtual time (task-handlers.ts), so the library must not.
        retryIntervalOverrides: Object.fromEntries(Object.keys(handlers).map((name) => [name, 0])),
      },
    });
    this.abortLibraryRun = run.abort;
    const recorded = this.record(run.eventLogs);
    run.result.then(
      async (output) => {
        await recorded;
        await this.finish({ status: 'SUCCEEDED', stopDate: nowMs(), output: JSON.stringify(output) }, executionSucceeded(JSON.stringify(output)));
      },
      async (error: unknown) => {
        if (error instanceof ExecutionAbortedError) return; // detached on purpose
        await recorded;
        const cause = error instanceof ExecutionError && error.cause instanceof Error ? error.cause : undefined;
        const [name, message] = cause ? [cause.name, cause.message] : ['States.Runtime', String(error)];
        await this.finish({ status: 'FAILED', stopDate: nowMs(), error: name, cause: message }, executionEnded('ExecutionFailed', name, message));
      },
    );
    this.armExecutionTimeout();
  }

  /** Stops everything this run does in this process, without touching its status in DynamoDB. */
  detach(): void {
    if (this.detachment.signal.aborted) return;
    this.journal.close();
    this.abortLibraryRun();
    this.detachment.abort(new RunDetached());
    this.cancelExecutionTimeout();
    this.slot.close();
  }

  private async record(events: AsyncGenerator<LibraryEvent>): Promise<void> {
    for await (const event of events) this.journal.record(event);
  }

  private async finish(ending: ExecutionEnding, event: NewHistoryEvent): Promise<void> {
    if (this.detachment.signal.aborted) return;
    await this.callbacks.ended(ending, event).catch((error: unknown) => {
      this.deps.log(`${this.execution.executionArn}: could not record its end: ${String(error)}`);
    });
  }

  /**
   * FAILED by a quota the journal saw crossed (a full history, a state's output over 256 KiB). The
   * run is detached before this returns (Executions.end detaches synchronously), so nothing the
   * library does next reaches the history; no Catch runs.
   */
  private failOnQuota(error: string, cause: string): Promise<void> {
    return this.finish({ status: 'FAILED', stopDate: nowMs(), error, cause }, executionEnded('ExecutionFailed', error, cause));
  }

  /**
   * The definition's TimeoutSeconds capped by Standard's one-year maximum, from the execution's
   * start (durable: a resumed run keeps it), in virtual time.
   */
  private deadline(): { dueMs: number; cause: string } {
    const timeoutSeconds = this.machine.local.executionTimeoutSeconds;
    const cause =
      timeoutSeconds !== undefined && timeoutSeconds <= STANDARD_MAX_EXECUTION_SECONDS
        ? `The execution ran longer than its TimeoutSeconds (${timeoutSeconds})`
        : 'The execution ran longer than the maximum execution time of a Standard workflow (1 year)';
    const seconds = Math.min(timeoutSeconds ?? Infinity, STANDARD_MAX_EXECUTION_SECONDS);
    return { dueMs: this.execution.startDate + seconds * 1000, cause };
  }

  private armExecutionTimeout(): void {
    this.cancelExecutionTimeout = this.deps.timers.schedule(this.deadline().dueMs, (slot) => {
      this.slot.hold(slot);
      void this.timeOut();
    });
  }

  /** TIMED_OUT: a States.Timeout of the execution itself, which no Catch sees (the run is detached). */
  private timeOut(): Promise<void> {
    const { cause } = this.deadline();
    return this.finish(
      { status: 'TIMED_OUT', stopDate: nowMs(), error: 'States.Timeout', cause },
      executionEnded('ExecutionTimedOut', 'States.Timeout', cause),
    );
  }
}
