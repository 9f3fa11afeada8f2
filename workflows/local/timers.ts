/**
 * Timers in virtual time (functions/commons/clock): a timer fires when the clock is advanced past
 * its due time, or when enough real time passes. The due times that must survive a restart live in
 * DynamoDB (checkpoints, task tokens); this class only keeps the in-process alarms.
 *
 * Timers that fall due together (`npm run clock -- +8d` with thousands of open tasks) must not start
 * all their work at once: that queued tens of thousands of requests on the SDK's socket pool, ahead
 * of every Step Functions API call. So alarms fire through a bounded queue, in due order: each takes
 * one of `concurrency` slots and keeps it until the work it woke waits again (a run hands its slot
 * back when it next waits, ends or is detached: `SlotHolder`). Each storm's drain is logged, and
 * `status()` tells how much fired work is still pending.
 */
import { nowMs, onClockAdvance } from '../../functions/commons/clock';

/** setTimeout keeps its delay in a signed 32-bit int; longer delays fire at once. */
const MAX_REAL_DELAY_MS = 2 ** 31 - 1;

/** One place in the queue of fired work; releasing it lets the next due alarm fire. */
export interface Slot {
  /** Idempotent. */
  release(): void;
}

export interface TimerStatus {
  /** Alarms not due yet. */
  scheduled: number;
  /** Fired work not drained yet: due and waiting for a slot, or holding one. */
  pending: number;
  /** The last storm, from its first alarm falling due to `pending` back at 0 (real seconds). */
  lastDrain?: { fired: number; seconds: number };
  /** When the next alarm falls due (virtual time): how far to advance the clock for the next thing to happen. */
  nextDueAt?: string;
}

interface Alarm {
  dueMs: number;
  fire: (slot: Slot) => void;
  /** False for interrupts of work that already holds a slot (queueing them could deadlock). */
  queued: boolean;
  state: 'scheduled' | 'due' | 'done';
}

const NO_SLOT: Slot = { release: () => {} };

export class VirtualTimers {
  private readonly alarms = new Set<Alarm>();
  /** Due alarms waiting for a slot, oldest first (from `head`); cancelled ones are skipped. */
  private due: Alarm[] = [];
  private head = 0;
  private waiting = 0;
  private running = 0;
  private storm: { startedAt: number; fired: number } | undefined;
  private lastDrain: TimerStatus['lastDrain'];
  private realTimer: NodeJS.Timeout | undefined;
  /** The due time the real timer is aimed at (it may fire earlier, for long delays). */
  private aimedAt: number | undefined;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly concurrency: number,
    private readonly log: (line: string) => void = () => {},
  ) {
    this.unsubscribe = onClockAdvance(() => this.fireDue());
  }

  /**
   * Calls `fire` once virtual now ≥ `dueMs` and a slot is free (never synchronously); `fire` owns
   * the slot: it releases it, or hands it to the run it woke. Returns a cancel function.
   */
  schedule(dueMs: number, fire: (slot: Slot) => void): () => void {
    return this.add({ dueMs, fire, queued: true, state: 'scheduled' });
  }

  /** Calls `interrupt` at `dueMs` without waiting for a slot: for deadlines of work already running. */
  interruptAt(dueMs: number, interrupt: () => void): () => void {
    return this.add({ dueMs, fire: interrupt, queued: false, state: 'scheduled' });
  }

  /** Resolves with a slot at `dueMs`; rejects with the signal's reason when aborted first. */
  sleepUntil(dueMs: number, signal: AbortSignal): Promise<Slot> {
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        cancel();
        reject(signal.reason);
      };
      const cancel = this.schedule(dueMs, (slot) => {
        signal.removeEventListener('abort', onAbort);
        resolve(slot);
      });
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  status(): TimerStatus {
    let next = Infinity;
    for (const alarm of this.alarms) if (alarm.state === 'scheduled' && alarm.dueMs < next) next = alarm.dueMs;
    return {
      scheduled: this.alarms.size,
      pending: this.waiting + this.running,
      ...(this.lastDrain ? { lastDrain: this.lastDrain } : {}),
      ...(next < Infinity ? { nextDueAt: new Date(next).toISOString() } : {}),
    };
  }

  /** Drops every alarm (their sleepers stay pending; their runs are being detached). */
  dispose(): void {
    this.unsubscribe();
    this.alarms.clear();
    this.due = [];
    this.head = 0;
    this.waiting = 0;
    clearTimeout(this.realTimer);
  }

  private add(alarm: Alarm): () => void {
    this.alarms.add(alarm);
    if (this.aimedAt === undefined || alarm.dueMs < this.aimedAt) this.aim(alarm.dueMs);
    return () => this.cancel(alarm);
  }

  private cancel(alarm: Alarm): void {
    if (alarm.state === 'scheduled') {
      this.alarms.delete(alarm);
      if (this.alarms.size === 0) this.aim(Infinity);
    } else if (alarm.state === 'due') {
      this.waiting--;
      this.endStormIfDrained();
    }
    alarm.state = 'done';
  }

  private fireDue(): void {
    const now = nowMs();
    let nearest = Infinity;
    const fallenDue: Alarm[] = [];
    for (const alarm of this.alarms) {
      if (alarm.dueMs > now) nearest = Math.min(nearest, alarm.dueMs);
      else fallenDue.push(alarm);
    }
    for (const alarm of fallenDue.sort((a, b) => a.dueMs - b.dueMs)) {
      this.alarms.delete(alarm);
      if (alarm.queued) {
        alarm.state = 'due';
        this.due.push(alarm);
        this.waiting++;
        this.storm ??= { startedAt: performance.now(), fired: 0 };
      } else {
        alarm.state = 'done';
        // From a microtask, so that callers of advanceClock never run timer work inline.
        queueMicrotask(() => alarm.fire(NO_SLOT));
      }
    }
    this.aim(nearest);
    this.pump();
  }

  /** Starts due alarms while slots are free. */
  private pump(): void {
    while (this.running < this.concurrency && this.head < this.due.length) {
      const alarm = this.due[this.head++]!;
      if (alarm.state !== 'due') continue;
      alarm.state = 'done';
      this.waiting--;
      this.running++;
      this.storm!.fired++;
      const slot = this.newSlot();
      queueMicrotask(() => {
        try {
          alarm.fire(slot);
        } catch (error) {
          slot.release();
          throw error;
        }
      });
    }
    if (this.head === this.due.length) {
      this.due = [];
      this.head = 0;
    }
  }

  private newSlot(): Slot {
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        this.running--;
        this.pump();
        this.endStormIfDrained();
      },
    };
  }

  private endStormIfDrained(): void {
    if (!this.storm || this.waiting + this.running > 0) return;
    const { startedAt, fired } = this.storm;
    this.storm = undefined;
    if (fired === 0) return;
    const seconds = (performance.now() - startedAt) / 1000;
    this.lastDrain = { fired, seconds };
    if (fired > 1) this.log(`timers: ${fired} fired together, drained in ${seconds.toFixed(1)} s`);
  }

  /** One real timeout, aimed at the nearest alarm (and re-aimed after long waits). */
  private aim(dueMs: number): void {
    clearTimeout(this.realTimer);
    this.realTimer = undefined;
    this.aimedAt = undefined;
    if (dueMs === Infinity) return;
    this.aimedAt = dueMs;
    const delay = Math.min(Math.max(dueMs - nowMs(), 0), MAX_REAL_DELAY_MS);
    this.realTimer = setTimeout(() => this.fireDue(), delay);
  }
}

/**
 * The slot a run woke with, held while it works and handed back when it waits again, ends or is
 * detached; after `close()` any slot handed to it goes straight back.
 */
export class SlotHolder {
  private slot: Slot | undefined;
  private closed = false;

  hold(slot: Slot): void {
    this.slot?.release();
    this.slot = slot;
    if (this.closed) this.release();
  }

  release(): void {
    const slot = this.slot;
    this.slot = undefined;
    slot?.release();
  }

  close(): void {
    this.closed = true;
    this.release();
  }
}
