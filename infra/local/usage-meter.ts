/**
 * The usage meter, local cloud only (`DOLBOM_METER=on`): what AWS would bill for, counted per handler
 * — invocations and their duration, and the DynamoDB request units each handler's calls consume — so
 * `npm run bench` can price a lifecycle (bench/lifecycle/). Read it at `GET /local/meter`.
 *
 * DynamoDB Local computes consumed capacity as DynamoDB does (item size, index writes, transactional
 * requests at twice the units); the meter asks for it on every call (`ReturnConsumedCapacity:
 * INDEXES`) from the handlers' own client, the one `functions/commons/clients.ts` makes. A call that
 * fails (a condition, a cancelled transaction) reports nothing although DynamoDB bills it: the meter
 * counts those calls and the items they named, so a reader can see how much is missing. It also times
 * each invocation's waits on DynamoDB Local, whose latency is not DynamoDB's. Handlers never import
 * this file; only the local Lambda runtime does.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** One handler's share, since the meter started. */
export interface HandlerUsage {
  invocations: number;
  /** Invocations that threw (Lambda bills them the same). */
  failedInvocations: number;
  /** Summed wall-clock duration of the invocations, in milliseconds. */
  durationMs: number;
  /** Summed duration rounded up to whole milliseconds per invocation, as Lambda bills it. */
  billedMs: number;
  /**
   * Of the duration, the time at least one DynamoDB call was in flight, and how many times the
   * handler went to DynamoDB and waited (calls sent together count once): what lets a reader put
   * AWS's latency in place of DynamoDB Local's.
   */
  dynamodbWaitMs: number;
  dynamodbRoundTrips: number;
  dynamodb: DynamoDbUsage;
}

export interface DynamoDbUsage {
  /** API calls by operation name (`PutItem`, `TransactWriteItems`, …). */
  calls: Record<string, number>;
  /** Read and write request units, table and indexes, as DynamoDB Local reports them. */
  readUnits: number;
  writeUnits: number;
  /** Of those, the units of transactional calls (already counted at twice the units). */
  transactionalReadUnits: number;
  transactionalWriteUnits: number;
  /** Of the write units, those spent on global secondary indexes. */
  indexWriteUnits: number;
  /** Calls that failed and so reported no capacity, and how many items they named. */
  failedCalls: number;
  failedItems: number;
}

export interface MeterSnapshot {
  /** When the snapshot was taken (real time, ms since the epoch). */
  takenAt: number;
  /**
   * CPU time of the whole local cloud process so far (user + system, ms): every handler runs in it,
   * beside the gateway and the local Step Functions service, so it bounds what the handlers computed.
   */
  cpuMs: number;
  handlers: Record<string, HandlerUsage>;
}

interface CapacityEntry {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
  GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number; ReadCapacityUnits?: number; WriteCapacityUnits?: number }>;
}

const READS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems']);
const WRITES = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'BatchWriteItem', 'TransactWriteItems']);
/** Operations whose input takes `ReturnConsumedCapacity`. */
const METERED = new Set([...READS, ...WRITES]);

function emptyDynamoDb(): DynamoDbUsage {
  return { calls: {}, readUnits: 0, writeUnits: 0, transactionalReadUnits: 0, transactionalWriteUnits: 0, indexWriteUnits: 0, failedCalls: 0, failedItems: 0 };
}

/** How many items a request names: what a failed call would have been billed for, at least. */
function itemsNamed(operation: string, input: Record<string, unknown>): number {
  if (operation === 'TransactWriteItems' || operation === 'TransactGetItems') return (input.TransactItems as unknown[] | undefined)?.length ?? 1;
  if (operation === 'BatchWriteItem' || operation === 'BatchGetItem') {
    return Object.values((input.RequestItems as Record<string, unknown[] | { Keys?: unknown[] }>) ?? {}).reduce<number>(
      (n, v) => n + (Array.isArray(v) ? v.length : (v.Keys?.length ?? 0)),
      0,
    );
  }
  return 1;
}

/** One invocation in progress: which handler, and its waits on DynamoDB so far. */
interface Invocation {
  handler: string;
  inFlight: number;
  waitingSince: number;
  waitMs: number;
  roundTrips: number;
}

export class UsageMeter {
  private readonly usage = new Map<string, HandlerUsage>();
  private readonly invocation = new AsyncLocalStorage<Invocation>();

  private of(handler: string): HandlerUsage {
    let entry = this.usage.get(handler);
    if (!entry) {
      entry = { invocations: 0, failedInvocations: 0, durationMs: 0, billedMs: 0, dynamodbWaitMs: 0, dynamodbRoundTrips: 0, dynamodb: emptyDynamoDb() };
      this.usage.set(handler, entry);
    }
    return entry;
  }

  /** Runs one invocation of `handler` and books its duration (whether it succeeds or throws). */
  async measure<T>(handler: string, invoke: () => Promise<T>): Promise<T> {
    const current: Invocation = { handler, inFlight: 0, waitingSince: 0, waitMs: 0, roundTrips: 0 };
    const began = performance.now();
    let failed = true;
    try {
      const result = await this.invocation.run(current, invoke);
      failed = false;
      return result;
    } finally {
      this.recordInvocation(handler, performance.now() - began, failed, current.waitMs, current.roundTrips);
    }
  }

  recordInvocation(handler: string, durationMs: number, failed: boolean, waitMs = 0, roundTrips = 0): void {
    const entry = this.of(handler);
    entry.invocations++;
    if (failed) entry.failedInvocations++;
    entry.durationMs += durationMs;
    entry.billedMs += Math.max(1, Math.ceil(durationMs));
    entry.dynamodbWaitMs += waitMs;
    entry.dynamodbRoundTrips += roundTrips;
  }

  /** Adds one answer's consumed capacity to the handler's units. */
  recordCapacity(handler: string, operation: string, consumed: CapacityEntry | CapacityEntry[] | undefined): void {
    const db = this.of(handler).dynamodb;
    db.calls[operation] = (db.calls[operation] ?? 0) + 1;
    const transactional = operation.startsWith('Transact');
    const write = WRITES.has(operation);
    for (const entry of [consumed ?? []].flat()) {
      const units = entry.CapacityUnits ?? 0;
      const indexUnits = Object.values(entry.GlobalSecondaryIndexes ?? {}).reduce((n, g) => n + (g.CapacityUnits ?? 0), 0);
      if (write) {
        db.writeUnits += units;
        db.indexWriteUnits += indexUnits;
        if (transactional) db.transactionalWriteUnits += units;
      } else {
        db.readUnits += units;
        if (transactional) db.transactionalReadUnits += units;
      }
    }
  }

  recordFailure(handler: string, operation: string, items: number): void {
    const db = this.of(handler).dynamodb;
    db.calls[operation] = (db.calls[operation] ?? 0) + 1;
    db.failedCalls++;
    db.failedItems += items;
  }

  snapshot(): MeterSnapshot {
    const { user, system } = process.cpuUsage();
    return { takenAt: Date.now(), cpuMs: (user + system) / 1000, handlers: structuredClone(Object.fromEntries(this.usage)) };
  }

  /**
   * Meters a DynamoDB client: asks every call for its consumed capacity (table and indexes) and books
   * it, and the wait, to the invocation running it. Calls outside an invocation (the local cloud's own) are not counted.
   */
  install(client: Pick<DynamoDBClient, 'middlewareStack'>): void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const current = this.invocation.getStore();
        const operation = String(context.commandName ?? '').replace(/Command$/, '');
        if (!current || !METERED.has(operation)) return next(args);
        const input = args.input as Record<string, unknown>;
        input.ReturnConsumedCapacity = 'INDEXES';
        if (current.inFlight++ === 0) {
          current.waitingSince = performance.now();
          current.roundTrips++;
        }
        try {
          const result = await next(args);
          this.recordCapacity(current.handler, operation, (result.output as { ConsumedCapacity?: CapacityEntry | CapacityEntry[] }).ConsumedCapacity);
          return result;
        } catch (error) {
          this.recordFailure(current.handler, operation, itemsNamed(operation, input));
          throw error;
        } finally {
          if (--current.inFlight === 0) current.waitMs += performance.now() - current.waitingSince;
        }
      },
      // Outermost of the initialize step: one count per call, whatever the retry strategy does below.
      { step: 'initialize', priority: 'high', name: 'dolbomUsageMeter' },
    );
  }
}

/** `DOLBOM_METER=on` turns the meter on; anything else leaves it off. */
export function meterWanted(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.DOLBOM_METER === 'on';
}
