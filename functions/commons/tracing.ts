import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:dgram';

/**
 * One X-Ray subsegment for each AWS SDK call, sent to the Lambda's X-Ray daemon, so a trace shows
 * which DynamoDB, Step Functions, KMS, S3, SNS or SES call a handler made, how long it took and how it
 * ended — and the trace map draws those services as nodes under the function.
 *
 * Why not `@aws-lambda-powertools/tracer` (captureAWSv3Client): it brings aws-xray-sdk-core, ~127 KB
 * minified in every handler bundle, against the cold-start budget (issue 12). What Dolbom needs of it
 * is this file: read Lambda's trace header, time the call, write the documented segment document
 * (`{"format":"json","version":1}` + newline + the subsegment) to the daemon over UDP (node:dgram).
 *
 * What goes in: the service, the operation, the region, the request id, the retries, the HTTP status,
 * X-Ray's error/throttle/fault flags, the error's type, and the table, index, state machine, bucket or
 * topic where the input names one. Never a request or response body, an item, a key, a message, a phone
 * number or an error message (which can quote the request).
 *
 * It does nothing, at the cost of one string test per call, unless the invocation is sampled
 * (`Sampled=1`) and a daemon address is set: the local cloud and the tests have neither. Sending never
 * fails or slows the call: the call's own result is returned before the document is written, and every
 * error of tracing is swallowed.
 *
 * @example
 *   sfnClient ??= traced(new SFNClient({}));
 */
export function traced<Client extends TraceableClient>(client: Client): Client {
  client.middlewareStack.add(subsegmentMiddleware(client.config), { step: 'build', name: 'dolbomXRaySubsegment', override: true });
  return client;
}

/** What `traced` needs of an SDK v3 client (every generated client has it). */
export interface TraceableClient {
  middlewareStack: { add(middleware: BuildMiddleware, options: { step: 'build'; name: string; override: boolean }): void };
  config: { region?: unknown };
}

// `any`: each client has its own input and output unions, which the middleware reads as BuildArgs/BuildResult.
type BuildHandler = (args: any) => Promise<any>;
type BuildMiddleware = (next: BuildHandler, context: CallContext) => BuildHandler;
interface CallContext {
  clientName?: string;
  commandName?: string;
}
interface BuildArgs {
  input: unknown;
  request: unknown;
}
interface BuildResult {
  output: unknown;
  response: unknown;
}
interface Metadata {
  httpStatusCode?: number;
  requestId?: string;
  attempts?: number;
}

/** The current invocation's trace when X-Ray samples it: `Root=1-…;Parent=<16 hex>;Sampled=1` (and Lineage=…). */
export interface SampledTrace {
  traceId: string;
  /** The function's segment: the subsegments' parent. */
  parentId: string;
  header: string;
}

export function sampledTrace(header: string | undefined): SampledTrace | undefined {
  if (!header?.includes('Sampled=1')) return undefined;
  const fields = new Map(header.split(';').map((part) => [part.slice(0, part.indexOf('=')).trim(), part.slice(part.indexOf('=') + 1).trim()]));
  const traceId = fields.get('Root');
  const parentId = fields.get('Parent');
  return traceId && parentId && fields.get('Sampled') === '1' ? { traceId, parentId, header } : undefined;
}

export interface DaemonAddress {
  host: string;
  port: number;
}

/** `AWS_XRAY_DAEMON_ADDRESS`: `host:port` (Lambda's form), or `udp:host:port tcp:host:port`. */
export function daemonAddress(value: string | undefined): DaemonAddress | undefined {
  const udp = value?.trim().split(/\s+/).find((part) => !part.startsWith('tcp:'))?.replace(/^udp:/, '');
  const colon = udp?.lastIndexOf(':') ?? -1;
  const host = udp?.slice(0, colon).replace(/^\[|\]$/g, '');
  const port = Number(udp?.slice(colon + 1));
  return host && Number.isInteger(port) && port > 0 ? { host, port } : undefined;
}

/**
 * The invocation's trace header. A function that serves one request at a time has it in
 * `_X_AMZN_TRACE_ID`; one that serves several at once keeps it per request in the runtime's invoke
 * store. The SDK's own recursion detection reads it the same way, store first.
 */
function currentTraceHeader(): string | undefined {
  const lambda = (globalThis as { awslambda?: { InvokeStore?: { getXRayTraceId?(): string | undefined } } }).awslambda;
  return lambda?.InvokeStore?.getXRayTraceId?.() ?? process.env._X_AMZN_TRACE_ID;
}

function subsegmentMiddleware(config: TraceableClient['config']): BuildMiddleware {
  return (next, context) => async (args: BuildArgs): Promise<BuildResult> => {
    const trace = sampledTrace(currentTraceHeader());
    const daemon = trace && daemonAddress(process.env.AWS_XRAY_DAEMON_ADDRESS);
    if (!trace || !daemon) return next(args);

    const call = { id: segmentId(), trace, daemon, context, input: args.input, config, startTime: Date.now() / 1000 };
    // What AWS receives names this subsegment as its parent, as the X-Ray SDK's header does (the rest
    // — Root, Sampled, Lineage for Lambda's loop detection — kept). The SDK's recursion detection,
    // later in this step, leaves a header that is already there alone.
    const request = args.request as { headers?: Record<string, string> } | undefined;
    if (request?.headers) request.headers['X-Amzn-Trace-Id'] = withParent(trace.header, call.id);
    try {
      const result = await next(args);
      // A presigned S3 URL runs the stack without sending anything (no HTTP response): no call to trace.
      if ((result.response as { statusCode?: number } | undefined)?.statusCode !== undefined) {
        void record(call, (result.output as { $metadata?: Metadata } | undefined)?.$metadata);
      }
      return result;
    } catch (error) {
      void record(call, (error as { $metadata?: Metadata } | undefined)?.$metadata, error);
      throw error;
    }
  };
}

function withParent(header: string, parentId: string): string {
  return header
    .split(';')
    .map((part) => (part.trim().startsWith('Parent=') ? `Parent=${parentId}` : part))
    .join(';');
}

function segmentId(): string {
  return randomBytes(8).toString('hex');
}

interface Call {
  id: string;
  trace: SampledTrace;
  daemon: DaemonAddress;
  context: CallContext;
  input: unknown;
  config: TraceableClient['config'];
  startTime: number;
}

/** Builds and sends the subsegment after the call has returned; never throws. */
async function record(call: Call, metadata: Metadata | undefined, error?: unknown): Promise<void> {
  try {
    const endTime = Date.now() / 1000;
    const region = await regionOf(call.config);
    send(subsegmentDocument(call, region, endTime, metadata, error), call.daemon);
  } catch {
    // Tracing is never a reason for a handler to fail.
  }
}

async function regionOf(config: TraceableClient['config']): Promise<string> {
  const region = typeof config.region === 'function' ? await (config.region as () => Promise<unknown>)() : config.region;
  return typeof region === 'string' ? region : (process.env.AWS_REGION ?? '');
}

/** The independent subsegment of one call (X-Ray segment documents: "Subsegments", "AWS resource data", "Errors"). */
function subsegmentDocument(call: Call, region: string, endTime: number, metadata: Metadata | undefined, error: unknown): Record<string, unknown> {
  // DynamoDBClient → DynamoDB, PutItemCommand → PutItem: the names X-Ray's SDKs give AWS calls, which the trace map knows.
  const service = (call.context.clientName ?? 'AWS').replace(/Client$/, '');
  const status = metadata?.httpStatusCode;
  return {
    type: 'subsegment',
    id: call.id,
    trace_id: call.trace.traceId,
    parent_id: call.trace.parentId,
    name: service,
    namespace: 'aws',
    start_time: call.startTime,
    end_time: endTime,
    aws: {
      operation: (call.context.commandName ?? '').replace(/Command$/, ''),
      region,
      request_id: metadata?.requestId ?? '',
      // The SDK counts attempts (1 for a call that went through at once); X-Ray counts retries.
      retries: Math.max((metadata?.attempts ?? 1) - 1, 0),
      ...resourcesOf(service, call.input),
    },
    ...(status !== undefined ? { http: { response: { status } } } : {}),
    ...outcomeFlags(status, error),
  };
}

/** Throttling, as the SDK's retry strategy names it (DynamoDB answers some with 400, not 429). */
const THROTTLES = new Set([
  'ThrottlingException',
  'Throttling',
  'ThrottledException',
  'TooManyRequestsException',
  'RequestThrottled',
  'RequestThrottledException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'SlowDown',
]);

/**
 * X-Ray's flags: `error` a 4xx (the request was refused), `throttle` a throttle (429 or the service's
 * throttling error), `fault` a 5xx — or no answer at all (a timeout, a lost connection). The error's
 * type goes in `cause`, its message does not.
 */
function outcomeFlags(status: number | undefined, error: unknown): Record<string, unknown> {
  if (error === undefined && (status ?? 0) < 400) return {};
  const name = error instanceof Error ? error.name : undefined;
  const throttled = status === 429 || (name !== undefined && THROTTLES.has(name)) || Boolean((error as { $retryable?: { throttling?: boolean } } | undefined)?.$retryable?.throttling);
  const refused = status !== undefined && status >= 400 && status < 500;
  const flags: Record<string, unknown> = refused ? { error: true } : { fault: true };
  if (throttled) flags.throttle = true;
  if (name) flags.cause = { exceptions: [{ id: segmentId(), type: name, remote: status !== undefined }] };
  return flags;
}

/**
 * The resources a call names, read from the input's resource fields only (X-Ray's own SDKs read the
 * same for DynamoDB, S3 and SNS). Step Functions: the state machine's name, never an execution's
 * name or a task token.
 */
function resourcesOf(service: string, input: unknown): Record<string, unknown> {
  const fields = (input ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' && value ? value : undefined);
  switch (service) {
    case 'DynamoDB': {
      const tables = new Set<string>();
      const add = (value: unknown) => {
        if (text(value)) tables.add(value as string);
      };
      add(fields.TableName);
      for (const table of Object.keys((fields.RequestItems as object | undefined) ?? {})) add(table);
      for (const item of (fields.TransactItems as Record<string, { TableName?: unknown } | undefined>[] | undefined) ?? []) {
        for (const action of Object.values(item ?? {})) add(action?.TableName);
      }
      const names = [...tables];
      return {
        ...(names.length === 1 ? { table_name: names[0] } : names.length > 1 ? { table_names: names } : {}),
        ...(text(fields.IndexName) ? { index_name: fields.IndexName } : {}),
      };
    }
    case 'SFN': {
      // arn:aws:states:<region>:<account>:stateMachine:<name>[:<alias>] or …:execution:<name>:<execution>
      const arn = text(fields.stateMachineArn) ?? text(fields.executionArn);
      const name = arn?.split(':')[6];
      return name ? { state_machine: name } : {};
    }
    case 'S3':
      return text(fields.Bucket) ? { bucket_name: fields.Bucket } : {};
    case 'SNS':
      return text(fields.TopicArn) ? { topic_arn: fields.TopicArn } : {};
    default:
      return {};
  }
}

const PROTOCOL_HEADER = '{"format":"json","version":1}';

/**
 * One socket per container, reused, unref'd (an idle socket never keeps an invocation or a test
 * process alive). A send's error goes to its callback and is dropped; a socket error drops the socket,
 * and the next call opens another.
 */
let socket: Socket | undefined;

function send(document: Record<string, unknown>, daemon: DaemonAddress): void {
  const payload = `${PROTOCOL_HEADER}\n${JSON.stringify(document)}`;
  daemonSocket(daemon).send(payload, daemon.port, daemon.host, () => undefined);
}

function daemonSocket(daemon: DaemonAddress): Socket {
  if (socket) return socket;
  // node:dgram is loaded by the first sampled call, not at cold start (an unsampled function never needs it).
  const created = process.getBuiltinModule('node:dgram').createSocket(daemon.host.includes(':') ? 'udp6' : 'udp4');
  created.on('error', () => {
    if (socket === created) socket = undefined;
    try {
      created.close();
    } catch {
      // already closed
    }
  });
  created.unref();
  socket = created;
  return created;
}
