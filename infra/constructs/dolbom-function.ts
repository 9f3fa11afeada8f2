import path from 'node:path';
import { AssetHashType, DockerImage, Duration, RemovalPolicy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Alias, Architecture, Code, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { buildSync } from 'esbuild';
import { DEFAULT_TIMEOUT_SECONDS, type HandlerId, type HandlerSpec } from '../../functions/catalog';
import { projectRoot } from '../paths';
import { handlerBuildOptions, handlerNodeOptions } from './handler-build';

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
 * A Dolbom Lambda with the house defaults fixed in one place: Node.js 22 on arm64, bundled at synth
 * time by the project's own esbuild (never Docker) as handler-build.ts says, X-Ray, and a log group
 * with the environment's retention. The code is built here rather than by NodejsFunction, whose
 * bundling writes one file and so cannot keep the SDK's lazily loaded parts out of `index.mjs`.
 * X-Ray active tracing gives each invocation a segment; the SDK calls inside it are its subsegments,
 * sent by the clients' middleware in functions/commons/tracing.ts (not the X-Ray SDK, whose 127 KB would
 * weigh on every cold start) — the trace map in docs/operations.md, "When an alarm goes off".
 * `DOLBOM_HANDLER` names the catalog entry, so the local cloud can map a template function to code.
 */
export class DolbomFunction extends LambdaFunction {
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
    const entry = path.join(projectRoot, props.spec.entry);
    super(scope, id, {
      role,
      reservedConcurrentExecutions: props.reservedConcurrency,
      code: Code.fromAsset(projectRoot, {
        assetHashType: AssetHashType.OUTPUT,
        bundling: {
          // Never used: local bundling either builds or fails loudly.
          image: DockerImage.fromRegistry('local-bundling-only'),
          // Names the entry where CDK's cache of bundles sees it (it cannot look inside tryBundle),
          // so two functions never share one bundle.
          command: ['bundle', props.spec.entry],
          local: {
            tryBundle(outputDir) {
              buildSync(handlerBuildOptions(entry, outputDir));
              return true;
            },
          },
        },
      }),
      handler: 'index.handler',
      description: props.spec.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      memorySize: props.memorySize,
      timeout: Duration.seconds(props.spec.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS),
      tracing: Tracing.ACTIVE,
      logGroup,
      environment: {
        ...props.environment,
        DOLBOM_HANDLER: props.handlerId,
        NODE_OPTIONS: handlerNodeOptions,
      },
    });
    // A new version whenever code or configuration changes; executions in flight keep calling the
    // alias, never $LATEST, so what they call is always a version CodeDeploy let through.
    this.live = new Alias(this, 'Live', { aliasName: LIVE_ALIAS, version: this.currentVersion });
  }
}
