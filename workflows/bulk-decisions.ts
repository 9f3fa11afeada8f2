import { Duration } from 'aws-cdk-lib';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { CORRELATION_ID_PATH, withCorrelationId } from './correlation';
import type { HandlerId } from '../functions/catalog';
import { retryTransientErrors } from './lifecycle';

export type BulkDecisionStep = Extract<HandlerId, 'decideBulkItem' | 'finishBulkJob'>;

export interface BulkDecisionsProps {
  stateMachineName: string;
  steps: Record<BulkDecisionStep, IFunction>;
  logs?: sfn.LogOptions;
}

/** Cases decided at once: enough to finish 100 in well under a minute, few enough not to crowd the queue's own decisions. */
export const BULK_MAX_CONCURRENCY = 5;

/**
 * A bulk decision job (functions/bulk-decisions/): a Map over the job's task ids, each deciding one
 * case (DecideBulkItem, the single decision's path), then FinishBulkJob. Why a state machine and not a
 * worker on the table's stream: the cases need a bounded concurrency, a retry with backoff per case
 * and an end that knows every case ran — a Map gives all three, with each case's attempts in the
 * execution history — and the local cloud runs it from the same synthesized definition.
 *
 * Kept small on purpose. The input is the job id and the task ids only (each iteration reads the job
 * and the case from DynamoDB, and returns one word): 100 ids are about 4 KB of the 256 KB an execution's
 * state may carry, and the Map's results are discarded. A case costs about 8 history events (iteration
 * started and ended, the task's scheduled, started, succeeded, state entered and exited), a retry two
 * more: 100 cases, every one retried six times, stay under 2,000 of the 25,000 events an execution may
 * have (bulk-body.ts caps a job at 100).
 */
export class BulkDecisionsStateMachine extends Construct {
  readonly stateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: BulkDecisionsProps) {
    super(scope, id);
    const invoke = (name: string, handler: BulkDecisionStep, payload: Record<string, unknown>) => {
      const task = new tasks.LambdaInvoke(this, name, {
        stateName: name,
        lambdaFunction: props.steps[handler],
        payload: sfn.TaskInput.fromObject(payload),
        payloadResponseOnly: false,
        retryOnServiceExceptions: false,
        resultSelector: { 'result.$': '$.Payload' },
        taskTimeout: sfn.Timeout.duration(Duration.seconds(60)),
      });
      retryTransientErrors(task);
      return task;
    };

    const decideOne = invoke('DecideOneCase', 'decideBulkItem', { 'jobId.$': '$.jobId', 'taskId.$': '$.taskId', 'correlationId.$': '$.correlationId' });
    // A case failing beyond its retries must not stop the others: it stays pending, and FinishBulkJob
    // tells the case manager to decide it on its own.
    decideOne.addCatch(new sfn.Pass(this, 'CaseLeftPending', { stateName: 'CaseLeftPending' }), { errors: ['States.ALL'], resultPath: sfn.JsonPath.DISCARD });

    const each = new sfn.Map(this, 'DecideEachCase', {
      stateName: 'DecideEachCase',
      itemsPath: '$.taskIds',
      itemSelector: { 'jobId.$': '$.jobId', 'taskId.$': '$$.Map.Item.Value', 'correlationId.$': CORRELATION_ID_PATH },
      maxConcurrency: BULK_MAX_CONCURRENCY,
      resultPath: sfn.JsonPath.DISCARD,
    });
    each.itemProcessor(decideOne);

    const finish = invoke('FinishBulkJob', 'finishBulkJob', { 'jobId.$': '$.jobId', 'correlationId.$': CORRELATION_ID_PATH });
    each.addCatch(finish, { errors: ['States.ALL'], resultPath: sfn.JsonPath.DISCARD });
    const done = new sfn.Succeed(this, 'JobDone', { stateName: 'JobDone' });

    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineName: props.stateMachineName,
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromChainable(withCorrelationId(this, each.next(finish).next(done))),
      // Minutes at most (100 cases, 5 at a time, with retries): an hour means something is stuck.
      timeout: Duration.hours(1),
      tracingEnabled: true,
      logs: props.logs,
    });
  }
}
