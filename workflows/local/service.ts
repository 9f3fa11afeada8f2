/**
 * The local Step Functions service: the state machines CDK synthesizes, run by
 * aws-local-stepfunctions, behind the real Step Functions JSON API, with every execution
 * checkpointed in DynamoDB so it survives a restart of the local cloud.
 *
 * @example
 * const sfn = new LocalStepFunctions({ dynamodb, invokeLambda: (arn, payload) => handlers[arn](payload) });
 * const arn = sfn.registerStateMachine({ name: 'ServicePeriod', definition });
 * await sfn.start();                 // creates the table, resumes RUNNING executions
 * await sfn.listen(8083);            // AWS_ENDPOINT_URL_SFN=http://127.0.0.1:8083
 * // …
 * await sfn.stop();                  // executions stay RUNNING; the next start() resumes them
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { nowMs } from '../../functions/commons/clock';
import { callApi } from './api';
import { invalidNameReason, stateMachineArn } from './arns';
import { CheckpointStore } from './checkpoint-store';
import { Executions } from './executions';
import { STANDARD_MAX_HISTORY_EVENTS } from './limits';
import { createRequestListener, type RequestListener } from './http';
import { RegisteredStateMachine } from './state-machines';
import type { InvokeLambda } from './task-handlers';
import { TaskTokens } from './task-tokens';
import { VirtualTimers, type TimerStatus } from './timers';

export { SfnApiError } from './errors';
export type { TimerStatus } from './timers';

/**
 * Fired timers run this many at a time by default. The SDK's HTTP pool has 50 sockets per client,
 * and a woken run has up to three writes in flight at once (history, checkpoint, token): 16 runs
 * leave the pool room for the Step Functions API while a storm of timers drains.
 */
const TIMER_CONCURRENCY = 16;

export interface LocalStepFunctionsOptions {
  /** Checkpoints live here, in the service's own table. */
  dynamodb: DynamoDBClient;
  /** Default 'dolbom-local-stepfunctions'; created on start() if missing (PAY_PER_REQUEST). */
  tableName?: string;
  /** Default 'ap-northeast-2'. */
  region?: string;
  /** Default '000000000000'. */
  accountId?: string;
  /** Invokes a Lambda function in-process. Throwing = the function failed (error.name is the Lambda errorType). */
  invokeLambda: InvokeLambda;
  /** How many fired timers run at once (default 16). */
  timerConcurrency?: number;
  /**
   * Events an execution's history may hold before it fails with States.Runtime. Default: AWS's
   * 25,000 (limits.ts), which is what every local cloud runs with; a test of the quota lowers it so
   * as not to write 25,000 events.
   */
  maxHistoryEvents?: number;
  log?: (line: string) => void;
}

/** What exists between start() and stop(): everything that keeps time or runs executions. */
interface Running {
  timers: VirtualTimers;
  tokens: TaskTokens;
  executions: Executions;
}

export class LocalStepFunctions {
  /** node:http request listener for the JSON API. */
  readonly requestListener: RequestListener;
  private readonly machines = new Map<string, RegisteredStateMachine>();
  /** Alias ARN → machine ARN: an alias runs the machine's one definition (the local service keeps no versions). */
  private readonly aliases = new Map<string, string>();
  private readonly store: CheckpointStore;
  private readonly region: string;
  private readonly accountId: string;
  private readonly log: (line: string) => void;
  private running: Running | undefined;
  private server: Server | undefined;

  constructor(private readonly options: LocalStepFunctionsOptions) {
    this.region = options.region ?? 'ap-northeast-2';
    this.accountId = options.accountId ?? '000000000000';
    this.log = options.log ?? ((line) => console.log(`[local-sfn] ${line}`));
    this.store = new CheckpointStore(options.dynamodb, options.tableName ?? 'dolbom-local-stepfunctions');
    this.requestListener = createRequestListener((target, body) => this.call(target, body), this.log);
  }

  /**
   * Registers a machine (its definition with every ARN already resolved to a string) and returns
   * its ARN. Throws if the definition is invalid or uses a resource the local service cannot run.
   */
  registerStateMachine(machine: { name: string; definition: object; roleArn?: string; aliases?: readonly string[] }): string {
    const invalidName = invalidNameReason(machine.name);
    if (invalidName) throw new Error(invalidName);
    const arn = stateMachineArn(this.region, this.accountId, machine.name);
    const roleArn = machine.roleArn ?? `arn:aws:iam::${this.accountId}:role/${machine.name}-role`;
    const registered = new RegisteredStateMachine(arn, machine.name, machine.definition, roleArn, nowMs());
    this.machines.set(arn, registered);
    for (const alias of machine.aliases ?? []) this.aliases.set(`${arn}:${alias}`, arn);
    if (this.running) this.resume(this.running, registered).catch((error: unknown) => this.log(String(error)));
    return arn;
  }

  /** Creates the table if needed and resumes every RUNNING execution from its checkpoint. */
  async start(): Promise<void> {
    if (this.running) return;
    await this.store.ensureTable();
    const timers = new VirtualTimers(this.options.timerConcurrency ?? TIMER_CONCURRENCY, this.log);
    const tokens = new TaskTokens(this.store, timers, this.log);
    const executions = new Executions({
      store: this.store,
      tokens,
      timers,
      invokeLambda: this.options.invokeLambda,
      region: this.region,
      maxHistoryEvents: this.options.maxHistoryEvents ?? STANDARD_MAX_HISTORY_EVENTS,
      log: this.log,
    });
    const running = { timers, tokens, executions };
    this.running = running;
    await Promise.all([...this.machines.values()].map((machine) => this.resume(running, machine)));
  }

  /** Handles one JSON API call, e.g. `call('AWSStepFunctions.StartExecution', { stateMachineArn })`. Throws SfnApiError. */
  async call(action: string, body: unknown): Promise<unknown> {
    const running = this.running;
    if (!running) throw new Error('the local Step Functions service is not started; call start() first');
    return callApi({ machines: this.machines, aliases: this.aliases, store: this.store, ...running }, action, body);
  }

  /** How many timers are scheduled and how much fired work is pending; how long the last storm took to drain. */
  timerStatus(): TimerStatus {
    return this.running?.timers.status() ?? { scheduled: 0, pending: 0 };
  }

  /** Serves the JSON API on `host:port` (port 0 picks a free one: read it from the server's address). */
  listen(port: number, host = '127.0.0.1'): Promise<Server> {
    const server = createServer(this.requestListener);
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        const { port: actualPort } = server.address() as AddressInfo;
        this.log(`Step Functions API on http://${host}:${actualPort}`);
        resolve(server);
      });
    });
  }

  /** Stops timers and runs WITHOUT ending the executions (the next start() resumes them); closes the server. */
  async stop(): Promise<void> {
    const running = this.running;
    this.running = undefined;
    if (running) {
      await running.executions.detachAll();
      running.timers.dispose();
    }
    const server = this.server;
    this.server = undefined;
    if (server) {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    }
  }

  private async resume(running: Running, machine: RegisteredStateMachine): Promise<void> {
    const resumed = await running.executions.resume(machine);
    if (resumed > 0) this.log(`resumed ${resumed} execution(s) of ${machine.name}`);
  }
}
