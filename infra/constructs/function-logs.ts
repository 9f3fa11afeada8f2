import { NestedStack } from 'aws-cdk-lib';
import type { Construct } from 'constructs';

/**
 * The functions' log groups, in a nested stack of their own: with a role, a version and an alias per
 * function, the application stack would otherwise sit at CloudFormation's 500-resource limit. A log
 * group needs nothing from its function; the function names its group through this stack's outputs.
 */
export class FunctionLogs extends NestedStack {
  constructor(scope: Construct, id: string) {
    super(scope, id, { description: "Dolbom: each function's log group, with the environment's retention" });
  }
}
