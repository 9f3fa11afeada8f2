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

/**
 * `States.DataLimitExceeded`. The guide's "Error handling in Step Functions" calls it "a terminal
 * error that can't be caught by the States.ALL error type", reported when "the output of a connector
 * is larger than payload size quota", "the output of a state is larger than payload size quota" or,
 * "after Parameters processing, the input of a state is larger than payload size quota". A catcher
 * or retrier that names it does take it (users rely on `Catch: States.DataLimitExceeded` to retry
 * with smaller pages) — but only for a task's result: a state's output or input over the limit ends
 * the execution with no state seeing the error (journal.ts, task-handlers.ts).
 *
 * The library has no notion of an error only its explicit name matches: it asks `isRetryable` and
 * `isCatchable` before matching, and then `States.ALL` (and `States.TaskFailed`) match anything. So
 * the flags answer for the failing Task's own Retry and Catch (definition.ts, `dataLimitHandling`):
 * true when the first retrier (catcher) the library would pick names the error — which, with
 * `States.ALL` last and alone as ASL requires, is the one AWS would pick too. A catcher that names it
 * after a `States.TaskFailed` one, or an enclosing Parallel or Map that names it, does not see it
 * here: stricter than AWS, never looser.
 */
export class DataLimitExceeded extends TaskError {
  constructor(
    cause: string,
    private readonly handling: { retried: boolean; caught: boolean } = { retried: false, caught: false },
  ) {
    super('States.DataLimitExceeded', cause);
  }
  get isRetryable(): boolean {
    return this.handling.retried;
  }
  get isCatchable(): boolean {
    return this.handling.caught;
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
