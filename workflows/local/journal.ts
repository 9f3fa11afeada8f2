/**
 * The journal of one attached run: turns the library's events into history events and
 * checkpoints, and writes them to DynamoDB behind the run. DynamoDB Local on disk takes ~30 ms a
 * write, so what piles up while a write is in flight goes out together: the events in one batch,
 * only the latest checkpoint, and any other queued writes, side by side.
 *
 * The library calls a Task's handler in the same tick as it emits StateEntered, before the journal
 * has seen the event; handlers therefore wait for `caughtUp()` before they write anything of their
 * own (history events, a token, a wake-up time), which keeps the history in order and makes every
 * durable wait belong to the checkpoint of the visit that started it.
 *
 * The journal is also where two of Standard's quotas bite (limits.ts), because it sees every event
 * before it is written: the history's 25,000 events, and a state's output over 256 KiB. Either ends
 * the execution: the journal stops, the run is told (`exceeded`), and the service writes the
 * ExecutionFailed — as the 25,000th event when the history is full, as AWS does.
 */
import { nowMs } from '../../functions/commons/clock';
import type { Checkpoint, CheckpointStore } from './checkpoint-store';
import type { StateInfo } from './definition';
import { fromLibraryEvent, toHistoryEvent, type HistoryEvent, type LibraryEvent, type NewHistoryEvent } from './history';
import { exceedsPayloadLimit, historyFullCause, resultTooLargeCause } from './limits';
import type { Retrier } from './retry';

export interface PendingRetry {
  retrier: Retrier;
  attempt: number;
}

export interface JournalLimits {
  /** Events the history may hold, its last one included (AWS: 25,000). */
  maxHistoryEvents: number;
  /** Called once, synchronously, when a quota ends the execution; the journal has stopped. */
  exceeded: (error: string, cause: string) => void;
}

export class ExecutionJournal {
  /** The current top-level state's checkpoint, as last written. */
  checkpoint: Checkpoint | undefined;
  private nextEventId: number;
  private pendingEvents: HistoryEvent[] = [];
  private pendingCheckpoint: Checkpoint | undefined;
  private pendingWrites: (() => Promise<void>)[] = [];
  private flushing: Promise<void> | undefined;
  private closed = false;
  /** A resumed run re-enters its checkpointed state; that entry is not a new visit. */
  private resumedEntry: string | undefined;
  private readonly retries = new Map<string, PendingRetry>();

  constructor(
    private readonly store: CheckpointStore,
    readonly executionArn: string,
    private readonly states: ReadonlyMap<string, StateInfo>,
    start: { nextEventId: number; checkpoint?: Checkpoint },
    private readonly log: (line: string) => void,
    private readonly limits: JournalLimits,
  ) {
    this.nextEventId = start.nextEventId;
    this.checkpoint = start.checkpoint;
    this.resumedEntry = start.checkpoint?.state;
  }

  record(event: LibraryEvent): void {
    if (this.closed) return;
    if (event.type === 'StateEntered' && this.resumedEntry !== undefined) {
      const repeated = event.state.name === this.resumedEntry;
      this.resumedEntry = undefined;
      if (repeated) return;
    }
    if (event.type === 'StateRetried') {
      this.retries.set(event.state.name, { retrier: event.retry.retrier, attempt: event.retry.attempt });
      const visit = this.checkpoint;
      // A retry is a new attempt: it gets its own token, never the previous attempt's answer.
      if (visit?.state === event.state.name) {
        const { taskToken: _token, submitted: _submitted, wakeAt: _wakeAt, ...fresh } = visit;
        void this.saveCheckpoint(fresh);
      }
    }
    for (const historyEvent of fromLibraryEvent(event, this.states)) {
      // "The output of a state is larger than payload size quota" (after ResultSelector, ResultPath
      // and OutputPath): the execution fails where the state would have exited, and no Catch of the
      // state sees it — AWS's history shows the state entered, then ExecutionFailed.
      const output = historyEvent.details?.output;
      if (event.type === 'StateExited' && typeof output === 'string' && exceedsPayloadLimit(output)) {
        this.exceed('States.DataLimitExceeded', resultTooLargeCause(event.state.name));
        return;
      }
      const id = this.append(historyEvent);
      if (event.type === 'StateEntered' && this.states.get(event.state.name)?.topLevel) {
        void this.saveCheckpoint({ state: event.state.name, input: JSON.stringify(event.state.input), enteredEventId: id });
      }
    }
  }

  /** Appends an event (timestamped now, virtual time); returns its id. */
  append(event: NewHistoryEvent): number {
    if (this.closed) return this.nextEventId;
    // The event that would be the last one the history may hold is the execution's failure instead.
    if (this.nextEventId >= this.limits.maxHistoryEvents) {
      this.exceed('States.Runtime', historyFullCause(this.limits.maxHistoryEvents));
      return this.nextEventId;
    }
    const historyEvent = toHistoryEvent(event, this.nextEventId++, nowMs());
    this.pendingEvents.push(historyEvent);
    void this.flush();
    return historyEvent.id;
  }

  /** Resolves once the checkpoint is written (failures are logged: the run goes on, in memory). */
  saveCheckpoint(checkpoint: Checkpoint): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.checkpoint = checkpoint;
    this.pendingCheckpoint = checkpoint;
    return this.flush();
  }

  /** Queues another write of this execution, so that `idle()` covers it too. */
  enqueue(write: () => Promise<void>): Promise<void> {
    if (this.closed) return Promise.resolve();
    this.pendingWrites.push(write);
    return this.flush();
  }

  /** Resolves when every event the library emitted so far is recorded and every write has landed. */
  async caughtUp(): Promise<void> {
    // The library's events reach `record` through microtasks only; one macrotask turn drains them.
    await new Promise((resolve) => setImmediate(resolve));
    await this.idle();
  }

  /** Resolves when everything queued so far is written. */
  idle(): Promise<void> {
    return this.flushing ?? Promise.resolve();
  }

  /** The pause a handler owes before a retry attempt of `stateName`, taken once. */
  takeRetry(stateName: string): PendingRetry | undefined {
    const retry = this.retries.get(stateName);
    this.retries.delete(stateName);
    return retry;
  }

  /** Id for the execution's last event, written by the service together with the final status. */
  reserveEventId(): number {
    return this.nextEventId++;
  }

  /** A quota ends the execution: nothing more is recorded, and the run hears of it once. */
  private exceed(error: string, cause: string): void {
    if (this.closed) return;
    this.close();
    this.limits.exceeded(error, cause);
  }

  /** No more records or writes (the run is detached); writes already queued still land. */
  close(): void {
    this.closed = true;
  }

  /** One flush loop at a time; it ends (synchronously with finding nothing left) when all is written. */
  private flush(): Promise<void> {
    this.flushing ??= this.flushLoop();
    return this.flushing;
  }

  private async flushLoop(): Promise<void> {
    // Let the rest of this burst of events arrive first.
    await new Promise((resolve) => setImmediate(resolve));
    for (;;) {
      const events = this.pendingEvents.splice(0);
      const checkpoint = this.pendingCheckpoint;
      const writes = this.pendingWrites.splice(0);
      this.pendingCheckpoint = undefined;
      if (events.length === 0 && !checkpoint && writes.length === 0) {
        this.flushing = undefined;
        return;
      }
      const results = await Promise.allSettled([
        events.length > 0 ? this.store.appendEvents(this.executionArn, events) : undefined,
        checkpoint ? this.store.saveCheckpoint(this.executionArn, checkpoint) : undefined,
        ...writes.map((write) => write()),
      ]);
      for (const result of results) {
        if (result.status === 'rejected') this.log(`${this.executionArn}: write failed: ${String(result.reason)}`);
      }
    }
  }
}
