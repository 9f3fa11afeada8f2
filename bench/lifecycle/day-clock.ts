import { setTimeout as sleep } from 'node:timers/promises';
import type { clientsFor } from '../../test/support/clients';
import { timerStatus } from '../../test/support/timer-storm';

type Clients = ReturnType<typeof clientsFor>;

/** The Seoul calendar day (YYYY-MM-DD) of an ISO instant. */
export function seoulDay(iso: string): string {
  return new Date(Date.parse(iso) + 9 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/**
 * AWS time for many journeys at once, a day at a time. Each journey runs until it must wait for a
 * later day (`until`), and the clock moves one day only when every journey waits so: none is in the
 * middle of something the system still does in real time. Each day the local clock advances `+1d`,
 * the timers it fired drain, and the journeys whose day has come go on. So every timer — a heartbeat,
 * a period's end, an execution's hand-over — fires on its day, as AWS would fire it.
 */
export class DayClock {
  today = '';
  days = 0;
  private active = 0;
  private parked: { day: string; wake: () => void }[] = [];

  constructor(private readonly clients: Clients) {}

  async start(): Promise<void> {
    const { body } = await this.clients.http('GET', '/local/clock');
    this.today = seoulDay(body.now);
  }

  /** Runs one journey under the clock: the clock waits while it is busy. */
  async run<T>(journey: () => Promise<T>): Promise<T> {
    this.active++;
    try {
      return await journey();
    } finally {
      this.active--;
    }
  }

  /** Within a journey: waits until the local clock's Seoul day is `day` or later. */
  async until(day: string): Promise<void> {
    if (day <= this.today) return;
    this.active--;
    await new Promise<void>((wake) => this.parked.push({ day, wake }));
  }

  /** Within a journey: waits for the next day. */
  nextDay(): Promise<void> {
    const next = new Date(Date.parse(`${this.today}T00:00:00Z`) + 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
    return this.until(next);
  }

  /** Advances day by day while journeys wait for a later day; returns once `isDone` says all have ended. */
  async drive(isDone: () => boolean, progress: (line: string) => void = () => undefined): Promise<void> {
    let lastWord = performance.now();
    const report = () => {
      if (performance.now() - lastWord < 30_000) return;
      lastWord = performance.now();
      progress(`day ${this.days}: ${this.active} journeys busy, ${this.parked.length} waiting for a later day`);
    };
    for (;;) {
      while (this.active > 0) {
        report();
        await sleep(20);
      }
      if (this.parked.length === 0) {
        if (isDone()) return;
        await sleep(20);
        continue;
      }
      const now = await this.clients.advanceClock('+1d');
      this.days++;
      this.today = seoulDay(now);
      // The timers this day fired run to their next wait before anyone acts on the new day.
      while ((await timerStatus(this.clients)).pending > 0) await sleep(50);
      const due = this.parked.filter((p) => p.day <= this.today);
      this.parked = this.parked.filter((p) => p.day > this.today);
      this.active += due.length;
      for (const p of due) p.wake();
    }
  }
}
