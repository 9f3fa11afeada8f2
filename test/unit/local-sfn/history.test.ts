import { describe, expect, it } from 'vitest';
import type { StateInfo } from '../../../workflows/local/definition';
import {
  detailsKey,
  executionEnded,
  executionStarted,
  fromLibraryEvent,
  taskEvent,
  toApiEvent,
  toHistoryEvent,
  type LibraryEvent,
} from '../../../workflows/local/history';

const states = new Map<string, StateInfo>([
  ['Cooling', { name: 'Cooling', type: 'Wait', topLevel: true }],
  ['Decide', { name: 'Decide', type: 'Choice', topLevel: true }],
]);

describe('fromLibraryEvent', () => {
  it('reports a former Wait state (run as a Task) as a Wait state', () => {
    const entered = { type: 'StateEntered', timestamp: 0, state: { name: 'Cooling', type: 'Task', input: { a: 1 } } };
    expect(fromLibraryEvent(entered as LibraryEvent, states)).toEqual([
      { type: 'WaitStateEntered', details: { name: 'Cooling', input: '{"a":1}', inputDetails: { truncated: false } } },
    ]);
    const exited = { ...entered, type: 'StateExited', state: { ...entered.state, output: { a: 1 } } };
    expect(fromLibraryEvent(exited as LibraryEvent, states)).toEqual([
      { type: 'WaitStateExited', details: { name: 'Cooling', output: '{"a":1}', outputDetails: { truncated: false } } },
    ]);
  });

  it('maps Map iterations and leaves retries, catches and failures to the Task events', () => {
    const iteration = { type: 'MapIterationStarted', timestamp: 0, index: 2, parentState: { name: 'Each', type: 'Map', input: [] } };
    expect(fromLibraryEvent(iteration as LibraryEvent, states)).toEqual([
      { type: 'MapIterationStarted', details: { name: 'Each', index: 2 } },
    ]);
    for (const type of ['StateRetried', 'StateCaught', 'StateFailed', 'ExecutionStarted', 'ExecutionSucceeded']) {
      const event = { type, timestamp: 0, state: { name: 'Decide', type: 'Choice', input: {} } };
      expect(fromLibraryEvent(event as unknown as LibraryEvent, states)).toEqual([]);
    }
  });
});

describe('taskEvent', () => {
  it('names lambda:invoke events Task* with the resource type and resource', () => {
    expect(taskEvent('lambda:invoke.waitForTaskToken', 'Scheduled', { region: 'ap-northeast-2', parameters: '{}' })).toEqual({
      type: 'TaskScheduled',
      details: { resourceType: 'lambda', resource: 'invoke.waitForTaskToken', region: 'ap-northeast-2', parameters: '{}' },
    });
    expect(taskEvent('lambda:invoke', 'Started')).toEqual({
      type: 'TaskStarted',
      details: { resourceType: 'lambda', resource: 'invoke' },
    });
  });

  it('names plain function ARN events LambdaFunction*', () => {
    expect(taskEvent('lambda:function', 'Started')).toEqual({ type: 'LambdaFunctionStarted' });
    expect(taskEvent('lambda:function', 'Failed', { error: 'E', cause: 'C' })).toEqual({
      type: 'LambdaFunctionFailed',
      details: { error: 'E', cause: 'C' },
    });
  });
});

describe('toHistoryEvent and toApiEvent', () => {
  it('numbers events, links each to the previous one and keys the details as AWS does', () => {
    expect(toHistoryEvent(executionStarted('{}', 'arn:role'), 1, 1_700_000_000_500)).toEqual({
      id: 1,
      previousEventId: 0,
      timestamp: 1_700_000_000_500,
      type: 'ExecutionStarted',
      executionStartedEventDetails: { input: '{}', inputDetails: { truncated: false }, roleArn: 'arn:role' },
    });
    expect(detailsKey('ChoiceStateEntered')).toBe('stateEnteredEventDetails');
    expect(detailsKey('MapIterationFailed')).toBe('mapIterationFailedEventDetails');
  });

  it('sends epoch seconds and leaves inputs and outputs out when execution data is not wanted', () => {
    const stored = toHistoryEvent(executionStarted('{"secret":1}', 'arn:role'), 1, 1_700_000_000_500);
    expect(toApiEvent(stored, true)).toMatchObject({ timestamp: 1_700_000_000.5 });
    expect(toApiEvent(stored, false)).toMatchObject({ executionStartedEventDetails: { roleArn: 'arn:role' } });
    expect(toApiEvent(stored, false).executionStartedEventDetails).not.toHaveProperty('input');
  });

  it('omits error and cause an ending does not have', () => {
    expect(executionEnded('ExecutionAborted')).toEqual({ type: 'ExecutionAborted', details: {} });
  });
});
