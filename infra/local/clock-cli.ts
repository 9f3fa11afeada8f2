export {};

// `npm run clock -- +30d` moves the running local cloud's clock forward and waits until the timers
// it fired have drained; without an argument it prints the current local time.
const api = `http://127.0.0.1:${process.env.PORT ?? 3000}/local`;
const advance = process.argv[2];

interface TimerStatus {
  pending: number;
  lastDrain?: { fired: number; seconds: number };
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${api}${path}`, init);
  const body = (await response.json()) as T & { error?: { message?: { en?: string } } };
  if (!response.ok) throw new Error(body.error?.message?.en ?? `HTTP ${response.status}`);
  return body;
}

try {
  if (!advance) console.log(`Local time is now ${(await call<{ now: string }>('/clock')).now}`);
  else {
    const clock = await call<{ now: string; timers: TimerStatus }>('/clock', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advance }),
    });
    console.log(`Local time is now ${clock.now}`);
    let timers = clock.timers;
    if (timers.pending > 0) console.log(`${timers.pending} timer(s) fired; waiting for them to drain…`);
    while (timers.pending > 0) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      timers = await call<TimerStatus>('/timers');
    }
    if (clock.timers.pending > 0 && timers.lastDrain) {
      console.log(`${timers.lastDrain.fired} timer(s) drained in ${timers.lastDrain.seconds.toFixed(1)} s`);
    }
  }
} catch (error) {
  console.error(`Could not reach the local cloud at ${api}: ${(error as Error).message}. Is \`npm start\` running?`);
  process.exit(1);
}
