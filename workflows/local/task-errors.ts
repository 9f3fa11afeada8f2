/**
 * Errors raised by the service's task handlers, shaped so the library's Retry/Catch sees what AWS
 * would: the library matches `ErrorEquals` against `error.name` and puts `error.message` in the
 * Catch output's `Cause`.
 */
import './polyfills';
import { ExecutionError, StateMachine } from 'aws-local-stepfunctions';

export class TaskError extends Error {
  /** @param error the States error name, e.g. 'Lambda.ServiceException' @param cause the Cause string */
  constructor(error: string, cause: string) {
    super(cause);
    this.name = error;
  }
}

/** 'States.Runtime' fails the execution: no Retry or Catch applies (the library reads these flags). */
export class StatesRuntimeError extends TaskError {
  constructor(cause: string) {
    super('States.Runtime', cause);
  }
  get isRetryable(): boolean {
    return false;
  }
  get isCatchable(): boolean {
    return false;
  }
}

/** How AWS reports a failed Lambda invocation: Error = errorType, Cause = `{errorType, errorMessage}`. */
export function lambdaFailure(thrown: unknown): TaskError {
  const errorType = thrown instanceof Error ? thrown.name : 'Error';
  const errorMessage = thrown instanceof Error ? thrown.message : String(thrown);
  return new TaskError(errorType, JSON.stringify({ errorType, errorMessage }));
}

export function heartbeatTimeout(): TaskError {
  return new TaskError('States.HeartbeatTimeout', 'The task did not send a heartbeat within HeartbeatSeconds');
}

/**
 * 'States.Timeout' must be an instance of the library's own timeout class: its `States.TaskFailed`
 * wildcard excludes timeouts with `instanceof`, and the class is not exported. One probe run with a
 * 1 ms timeout (unvalidated, so a fraction of a second is allowed) yields an instance.
 */
export async function statesTimeout(): Promise<Error> {
  const TimeoutError = await libraryTimeoutErrorClass();
  return new TimeoutError();
}

let timeoutErrorClass: Promise<new () => Error> | undefined;

function libraryTimeoutErrorClass(): Promise<new () => Error> {
  timeoutErrorClass ??= (async () => {
    const probe = new StateMachine(
      {
        StartAt: 'Probe',
        States: {
          Probe: { Type: 'Task', Resource: 'arn:aws:lambda:ap-northeast-2:000000000000:function:probe', TimeoutSeconds: 0.001, End: true },
        },
      },
      { validationOptions: { noValidate: true } },
    );
    const run = probe.run(null, { overrides: { taskResourceLocalHandlers: { Probe: () => new Promise(() => {}) } } });
    const failure: unknown = await run.result.then(
      () => undefined,
      (error: unknown) => error,
    );
    const cause = failure instanceof ExecutionError ? failure.cause : undefined;
    if (!(cause instanceof Error) || cause.name !== 'States.Timeout') {
      throw new Error('aws-local-stepfunctions no longer raises States.Timeout as expected; check task-errors.ts');
    }
    return cause.constructor as new () => Error;
  })();
  return timeoutErrorClass;
}
