/** Latency percentiles and a closed-loop load generator: what every timed section shares. */

/** The p-th percentile (nearest rank) of `values`; NaN for none. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function median(values: readonly number[]): number {
  return percentile(values, 50);
}

export interface LoadResult {
  /** Requests that completed (after the warm-up). */
  count: number;
  /** Completed requests per second of wall-clock time. */
  throughput: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  wallMs: number;
}

/**
 * `clients` concurrent clients, each sending its next request as soon as the last is answered
 * (closed loop), until `total` requests are done. The first `warmUp` of each client are not timed.
 */
export async function closedLoop(clients: number, total: number, request: (i: number) => Promise<void>, warmUp = 0): Promise<LoadResult> {
  let next = 0;
  // Warm-up: each client's first requests, together, before the clock starts.
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let i = 0; i < warmUp; i++) await request(next++);
    }),
  );
  const latencies: number[] = [];
  let started = 0;
  const timedFrom = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (started < total) {
        started++;
        const t = performance.now();
        await request(next++);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return summarise(latencies, performance.now() - timedFrom);
}

export function summarise(latencies: readonly number[], wallMs: number): LoadResult {
  return {
    count: latencies.length,
    throughput: latencies.length / (wallMs / 1000),
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.length ? Math.max(...latencies) : Number.NaN,
    wallMs,
  };
}

/** All at once: `count` requests started together; each one's latency and the time until the last answer. */
export async function burst(count: number, request: (i: number) => Promise<void>): Promise<LoadResult> {
  const started = performance.now();
  const latencies = await Promise.all(
    Array.from({ length: count }, async (_, i) => {
      const t = performance.now();
      await request(i);
      return performance.now() - t;
    }),
  );
  return summarise(latencies, performance.now() - started);
}
