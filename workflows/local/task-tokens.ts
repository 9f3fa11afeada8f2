/**
 * Task tokens for `.waitForTaskToken` states. The token item in DynamoDB decides the outcome:
 * SendTaskSuccess/Failure, a timeout and StopExecution all write it with the condition
 * `status = PENDING`, so exactly one answer counts and it survives a restart. This class also keeps
 * the in-process side: who is waiting for which token, and the alarm for its deadlines.
 *
 * Answers to tokens that are no longer pending (answered, timed out, or their execution ended) get
 * TaskTimedOut, as AWS does ("Task Timed Out: 'Provided task does not exist anymore'"); a token
 * this service never minted gets TaskDoesNotExist, and a malformed one InvalidToken.
 */
import { randomBytes } from 'node:crypto';
import { nowMs } from '../../functions/commons/clock';
import type { CheckpointStore, TaskTokenOutcome, TaskTokenRecord } from './checkpoint-store';
import { SfnApiError } from './errors';
import type { Slot, SlotHolder, VirtualTimers } from './timers';

const TOKEN_BYTES = 96;
const WELL_FORMED_TOKEN = /^[A-Za-z0-9_-]{128}$/;

interface Waiter {
  /** With the slot of the deadline alarm that settled the token, for the run it wakes. */
  resolve: (outcome: TaskTokenOutcome, slot?: Slot) => void;
  cancelAlarm?: () => void;
}

export function mintTaskToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

export class TaskTokens {
  private readonly waiters = new Map<string, Waiter>();

  constructor(
    private readonly store: CheckpointStore,
    private readonly timers: VirtualTimers,
    private readonly log: (line: string) => void,
  ) {}

  /**
   * The token's outcome, once it has one. Registers before reading the item, so an answer written
   * in between is not missed; an answer written while no one waited (the run was not resumed yet)
   * is read from the item. A deadline that settles the token hands its timer slot to `holder`.
   */
  awaitOutcome(token: string, signal: AbortSignal, holder: SlotHolder): Promise<TaskTokenOutcome> {
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        forget();
        reject(signal.reason);
      };
      const forget = () => {
        if (this.waiters.get(token) === waiter) this.waiters.delete(token);
        waiter.cancelAlarm?.();
        signal.removeEventListener('abort', onAbort);
      };
      const waiter: Waiter = {
        resolve: (outcome, slot) => {
          forget();
          if (slot) holder.hold(slot);
          resolve(outcome);
        },
      };
      this.waiters.set(token, waiter);
      signal.addEventListener('abort', onAbort, { once: true });
      this.store.getTaskToken(token).then(
        (record) => {
          if (this.waiters.get(token) !== waiter) return;
          if (!record) {
            forget();
            reject(new Error(`task token item ${token.slice(0, 12)}… is missing`));
          } else if (record.status !== 'PENDING') waiter.resolve(outcomeOf(record));
          else this.armDeadline(waiter, record);
        },
        (error: unknown) => {
          forget();
          reject(error);
        },
      );
    });
  }

  /** True while nothing has answered the token (no SendTask*, no timeout, its execution runs). */
  async isPending(token: string): Promise<boolean> {
    return (await this.store.getTaskToken(token))?.status === 'PENDING';
  }

  async sendSuccess(token: unknown, output: unknown): Promise<void> {
    const pending = await this.pendingRecord(token);
    if (typeof output !== 'string') throw new SfnApiError('ValidationException', "'output' is required");
    try {
      JSON.parse(output);
    } catch {
      throw new SfnApiError('InvalidOutput', 'Invalid Output: the output is not valid JSON');
    }
    await this.settle(pending.token, { status: 'SUCCEEDED', output });
  }

  async sendFailure(token: unknown, error: unknown, cause: unknown): Promise<void> {
    const pending = await this.pendingRecord(token);
    await this.settle(pending.token, {
      status: 'FAILED',
      error: typeof error === 'string' ? error : '',
      cause: typeof cause === 'string' ? cause : '',
    });
  }

  async sendHeartbeat(token: unknown): Promise<void> {
    const pending = await this.pendingRecord(token);
    if (pending.heartbeatSeconds === undefined) return;
    const updated = await this.store.recordHeartbeat(pending.token, nowMs() + pending.heartbeatSeconds * 1000);
    if (!updated) throw taskTimedOut();
    const waiter = this.waiters.get(pending.token);
    if (waiter) this.armDeadline(waiter, updated);
  }

  /** Ends a token whose execution ended or moved on; its late answers get TaskTimedOut. */
  async abandon(token: string): Promise<void> {
    const settled = await this.store.settleTaskToken(token, { status: 'ABORTED' }, nowMs());
    if (settled) this.notify(settled);
  }

  private async settle(token: string, outcome: TaskTokenOutcome): Promise<void> {
    const settled = await this.store.settleTaskToken(token, outcome, nowMs());
    if (!settled) throw taskTimedOut();
    this.notify(settled);
  }

  private async pendingRecord(token: unknown): Promise<TaskTokenRecord> {
    if (typeof token !== 'string' || !WELL_FORMED_TOKEN.test(token)) {
      throw new SfnApiError('InvalidToken', 'Invalid Token: the task token is malformed');
    }
    const record = await this.store.getTaskToken(token);
    if (!record) throw new SfnApiError('TaskDoesNotExist', 'Task Does Not Exist: this task token was never issued');
    if (record.status !== 'PENDING') throw taskTimedOut();
    return record;
  }

  /** Wakes the token's waiter, if any, handing it `slot`; true if it took it. */
  private notify(record: TaskTokenRecord, slot?: Slot): boolean {
    const waiter = this.waiters.get(record.token);
    waiter?.resolve(outcomeOf(record), slot);
    return waiter !== undefined;
  }

  /** One alarm at the nearer of TimeoutSeconds and the heartbeat deadline. */
  private armDeadline(waiter: Waiter, record: TaskTokenRecord): void {
    waiter.cancelAlarm?.();
    const deadlines = [record.timeoutAt, record.heartbeatDueAt].filter((due): due is number => due !== undefined);
    if (deadlines.length === 0) return;
    waiter.cancelAlarm = this.timers.schedule(Math.min(...deadlines), (slot) => {
      this.expire(record, slot).catch((error: unknown) => this.log(`task token expiry failed: ${String(error)}`));
    });
  }

  /**
   * The condition on the passed deadline loses to a heartbeat or an answer that came first. The
   * alarm's slot goes to the run the outcome wakes, or back to the timers.
   */
  private async expire(record: TaskTokenRecord, slot: Slot): Promise<void> {
    let handedOver = false;
    try {
      const now = nowMs();
      const timedOut = record.timeoutAt !== undefined && record.timeoutAt <= now;
      const settled = await this.store.settleTaskToken(
        record.token,
        { status: 'TIMED_OUT', error: timedOut ? 'States.Timeout' : 'States.HeartbeatTimeout' },
        now,
        timedOut ? 'timeoutAt' : 'heartbeatDueAt',
      );
      const latest = settled ?? (await this.store.getTaskToken(record.token));
      if (!latest) return;
      if (latest.status !== 'PENDING') handedOver = this.notify(latest, slot);
      else {
        const waiter = this.waiters.get(latest.token);
        if (waiter) this.armDeadline(waiter, latest);
      }
    } finally {
      if (!handedOver) slot.release();
    }
  }
}

function outcomeOf(record: TaskTokenRecord): TaskTokenOutcome {
  const { status, output, error, cause } = record;
  if (status === 'PENDING') throw new Error('a pending token has no outcome yet');
  return { status, output, error, cause };
}

function taskTimedOut(): SfnApiError {
  return new SfnApiError('TaskTimedOut', "Task Timed Out: 'Provided task does not exist anymore'");
}
