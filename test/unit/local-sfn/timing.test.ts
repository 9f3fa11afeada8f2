import { afterEach, describe, expect, it } from 'vitest';
import { advanceClock, nowMs } from '../../../functions/commons/clock';
import { retryDelayMs } from '../../../workflows/local/retry';
import { VirtualTimers } from '../../../workflows/local/timers';

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
    timers = new VirtualTimers();
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
    timers = new VirtualTimers();
    const started = Date.now();
    await timers.sleepUntil(nowMs() + 30, new AbortController().signal);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
  });

  it('arms no real timeout beyond setTimeout’s limit, so a far alarm does not fire at once', async () => {
    timers = new VirtualTimers();
    let fired = false;
    timers.schedule(nowMs() + 365 * 86_400_000, () => (fired = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(fired).toBe(false);
  });

  it('rejects a sleeper when its signal aborts, and a cancelled alarm never fires', async () => {
    timers = new VirtualTimers();
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
});
