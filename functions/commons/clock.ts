/**
 * The one source of "now" for Dolbom code.
 *
 * In AWS the offset is always zero. The local cloud moves it forward (`npm run clock -- +30d`) so a
 * three-month service period can be demonstrated in seconds; everything that compares dates —
 * handlers, the local Step Functions timers — must read time from here, never from `Date.now()`.
 */
type AdvanceListener = (nowMs: number) => void;

let offsetMs = 0;
const listeners = new Set<AdvanceListener>();

export function nowMs(): number {
  return Date.now() + offsetMs;
}

export function now(): Date {
  return new Date(nowMs());
}

export function clockOffsetMs(): number {
  return offsetMs;
}

/** Local cloud only: sets the offset (e.g. restored from disk after a restart). Never moves time backwards. */
export function setClockOffset(ms: number): void {
  if (ms < offsetMs) throw new RangeError('the clock never moves backwards');
  offsetMs = ms;
  for (const listener of listeners) listener(nowMs());
}

/** Local cloud only: moves the clock forward by `ms` and tells every listener (durable timers). */
export function advanceClock(ms: number): number {
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError('advance by a positive duration');
  setClockOffset(offsetMs + ms);
  return nowMs();
}

/** Subscribes to clock advances; returns the unsubscribe function. */
export function onClockAdvance(listener: AdvanceListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
