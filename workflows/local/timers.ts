/**
 * Timers in virtual time (functions/commons/clock): a timer fires when the clock is advanced past
 * its due time, or when enough real time passes. The due times that must survive a restart live in
 * DynamoDB (checkpoints, task tokens); this class only keeps the in-process alarms.
 */
import { nowMs, onClockAdvance } from '../../functions/commons/clock';

/** setTimeout keeps its delay in a signed 32-bit int; longer delays fire at once. */
const MAX_REAL_DELAY_MS = 2 ** 31 - 1;

interface Alarm {
  dueMs: number;
  fire: () => void;
}

export class VirtualTimers {
  private readonly alarms = new Set<Alarm>();
  private realTimer: NodeJS.Timeout | undefined;
  private readonly unsubscribe: () => void;

  constructor() {
    this.unsubscribe = onClockAdvance(() => this.fireDue());
  }

  /** Calls `fire` once virtual now ≥ `dueMs` (never synchronously); returns a cancel function. */
  schedule(dueMs: number, fire: () => void): () => void {
    const alarm: Alarm = { dueMs, fire };
    this.alarms.add(alarm);
    this.rearm();
    return () => {
      if (this.alarms.delete(alarm)) this.rearm();
    };
  }

  /** Resolves at `dueMs`; rejects with the signal's reason when aborted first. */
  sleepUntil(dueMs: number, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        cancel();
        reject(signal.reason);
      };
      const cancel = this.schedule(dueMs, () => {
        signal.removeEventListener('abort', onAbort);
        resolve();
      });
      signal.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Drops every alarm (their sleepers stay pending; their runs are being detached). */
  dispose(): void {
    this.unsubscribe();
    this.alarms.clear();
    clearTimeout(this.realTimer);
  }

  private fireDue(): void {
    const now = nowMs();
    const due = [...this.alarms].filter((alarm) => alarm.dueMs <= now);
    for (const alarm of due) this.alarms.delete(alarm);
    this.rearm();
    // Fired from a microtask so that callers of advanceClock never run timer work inline.
    for (const alarm of due) queueMicrotask(alarm.fire);
  }

  /** One real timeout, aimed at the nearest alarm (and re-aimed after long waits). */
  private rearm(): void {
    clearTimeout(this.realTimer);
    this.realTimer = undefined;
    if (this.alarms.size === 0) return;
    const nearest = Math.min(...[...this.alarms].map((alarm) => alarm.dueMs));
    const delay = Math.min(Math.max(nearest - nowMs(), 0), MAX_REAL_DELAY_MS);
    this.realTimer = setTimeout(() => this.fireDue(), delay);
  }
}
