import { routes } from '../../functions/routes';
import type { DynamoDbUsage, HandlerUsage, MeterSnapshot } from '../../infra/local/usage-meter';
import type { clientsFor } from '../../test/support/clients';

type Clients = ReturnType<typeof clientsFor>;

/** The local cloud's usage meter (`DOLBOM_METER=on`), per handler since it started. */
export async function readMeter(clients: Clients): Promise<MeterSnapshot> {
  const { status, body } = await clients.http('GET', '/local/meter');
  if (status !== 200) throw new Error(`GET /local/meter answered ${status}: start the local cloud with DOLBOM_METER=on`);
  return body;
}

function dynamoDelta(a: DynamoDbUsage | undefined, b: DynamoDbUsage): DynamoDbUsage {
  const calls: Record<string, number> = {};
  for (const [op, n] of Object.entries(b.calls)) {
    const d = n - (a?.calls[op] ?? 0);
    if (d) calls[op] = d;
  }
  const minus = (k: Exclude<keyof DynamoDbUsage, 'calls'>) => b[k] - (a?.[k] ?? 0);
  return {
    calls,
    readUnits: minus('readUnits'),
    writeUnits: minus('writeUnits'),
    transactionalReadUnits: minus('transactionalReadUnits'),
    transactionalWriteUnits: minus('transactionalWriteUnits'),
    indexWriteUnits: minus('indexWriteUnits'),
    failedCalls: minus('failedCalls'),
    failedItems: minus('failedItems'),
  };
}

/** What happened between two snapshots, per handler (handlers that did nothing left out). */
export function meterDelta(before: MeterSnapshot, after: MeterSnapshot): Record<string, HandlerUsage> {
  const out: Record<string, HandlerUsage> = {};
  for (const [handler, b] of Object.entries(after.handlers)) {
    const a = before.handlers[handler];
    const usage: HandlerUsage = {
      invocations: b.invocations - (a?.invocations ?? 0),
      failedInvocations: b.failedInvocations - (a?.failedInvocations ?? 0),
      durationMs: b.durationMs - (a?.durationMs ?? 0),
      billedMs: b.billedMs - (a?.billedMs ?? 0),
      dynamodbWaitMs: b.dynamodbWaitMs - (a?.dynamodbWaitMs ?? 0),
      dynamodbRoundTrips: b.dynamodbRoundTrips - (a?.dynamodbRoundTrips ?? 0),
      dynamodb: dynamoDelta(a?.dynamodb, b.dynamodb),
    };
    if (usage.invocations > 0 || Object.keys(usage.dynamodb.calls).length > 0) out[handler] = usage;
  }
  return out;
}

const routeHandlers = new Set<string>(routes.map((r) => r.handler));

/** Behind an HTTP API route (each invocation one API request), or run by Step Functions or the table stream. */
export const isRouteHandler = (handler: string) => routeHandlers.has(handler);

/** Sums over handlers: what the report shows per application. */
export interface UsageTotals {
  lambdaInvocations: number;
  httpRequests: number;
  billedMs: number;
  durationMs: number;
  dynamodbWaitMs: number;
  dynamodbRoundTrips: number;
  dynamodbCalls: number;
  /** The store's operations, by kind: write calls (a transaction is one) and read calls. */
  storeWrites: number;
  storeReads: number;
  readUnits: number;
  writeUnits: number;
  transactionalReadUnits: number;
  transactionalWriteUnits: number;
  indexWriteUnits: number;
  failedCalls: number;
  failedItems: number;
}

const WRITE_OPS = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);

export function totals(usage: Record<string, HandlerUsage>): UsageTotals {
  const t: UsageTotals = {
    lambdaInvocations: 0,
    httpRequests: 0,
    billedMs: 0,
    durationMs: 0,
    dynamodbWaitMs: 0,
    dynamodbRoundTrips: 0,
    dynamodbCalls: 0,
    storeWrites: 0,
    storeReads: 0,
    readUnits: 0,
    writeUnits: 0,
    transactionalReadUnits: 0,
    transactionalWriteUnits: 0,
    indexWriteUnits: 0,
    failedCalls: 0,
    failedItems: 0,
  };
  for (const [handler, u] of Object.entries(usage)) {
    t.lambdaInvocations += u.invocations;
    if (isRouteHandler(handler)) t.httpRequests += u.invocations;
    t.billedMs += u.billedMs;
    t.durationMs += u.durationMs;
    t.dynamodbWaitMs += u.dynamodbWaitMs;
    t.dynamodbRoundTrips += u.dynamodbRoundTrips;
    for (const [op, n] of Object.entries(u.dynamodb.calls)) {
      t.dynamodbCalls += n;
      if (WRITE_OPS.has(op)) t.storeWrites += n;
      else t.storeReads += n;
    }
    t.readUnits += u.dynamodb.readUnits;
    t.writeUnits += u.dynamodb.writeUnits;
    t.transactionalReadUnits += u.dynamodb.transactionalReadUnits;
    t.transactionalWriteUnits += u.dynamodb.transactionalWriteUnits;
    t.indexWriteUnits += u.dynamodb.indexWriteUnits;
    t.failedCalls += u.dynamodb.failedCalls;
    t.failedItems += u.dynamodb.failedItems;
  }
  return t;
}

/**
 * Billed milliseconds per handler as Lambda would bill them, estimated: in the local cloud all handlers
 * share one process and one event loop, so an invocation's wall time holds the others' work and
 * DynamoDB Local's slowness. Instead: the cloud process's CPU time over the run (`cpuMs`, an upper
 * bound on the handlers' own computing: the gateway and the local Step Functions service run there
 * too), shared among handlers by their time not waiting on DynamoDB, plus `awsLatencyMs` for each
 * round trip to DynamoDB; at least 1 ms an invocation.
 */
export function lambdaEstimate(usage: Record<string, HandlerUsage>, cpuMs: number, awsLatencyMs: number): Record<string, { invocations: number; billedMs: number }> {
  const busy = (u: HandlerUsage) => Math.max(0, u.durationMs - u.dynamodbWaitMs);
  const allBusy = Object.values(usage).reduce((s, u) => s + busy(u), 0);
  return Object.fromEntries(
    Object.entries(usage).map(([handler, u]) => {
      const cpu = allBusy > 0 ? (cpuMs * busy(u)) / allBusy : 0;
      return [handler, { invocations: u.invocations, billedMs: Math.max(u.invocations, cpu + u.dynamodbRoundTrips * awsLatencyMs + u.invocations / 2) }];
    }),
  );
}
