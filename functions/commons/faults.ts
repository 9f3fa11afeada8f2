import { log } from './logger';

/**
 * Fault injection for drills, enabled only by configuration and refused in production:
 *
 *   DOLBOM_FAULTS="rate=0.2;kinds=exception,latency,throttle,conflict;seed=42"
 *
 * Faults meet handlers where AWS would: in the DynamoDB client's middleware stack, inside the SDK's
 * own retry loop, so a throttle is retried by the SDK as a real one is and a fault is parsed by the
 * SDK's own deserializer into the exception class AWS sends; and at the end of an invocation, after
 * the handler's writes, where a lost answer sends the caller (a browser, Step Functions) back to try
 * again. Each opportunity — every DynamoDB request a handler sends, every invocation's start and its
 * end — meets a fault with probability `rate`, its kind drawn from `kinds`; a kind that cannot happen
 * there passes (so each kind's share is rate ÷ kinds):
 *
 * | kind      | invocation                        | DynamoDB read             | DynamoDB write                                  |
 * |-----------|-----------------------------------|---------------------------|-------------------------------------------------|
 * | latency   | 50–`latency` ms before it runs   | 10–100 ms before sending  | 10–100 ms before sending                        |
 * | exception | its answer lost after it ran      | connection reset, unsent  | the write applied, then its answer lost: the SDK sends it again |
 * | throttle  | —                                 | ProvisionedThroughputExceeded / Throttling for 1–4 attempts | the same; a transaction is cancelled with ThrottlingError |
 * | conflict  | —                                 | —                         | TransactionConflictException; a transaction is cancelled with TransactionConflict |
 *
 * Options: `only=<handlerId>,…` limits faults to those catalog handlers; `sites=invocation` or
 * `sites=dynamodb` to one of the two places; `limit=<n>` stops after n faults per handler;
 * `latency=<ms>` is the longest invocation delay (250). The seed makes a run's
 * draws repeatable (concurrent requests still interleave as they will); without one it is drawn and logged.
 *
 * A lost answer is thrown as the SDK's Node HTTP handler throws a reset connection (`TimeoutError`,
 * `ECONNRESET`): what the product makes of it is its own doing — a route answers 503 with Retry-After,
 * a step surfaces `Dolbom.Retryable` for the state's Retry.
 *
 * The stage set by CDK (`DOLBOM_STAGE`) being `prod` makes every handler refuse to start: module
 * loading throws, so a production function that somehow got the variable fails its cold start loudly
 * instead of failing one request in five. CDK never sets the variable (test/cdk/no-faults.test.ts).
 */
export const FAULTS_VARIABLE = 'DOLBOM_FAULTS';

export const faultKinds = ['exception', 'latency', 'throttle', 'conflict'] as const;
export type FaultKind = (typeof faultKinds)[number];

/** Where a fault is injected: around a handler's invocation, or on one of its DynamoDB requests. */
export const faultSites = ['invocation', 'dynamodb'] as const;
export type FaultSite = (typeof faultSites)[number];

export interface FaultPlan {
  /** Probability that one opportunity meets a fault, 0 < rate ≤ 1. */
  rate: number;
  kinds: FaultKind[];
  seed: number;
  /** Catalog handler ids that meet faults; all when absent. */
  only?: string[];
  /** Where faults are injected: both sites unless limited. */
  sites: FaultSite[];
  /** Faults per handler, at most. */
  limit?: number;
  /** The longest delay added before an invocation, in ms. */
  maxLatencyMs: number;
}

function invalid(spec: string, why: string): Error {
  return new Error(`${FAULTS_VARIABLE}="${spec}": ${why}. Example: rate=0.2;kinds=exception,latency,throttle,conflict;seed=42`);
}

/** Reads the variable's value; anything it cannot honour throws, so a drill never runs without its faults. */
export function parseFaultPlan(spec: string): FaultPlan {
  const fields = new Map<string, string>();
  for (const part of spec.split(';').map((p) => p.trim()).filter(Boolean)) {
    const [key, value, ...rest] = part.split('=').map((s) => s.trim());
    if (!key || value === undefined || rest.length > 0) throw invalid(spec, `"${part}" is not key=value`);
    fields.set(key, value);
  }
  const unknown = [...fields.keys()].filter((k) => !['rate', 'kinds', 'seed', 'only', 'sites', 'limit', 'latency'].includes(k));
  if (unknown.length > 0) throw invalid(spec, `unknown ${unknown.join(', ')}`);

  const rate = Number(fields.get('rate'));
  if (!(rate > 0 && rate <= 1)) throw invalid(spec, 'rate must be a number above 0, at most 1');
  const kinds = (fields.get('kinds') ?? faultKinds.join(',')).split(',').map((k) => k.trim());
  const strange = kinds.filter((k) => !(faultKinds as readonly string[]).includes(k));
  if (strange.length > 0 || kinds.length === 0) throw invalid(spec, `kinds are ${faultKinds.join(', ')}, not ${strange.join(', ')}`);
  const seed = fields.has('seed') ? Number(fields.get('seed')) : Math.floor(Math.random() * 2 ** 31);
  if (!Number.isInteger(seed)) throw invalid(spec, 'seed must be an integer');
  const limit = fields.has('limit') ? Number(fields.get('limit')) : undefined;
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw invalid(spec, 'limit must be a positive integer');
  const maxLatencyMs = fields.has('latency') ? Number(fields.get('latency')) : 250;
  if (!(Number.isInteger(maxLatencyMs) && maxLatencyMs >= 50)) throw invalid(spec, 'latency must be an integer of 50 ms or more');
  const sites = (fields.get('sites') ?? faultSites.join(',')).split(',').map((k) => k.trim());
  if (sites.some((site) => !(faultSites as readonly string[]).includes(site))) throw invalid(spec, `sites are ${faultSites.join(', ')}`);
  const only = fields.get('only')?.split(',').map((h) => h.trim()).filter(Boolean);
  return {
    rate,
    kinds: [...new Set(kinds)] as FaultKind[],
    seed,
    sites: [...new Set(sites)] as FaultSite[],
    maxLatencyMs,
    ...(only?.length ? { only } : {}),
    ...(limit ? { limit } : {}),
  };
}

/** The plan of this environment, or undefined without the variable; refused when the stage is prod. */
export function faultPlanOf(environment: Record<string, string | undefined>): FaultPlan | undefined {
  const spec = environment[FAULTS_VARIABLE]?.trim();
  if (!spec) return undefined;
  if (environment.DOLBOM_STAGE === 'prod') {
    throw new Error(`${FAULTS_VARIABLE} is set in the prod stage: fault injection is refused in production. Remove the variable from the function.`);
  }
  return parseFaultPlan(spec);
}

/** mulberry32: a small seeded generator, so a run's draws can be repeated. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A reset connection, as the SDK's Node HTTP handler reports one (and its retry strategy retries). */
export function connectionReset(): Error {
  return Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET' });
}

const WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'TransactWriteItemsCommand', 'BatchWriteItemCommand']);
const CONDITIONAL_WRITES = new Set(['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'TransactWriteItemsCommand']);

/** The raw HTTP answer DynamoDB gives, which the SDK's deserializer turns into its exception class. */
function dynamoAnswer(type: string, body: Record<string, unknown>) {
  return {
    statusCode: 400,
    headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': `fault-${Math.random().toString(36).slice(2)}` },
    body: new TextEncoder().encode(JSON.stringify({ __type: `com.amazonaws.dynamodb.v20120810#${type}`, ...body })),
  };
}

const CAPACITY_MESSAGE =
  'Throughput exceeds the current capacity of your table or index. DynamoDB is automatically scaling your table or index so please try again shortly.';

/** A transaction cancelled because of its first item; the others `None`, as DynamoDB lists them. */
function cancelled(itemCount: number, code: 'TransactionConflict' | 'ThrottlingError', message: string) {
  const codes = Array.from({ length: Math.max(itemCount, 1) }, (_, i) => (i === 0 ? code : 'None'));
  return dynamoAnswer('TransactionCanceledException', {
    Message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${codes.join(', ')}]`,
    CancellationReasons: codes.map((Code) => (Code === 'None' ? { Code } : { Code, Message: message })),
  });
}

function throttled(command: string, input: { TransactItems?: unknown[] }, draw: number) {
  if (command === 'TransactWriteItemsCommand' || command === 'TransactGetItemsCommand') {
    return cancelled(input.TransactItems?.length ?? 1, 'ThrottlingError', CAPACITY_MESSAGE);
  }
  const write = WRITES.has(command);
  // A hot key range (either capacity mode), or the table's on-demand maximum.
  return draw < 0.5
    ? dynamoAnswer('ProvisionedThroughputExceededException', {
        message: CAPACITY_MESSAGE,
        ThrottlingReasons: [{ reason: write ? 'TableWriteKeyRangeThroughputExceeded' : 'TableReadKeyRangeThroughputExceeded' }],
      })
    : dynamoAnswer('ThrottlingException', {
        message: 'Throughput exceeds the maximum on-demand throughput configured for your table or index.',
        throttlingReasons: [{ reason: write ? 'TableWriteMaxOnDemandThroughputExceeded' : 'TableReadMaxOnDemandThroughputExceeded' }],
      });
}

function conflicted(command: string, input: { TransactItems?: unknown[] }) {
  if (command === 'TransactWriteItemsCommand') return cancelled(input.TransactItems?.length ?? 1, 'TransactionConflict', 'Transaction is ongoing for the item');
  return dynamoAnswer('TransactionConflictException', { message: 'Transaction is ongoing for the item' });
}

/** The part of an SDK client this needs: its middleware stack. */
type MiddlewareClient = { middlewareStack: { add: (middleware: never, options: never) => void } };

/** One send's draw, kept across the SDK's attempts (the context object is the send's). */
interface SendState {
  throttledAttempts: number;
}

export class FaultInjector {
  private readonly random: () => number;
  private readonly perHandler = new Map<string, number>();
  private readonly sends = new WeakMap<object, SendState>();
  /** Faults injected so far, by site and kind: `dynamodb.throttle` → 12. */
  readonly counts: Record<string, number> = {};

  constructor(
    readonly plan: FaultPlan,
    /** The catalog id of the handler running now: `DOLBOM_HANDLER` in Lambda; the local runtime knows per call. */
    private runningHandler: () => string | undefined = () => process.env.DOLBOM_HANDLER,
  ) {
    this.random = seeded(plan.seed);
  }

  /** The local cloud runs every handler in one process and says which one each call belongs to. */
  identifyHandlersBy(lookup: () => string | undefined): void {
    this.runningHandler = lookup;
  }

  /** Draws the fault of one opportunity: undefined for none, or for a kind that cannot happen there. */
  private draw(site: FaultSite, applicable: readonly FaultKind[], command?: string): FaultKind | undefined {
    const handler = this.runningHandler();
    if (!this.plan.sites.includes(site)) return undefined;
    if (this.plan.only && !(handler && this.plan.only.includes(handler))) return undefined;
    if (this.random() >= this.plan.rate) return undefined;
    const kind = this.plan.kinds[Math.floor(this.random() * this.plan.kinds.length)]!;
    if (!applicable.includes(kind)) return undefined;
    const used = this.perHandler.get(handler ?? '') ?? 0;
    if (this.plan.limit !== undefined && used >= this.plan.limit) return undefined;
    this.perHandler.set(handler ?? '', used + 1);
    this.counts[`${site}.${kind}`] = (this.counts[`${site}.${kind}`] ?? 0) + 1;
    log.warn('fault injected', { site, kind, handler, command });
    return kind;
  }

  /** Middy's place for it: a delay before the handler, a lost answer after it (see `faultInjection`). */
  async beforeInvocation(): Promise<void> {
    if (this.draw('invocation', ['latency']) === 'latency') await sleep(50 + Math.floor(this.random() * (this.plan.maxLatencyMs - 50)));
  }

  /** The handler did its work; its answer is lost on the way back, so the caller tries again. */
  afterInvocation(): void {
    if (this.draw('invocation', ['exception']) === 'exception') throw connectionReset();
  }

  /**
   * Adds the faults to a DynamoDB client's middleware stack, innermost — where the HTTP call is made,
   * inside the SDK's retry loop — so the SDK deserializes and retries the answers as it would DynamoDB's.
   */
  installOn(client: MiddlewareClient): void {
    const middleware =
      (next: (args: { input: unknown }) => Promise<{ response: unknown }>, context: { commandName?: string }) =>
      async (args: { input: unknown }) => {
        const command = context.commandName ?? '';
        const input = (args.input ?? {}) as { TransactItems?: unknown[] };
        const sent = this.sends.get(context);
        if (sent) {
          // The SDK's next attempt of a send already drawn: a throttle may last a few attempts.
          if (sent.throttledAttempts-- > 0) return { response: throttled(command, input, this.random()) };
          return next(args);
        }
        const state: SendState = { throttledAttempts: 0 };
        this.sends.set(context, state);
        const applicable: FaultKind[] = ['latency', 'exception', 'throttle', ...(CONDITIONAL_WRITES.has(command) ? (['conflict'] as const) : [])];
        switch (this.draw('dynamodb', applicable, command)) {
          case 'latency':
            await sleep(10 + Math.floor(this.random() * 90));
            return next(args);
          case 'throttle':
            // 1–4 attempts: the SDK's own retries (3 or 4 attempts) absorb some, and the rest reach the handler.
            state.throttledAttempts = Math.floor(this.random() * 4);
            return { response: throttled(command, input, this.random()) };
          case 'conflict':
            return { response: conflicted(command, input) };
          case 'exception': {
            if (!WRITES.has(command)) throw connectionReset();
            const answered = await next(args);
            const response = answered.response as { statusCode?: number; body?: { resume?: () => void } };
            if ((response.statusCode ?? 0) >= 300) return answered;
            // Applied, and the answer lost: the SDK will send the same write again.
            response.body?.resume?.();
            throw connectionReset();
          }
          default:
            return next(args);
        }
      };
    client.middlewareStack.add(middleware as never, { step: 'deserialize', priority: 'low', name: 'dolbomFaults' } as never);
  }
}

/**
 * The plan of this process, read once when this module loads. Throws in the prod stage: every handler
 * loads this module when the variable is set (fault-injection.ts, through clients.ts, http.ts or
 * step.ts), so none starts there with faults configured.
 */
export const faults: FaultInjector | undefined = (() => {
  const plan = faultPlanOf(process.env);
  if (!plan) return undefined;
  log.warn('fault injection on', { rate: plan.rate, kinds: plan.kinds.join(','), seed: plan.seed, sites: plan.sites.join(','), only: plan.only?.join(','), limit: plan.limit });
  return new FaultInjector(plan);
})();
