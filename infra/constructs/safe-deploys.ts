import { CfnOutput, Duration, NestedStack, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as codedeploy from 'aws-cdk-lib/aws-codedeploy';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type { Construct } from 'constructs';
import type { EnvironmentConfig } from '../config';
import type { DolbomFunction } from './dolbom-function';

export interface SafeDeploysProps {
  /** Handler id → its function; each one's `live` alias is shifted by CodeDeploy. */
  functions: Record<string, DolbomFunction>;
  deploymentConfig: EnvironmentConfig['deploys']['functions'];
}

/** The deployment configurations an environment may name (infra/config.ts). */
export const lambdaDeploymentConfigs = {
  ALL_AT_ONCE: codedeploy.LambdaDeploymentConfig.ALL_AT_ONCE,
  CANARY_10PERCENT_5MINUTES: codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_5MINUTES,
  CANARY_10PERCENT_10MINUTES: codedeploy.LambdaDeploymentConfig.CANARY_10PERCENT_10MINUTES,
  LINEAR_10PERCENT_EVERY_1MINUTE: codedeploy.LambdaDeploymentConfig.LINEAR_10PERCENT_EVERY_1MINUTE,
} as const;

/**
 * A CodeDeploy deployment group per function: a deploy publishes a version and shifts the function's
 * `live` alias to it as the environment says (prod: a canary share first), and rolls back when the
 * alias's errors alarm. A nested stack of its own: two resources per function (the group and its
 * alarm) would take the application stack past CloudFormation's 500 resources.
 */
export class SafeDeploys extends NestedStack {
  readonly errorAlarms: Record<string, cloudwatch.Alarm> = {};

  constructor(scope: Construct, id: string, props: SafeDeploysProps) {
    super(scope, id, { description: 'Dolbom: CodeDeploy deployment groups and rollback alarms of every function' });
    const application = new codedeploy.LambdaApplication(this, 'Application');
    // One role for every group (CodeDeploy's own managed policy for Lambda, limited to aliases and hooks).
    const role = new iam.Role(this, 'DeployRole', {
      assumedBy: new iam.ServicePrincipal('codedeploy.amazonaws.com'),
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('service-role/AWSCodeDeployRoleForLambdaLimited')],
    });
    for (const [handlerId, fn] of Object.entries(props.functions)) {
      const errors = new cloudwatch.Alarm(this, `Errors-${handlerId}`, {
        metric: fn.live.metricErrors({ period: Duration.minutes(1), statistic: 'Sum' }),
        threshold: 1,
        evaluationPeriods: 1,
        treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
        alarmDescription: `${handlerId}: errors through the live alias; a deploy in progress rolls back.`,
      });
      const group = new codedeploy.LambdaDeploymentGroup(this, `Deploy-${handlerId}`, {
        application,
        alias: fn.live,
        deploymentConfig: lambdaDeploymentConfigs[props.deploymentConfig],
        alarms: [errors],
        role,
        autoRollback: { failedDeployment: true, stoppedDeployment: true, deploymentInAlarm: true },
      });
      this.errorAlarms[handlerId] = errors;
      // The group names its alias in the alias's UpdatePolicy, which CDK does not carry across the
      // nested stack's boundary: name the group and the application through the nested stack's outputs.
      const alias = fn.live.node.defaultChild as lambda.CfnAlias;
      alias.cfnOptions.updatePolicy = {
        codeDeployLambdaAliasUpdate: {
          applicationName: this.output('Application', application.applicationName),
          deploymentGroupName: this.output(`DeploymentGroup${handlerId}`, group.deploymentGroupName),
        },
      };
    }
  }

  /** A value of this nested stack, as the parent stack reads it (`Fn::GetAtt [stack, Outputs.<id>]`). */
  private output(id: string, value: string): string {
    if (!this.node.tryFindChild(id)) new CfnOutput(this, id, { value });
    return Token.asString(this.nestedStackResource!.getAtt(`Outputs.${id}`));
  }
}
