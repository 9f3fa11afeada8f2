import { afterEach, describe, expect, it } from 'vitest';
import { advanceClock, nowMs } from '../../../functions/commons/clock';
import { retryDelayMs } from '../../../workflows/local/retry';
import { SlotHolder, VirtualTimers, type Slot } from '../../../workflows/local/timers';

describe('retryDelayMs', () => {
  it('uses the ASL defaults: 1 s, doubling', () => {
    const retrier = { ErrorEquals: ['States.ALL'] };
    expect([1, 2, 3].map((attempt) => retryDelayMs(retrier, attempt))).toEqual([1000, 2000, 4000]);
  });

  it('caps at MaxDelaySeconds and jitters fully when asked', () => {
    const retrier = { ErrorEquals: ['States.ALL'], IntervalSeconds: 2, BackoffRate: 3, MaxDelaySeconds: 10 };
    expect(retryDelayMs(retrier, 3)).toBe(10_000);
    expect(retryDelayMs({ ...retrier, JitterStrategy: 'FULL' }, 3, () => 0.5)).toBe(5_000);
  });
});

describe('VirtualTimers', () => {
  let timers: VirtualTimers | undefined;
  afterEach(() => timers?.dispose());

  it('fires when the clock is advanced past the due time, not before', async () => {
    timers = new VirtualTimers(4);
    const fired: string[] = [];
    timers.schedule(nowMs() + 30 * 86_400_000, () => fired.push('30 days'));
    timers.schedule(nowMs() + 86_400_000, () => fired.push('1 day'));
    advanceClock(86_400_000 + 1);
    await Promise.resolve();
    expect(fired).toEqual(['1 day']);
    advanceClock(29 * 86_400_000);
    await Promise.resolve();
    expect(fired).toEqual(['1 day', '30 days']);
  });

  it('fires when real time passes', async () => {
    timers = new VirtualTimers(4);
    const started = Date.now();
    await timers.sleepUntil(nowMs() + 30, new AbortController().signal);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('arms no real timeout beyond setTimeout’s limit, so a far alarm does not fire at once', async () => {
    timers = new VirtualTimers(4);
    let fired = false;
    timers.schedule(nowMs() + 365 * 86_400_000, () => (fired = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fired).toBe(false);
  });

  it('rejects a sleeper when its signal aborts, and a cancelled alarm never fires', async () => {
    timers = new VirtualTimers(4);
    const controller = new AbortController();
    const sleeping = timers.sleepUntil(nowMs() + 60_000, controller.signal);
    controller.abort(new Error('detached'));
    await expect(sleeping).rejects.toThrow('detached');
    let fired = false;
    const cancel = timers.schedule(nowMs() + 1000, () => (fired = true));
    cancel();
    advanceClock(2000);
    await Promise.resolve();
    expect(fired).toBe(false);
  });

  it('runs fired alarms a bounded number at a time, in due order, each until its slot is released', async () => {
    const logged: string[] = [];
    timers = new VirtualTimers(2, (line) => logged.push(line));
    const slots = new Map<number, Slot>();
    const base = nowMs();
    for (const n of [3, 1, 2, 4, 5]) timers.schedule(base + n * 1000, (slot) => slots.set(n, slot));
    // The next to fall due is the earliest, whatever the order they were set in.
    expect(timers.status()).toEqual({ scheduled: 5, pending: 0, nextDueAt: new Date(base + 1000).toISOString() });
    advanceClock(10_000);
    await Promise.resolve();
    expect([...slots.keys()]).toEqual([1, 2]);
    expect(timers.status()).toEqual({ scheduled: 0, pending: 5 });

    slots.get(1)!.release();
    slots.get(1)!.release(); // once only
    await Promise.resolve();
    expect([...slots.keys()]).toEqual([1, 2, 3]);
    for (const n of [2, 3]) slots.get(n)!.release();
    await Promise.resolve();
    expect([...slots.keys()]).toEqual([1, 2, 3, 4, 5]);
    expect(timers.status().pending).toBe(2);
    expect(logged).toEqual([]);

    for (const n of [4, 5]) slots.get(n)!.release();
    const { pending, lastDrain } = timers.status();
    expect({ pending, fired: lastDrain?.fired }).toEqual({ pending: 0, fired: 5 });
    expect(logged).toEqual([expect.stringMatching(/^timers: 5 fired together, drained in \d+\.\d s$/)]);
  });

  it('fires an interrupt at once even when every slot is taken, and skips a due alarm cancelled while it waited', async () => {
    timers = new VirtualTimers(1);
    const fired: string[] = [];
    let held: Slot | undefined;
    timers.schedule(nowMs() + 1000, (slot) => {
      fired.push('work');
      held = slot;
    });
    const cancel = timers.schedule(nowMs() + 2000, () => fired.push('cancelled'));
    timers.interruptAt(nowMs() + 3000, () => fired.push('interrupt'));
    advanceClock(1000);
    await Promise.resolve();
    advanceClock(4000);
    await Promise.resolve();
    expect(fired).toEqual(['work', 'interrupt']);
    cancel();
    held!.release();
    await Promise.resolve();
    expect(fired).toEqual(['work', 'interrupt']);
    expect(timers.status()).toMatchObject({ pending: 0, lastDrain: { fired: 1 } });
  });
});

describe('SlotHolder', () => {
  it('holds one slot at a time, and hands back at once what it gets after closing', () => {
    const released: string[] = [];
    const slot = (name: string): Slot => ({ release: () => released.push(name) });
    const holder = new SlotHolder();
    holder.hold(slot('a'));
    holder.hold(slot('b'));
    expect(released).toEqual(['a']);
    holder.close();
    expect(released).toEqual(['a', 'b']);
    holder.hold(slot('c'));
    expect(released).toEqual(['a', 'b', 'c']);
  });
});
