/**
 * The local copy of a state machine definition: the same states under the same names, rewritten
 * only where aws-local-stepfunctions@3 would otherwise behave differently from AWS. Pure.
 *
 * - Wait states become Task states (same Next/End/InputPath/OutputPath) so the service can wait
 *   on a durable timer in virtual time; the library only sleeps in real time and forgets on restart.
 * - Every Task gets the largest TimeoutSeconds setTimeout can hold: the library fails a Task without
 *   one after 60 s and fires at once above 2,147,483 s. The service enforces the real TimeoutSeconds
 *   and HeartbeatSeconds itself, in virtual time.
 * - Task and Wait Parameters are wrapped in an envelope (`{ input, …timing }`) so the library
 *   evaluates the *Path timing fields (which may use `$$`) and hands the results to the service.
 * - The execution-level TimeoutSeconds is removed (same setTimeout limits); the service enforces it.
 * - `$$.Execution…` paths read a copy of the context the service controls, because the library
 *   overwrites `$$.Execution.Input` and `$$.Execution.StartTime` on every run — and a resumed run
 *   starts from a checkpoint, not from the execution input.
 */
import type { StateMachineDefinition } from 'aws-local-stepfunctions';

export type TaskIntegration = 'lambda:invoke' | 'lambda:invoke.waitForTaskToken' | 'lambda:function';
export type StateType = 'Task' | 'Parallel' | 'Map' | 'Pass' | 'Wait' | 'Choice' | 'Succeed' | 'Fail';

interface StateInfoBase {
  name: string;
  /** Top-level states are checkpointed; nested ones (in Parallel branches or Map iterations) are not. */
  topLevel: boolean;
}
export interface TaskStateInfo extends StateInfoBase {
  type: 'Task';
  integration: TaskIntegration;
  resource: string;
  timeoutSeconds?: number;
  heartbeatSeconds?: number;
  /** Whether its Retry / Catch takes a `States.DataLimitExceeded` of its result (task-errors.ts). */
  dataLimitHandling: { retried: boolean; caught: boolean };
}
export interface OtherStateInfo extends StateInfoBase {
  type: Exclude<StateType, 'Task'>;
}
export type StateInfo = TaskStateInfo | OtherStateInfo;

export interface LocalDefinition {
  /** What the library runs. */
  definition: StateMachineDefinition;
  /** Every state of the original definition, nested ones included (names are unique per machine). */
  states: ReadonlyMap<string, StateInfo>;
  executionTimeoutSeconds?: number;
}

/** What the service's handler for a local Task state receives (Parameters already applied). */
export interface TaskEnvelope {
  input: unknown;
  timeoutSeconds?: unknown;
  heartbeatSeconds?: unknown;
}
/** What the handler of a former Wait state receives. */
export interface WaitEnvelope {
  input: unknown;
  seconds?: unknown;
  timestamp?: unknown;
}

/** Where the service puts the real `$$.Execution` object in the context it passes to the library. */
export const LOCAL_EXECUTION_CONTEXT_KEY = 'LocalExecution';
/** 2^31-1 ms, the longest delay setTimeout honours, in whole seconds. */
export const LIBRARY_TASK_TIMEOUT_SECONDS = 2_147_483;
/** Resource of the Task states that stand in for Wait states; the service always overrides them. */
export const LOCAL_WAIT_RESOURCE = 'arn:aws:states:::dolbom.local:wait';

type Json = Record<string, unknown>;

const STATE_PATH_FIELDS = [
  'InputPath',
  'OutputPath',
  'ItemsPath',
  'SecondsPath',
  'TimestampPath',
  'TimeoutSecondsPath',
  'HeartbeatSecondsPath',
  'ErrorPath',
  'CausePath',
  'MaxConcurrencyPath',
  'ToleratedFailureCountPath',
  'ToleratedFailurePercentagePath',
] as const;
const PAYLOAD_TEMPLATE_FIELDS = ['Parameters', 'ResultSelector', 'ItemSelector'] as const;

const LAMBDA_INVOKE = /^arn:[\w-]+:states:::lambda:invoke$/;
const LAMBDA_INVOKE_CALLBACK = /^arn:[\w-]+:states:::lambda:invoke\.waitForTaskToken$/;
const LAMBDA_FUNCTION = /^arn:[\w-]+:lambda:[\w-]+:\d{12}:function:[\w-]+(:[\w$-]+)?$/;

export function toLocalDefinition(original: unknown): LocalDefinition {
  if (!isObject(original)) throw new Error('a state machine definition must be a JSON object');
  const states = new Map<string, StateInfo>();
  const { TimeoutSeconds, ...machine } = original;
  const definition = localizeMachine(machine, states, true) as unknown as StateMachineDefinition;
  return {
    definition,
    states,
    ...(typeof TimeoutSeconds === 'number' ? { executionTimeoutSeconds: TimeoutSeconds } : {}),
  };
}

/** The variant a resumed execution runs: the same states, entered at the checkpointed one. */
export function startingAt(definition: StateMachineDefinition, stateName: string): StateMachineDefinition {
  if (!(stateName in definition.States)) throw new Error(`no top-level state named "${stateName}"`);
  return { ...definition, StartAt: stateName };
}

/** `$$.Execution…` → `$$.LocalExecution…`, inside reference paths and intrinsic function calls. */
export function rewriteContextPath(path: string): string {
  return path.replace(/\$\$\.Execution(?=$|[.[\s,)])/g, () => `$$.${LOCAL_EXECUTION_CONTEXT_KEY}`);
}

export function classifyTaskResource(stateName: string, resource: unknown): TaskIntegration {
  if (typeof resource === 'string') {
    if (LAMBDA_INVOKE.test(resource)) return 'lambda:invoke';
    if (LAMBDA_INVOKE_CALLBACK.test(resource)) return 'lambda:invoke.waitForTaskToken';
    if (LAMBDA_FUNCTION.test(resource)) return 'lambda:function';
  }
  throw new Error(
    `state "${stateName}": resource ${JSON.stringify(resource)} is not supported by the local Step Functions ` +
      'service; use arn:aws:states:::lambda:invoke, arn:aws:states:::lambda:invoke.waitForTaskToken or a Lambda function ARN',
  );
}

function localizeMachine(machine: Json, states: Map<string, StateInfo>, topLevel: boolean): Json {
  if (!isObject(machine.States)) throw new Error('a state machine definition needs a States object');
  const localStates = Object.fromEntries(
    Object.entries(machine.States).map(([name, state]) => {
      if (!isObject(state)) throw new Error(`state "${name}" must be an object`);
      return [name, localizeState(name, state, states, topLevel)];
    }),
  );
  return { ...machine, States: localStates };
}

function localizeState(name: string, original: Json, states: Map<string, StateInfo>, topLevel: boolean): Json {
  if (states.has(name)) throw new Error(`state name "${name}" is used twice; names must be unique in a state machine`);
  const state = rewriteStatePaths(original);
  const type = state.Type as StateType;
  switch (type) {
    case 'Task': {
      const info: TaskStateInfo = {
        name,
        type,
        topLevel,
        integration: classifyTaskResource(name, state.Resource),
        resource: state.Resource as string,
        ...(typeof state.TimeoutSeconds === 'number' ? { timeoutSeconds: state.TimeoutSeconds } : {}),
        ...(typeof state.HeartbeatSeconds === 'number' ? { heartbeatSeconds: state.HeartbeatSeconds } : {}),
        dataLimitHandling: { retried: namesDataLimitFirst(state.Retry), caught: namesDataLimitFirst(state.Catch) },
      };
      states.set(name, info);
      return localTask(state);
    }
    case 'Wait':
      states.set(name, { name, type, topLevel });
      return waitAsTask(state);
    case 'Parallel':
      states.set(name, { name, type, topLevel });
      return { ...state, Branches: (state.Branches as Json[]).map((branch) => localizeMachine(branch, states, false)) };
    case 'Map': {
      states.set(name, { name, type, topLevel });
      const processorField = 'ItemProcessor' in state ? 'ItemProcessor' : 'Iterator';
      return { ...state, [processorField]: localizeMachine(state[processorField] as Json, states, false) };
    }
    default:
      states.set(name, { name, type, topLevel });
      return state;
  }
}

const DATA_LIMIT_EXCEEDED = 'States.DataLimitExceeded';
/** The names the library matches `States.DataLimitExceeded` with, once the error lets it match at all. */
const MATCHES_DATA_LIMIT = new Set([DATA_LIMIT_EXCEEDED, 'States.ALL', 'States.TaskFailed']);

/**
 * True when the first retrier (catcher) the library would match `States.DataLimitExceeded` with
 * names it: the wildcards alone do not take it ("can't be caught by the States.ALL error type").
 */
function namesDataLimitFirst(handlers: unknown): boolean {
  if (!Array.isArray(handlers)) return false;
  const first = handlers.find(
    (handler): handler is { ErrorEquals: unknown[] } =>
      isObject(handler) && Array.isArray(handler.ErrorEquals) && handler.ErrorEquals.some((name) => MATCHES_DATA_LIMIT.has(name as string)),
  );
  return first?.ErrorEquals.includes(DATA_LIMIT_EXCEEDED) ?? false;
}

function localTask(state: Json): Json {
  const { TimeoutSeconds, TimeoutSecondsPath, HeartbeatSeconds, HeartbeatSecondsPath, Parameters, ...rest } = state;
  return {
    ...rest,
    TimeoutSeconds: LIBRARY_TASK_TIMEOUT_SECONDS,
    Parameters: {
      ...('Parameters' in state ? { input: Parameters } : { 'input.$': '$' }),
      ...(typeof TimeoutSecondsPath === 'string' ? { 'timeoutSeconds.$': TimeoutSecondsPath } : {}),
      ...(typeof HeartbeatSecondsPath === 'string' ? { 'heartbeatSeconds.$': HeartbeatSecondsPath } : {}),
    },
  };
}

function waitAsTask(state: Json): Json {
  const { Type, Seconds, Timestamp, SecondsPath, TimestampPath, ...rest } = state;
  return {
    ...rest,
    Type: 'Task',
    Resource: LOCAL_WAIT_RESOURCE,
    TimeoutSeconds: LIBRARY_TASK_TIMEOUT_SECONDS,
    Parameters: {
      'input.$': '$',
      ...(Seconds !== undefined ? { seconds: Seconds } : {}),
      ...(Timestamp !== undefined ? { timestamp: Timestamp } : {}),
      ...(SecondsPath !== undefined ? { 'seconds.$': SecondsPath } : {}),
      ...(TimestampPath !== undefined ? { 'timestamp.$': TimestampPath } : {}),
    },
  };
}

function rewriteStatePaths(state: Json): Json {
  const out: Json = { ...state };
  for (const field of STATE_PATH_FIELDS) {
    const value = out[field];
    if (typeof value === 'string') out[field] = rewriteContextPath(value);
  }
  for (const field of PAYLOAD_TEMPLATE_FIELDS) {
    if (field in out) out[field] = rewritePayloadTemplate(out[field]);
  }
  if (Array.isArray(out.Choices)) out.Choices = out.Choices.map(rewriteChoiceRule);
  return out;
}

/** Only `key.$` values are paths or intrinsic functions; every other value is a literal. */
function rewritePayloadTemplate(template: unknown): unknown {
  if (Array.isArray(template)) return template.map(rewritePayloadTemplate);
  if (!isObject(template)) return template;
  return Object.fromEntries(
    Object.entries(template).map(([key, value]) => [
      key,
      key.endsWith('.$') && typeof value === 'string' ? rewriteContextPath(value) : rewritePayloadTemplate(value),
    ]),
  );
}

function rewriteChoiceRule(rule: unknown): unknown {
  if (!isObject(rule)) return rule;
  return Object.fromEntries(
    Object.entries(rule).map(([key, value]) => {
      if ((key === 'Variable' || key.endsWith('Path')) && typeof value === 'string') return [key, rewriteContextPath(value)];
      if (key === 'And' || key === 'Or') return [key, Array.isArray(value) ? value.map(rewriteChoiceRule) : value];
      if (key === 'Not') return [key, rewriteChoiceRule(value)];
      return [key, value];
    }),
  );
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
