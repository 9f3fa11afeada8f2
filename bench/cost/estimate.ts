import type { Prices } from './prices';

/** What a group of applications used, as the lifecycle run counted it. */
export interface MeteredUsage {
  applications: number;
  /** States entered plus retries, over every execution. */
  transitions: number;
  /** Per handler: invocations and billed milliseconds (each invocation rounded up to 1 ms). */
  handlers: Record<string, { invocations: number; billedMs: number }>;
  /** Invocations that were HTTP API requests. */
  httpRequests: number;
  /** Request units as DynamoDB bills them: transactional ones already at twice the units. */
  readUnits: number;
  writeUnits: number;
}

export interface CostLine {
  item: string;
  /** Billed quantity per application, in the price's unit (transitions, GB-s, requests, units). */
  quantity: number;
  unit: string;
  usd: number;
  krw: number;
  /** Of the total. */
  share: number;
}

export interface CostEstimate {
  lines: CostLine[];
  usd: number;
  krw: number;
  /** The line that costs most. */
  dominant: CostLine;
  krwPerUsd: number;
  /** Lambda GB-seconds per application. */
  gbSeconds: number;
}

const priceOf = (price: Prices[keyof Prices], quantity: number) => (quantity * price.usd) / price.quantity;

/**
 * AWS cost per application at list prices: Step Functions transitions, Lambda duration (GB-s at each
 * function's memory) and requests, DynamoDB request units, HTTP API requests.
 *
 * @example
 * costPerApplication(usage, prices, () => 1024, 1400).krw // ₩ per application
 */
export function costPerApplication(usage: MeteredUsage, prices: Prices, memoryMbOf: (handler: string) => number, krwPerUsd: number): CostEstimate {
  const n = Math.max(1, usage.applications);
  const invocations = Object.values(usage.handlers).reduce((s, h) => s + h.invocations, 0);
  const gbSeconds = Object.entries(usage.handlers).reduce((s, [handler, h]) => s + (h.billedMs / 1000) * (memoryMbOf(handler) / 1024), 0);
  const raw: Omit<CostLine, 'krw' | 'share'>[] = [
    { item: prices.stateTransition.item, quantity: usage.transitions / n, unit: 'transitions', usd: priceOf(prices.stateTransition, usage.transitions / n) },
    { item: prices.lambdaGbSecondArm.item, quantity: gbSeconds / n, unit: 'GB-s', usd: priceOf(prices.lambdaGbSecondArm, gbSeconds / n) },
    { item: prices.lambdaRequest.item, quantity: invocations / n, unit: 'requests', usd: priceOf(prices.lambdaRequest, invocations / n) },
    { item: prices.dynamodbWrite.item, quantity: usage.writeUnits / n, unit: 'WRU', usd: priceOf(prices.dynamodbWrite, usage.writeUnits / n) },
    { item: prices.dynamodbRead.item, quantity: usage.readUnits / n, unit: 'RRU', usd: priceOf(prices.dynamodbRead, usage.readUnits / n) },
    { item: prices.httpApiRequest.item, quantity: usage.httpRequests / n, unit: 'requests', usd: priceOf(prices.httpApiRequest, usage.httpRequests / n) },
  ];
  const usd = raw.reduce((s, l) => s + l.usd, 0);
  const lines = raw.map((l) => ({ ...l, krw: l.usd * krwPerUsd, share: usd > 0 ? l.usd / usd : 0 }));
  const dominant = lines.reduce((a, b) => (b.usd > a.usd ? b : a));
  return { lines, usd, krw: usd * krwPerUsd, dominant, krwPerUsd, gbSeconds: gbSeconds / n };
}
