/**
 * Execution history in the shapes of GetExecutionHistory. Pure: the journal persists what these
 * functions build. Inputs and outputs are JSON strings, as in AWS.
 */
import type { StateMachine } from 'aws-local-stepfunctions';
import type { StateInfo, TaskIntegration } from './definition';

/** An event of the library's `eventLogs` (the type is not exported by the package). */
export type LibraryEvent = ReturnType<StateMachine['run']>['eventLogs'] extends AsyncGenerator<infer E> ? E : never;

export interface NewHistoryEvent {
  type: string;
  details?: Record<string, unknown>;
}

/** As stored: timestamp in epoch milliseconds of virtual time. */
export interface HistoryEvent {
  id: number;
  previousEventId: number;
  timestamp: number;
  type: string;
  [detailsKey: string]: unknown;
}

export type TaskPhase = 'Scheduled' | 'Started' | 'Submitted' | 'Succeeded' | 'Failed' | 'TimedOut';

const DATA_FIELDS = new Set(['input', 'inputDetails', 'output', 'outputDetails']);

/** `TaskStateEntered` → `stateEnteredEventDetails`, `TaskScheduled` → `taskScheduledEventDetails`. */
export function detailsKey(type: string): string {
  if (type.endsWith('StateEntered')) return 'stateEnteredEventDetails';
  if (type.endsWith('StateExited')) return 'stateExitedEventDetails';
  return `${type[0]?.toLowerCase()}${type.slice(1)}EventDetails`;
}

export function toHistoryEvent(event: NewHistoryEvent, id: number, timestampMs: number): HistoryEvent {
  return {
    id,
    previousEventId: id - 1,
    timestamp: timestampMs,
    type: event.type,
    ...(event.details ? { [detailsKey(event.type)]: event.details } : {}),
  };
}

/** The wire form: epoch seconds; inputs and outputs left out unless asked for. */
export function toApiEvent(event: HistoryEvent, includeExecutionData: boolean): Record<string, unknown> {
  const apiEvent: Record<string, unknown> = { ...event, timestamp: event.timestamp / 1000 };
  if (!includeExecutionData) {
    for (const [key, value] of Object.entries(event)) {
      if (key.endsWith('EventDetails') && typeof value === 'object' && value !== null) {
        apiEvent[key] = Object.fromEntries(Object.entries(value).filter(([field]) => !DATA_FIELDS.has(field)));
      }
    }
  }
  return apiEvent;
}

/**
 * State-level events. The states' own types come from the original definition, so a Wait state the
 * library runs as a Task still reads WaitStateEntered. Task*, LambdaFunction* and Execution* events
 * are written by the service itself; retries and catches show, as in AWS, through those.
 */
export function fromLibraryEvent(event: LibraryEvent, states: ReadonlyMap<string, StateInfo>): NewHistoryEvent[] {
  switch (event.type) {
    case 'StateEntered': {
      const type = states.get(event.state.name)?.type ?? event.state.type;
      return [{ type: `${type}StateEntered`, details: { name: event.state.name, ...data('input', event.state.input) } }];
    }
    case 'StateExited': {
      const type = states.get(event.state.name)?.type ?? event.state.type;
      return [{ type: `${type}StateExited`, details: { name: event.state.name, ...data('output', event.state.output) } }];
    }
    case 'MapIterationStarted':
    case 'MapIterationSucceeded':
    case 'MapIterationFailed':
      return [{ type: event.type, details: { name: event.parentState.name, index: event.index } }];
    default:
      return [];
  }
}

/**
 * Task events: `lambda:invoke[.waitForTaskToken]` shows as Task*, a plain function ARN as
 * LambdaFunction* (no Submitted phase), as in AWS.
 */
export function taskEvent(integration: TaskIntegration, phase: TaskPhase, fields: Record<string, unknown> = {}): NewHistoryEvent {
  if (integration === 'lambda:function') {
    return phase === 'Started'
      ? { type: 'LambdaFunctionStarted' }
      : { type: `LambdaFunction${phase}`, details: fields };
  }
  const resource = integration === 'lambda:invoke' ? 'invoke' : 'invoke.waitForTaskToken';
  return { type: `Task${phase}`, details: { resourceType: 'lambda', resource, ...fields } };
}

export function executionStarted(input: string, roleArn: string): NewHistoryEvent {
  return { type: 'ExecutionStarted', details: { input, inputDetails: { truncated: false }, roleArn } };
}

export function executionSucceeded(output: string): NewHistoryEvent {
  return { type: 'ExecutionSucceeded', details: { output, outputDetails: { truncated: false } } };
}

export type ExecutionEnd = 'ExecutionFailed' | 'ExecutionAborted' | 'ExecutionTimedOut';

export function executionEnded(type: ExecutionEnd, error?: string, cause?: string): NewHistoryEvent {
  return { type, details: { ...(error !== undefined ? { error } : {}), ...(cause !== undefined ? { cause } : {}) } };
}

export function data(field: 'input' | 'output', value: unknown): Record<string, unknown> {
  return { [field]: JSON.stringify(value ?? null), [`${field}Details`]: { truncated: false } };
}
