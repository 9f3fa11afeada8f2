import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import { DEFAULT_TIMEOUT_SECONDS, handlers, type HandlerId, type HandlerSpec } from '../../functions/catalog';
import { faults } from '../../functions/commons/faults';
import { dynamo } from '../../functions/commons/clients';
import { projectRoot } from '../paths';
import { enforceTableGrants, type TableGrant } from './table-policy';
import { meterWanted, UsageMeter } from './usage-meter';
import { LOCAL_ACCOUNT, LOCAL_REGION, localFunctionArn } from './template';

type Handler = (event: unknown, context: Context) => Promise<unknown>;

/** The timeout CDK gives the function (`DolbomFunction`): the same default, the same catalog entry. */
export function functionTimeoutSeconds(id: HandlerId): number {
  return (handlers[id] as HandlerSpec).timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS;
}

/** What Lambda reports when an invocation outlasts the function's timeout; Step Functions sees its name. */
function lambdaTimeout(requestId: string, timeoutMs: number): Error {
  const error = new Error(`RequestId: ${requestId} Error: Task timed out after ${(timeoutMs / 1000).toFixed(2)} seconds`);
  error.name = 'Sandbox.Timedout';
  return error;
}

/**
 * Runs Dolbom's Lambda handlers in-process with real event shapes and a Lambda-like context. Each
 * handler module is loaded once, like a warm container. A thrown error keeps its `name`, which is the
 * error type Step Functions' Retry and Catch see. An invocation that outlasts the function's timeout
 * fails as Lambda's does (`Sandbox.Timedout`), so the local cloud shows what AWS would.
 */
export class LocalLambdaRuntime {
  private readonly loaded = new Map<HandlerId, Promise<Handler>>();
  /** Which handler the current call chain runs in: DynamoDB calls are shared by all handlers in-process. */
  private readonly running = new AsyncLocalStorage<HandlerId>();
  /** What AWS would bill, per handler (`DOLBOM_METER=on`, for `npm run bench`); undefined when off. */
  readonly meter = meterWanted() ? new UsageMeter() : undefined;

  /**
   * `tableGrants`: each handler's DynamoDB grants from the synthesized template; given, a call its
   * role lacks is refused as AWS would refuse it (infra/local/table-policy.ts).
   */
  constructor(options: { tableGrants?: Record<string, readonly TableGrant[]> } = {}) {
    // Drills only (DOLBOM_FAULTS, functions/commons/faults.ts): every handler shares this process, so
    // the injector asks which one a call belongs to; a handler named that the catalog lacks fails the start.
    const unknown = faults?.plan.only?.filter((id) => !(id in handlers));
    if (unknown?.length) throw new Error(`DOLBOM_FAULTS: only=${unknown.join(',')} names no handler of functions/catalog.ts`);
    faults?.identifyHandlersBy(() => this.running.getStore());
    if (options.tableGrants) enforceTableGrants(dynamo(), options.tableGrants, () => this.running.getStore());
    this.meter?.install(dynamo());
  }

  private load(id: HandlerId): Promise<Handler> {
    let handler = this.loaded.get(id);
    if (!handler) {
      const file = pathToFileURL(path.join(projectRoot, handlers[id].entry)).href;
      handler = import(file).then((module: { handler?: Handler }) => {
        if (typeof module.handler !== 'function') throw new Error(`${handlers[id].entry} exports no handler`);
        return module.handler;
      });
      this.loaded.set(id, handler);
    }
    return handler;
  }

  /** Loads every handler now, so the first request is not slowed by module loading. */
  async warmUp(): Promise<void> {
    await Promise.all((Object.keys(handlers) as HandlerId[]).map((id) => this.load(id)));
  }

  async invoke(id: HandlerId, event: unknown): Promise<unknown> {
    const handler = await this.load(id);
    const startedAt = Date.now();
    const timeoutMs = functionTimeoutSeconds(id) * 1000;
    const requestId = randomUUID();
    const context = {
      awsRequestId: requestId,
      functionName: id,
      functionVersion: '$LATEST',
      invokedFunctionArn: localFunctionArn(id),
      memoryLimitInMB: '512',
      logGroupName: `/aws/lambda/${id}`,
      logStreamName: `local/${LOCAL_REGION}/${LOCAL_ACCOUNT}`,
      callbackWaitsForEmptyEventLoop: true,
      getRemainingTimeInMillis: () => Math.max(0, timeoutMs - (Date.now() - startedAt)),
      done: () => undefined,
      fail: () => undefined,
      succeed: () => undefined,
    } satisfies Context;
    // A structured clone stands in for the JSON round trip Lambda does: no shared references.
    const invocation = () => handler(structuredClone(event), context);
    const run = this.running.run(id, () => (this.meter ? this.meter.measure(id, invocation) : invocation()));
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(lambdaTimeout(requestId, timeoutMs)), timeoutMs);
    });
    try {
      return structuredClone(await Promise.race([run, timedOut]));
    } finally {
      clearTimeout(timer);
      // Lambda would freeze a timed-out invocation; in-process it runs on, and its end is no one's error.
      run.catch(() => undefined);
    }
  }

  /** Step Functions' view: invoke by function ARN (`arn:aws:lambda:…:function:<handlerId>`). */
  invokeByArn = async (functionArn: string, payload: unknown): Promise<unknown> => {
    const id = functionArn.split(':function:')[1]?.split(':')[0];
    if (!id || !(id in handlers)) {
      const error = new Error(`Function not found: ${functionArn}`);
      error.name = 'Lambda.ResourceNotFoundException';
      throw error;
    }
    return this.invoke(id as HandlerId, payload);
  };
}
