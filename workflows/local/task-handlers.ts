/**
 * What runs in place of each Task (and former Wait) state of the local definition: Lambda
 * invocations, callbacks with task tokens and waits, all timed in virtual time and written to the
 * execution's journal the way AWS writes its history.
 */
import { randomUUID } from 'node:crypto';
import type { RunOptions } from 'aws-local-stepfunctions';
import { nowMs } from '../../functions/commons/clock';
import type { Checkpoint, CheckpointStore } from './checkpoint-store';
import type { StateInfo, TaskEnvelope, TaskStateInfo, WaitEnvelope } from './definition';
import { data, taskEvent } from './history';
import type { ExecutionJournal } from './journal';
import { retryDelayMs } from './retry';
import { resultTooLargeCause, valueExceedsPayloadLimit } from './limits';
import { DataLimitExceeded, StatesRuntimeError, TaskError, heartbeatTimeout, lambdaFailure, statesTimeout } from './task-errors';
import { mintTaskToken, type TaskTokens } from './task-tokens';
import type { SlotHolder, VirtualTimers } from './timers';

export type TaskHandlers = NonNullable<NonNullable<RunOptions['overrides']>['taskResourceLocalHandlers']>;
type JsonValue = Awaited<ReturnType<TaskHandlers[string]>>;

export type InvokeLambda = (functionArn: string, payload: unknown) => Promise<unknown>;

export interface TaskRunContext {
  executionArn: string;
  region: string;
  states: ReadonlyMap<string, StateInfo>;
  journal: ExecutionJournal;
  store: CheckpointStore;
  tokens: TaskTokens;
  timers: VirtualTimers;
  /** The timer slot the run woke with: handed back whenever the run starts waiting again. */
  slot: SlotHolder;
  invokeLambda: InvokeLambda;
  /** Aborted when the run is detached: every wait ends, nothing more is written. */
  signal: AbortSignal;
  /** What the run's context has as `$$.Task.Token`; swapped for the real token in the payload. */
  tokenPlaceholder: string;
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/** One handler per Task state of the local definition (former Wait states included), keyed by state name. */
export function taskHandlers(context: TaskRunContext): TaskHandlers {
  const handlers: TaskHandlers = {};
  for (const state of context.states.values()) {
    const perform = performerOf(context, state);
    if (!perform) continue;
    handlers[state.name] = async (envelope) => {
      await context.journal.caughtUp();
      context.signal.throwIfAborted();
      await pauseBeforeRetry(context, state.name);
      return perform(envelope);
    };
  }
  return handlers;
}

function performerOf(context: TaskRunContext, state: StateInfo): ((envelope: unknown) => Promise<JsonValue>) | undefined {
  if (state.type === 'Wait') return (envelope) => waitUntilWakeUp(context, state, envelope as WaitEnvelope);
  if (state.type !== 'Task') return undefined;
  const perform = state.integration === 'lambda:invoke.waitForTaskToken' ? awaitCallback : invokeFunction;
  return (envelope) => {
    refuseInputOverLimit(state, envelope as TaskEnvelope);
    return perform(context, state, envelope as TaskEnvelope);
  };
}

/**
 * "After Parameters processing, the input of a state is larger than payload size quota": the
 * execution fails before anything is scheduled, and no Retry or Catch sees it. AWS's cause for this
 * case is nowhere on record; this one is ours.
 */
function refuseInputOverLimit(state: TaskStateInfo, envelope: TaskEnvelope): void {
  if (valueExceedsPayloadLimit(envelope.input)) {
    throw new DataLimitExceeded(
      `The state/task '${state.name}' received an input, after Parameters, with a size exceeding the maximum number of bytes service limit.`,
    );
  }
}

async function pauseBeforeRetry(context: TaskRunContext, stateName: string): Promise<void> {
  const retry = context.journal.takeRetry(stateName);
  if (retry) await sleepUntil(context, nowMs() + retryDelayMs(retry.retrier, retry.attempt));
}

async function sleepUntil(context: TaskRunContext, dueMs: number): Promise<void> {
  context.slot.release();
  context.slot.hold(await context.timers.sleepUntil(dueMs, context.signal));
}

async function waitUntilWakeUp(context: TaskRunContext, state: StateInfo, envelope: WaitEnvelope): Promise<JsonValue> {
  const visit = checkpointOf(context, state);
  let wakeAt = visit?.wakeAt;
  if (wakeAt === undefined) {
    wakeAt = wakeUpTime(envelope);
    if (visit) await context.journal.saveCheckpoint({ ...visit, wakeAt });
  }
  await sleepUntil(context, wakeAt);
  return envelope.input as JsonValue;
}

async function invokeFunction(context: TaskRunContext, state: TaskStateInfo, envelope: TaskEnvelope): Promise<JsonValue> {
  const { journal } = context;
  const timeoutSeconds = positiveSeconds('TimeoutSeconds', state.timeoutSeconds ?? envelope.timeoutSeconds);
  const [functionArn, payload] =
    state.integration === 'lambda:invoke' ? invokeTarget(envelope.input) : [state.resource, envelope.input];
  journal.append(taskEvent(state.integration, 'Scheduled', scheduledDetails(context, state, envelope.input, timeoutSeconds)));
  journal.append(taskEvent(state.integration, 'Started'));
  context.signal.throwIfAborted(); // a full history ended the execution: nothing is invoked
  let result: JsonValue;
  try {
    result = await withTimeout(invoke(context, functionArn, payload), timeoutSeconds);
  } catch (error) {
    if (error instanceof TaskTimeout) {
      journal.append(taskEvent(state.integration, 'TimedOut', { error: 'States.Timeout' }));
      throw await statesTimeout();
    }
    const failure = lambdaFailure(error);
    journal.append(taskEvent(state.integration, 'Failed', { error: failure.name, cause: failure.message }));
    throw failure;
  }
  const output = state.integration === 'lambda:invoke' ? invokeResponse(result) : result;
  if (valueExceedsPayloadLimit(output)) {
    // As AWS: the task fails (TaskFailed, or LambdaFunctionFailed for a function ARN), and only a
    // retrier or catcher of the state that names States.DataLimitExceeded takes it (task-errors.ts).
    const cause = resultTooLargeCause(state.integration === 'lambda:invoke' ? 'lambda' : state.resource);
    journal.append(taskEvent(state.integration, 'Failed', { error: 'States.DataLimitExceeded', cause }));
    throw new DataLimitExceeded(cause, state.dataLimitHandling);
  }
  journal.append(taskEvent(state.integration, 'Succeeded', data('output', output)));
  return output;
}

/**
 * `lambda:invoke.waitForTaskToken`: a token for this visit — the one its checkpoint holds after a
 * restart, or a new one — handed to the Lambda, then its durable outcome. As AWS retries an
 * invocation it scheduled, a resumed visit whose invocation never returned (a crash came between
 * the token checkpoint and TaskSubmitted) hands the same token over again, unless it was answered.
 */
async function awaitCallback(context: TaskRunContext, state: TaskStateInfo, envelope: TaskEnvelope): Promise<JsonValue> {
  const { journal } = context;
  const visit = checkpointOf(context, state);
  const resumedToken = visit?.taskToken;
  const token = resumedToken ?? (await issueToken(context, state, envelope, visit));
  if (resumedToken === undefined || (!visit?.submitted && (await context.tokens.isPending(token)))) {
    await handOutToken(context, state, envelope, token);
  }
  context.slot.release();
  const outcome = await context.tokens.awaitOutcome(token, context.signal, context.slot);
  void journal.enqueue(() => context.store.forgetTaskToken(context.executionArn, token));
  switch (outcome.status) {
    case 'SUCCEEDED': {
      const output = outcome.output ?? 'null';
      journal.append(taskEvent(state.integration, 'Succeeded', { output, outputDetails: { truncated: false } }));
      return JSON.parse(output) as JsonValue;
    }
    case 'FAILED':
      journal.append(taskEvent(state.integration, 'Failed', { error: outcome.error, cause: outcome.cause }));
      throw new TaskError(outcome.error ?? '', outcome.cause ?? '');
    case 'TIMED_OUT':
      journal.append(taskEvent(state.integration, 'TimedOut', { error: outcome.error }));
      throw outcome.error === 'States.HeartbeatTimeout' ? heartbeatTimeout() : await statesTimeout();
    case 'ABORTED':
      // Only an ended execution abandons the token of a visit in progress; its run is being detached.
      context.signal.throwIfAborted();
      throw new StatesRuntimeError('the task token was abandoned');
  }
}

/**
 * Invokes the Lambda with the token in place of `$$.Task.Token`; its return is the TaskSubmitted
 * the checkpoint keeps, so that a resumed visit does not invoke it again.
 */
async function handOutToken(context: TaskRunContext, state: TaskStateInfo, envelope: TaskEnvelope, token: string): Promise<void> {
  const { journal } = context;
  const parameters = replaceText(envelope.input, context.tokenPlaceholder, token);
  const [functionArn, payload] = invokeTarget(parameters);
  journal.append(taskEvent(state.integration, 'Scheduled', scheduledDetails(context, state, parameters, ...timing(state, envelope))));
  journal.append(taskEvent(state.integration, 'Started'));
  context.signal.throwIfAborted(); // a full history ended the execution: nothing is invoked
  let response: JsonValue;
  try {
    response = invokeResponse(await invoke(context, functionArn, payload));
  } catch (error) {
    const failure = lambdaFailure(error);
    await context.tokens.abandon(token);
    void journal.enqueue(() => context.store.forgetTaskToken(context.executionArn, token));
    journal.append(taskEvent(state.integration, 'Failed', { error: failure.name, cause: failure.message }));
    throw failure;
  }
  journal.append(taskEvent(state.integration, 'Submitted', data('output', response)));
  const visit = checkpointOf(context, state);
  if (visit) void journal.saveCheckpoint({ ...visit, submitted: true });
}

/** Stores the token (PENDING, with its deadlines) and ties it to the execution and this visit. */
async function issueToken(
  context: TaskRunContext,
  state: TaskStateInfo,
  envelope: TaskEnvelope,
  visit: Checkpoint | undefined,
): Promise<string> {
  const [timeoutSeconds, heartbeatSeconds] = timing(state, envelope);
  const token = mintTaskToken();
  const now = nowMs();
  await context.store.putTaskToken({
    token,
    executionArn: context.executionArn,
    stateName: state.name,
    status: 'PENDING',
    createdAt: now,
    ...(timeoutSeconds !== undefined ? { timeoutAt: now + timeoutSeconds * 1000 } : {}),
    ...(heartbeatSeconds !== undefined ? { heartbeatSeconds, heartbeatDueAt: now + heartbeatSeconds * 1000 } : {}),
  });
  const attached = await context.store.attachTaskToken(context.executionArn, token, visit?.enteredEventId);
  if (!attached) {
    await context.tokens.abandon(token);
    context.signal.throwIfAborted();
    throw new StatesRuntimeError('the execution is no longer running');
  }
  if (visit) context.journal.checkpoint = { ...visit, taskToken: token };
  return token;
}

/** The checkpoint of the current visit of a top-level state; nested states have none. */
function checkpointOf(context: TaskRunContext, state: StateInfo): Checkpoint | undefined {
  if (!state.topLevel) return undefined;
  const visit = context.journal.checkpoint;
  if (visit?.state !== state.name) throw new Error(`checkpoint is at "${visit?.state}" while "${state.name}" runs`);
  return visit;
}

function timing(state: TaskStateInfo, envelope: TaskEnvelope): [number | undefined, number | undefined] {
  return [
    positiveSeconds('TimeoutSeconds', state.timeoutSeconds ?? envelope.timeoutSeconds),
    positiveSeconds('HeartbeatSeconds', state.heartbeatSeconds ?? envelope.heartbeatSeconds),
  ];
}

function wakeUpTime({ seconds, timestamp }: WaitEnvelope): number {
  if (seconds !== undefined) {
    if (typeof seconds !== 'number' || !Number.isInteger(seconds) || seconds < 0) {
      throw new StatesRuntimeError(`The Wait state's seconds ${JSON.stringify(seconds)} is not a non-negative integer`);
    }
    return nowMs() + seconds * 1000;
  }
  if (typeof timestamp === 'string' && RFC3339.test(timestamp)) return Date.parse(timestamp);
  throw new StatesRuntimeError(`The Wait state's timestamp ${JSON.stringify(timestamp)} is not an RFC 3339 timestamp`);
}

function positiveSeconds(field: string, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    throw new StatesRuntimeError(`${field} ${JSON.stringify(value)} is not a positive integer`);
  }
  return value;
}

function scheduledDetails(
  context: TaskRunContext,
  state: TaskStateInfo,
  parameters: unknown,
  timeoutSeconds: number | undefined,
  heartbeatSeconds?: number,
): Record<string, unknown> {
  const timeouts = {
    ...(timeoutSeconds !== undefined ? { timeoutInSeconds: timeoutSeconds } : {}),
    ...(heartbeatSeconds !== undefined ? { heartbeatInSeconds: heartbeatSeconds } : {}),
  };
  if (state.integration === 'lambda:function') return { resource: state.resource, ...data('input', parameters), ...timeouts };
  return { region: context.region, parameters: JSON.stringify(parameters), ...timeouts };
}

function invokeTarget(parameters: unknown): [string, unknown] {
  if (typeof parameters !== 'object' || parameters === null || !('FunctionName' in parameters)) {
    throw new StatesRuntimeError('lambda:invoke needs Parameters.FunctionName');
  }
  const { FunctionName, Payload } = parameters as { FunctionName: unknown; Payload?: unknown };
  if (typeof FunctionName !== 'string') throw new StatesRuntimeError('Parameters.FunctionName must be a string');
  return [FunctionName, Payload ?? {}];
}

/** The result as it would come back through JSON from a real Lambda. */
async function invoke(context: TaskRunContext, functionArn: string, payload: unknown): Promise<JsonValue> {
  const result = await context.invokeLambda(functionArn, payload);
  return result === undefined ? null : (JSON.parse(JSON.stringify(result)) as JsonValue);
}

/** What `arn:aws:states:::lambda:invoke` returns around the function's result. */
function invokeResponse(payload: JsonValue): JsonValue {
  const requestId = randomUUID();
  const headers = { 'Content-Type': 'application/json', 'X-Amz-Executed-Version': '$LATEST', 'x-amzn-RequestId': requestId };
  return {
    ExecutedVersion: '$LATEST',
    Payload: payload,
    SdkHttpMetadata: {
      AllHttpHeaders: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, [value]])),
      HttpHeaders: headers,
      HttpStatusCode: 200,
    },
    SdkResponseMetadata: { RequestId: requestId },
    StatusCode: 200,
  };
}

class TaskTimeout extends Error {}

/**
 * A Lambda invocation's TimeoutSeconds, in real time: the function runs in real time here, as in AWS,
 * and only waits (Wait states, callbacks) run on the virtual clock. So advancing the clock while a
 * step runs — a jump AWS time never makes — cannot time the step out.
 */
async function withTimeout<T>(work: Promise<T>, timeoutSeconds: number | undefined): Promise<T> {
  if (timeoutSeconds === undefined) return work;
  let cancel = () => {};
  const deadline = new Promise<never>((_, reject) => {
    const timer = setTimeout(() => reject(new TaskTimeout()), Math.min(timeoutSeconds * 1000, MAX_TIMER_MS));
    cancel = () => clearTimeout(timer);
  });
  try {
    return await Promise.race([work, deadline]);
  } finally {
    cancel();
  }
}

/** The longest delay setTimeout holds (about 24.8 days); no Lambda runs that long. */
const MAX_TIMER_MS = 2 ** 31 - 1;

/** Replaces `placeholder` inside every string of a JSON value (it may sit inside a States.Format result). */
function replaceText(value: unknown, placeholder: string, replacement: string): unknown {
  if (typeof value === 'string') return value.split(placeholder).join(replacement);
  if (Array.isArray(value)) return value.map((item) => replaceText(item, placeholder, replacement));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replaceText(item, placeholder, replacement)]));
  }
  return value;
}
