import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config';

/** The alias handlers start executions through (LIFECYCLE_STATE_MACHINE_ARN ends in it). */
export const STATE_MACHINE_ALIAS = 'live';

export interface StateMachineReleaseProps {
  stateMachine: sfn.StateMachine;
  deploy: EnvironmentConfig['deploys']['stateMachines'];
}

/**
 * A published version of a state machine for every change of its definition, and the alias `live`
 * that moves to it (at once, or a canary share first, rolled back if executions fail). An execution
 * runs the version it started on to its end, months later: a deploy never changes the definition
 * under a case in flight. Old versions are kept (Retain) for the executions still running on them.
 */
export class StateMachineRelease extends Construct {
  readonly aliasArn: string;
  readonly failures: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: StateMachineReleaseProps) {
    super(scope, id);
    const version = new sfn.CfnStateMachineVersion(this, 'Version', {
      stateMachineArn: props.stateMachine.stateMachineArn,
      // A new revision (definition or role changed) is a new version.
      stateMachineRevisionId: props.stateMachine.stateMachineRevisionId,
    });
    version.applyRemovalPolicy(RemovalPolicy.RETAIN);
    this.aliasArn = `${props.stateMachine.stateMachineArn}:${STATE_MACHINE_ALIAS}`;

    // Step Functions reports the executions of an alias under the alias's ARN.
    this.failures = new cloudwatch.Alarm(this, 'FailedExecutions', {
      metric: new cloudwatch.Metric({
        namespace: 'AWS/States',
        metricName: 'ExecutionsFailed',
        dimensionsMap: { StateMachineArn: this.aliasArn },
        statistic: 'Sum',
        period: Duration.minutes(1),
      }),
      threshold: 1,
      evaluationPeriods: 1,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: 'Executions started through the live alias failed: a state machine deploy in progress rolls back.',
    });

    const { type, percentage, intervalMinutes } = props.deploy;
    new sfn.CfnStateMachineAlias(this, 'Alias', {
      name: STATE_MACHINE_ALIAS,
      description: 'The version new executions start on',
      deploymentPreference: {
        stateMachineVersionArn: version.attrArn,
        type,
        ...(type === 'ALL_AT_ONCE' ? {} : { percentage, interval: intervalMinutes, alarms: [this.failures.alarmName] }),
      },
    });
  }
}
