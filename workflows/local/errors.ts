/** An error of the Step Functions API, sent as `{"__type": type, "message": message}`. */
export class SfnApiError extends Error {
  constructor(
    readonly type: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = type;
  }
}

/** The reason a run's signal carries when the service detaches it (stop(), StopExecution, timeout). */
export class RunDetached extends Error {
  constructor() {
    super('the run was detached from this process');
    this.name = 'RunDetached';
  }
}
