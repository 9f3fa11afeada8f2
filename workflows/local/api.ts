/**
 * The Step Functions JSON API (protocol awsJson1_0, target prefix `AWSStepFunctions.`): request
 * checks, dispatch, and responses in the shapes @aws-sdk/client-sfn and the AWS CLI expect
 * (dates as epoch seconds).
 */
import { randomUUID } from 'node:crypto';
import { invalidNameReason, isStateMachineArn, parseExecutionArn } from './arns';
import type { CheckpointStore, ExecutionRecord, ExecutionStatus } from './checkpoint-store';
import { SfnApiError } from './errors';
import type { Executions } from './executions';
import { toApiEvent } from './history';
import { exceedsPayloadLimit, STANDARD_MAX_PAYLOAD_BYTES } from './limits';
import type { RegisteredStateMachine } from './state-machines';
import type { TaskTokens } from './task-tokens';

const TARGET_PREFIX = 'AWSStepFunctions.';

export interface ApiContext {
  machines: ReadonlyMap<string, RegisteredStateMachine>;
  /** Alias ARN (`…:stateMachine:<name>:<alias>`) → the machine's ARN; StartExecution accepts either. */
  aliases?: ReadonlyMap<string, string>;
  store: CheckpointStore;
  executions: Executions;
  tokens: TaskTokens;
}

type Body = Record<string, unknown>;
type Handler = (context: ApiContext, body: Body) => Promise<unknown>;

const EXECUTION_STATUSES = new Set<ExecutionStatus>(['RUNNING', 'SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED']);

const handlers: Record<string, Handler> = {
  async ListStateMachines({ machines }, body) {
    const sorted = [...machines.values()].sort((a, b) => a.name.localeCompare(b.name));
    const page = paginate(sorted, (machine) => machine.arn, body);
    return {
      stateMachines: page.items.map((machine) => ({
        stateMachineArn: machine.arn,
        name: machine.name,
        type: 'STANDARD',
        creationDate: seconds(machine.creationDate),
      })),
      ...page.next,
    };
  },

  async DescribeStateMachine({ machines }, body) {
    const machine = requireMachine(machines, body.stateMachineArn);
    return {
      stateMachineArn: machine.arn,
      name: machine.name,
      status: 'ACTIVE',
      definition: machine.definitionJson,
      roleArn: machine.roleArn,
      type: 'STANDARD',
      creationDate: seconds(machine.creationDate),
      loggingConfiguration: { level: 'OFF', includeExecutionData: false },
    };
  },

  async StartExecution({ machines, aliases, executions }, body) {
    const input = optionalString(body, 'input') ?? '{}';
    refuseOverLimit('input', input);
    // Started through an alias, the execution belongs to the machine (its ARN names no alias), as in AWS.
    const requested = body.stateMachineArn;
    const machine = requireMachine(machines, typeof requested === 'string' ? (aliases?.get(requested) ?? requested) : requested);
    const name = optionalString(body, 'name') ?? randomUUID();
    const invalidName = invalidNameReason(name);
    if (invalidName) throw new SfnApiError('InvalidName', invalidName);
    try {
      JSON.parse(input);
    } catch {
      throw new SfnApiError('InvalidExecutionInput', 'Invalid State Machine Execution Input: the input is not valid JSON');
    }
    const execution = await executions.start(machine, name, input);
    return { executionArn: execution.executionArn, startDate: seconds(execution.startDate) };
  },

  async DescribeExecution({ store }, body) {
    const execution = await requireExecution(store, body.executionArn);
    return {
      ...executionListItem(execution),
      input: execution.input,
      inputDetails: { included: true },
      ...(execution.output !== undefined ? { output: execution.output, outputDetails: { included: true } } : {}),
      ...(execution.error !== undefined ? { error: execution.error } : {}),
      ...(execution.cause !== undefined ? { cause: execution.cause } : {}),
    };
  },

  async ListExecutions({ machines, store }, body) {
    const machine = requireMachine(machines, body.stateMachineArn);
    const statusFilter = optionalString(body, 'statusFilter');
    if (statusFilter !== undefined && !EXECUTION_STATUSES.has(statusFilter as ExecutionStatus)) {
      throw new SfnApiError('ValidationException', `statusFilter must be one of ${[...EXECUTION_STATUSES].join(', ')}`);
    }
    const newestFirst = (await store.executionsOf(machine.arn))
      .filter((execution) => statusFilter === undefined || execution.status === statusFilter)
      .sort((a, b) => b.startDate - a.startDate || a.name.localeCompare(b.name));
    const page = paginate(newestFirst, (execution) => execution.executionArn, body);
    return { executions: page.items.map(executionListItem), ...page.next };
  },

  async GetExecutionHistory({ store }, body) {
    const execution = await requireExecution(store, body.executionArn);
    const limit = maxResults(body);
    const reverse = body.reverseOrder === true;
    const afterId = decodeNextToken<number>(body.nextToken);
    const page = await store.events(execution.executionArn, { limit, reverse, afterId });
    const last = page.events.at(-1);
    return {
      events: page.events.map((event) => toApiEvent(event, body.includeExecutionData !== false)),
      ...(page.more && last ? { nextToken: encodeNextToken(last.id) } : {}),
    };
  },

  async StopExecution({ store, executions }, body) {
    const execution = await requireExecution(store, body.executionArn);
    const stopDate = await executions.stop(
      execution.executionArn,
      optionalString(body, 'error'),
      optionalString(body, 'cause'),
    );
    return { stopDate: seconds(stopDate) };
  },

  async SendTaskSuccess({ tokens }, body) {
    if (typeof body.output === 'string') refuseOverLimit('output', body.output);
    await tokens.sendSuccess(body.taskToken, body.output);
    return {};
  },

  async SendTaskFailure({ tokens }, body) {
    await tokens.sendFailure(body.taskToken, body.error, body.cause);
    return {};
  },

  async SendTaskHeartbeat({ tokens }, body) {
    await tokens.sendHeartbeat(body.taskToken);
    return {};
  },
};

/** Handles one call; `target` is the X-Amz-Target value (the bare action name is accepted too). */
export function callApi(context: ApiContext, target: string, body: unknown): Promise<unknown> {
  const action = target.startsWith(TARGET_PREFIX) ? target.slice(TARGET_PREFIX.length) : target;
  const handler = Object.hasOwn(handlers, action) ? handlers[action] : undefined;
  if (!handler) {
    return Promise.reject(new SfnApiError('UnknownOperationException', `The local Step Functions service does not support ${target}`));
  }
  const request = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Body) : {};
  return handler(context, request);
}

function executionListItem(execution: ExecutionRecord): Record<string, unknown> {
  return {
    executionArn: execution.executionArn,
    stateMachineArn: execution.stateMachineArn,
    name: execution.name,
    status: execution.status,
    startDate: seconds(execution.startDate),
    ...(execution.stopDate !== undefined ? { stopDate: seconds(execution.stopDate) } : {}),
  };
}

function requireMachine(machines: ReadonlyMap<string, RegisteredStateMachine>, arn: unknown): RegisteredStateMachine {
  if (typeof arn !== 'string') throw new SfnApiError('ValidationException', "'stateMachineArn' is required");
  if (!isStateMachineArn(arn)) throw new SfnApiError('InvalidArn', `Invalid Arn: '${arn}'`);
  const machine = machines.get(arn);
  if (!machine) throw new SfnApiError('StateMachineDoesNotExist', `State Machine Does Not Exist: '${arn}'`);
  return machine;
}

async function requireExecution(store: CheckpointStore, arn: unknown): Promise<ExecutionRecord> {
  if (typeof arn !== 'string') throw new SfnApiError('ValidationException', "'executionArn' is required");
  if (!parseExecutionArn(arn)) throw new SfnApiError('InvalidArn', `Invalid Arn: '${arn}'`);
  const execution = await store.getExecution(arn);
  if (!execution) throw new SfnApiError('ExecutionDoesNotExist', `Execution Does Not Exist: '${arn}'`);
  return execution;
}

/**
 * StartExecution's `input` and SendTaskSuccess's `output` hold at most 262,144 bytes of UTF-8 (API
 * reference: "Maximum length of 262144", "expressed as bytes in UTF-8 encoding"). Over it, AWS's
 * request validation answers as it does for any field's length constraint — ValidationException,
 * "1 validation error detected: …", the value left out as these fields are sensitive — before the
 * token or the state machine is looked at.
 */
function refuseOverLimit(field: 'input' | 'output', value: string): void {
  if (exceedsPayloadLimit(value)) {
    throw new SfnApiError(
      'ValidationException',
      `1 validation error detected: Value at '${field}' failed to satisfy constraint: Member must have length less than or equal to ${STANDARD_MAX_PAYLOAD_BYTES}`,
    );
  }
}

function optionalString(body: Body, field: string): string | undefined {
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new SfnApiError('ValidationException', `'${field}' must be a string`);
  return value;
}

/** 0 or absent means the default page size, as in AWS. */
function maxResults(body: Body): number {
  const value = body.maxResults ?? 0;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > 1000) {
    throw new SfnApiError('ValidationException', "'maxResults' must be an integer from 0 to 1000");
  }
  return value === 0 ? 100 : value;
}

/** Pages through an ordered list; the token remembers the key of the last item returned. */
function paginate<T>(items: T[], keyOf: (item: T) => string, body: Body): { items: T[]; next: { nextToken?: string } } {
  const after = decodeNextToken<string>(body.nextToken);
  const start = after === undefined ? 0 : items.findIndex((item) => keyOf(item) === after) + 1;
  const page = items.slice(start, start + maxResults(body));
  const last = page.at(-1);
  const more = start + page.length < items.length;
  return { items: page, next: more && last !== undefined ? { nextToken: encodeNextToken(keyOf(last)) } : {} };
}

function encodeNextToken(position: string | number): string {
  return Buffer.from(JSON.stringify({ after: position })).toString('base64url');
}

function decodeNextToken<T extends string | number>(token: unknown): T | undefined {
  if (token === undefined || token === null) return undefined;
  try {
    const { after } = JSON.parse(Buffer.from(String(token), 'base64url').toString()) as { after: T };
    if (after !== undefined) return after;
  } catch {
    // reported below
  }
  throw new SfnApiError('InvalidToken', 'Invalid Token: the nextToken is not one this service returned');
}

function seconds(epochMs: number): number {
  return epochMs / 1000;
}
