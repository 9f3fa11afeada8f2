import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';

/**
 * Where each Lambda step's payload takes the execution's correlation id from (functions/commons/step.ts
 * logs every line with it). `$.trace` is set once, by the states below, before anything else runs.
 */
export const CORRELATION_ID_PATH = '$.trace.correlationId';

/**
 * The first states of a state machine: keep the input's `correlationId` (the API request's id, set by
 * functions/lifecycle/start-lifecycle.ts), or, for an execution started without one (by hand with the
 * CLI, a test), use the execution's name. Why not read `$.correlationId` in every payload: a missing
 * path there is a States.Runtime error, which no Catch sees — the execution would fail silently.
 */
export function withCorrelationId(scope: Construct, next: sfn.IChainable): sfn.Choice {
  const keep = new sfn.Pass(scope, 'KeepCorrelationId', {
    stateName: 'KeepCorrelationId',
    parameters: { 'correlationId.$': '$.correlationId' },
    resultPath: '$.trace',
  });
  const name = new sfn.Pass(scope, 'NameCorrelationId', {
    stateName: 'NameCorrelationId',
    parameters: { 'correlationId.$': '$$.Execution.Name' },
    resultPath: '$.trace',
  });
  keep.next(next);
  name.next(next);
  return new sfn.Choice(scope, 'HasCorrelationId', { stateName: 'HasCorrelationId' })
    .when(sfn.Condition.isPresent('$.correlationId'), keep)
    .otherwise(name);
}
