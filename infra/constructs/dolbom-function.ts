import path from 'node:path';
import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Alias, Architecture, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { DEFAULT_TIMEOUT_SECONDS, type HandlerId, type HandlerSpec } from '../../functions/catalog';
import { projectRoot } from '../paths';

export interface DolbomFunctionProps {
  handlerId: HandlerId;
  spec: HandlerSpec;
  memorySize: number;
  logRetention: RetentionDays;
  retainLogs: boolean;
  /** Where the log group goes (the application stack's FunctionLogs nested stack); the function's own scope if absent. */
  logScope?: Construct;
  environment: Record<string, string>;
  /** Executions kept for this function alone (workflow steps and stream triggers: public traffic cannot starve them). */
  reservedConcurrency?: number;
}

/** The alias every caller invokes (state machines, the HTTP API, stream triggers): a deploy moves it, gradually. */
export const LIVE_ALIAS = 'live';

/**
 * A role whose statements live inside it (the role's `Policies`), not in an `AWS::IAM::Policy` of their
 * own: one resource per function instead of two, which keeps the application stack under
 * CloudFormation's 500 resources now that every function has a version and an alias too.
 */
class InlinePolicyRole extends iam.Role {
  private readonly statements: iam.PolicyDocument;

  constructor(scope: Construct, id: string, props: iam.RoleProps) {
    const statements = new iam.PolicyDocument();
    super(scope, id, { ...props, inlinePolicies: { access: statements } });
    this.statements = statements;
  }

  override addToPrincipalPolicy(statement: iam.PolicyStatement): iam.AddToPrincipalPolicyResult {
    this.statements.addStatements(statement);
    return { statementAdded: true, policyDependable: this };
  }
}

/**
 * A Dolbom Lambda with the house defaults fixed in one place: Node.js 22 on arm64, ESM bundle built
 * by the project's own esbuild (never Docker) with the AWS SDK inside (faster cold starts than the
 * runtime's copy), source maps, X-Ray, and a log group with the environment's retention. X-Ray active
 * tracing gives each invocation a segment; the SDK calls inside it are its subsegments, sent by the
 * clients' middleware in functions/commons/tracing.ts (not the X-Ray SDK, whose 127 KB would weigh on
 * every cold start) — the trace map in docs/operations.md, "When an alarm goes off".
 * `DOLBOM_HANDLER` names the catalog entry, so the local cloud can map a template function to code.
 */
export class DolbomFunction extends NodejsFunction {
  /** The published version callers reach: `live`, moved by CodeDeploy (infra/constructs/safe-deploys.ts). */
  readonly live: Alias;

  constructor(scope: Construct, id: string, props: DolbomFunctionProps) {
    const logGroup = new LogGroup(props.logScope ?? scope, `${id}Logs`, {
      retention: props.logRetention,
      removalPolicy: props.retainLogs ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    // Its own role, writing to its own log group only (no AWSLambdaBasicExecutionRole, which may write any).
    const role = new InlinePolicyRole(scope, `${id}Role`, { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    role.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn] }),
    );
    super(scope, id, {
      role,
      reservedConcurrentExecutions: props.reservedConcurrency,
      entry: path.join(projectRoot, props.spec.entry),
      handler: 'handler',
      description: props.spec.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: Duration.seconds(props.spec.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS),
      tracing: Tracing.ACTIVE,
      logGroup,
      projectRoot,
      depsLockFilePath: path.join(projectRoot, 'package-lock.json'),
      environment: {
        ...props.environment,
        DOLBOM_HANDLER: props.handlerId,
        NODE_OPTIONS: '--enable-source-maps',
      },
      bundling: {
        format: OutputFormat.ESM,
        target: 'node22',
        minify: true,
        sourceMap: true,
        // Stack traces still point at the file and line; the sources themselves were most of the upload.
        sourcesContent: false,
        mainFields: ['module', 'main'],
        externalModules: [],
        // Some bundled CommonJS dependencies call require(); give the ESM bundle one.
        banner: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);",
        forceDockerBundling: false,
      },
    });
    // A new version whenever code or configuration changes; executions in flight keep calling the
    // alias, never $LATEST, so what they call is always a version CodeDeploy let through.
    this.live = new Alias(this, 'Live', { aliasName: LIVE_ALIAS, version: this.currentVersion });
  }
}
