import { Validations, type Stack } from 'aws-cdk-lib';
import type { IConstruct } from 'constructs';
import { routes } from '../functions/routes';
import type { EnvironmentConfig } from './config';

/**
 * Every cdk-nag finding Dolbom keeps, with the reason it is kept: one place, read by the gate test
 * (test/cdk/nag-gate.test.ts) and by anyone who wonders why. A finding not listed here fails the
 * gate: fix it in the stack, or add it here with a sentence that would convince a reviewer.
 */
interface Acknowledgement {
  id: string;
  reason: string;
}

const dataStack: Acknowledgement[] = [
  {
    id: 'AwsSolutions-S1',
    reason:
      "Every read of an applicant's document goes through openSupplementDocument, which writes an access record per person and read (functions/access-log/); S3 server access logs would add a second, unjoined log of the same reads.",
  },
  {
    id: 'AwsSolutions-COG8',
    reason: 'Every staff user signs in with a required TOTP second factor; the Plus tier (threat protection) is a cost decision the operator takes per environment, not a gap in sign-in.',
  },
];

/** Only where the environment has no point-in-time recovery (dev). */
const withoutRecovery: Acknowledgement[] = [
  { id: 'AwsSolutions-DDB3', reason: 'The development table holds seeded test data only; staging and prod keep point-in-time recovery.' },
];

const appStack = (config: EnvironmentConfig): Acknowledgement[] => [
  {
    id: 'AwsSolutions-IAM5[Resource::*]',
    reason:
      "X-Ray's PutTraceSegments and PutTelemetryRecords have no resource-level permissions, so tracing needs '*'; the notification sender's sns:Publish to phone numbers has no resource to name, and a Deny on every topic ARN keeps it to SMS.",
  },
  {
    id: 'Serverless-LambdaStarPermissions',
    reason: "The same '*' as AwsSolutions-IAM5[Resource::*]: X-Ray tracing, and SMS to phone numbers fenced by a Deny on every topic; every table, key, bucket and state machine grant names its resource.",
  },
  {
    id: `AwsSolutions-IAM5[Resource::arn:aws:states:${config.region}:<AWS::AccountId>:execution:dolbom-${config.stage}-lifecycle:*]`,
    reason: "The lifecycle picture reads the histories of one application's executions, whose names are made per application at run time; the grant is this state machine's executions only, and GetExecutionHistory only.",
  },
  {
    // The bucket's ARN reaches this stack as the data stack's export (its name is CDK's, stable while the bucket's id is).
    id: `AwsSolutions-IAM5[Resource::Dolbom-${config.stage}-Data:ExportsOutputFnGetAttDocuments7E5B2978Arn159F38C5/applications/*]`,
    reason: "Applicants' documents are objects named per application and upload at run time; each supplement handler gets one action on the applications/ prefix only.",
  },
  {
    id: 'AwsSolutions-SQS3',
    reason: "These queues are the dead-letter destinations of the table stream's triggers; a dead-letter queue of a dead-letter queue would only move the same records once more, and each queue has an alarm.",
  },
  { id: 'Serverless-SQSRedrivePolicy', reason: "The same queues as AwsSolutions-SQS3: they are the stream triggers' dead-letter destinations themselves." },
  {
    id: 'Serverless-LambdaDLQ',
    reason:
      'No function is invoked asynchronously: API Gateway and Step Functions call them synchronously and handle their errors (Retry, Catch, RecordWorkflowFailure), and the stream triggers send failed batches to the on-failure queues of their event source mappings.',
  },
  {
    id: 'AwsSolutions-L1',
    reason: 'Node.js 22 is the runtime the bundles target (esbuild node22) and the suites run on; moving to a newer runtime is a deliberate upgrade with its own test run, not a side effect of a deploy.',
  },
  { id: 'Serverless-LambdaLatestVersion', reason: 'The same runtime choice as AwsSolutions-L1: Node.js 22, the target the bundles are built and tested for.' },
  {
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSCodeDeployRoleForLambdaLimited]',
    reason: "CodeDeploy's own managed policy for Lambda deployments (the Limited variant: aliases, the deployment's hooks and alarms only), kept current by AWS as CodeDeploy changes.",
  },
  {
    id: 'AwsSolutions-SF1',
    reason:
      "The state machines log errors without execution data on purpose: executions run for months and carry application ids; every state transition of an application is in its audit trail and in the execution history, which staff read through the lifecycle picture.",
  },
  {
    id: 'AwsSolutions-APIG1',
    reason: 'No API access log in this stack yet; the observability work of issue 11 adds it to the HTTP API stage, and this acknowledgement goes then.',
  },
  { id: 'Serverless-APIGWAccessLogging', reason: 'The same as AwsSolutions-APIG1: the stage gets its access log with the observability work of issue 11.' },
];

/** The public routes: a citizen has no account; the handlers check the application's access code where one is needed. */
const publicRoute: Acknowledgement = {
  id: 'AwsSolutions-APIG4',
  reason: 'A public route by design (functions/routes.ts): citizens have no account; the handler checks the access code where the route reads an application, and the stage throttles it.',
};

function acknowledge(scope: IConstruct, list: readonly Acknowledgement[]): void {
  for (const { id, reason } of list) Validations.of(scope).acknowledge({ id, reason });
}

/** Applies the acknowledgements to an environment's stacks. */
export function acknowledgeNagFindings(stacks: { data: Stack; application: Stack }, config: EnvironmentConfig): void {
  acknowledge(stacks.data, [...dataStack, ...(config.pointInTimeRecovery ? [] : withoutRecovery)]);
  acknowledge(stacks.application, appStack(config));
  // Only the routes that are public by design, one by one: a staff route without an authorizer still fails the gate.
  const publicRoutes = new Set(routes.filter((r) => r.access === 'public').map((r) => `${r.method}${r.path}`.replace(/\//g, '--')));
  for (const construct of stacks.application.node.findAll()) {
    if (construct.node.scope?.node.id === 'HttpApi' && publicRoutes.has(construct.node.id)) acknowledge(construct, [publicRoute]);
  }
}

/** For the gate test and the closing note: every acknowledgement of an environment, in order. */
export function nagAcknowledgements(config: EnvironmentConfig): Record<'data' | 'app', readonly Acknowledgement[]> {
  return { data: [...dataStack, ...(config.pointInTimeRecovery ? [] : withoutRecovery)], app: [...appStack(config), publicRoute] };
}
