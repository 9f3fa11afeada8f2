import { describe, expect, it } from 'vitest';
import {
  LIBRARY_TASK_TIMEOUT_SECONDS,
  LOCAL_WAIT_RESOURCE,
  classifyTaskResource,
  rewriteContextPath,
  startingAt,
  toLocalDefinition,
} from '../../../workflows/local/definition';

const NOTIFY = 'arn:aws:lambda:ap-northeast-2:000000000000:function:notify';

const review = {
  Comment: 'case manager review',
  StartAt: 'Cooling',
  TimeoutSeconds: 31_536_000,
  States: {
    Cooling: { Type: 'Wait', Seconds: 86_400, InputPath: '$.application', OutputPath: '$', Next: 'Review' },
    Review: {
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      Parameters: { FunctionName: NOTIFY, Payload: { 'token.$': '$$.Task.Token', 'input.$': '$$.Execution.Input' } },
      TimeoutSeconds: 604_800,
      HeartbeatSeconds: 86_400,
      ResultPath: '$.decision',
      Retry: [{ ErrorEquals: ['Lambda.ServiceException'], MaxAttempts: 2 }],
      Catch: [{ ErrorEquals: ['States.Timeout'], Next: 'Expired' }],
      Next: 'Decide',
    },
    Decide: {
      Type: 'Choice',
      Choices: [
        { Variable: '$$.Execution.Input.fastTrack', BooleanEquals: true, Next: 'Notify' },
        { And: [{ Variable: '$.decision.approved', BooleanEqualsPath: '$$.Execution.Input.expected' }], Next: 'Notify' },
      ],
      Default: 'Expired',
    },
    Notify: { Type: 'Task', Resource: NOTIFY, TimeoutSecondsPath: '$.timeout', End: true },
    Expired: { Type: 'Pass', Result: { 'literal.$': '$$.Execution.Id' }, End: true },
  },
};

describe('toLocalDefinition', () => {
  const local = toLocalDefinition(review);
  const states = local.definition.States as unknown as Record<string, Record<string, unknown>>;

  it('keeps every state under its own name and the same StartAt', () => {
    expect(Object.keys(states)).toEqual(Object.keys(review.States));
    expect(local.definition.StartAt).toBe('Cooling');
  });

  it('runs a Wait as a Task that receives its input and timing, with the same transitions and paths', () => {
    expect(states.Cooling).toEqual({
      Type: 'Task',
      Resource: LOCAL_WAIT_RESOURCE,
      TimeoutSeconds: LIBRARY_TASK_TIMEOUT_SECONDS,
      Parameters: { 'input.$': '$', seconds: 86_400 },
      InputPath: '$.application',
      OutputPath: '$',
      Next: 'Review',
    });
    expect(local.states.get('Cooling')).toEqual({ name: 'Cooling', type: 'Wait', topLevel: true });
  });

  it('hands SecondsPath, Timestamp and TimestampPath to the wait handler', () => {
    const waits = toLocalDefinition({
      StartAt: 'A',
      States: {
        A: { Type: 'Wait', SecondsPath: '$.delay', Next: 'B' },
        B: { Type: 'Wait', Timestamp: '2030-01-01T00:00:00Z', Next: 'C' },
        C: { Type: 'Wait', TimestampPath: '$$.Execution.Input.due', End: true },
      },
    }).definition.States as Record<string, { Parameters: unknown }>;
    expect(waits.A?.Parameters).toEqual({ 'input.$': '$', 'seconds.$': '$.delay' });
    expect(waits.B?.Parameters).toEqual({ 'input.$': '$', timestamp: '2030-01-01T00:00:00Z' });
    expect(waits.C?.Parameters).toEqual({ 'input.$': '$', 'timestamp.$': '$$.LocalExecution.Input.due' });
  });

  it('gives every Task the largest safe library timeout and keeps the real timing for the service', () => {
    expect(states.Review).toMatchObject({ TimeoutSeconds: LIBRARY_TASK_TIMEOUT_SECONDS });
    expect(states.Review).not.toHaveProperty('HeartbeatSeconds');
    expect(local.states.get('Review')).toEqual({
      name: 'Review',
      type: 'Task',
      topLevel: true,
      integration: 'lambda:invoke.waitForTaskToken',
      resource: 'arn:aws:states:::lambda:invoke.waitForTaskToken',
      timeoutSeconds: 604_800,
      heartbeatSeconds: 86_400,
      dataLimitHandling: { retried: false, caught: false },
    });
  });

  it('notes whether a Task’s Retry and Catch take States.DataLimitExceeded: only by its name, first among the matches', () => {
    const task = (handlers: { Retry?: unknown[]; Catch?: unknown[] }) => ({ Type: 'Task', Resource: NOTIFY, ...handlers, End: true });
    const handling = toLocalDefinition({
      StartAt: 'Named',
      States: {
        Named: task({
          Retry: [{ ErrorEquals: ['Lambda.ServiceException'] }, { ErrorEquals: ['States.DataLimitExceeded'] }, { ErrorEquals: ['States.ALL'] }],
          Catch: [{ ErrorEquals: ['Review.Rejected', 'States.DataLimitExceeded'], Next: 'Other' }, { ErrorEquals: ['States.ALL'], Next: 'Other' }],
        }),
        Wildcards: task({ Retry: [{ ErrorEquals: ['States.ALL'] }], Catch: [{ ErrorEquals: ['States.TaskFailed'], Next: 'Other' }] }),
        NamedAfterTaskFailed: task({
          Catch: [{ ErrorEquals: ['States.TaskFailed'], Next: 'Other' }, { ErrorEquals: ['States.DataLimitExceeded'], Next: 'Other' }],
        }),
        Other: task({}),
      },
    }).states;
    expect(handling.get('Named')).toMatchObject({ dataLimitHandling: { retried: true, caught: true } });
    expect(handling.get('Wildcards')).toMatchObject({ dataLimitHandling: { retried: false, caught: false } });
    // The library would match the TaskFailed catcher first: stricter than AWS, never looser (task-errors.ts).
    expect(handling.get('NamedAfterTaskFailed')).toMatchObject({ dataLimitHandling: { retried: false, caught: false } });
    expect(handling.get('Other')).toMatchObject({ dataLimitHandling: { retried: false, caught: false } });
  });

  it('wraps Parameters in an envelope, with the *SecondsPath values evaluated by the library', () => {
    expect(states.Review?.Parameters).toEqual({
      input: { FunctionName: NOTIFY, Payload: { 'token.$': '$$.Task.Token', 'input.$': '$$.LocalExecution.Input' } },
    });
    expect(states.Notify?.Parameters).toEqual({ 'input.$': '$', 'timeoutSeconds.$': '$.timeout' });
    expect(states.Notify).not.toHaveProperty('TimeoutSecondsPath');
  });

  it('keeps Retry, Catch, ResultPath and transitions untouched', () => {
    expect(states.Review).toMatchObject({
      ResultPath: '$.decision',
      Retry: review.States.Review.Retry,
      Catch: review.States.Review.Catch,
      Next: 'Decide',
    });
  });

  it('points $$.Execution paths at the context copy the service controls, literals excepted', () => {
    expect(states.Decide?.Choices).toEqual([
      { Variable: '$$.LocalExecution.Input.fastTrack', BooleanEquals: true, Next: 'Notify' },
      { And: [{ Variable: '$.decision.approved', BooleanEqualsPath: '$$.LocalExecution.Input.expected' }], Next: 'Notify' },
    ]);
    expect(states.Expired?.Result).toEqual({ 'literal.$': '$$.Execution.Id' });
  });

  it('moves the execution TimeoutSeconds out of the definition, to be enforced in virtual time', () => {
    expect(local.definition).not.toHaveProperty('TimeoutSeconds');
    expect(local.executionTimeoutSeconds).toBe(31_536_000);
  });

  it('localizes Parallel branches and Map processors, marking their states as nested', () => {
    const local = toLocalDefinition({
      StartAt: 'Fan',
      States: {
        Fan: {
          Type: 'Parallel',
          Branches: [{ StartAt: 'Pause', States: { Pause: { Type: 'Wait', Seconds: 5, End: true } } }],
          Next: 'Each',
        },
        Each: {
          Type: 'Map',
          ItemProcessor: { StartAt: 'Call', States: { Call: { Type: 'Task', Resource: NOTIFY, End: true } } },
          End: true,
        },
      },
    });
    const fan = local.definition.States.Fan as { Branches: { States: Record<string, { Type: string }> }[] };
    expect(fan.Branches[0]?.States.Pause?.Type).toBe('Task');
    expect(local.states.get('Pause')).toMatchObject({ type: 'Wait', topLevel: false });
    expect(local.states.get('Call')).toMatchObject({ type: 'Task', topLevel: false, integration: 'lambda:function' });
  });

  it('refuses a state name used twice', () => {
    expect(() =>
      toLocalDefinition({
        StartAt: 'A',
        States: {
          A: { Type: 'Parallel', Branches: [{ StartAt: 'B', States: { B: { Type: 'Pass', End: true } } }], Next: 'B' },
          B: { Type: 'Pass', End: true },
        },
      }),
    ).toThrow(/"B" is used twice/);
  });
});

describe('classifyTaskResource', () => {
  it('knows the Lambda integrations and plain function ARNs', () => {
    expect(classifyTaskResource('S', 'arn:aws:states:::lambda:invoke')).toBe('lambda:invoke');
    expect(classifyTaskResource('S', 'arn:aws:states:::lambda:invoke.waitForTaskToken')).toBe('lambda:invoke.waitForTaskToken');
    expect(classifyTaskResource('S', `${NOTIFY}:$LATEST`)).toBe('lambda:function');
  });

  it('names the state and the supported resources for anything else', () => {
    expect(() => classifyTaskResource('Save', 'arn:aws:states:::dynamodb:putItem')).toThrow(/state "Save".*lambda:invoke/);
  });
});

describe('rewriteContextPath', () => {
  it('rewrites $$.Execution in paths and intrinsic functions, nothing else', () => {
    expect(rewriteContextPath('$$.Execution.Id')).toBe('$$.LocalExecution.Id');
    expect(rewriteContextPath('$$.Execution')).toBe('$$.LocalExecution');
    expect(rewriteContextPath("States.Format('{}-{}', $$.Execution.Name, $.id)")).toBe(
      "States.Format('{}-{}', $$.LocalExecution.Name, $.id)",
    );
    expect(rewriteContextPath('$$.ExecutionCount')).toBe('$$.ExecutionCount');
    expect(rewriteContextPath('$.Execution.Id')).toBe('$.Execution.Id');
  });
});

describe('startingAt', () => {
  it('enters the same states at the checkpointed one', () => {
    const local = toLocalDefinition(review).definition;
    expect(startingAt(local, 'Decide')).toEqual({ ...local, StartAt: 'Decide' });
    expect(() => startingAt(local, 'Nowhere')).toThrow(/Nowhere/);
  });
});
