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
      "X-Ray's PutTraceSegments and PutTelemetryRecords have no resource-level permissions, so tracing needs '*' — for every function, and for both state machines, whose roles CDK gives the X-Ray actions (tracingEnabled) beside CloudWatch Logs' log-delivery actions, which have none either; the notification sender's sns:Publish to phone numbers has no resource to name, and a Deny on every topic ARN keeps it to SMS.",
  },
  {
    id: 'Serverless-LambdaStarPermissions',
    reason: "The same '*' as AwsSolutions-IAM5[Resource::*]: X-Ray tracing, and SMS to phone numbers fenced by a Deny on every topic; every table, key, bucket and state machine grant names its resource.",
  },
  {
    id: `AwsSolutions-IAM5[Resource::arn:aws:states:${config.region}:${config.account ?? '<AWS::AccountId>'}:execution:dolbom-${config.stage}-lifecycle:*]`,
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
    id: 'Serverless-EventBusDLQ',
    reason:
      'The schedule only starts ReportOverdueTasks every 15 minutes with two retries; a run that is lost shows as missing data, which the past-SLA alarm treats as breaching, so a dead-letter queue would hold nothing an operator needs.',
  },
  {
    id: 'Serverless-SNSRedrivePolicy',
    reason:
      "The operators' e-mail subscription to the alarm topic: an alarm whose e-mail fails stays in ALARM on the dashboard and in the console, and a dead-letter queue of undelivered alarm e-mails would be one more thing nobody watches.",
  },
];

const webStack: Acknowledgement[] = [
  {
    id: 'AwsSolutions-S1',
    reason:
      "The pages bucket holds the same built files for everyone and is read only by CloudFront through origin access control; who loaded a page is not a person's data, and every read of a person's data goes to /api/*, logged by the API stage's access log and the access records.",
  },
  {
    id: 'AwsSolutions-CFR3',
    reason:
      "CloudFront's standard logs would need an ACL-enabled log bucket for the same public pages; requests to /api/* are in the HTTP API's access log, and the WAF's sampled requests show what it blocked.",
  },
  {
    id: 'AwsSolutions-CFR1',
    reason:
      'Citizens of Seoul may apply from abroad (a parent working overseas, a young adult studying there), so the pages are not limited by country; abuse is bounded by the WAF rate rule and the managed rule groups instead.',
  },
];

/**
 * CDK's own BucketDeployment provider (a singleton Lambda in the web stack): it runs at deploy time only,
 * copying the built pages from the CDK assets bucket into the pages bucket, with CDK's policies.
 */
const pagesDeployment = (config: EnvironmentConfig): Acknowledgement[] => [
  {
    id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
    reason: "CDK's BucketDeployment provider writes its own logs with the basic execution policy; it runs only while a deploy copies the pages.",
  },
  // CDK's grantRead on the assets bucket and grantReadWrite on the pages bucket, action group by group.
  ...[
    'Action::s3:GetBucket*',
    'Action::s3:GetObject*',
    'Action::s3:List*',
    'Action::s3:Abort*',
    'Action::s3:DeleteObject*',
    `Resource::arn:aws:s3:::cdk-hnb659fds-assets-${config.account ?? '<AWS::AccountId>'}-${config.region}/*`,
    // The pages bucket's objects (its logical id is CDK's, stable while the bucket's id `Pages` is).
    'Resource::<Pages127DFD1A.Arn>/*',
    'Resource::*',
  ].map((finding) => ({
    id: `AwsSolutions-IAM5[${finding}]`,
    reason:
      "CDK's BucketDeployment provider reads the built pages from the CDK assets bucket and replaces the pages bucket's objects; CDK writes these statements, scoped to those two buckets (the '*' is its log and KMS boilerplate), and the function runs only while a deploy copies the pages.",
  })),
  {
    id: 'AwsSolutions-L1',
    reason: "CDK picks the BucketDeployment provider's runtime and upgrades it with aws-cdk-lib; it runs only during a deploy and never sees a person's data.",
  },
  { id: 'Serverless-LambdaLatestVersion', reason: 'The same as AwsSolutions-L1: the runtime of CDK\'s deploy-time BucketDeployment provider is CDK\'s choice.' },
  {
    id: 'Serverless-LambdaDLQ',
    reason: 'CloudFormation invokes the BucketDeployment provider and waits for its answer; a failed copy fails the deploy, which rolls back, so there is nothing to dead-letter.',
  },
  { id: 'Serverless-LambdaTracing', reason: "The deploy-time BucketDeployment provider's one job is a copy whose failure fails the deploy; tracing it would show nothing an operator acts on." },
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
export function acknowledgeNagFindings(stacks: { data: Stack; application: Stack; web: Stack }, config: EnvironmentConfig): void {
  acknowledge(stacks.data, [...dataStack, ...(config.pointInTimeRecovery ? [] : withoutRecovery)]);
  acknowledge(stacks.application, appStack(config));
  acknowledge(stacks.web, webStack);
  // Only on CDK's provider: a function of Dolbom's own with the same findings still fails the gate.
  for (const child of stacks.web.node.children) {
    if (child.node.id.startsWith('Custom::CDKBucketDeployment')) acknowledge(child, pagesDeployment(config));
  }
  // Only the routes that are public by design, one by one: a staff route without an authorizer still fails the gate.
  const publicRoutes = new Set(routes.filter((r) => r.access === 'public').map((r) => `${r.method}${r.path}`.replace(/\//g, '--')));
  for (const construct of stacks.application.node.findAll()) {
    if (construct.node.scope?.node.id === 'HttpApi' && publicRoutes.has(construct.node.id)) acknowledge(construct, [publicRoute]);
  }
}

/** For the gate test and the closing note: every acknowledgement of an environment, in order. */
export function nagAcknowledgements(config: EnvironmentConfig): Record<'data' | 'app' | 'web' | 'pagesDeployment', readonly Acknowledgement[]> {
  return {
    data: [...dataStack, ...(config.pointInTimeRecovery ? [] : withoutRecovery)],
    app: [...appStack(config), publicRoute],
    web: webStack,
    pagesDeployment: pagesDeployment(config),
  };
}
