import { ArnFormat, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpUserPoolAuthorizer } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventTargets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { handlers, type HandlerAccess, type HandlerId } from '../functions/catalog';
import { ROUTE_ACCESS_VARIABLE, routeAccessVariable, routes } from '../functions/routes';
import { BulkDecisionsStateMachine, type BulkDecisionStep } from '../workflows/bulk-decisions';
import { LifecycleStateMachine, type LifecycleStep } from '../workflows/lifecycle';
import { allowedOrigins, type EnvironmentConfig } from './config';
import { DolbomFunction } from './constructs/dolbom-function';
import { FunctionLogs } from './constructs/function-logs';
import { AliasIntegration } from './constructs/alias-integration';
import { SafeDeploys } from './constructs/safe-deploys';
import { StateMachineRelease, STATE_MACHINE_ALIAS } from './constructs/state-machine-release';
import { tableStatements } from './constructs/table-grants';
import { Observability } from './constructs/observability';
import { TableStreamTrigger } from './constructs/table-stream-trigger';

export interface AppStackProps extends StackProps {
  config: EnvironmentConfig;
  table: dynamodb.ITableV2;
  dataKey: kms.IKey;
  accessCodeKey: kms.IKey;
  documents: s3.IBucket;
  userPool: cognito.IUserPool;
  userPoolClient: cognito.IUserPoolClient;
}

/** The stateless part: HTTP API, one Lambda per catalog entry, the lifecycle and the bulk decisions state machines. */
export class AppStack extends Stack {
  /** The HTTP API; CloudFront routes `/api/*` to it (infra/web-stack.ts). */
  readonly api: apigw.HttpApi;
  /** Alarms, dashboard, API access log (a nested stack). */
  readonly observability: Observability;
  /** CodeDeploy groups that shift each function's `live` alias, with their rollback alarms (a nested stack). */
  readonly safeDeploys: SafeDeploys;
  /** Each function's log group (a nested stack). */
  readonly functionLogs: FunctionLogs;

  constructor(scope: Construct, id: string, props: AppStackProps) {
    super(scope, id, props);
    const { config } = props;

    // Named up front so handlers that start executions can know the ARN without a dependency cycle.
    const stateMachineName = `dolbom-${config.stage}-lifecycle`;
    const stateMachineArn = this.formatArn({
      service: 'states',
      resource: 'stateMachine',
      resourceName: stateMachineName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    const bulkDecisionsName = `dolbom-${config.stage}-bulk-decisions`;
    const bulkDecisionsArn = this.formatArn({
      service: 'states',
      resource: 'stateMachine',
      resourceName: bulkDecisionsName,
      arnFormat: ArnFormat.COLON_RESOURCE_NAME,
    });
    // Handlers start executions through the machines' aliases: a new execution starts on the version
    // the alias points at (StateMachineRelease), one in flight keeps the version it started on.
    const lifecycleAliasArn = `${stateMachineArn}:${STATE_MACHINE_ALIAS}`;
    const bulkDecisionsAliasArn = `${bulkDecisionsArn}:${STATE_MACHINE_ALIAS}`;
    // Everything not behind a route runs the workflows (steps, stream triggers): it gets reserved concurrency.
    const routed = new Set<string>(routes.map((r) => r.handler));

    const functions = {} as Record<HandlerId, DolbomFunction>;
    const logs = (this.functionLogs = new FunctionLogs(this, 'FunctionLogs'));
    for (const [handlerId, spec] of Object.entries(handlers) as [HandlerId, (typeof handlers)[HandlerId]][]) {
      const fn = new DolbomFunction(this, `Fn-${handlerId}`, {
        handlerId,
        spec,
        memorySize: config.lambdaMemoryMb,
        logRetention: config.logRetentionDays as RetentionDays,
        retainLogs: config.retainData,
        logScope: logs,
        reservedConcurrency: routed.has(handlerId) ? undefined : config.workflowReservedConcurrency,
        environment: {
          TABLE_NAME: props.table.tableName,
          // The business metrics' dimension (functions/commons/metrics.ts).
          DOLBOM_STAGE: config.stage,
          LIFECYCLE_STATE_MACHINE_ARN: lifecycleAliasArn,
          ...('dataKey' in spec.access ? { DATA_KEY_ID: props.dataKey.keyArn } : {}),
          ...('accessCodes' in spec.access ? { ACCESS_CODE_KEY_ID: props.accessCodeKey.keyArn } : {}),
          ...('sendsMessages' in spec.access
            ? { NOTIFICATION_EMAIL_FROM: config.notifications.emailFrom, CASE_MANAGERS_EMAIL: config.notifications.caseManagersEmail }
            : {}),
          ...('documents' in spec.access ? { DOCUMENTS_BUCKET: props.documents.bucketName } : {}),
          ...('startsBulkDecisions' in spec.access ? { BULK_DECISIONS_STATE_MACHINE_ARN: bulkDecisionsAliasArn } : {}),
          // The groups that may use each of its routes (functions/commons/staff.ts), from the route list.
          ...functionRouteAccess(handlerId),
        },
      });
      const access: HandlerAccess = spec.access;
      for (const statement of tableStatements(props.table, access.table)) fn.addToRolePolicy(statement);
      if (access.dataKey === 'encrypt' || access.dataKey === 'both') props.dataKey.grant(fn, 'kms:GenerateDataKey');
      if (access.dataKey === 'decrypt' || access.dataKey === 'both') props.dataKey.grantDecrypt(fn);
      if (access.accessCodes) props.accessCodeKey.grant(fn, 'kms:GenerateMac');
      if (access.documents) {
        // Objects of applications only, one action each: presigning a PUT needs PutObject; checking an
        // upload (HeadObject, a ranged GET) and presigning a case manager's GET need GetObject.
        const action = access.documents === 'upload' ? 's3:PutObject' : 's3:GetObject';
        fn.addToRolePolicy(new iam.PolicyStatement({ actions: [action], resources: [props.documents.arnForObjects('applications/*')] }));
        // Without ListBucket S3 answers a HEAD of a missing object 403, not 404: the check could not
        // tell "not uploaded" from "not allowed". Listing is limited to the applications' prefix.
        if (access.documents === 'check') {
          fn.addToRolePolicy(
            new iam.PolicyStatement({ actions: ['s3:ListBucket'], resources: [props.documents.bucketArn], conditions: { StringLike: { 's3:prefix': 'applications/*' } } }),
          );
        }
      }
      if (access.startsLifecycle) {
        fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['states:StartExecution'], resources: [lifecycleAliasArn] }));
      }
      if (access.startsBulkDecisions) {
        fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['states:StartExecution'], resources: [bulkDecisionsAliasArn] }));
      }
      if (access.readsExecutions) {
        // This state machine's executions only, and only their histories (the names are known: no ListExecutions).
        const executions = this.formatArn({ service: 'states', resource: 'execution', resourceName: `${stateMachineName}:*`, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
        fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['states:GetExecutionHistory'], resources: [executions] }));
      }
      if (access.tableStream) {
        new TableStreamTrigger(this, `Stream-${handlerId}`, { table: props.table, target: fn.live, stream: access.tableStream });
      }
      if (access.sendsMessages) {
        // SMS straight to a phone number has no resource to name, so sns:Publish is on '*'; the deny
        // on every topic ARN leaves it SMS only. E-mail only from the stage's own domain.
        fn.addToRolePolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
        fn.addToRolePolicy(new iam.PolicyStatement({ effect: iam.Effect.DENY, actions: ['sns:Publish'], resources: ['arn:aws:sns:*:*:*'] }));
        fn.addToRolePolicy(
          new iam.PolicyStatement({
            actions: ['ses:SendEmail'],
            resources: [this.formatArn({ service: 'ses', resource: 'identity', resourceName: config.notifications.emailFrom.split('@')[1]! })],
          }),
        );
      }
      if (access.taskTokens) {
        const actions = {
          answer: ['states:SendTaskSuccess', 'states:SendTaskFailure', 'states:SendTaskHeartbeat'],
          succeed: ['states:SendTaskSuccess'],
          heartbeat: ['states:SendTaskHeartbeat'],
          fail: ['states:SendTaskFailure'],
        }[access.taskTokens];
        fn.addToRolePolicy(new iam.PolicyStatement({ actions, resources: [stateMachineArn] }));
      }
      if ('schedule' in spec) {
        new events.Rule(this, `Schedule-${handlerId}`, {
          description: spec.description,
          schedule: events.Schedule.rate(Duration.minutes(spec.schedule.everyMinutes)),
          targets: [new eventTargets.LambdaFunction(fn.live, { retryAttempts: 2 })],
        });
      }
      functions[handlerId] = fn;
    }
    const aliases = Object.fromEntries(Object.entries(functions).map(([id, fn]) => [id, fn.live])) as Record<HandlerId, lambda.Alias>;
    this.safeDeploys = new SafeDeploys(this, 'SafeDeploys', { functions, deploymentConfig: config.deploys.functions });

    const lifecycle = new LifecycleStateMachine(this, 'Lifecycle', {
      stateMachineName,
      steps: aliases as Record<LifecycleStep, lambda.IFunction>,
      humanTasks: config.humanTasks,
      providerOffers: config.providerOffers,
      waitlistRecheckDays: config.waitlistRecheckDays,
      logs: {
        destination: new LogGroup(this, 'LifecycleLogs', {
          retention: config.logRetentionDays as RetentionDays,
          removalPolicy: config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        }),
        // Execution data carries application ids only, but keep it out of logs anyway.
        includeExecutionData: false,
        level: sfn.LogLevel.ERROR,
      },
    });

    const bulkDecisions = new BulkDecisionsStateMachine(this, 'BulkDecisions', {
      stateMachineName: bulkDecisionsName,
      steps: aliases as Record<BulkDecisionStep, lambda.IFunction>,
      logs: {
        destination: new LogGroup(this, 'BulkDecisionsLogs', {
          retention: config.logRetentionDays as RetentionDays,
          removalPolicy: config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
        }),
        includeExecutionData: false,
        level: sfn.LogLevel.ERROR,
      },
    });

    const lifecycleRelease = new StateMachineRelease(this, 'LifecycleRelease', { stateMachine: lifecycle.stateMachine, deploy: config.deploys.stateMachines });
    const bulkDecisionsRelease = new StateMachineRelease(this, 'BulkDecisionsRelease', { stateMachine: bulkDecisions.stateMachine, deploy: config.deploys.stateMachines });

    const api = new apigw.HttpApi(this, 'HttpApi', {
      apiName: `dolbom-${config.stage}`,
      corsPreflight: {
        allowOrigins: allowedOrigins(config),
        allowMethods: [apigw.CorsHttpMethod.GET, apigw.CorsHttpMethod.POST, apigw.CorsHttpMethod.PUT],
        allowHeaders: ['content-type', 'authorization', 'idempotency-key', 'x-access-code'],
      },
    });
    const staffAuthorizer = new HttpUserPoolAuthorizer('StaffAuthorizer', props.userPool, {
      userPoolClients: [props.userPoolClient],
    });
    // API Gateway invokes the routes' aliases with one role of its own (AliasIntegration), not a
    // resource policy per route: 47 permissions fewer in a stack that must stay under 500 resources.
    const invoker = new iam.Role(this, 'ApiInvoker', { assumedBy: new iam.ServicePrincipal('apigateway.amazonaws.com') });
    const routedAliases = [...routed].map((handler) => aliases[handler as HandlerId]);
    invoker.addToPolicy(new iam.PolicyStatement({ actions: ['lambda:InvokeFunction'], resources: routedAliases.map((a) => a.functionArn) }));
    this.api = api;
    for (const route of routes) {
      api.addRoutes({
        path: route.path,
        methods: [route.method as apigw.HttpMethod],
        integration: new AliasIntegration(`${route.handler}-${route.method}`, aliases[route.handler], invoker),
        ...(route.access === 'public' ? {} : { authorizer: staffAuthorizer }),
      });
    }
    // Throttling bounds the cost of abuse; access-code guessing is limited per client and per
    // application in the handlers (functions/status/guessing-limits.ts). Submission and the citizen
    // routes that check an access code are stricter than the rest.
    const stage = api.defaultStage!.node.defaultChild as apigw.CfnStage;
    const limits = (t: { rateLimit: number; burstLimit: number }) => ({ throttlingRateLimit: t.rateLimit, throttlingBurstLimit: t.burstLimit });
    stage.defaultRouteSettings = limits(config.throttles.default);
    // RouteSettings is untyped JSON in CDK: its keys are written as CloudFormation spells them.
    stage.routeSettings = Object.fromEntries(
      routes.flatMap((route) => {
        const kind = throttleKind(route);
        const t = kind && config.throttles[kind];
        return t ? [[`${route.method} ${route.path}`, { ThrottlingRateLimit: t.rateLimit, ThrottlingBurstLimit: t.burstLimit }]] : [];
      }),
    );

    const observability = (this.observability = new Observability(this, 'Observability', {
      config,
      functions,
      stateMachines: { lifecycle: lifecycle.stateMachine, bulkDecisions: bulkDecisions.stateMachine },
      api,
      table: props.table,
      indexNames: ['gsi1', 'gsi2'],
    }));

    new CfnOutput(this, 'ApiUrl', { value: api.apiEndpoint });
    new CfnOutput(this, 'AlarmTopicArn', { value: observability.topic.topicArn });
    new CfnOutput(this, 'DashboardName', { value: observability.dashboard.dashboardName });
    new CfnOutput(this, 'LifecycleStateMachineArn', { value: lifecycle.stateMachine.stateMachineArn });
    new CfnOutput(this, 'LifecycleAliasArn', { value: lifecycleRelease.aliasArn });
    new CfnOutput(this, 'BulkDecisionsStateMachineArn', { value: bulkDecisions.stateMachine.stateMachineArn });
    new CfnOutput(this, 'BulkDecisionsAliasArn', { value: bulkDecisionsRelease.aliasArn });
  }
}

/**
 * The stricter throttle a route gets, if any: submitting an application, and the citizen routes that
 * check an access code (the lookup, the status page, withdrawal, a supplement), where a script guesses.
 */
export function throttleKind(route: (typeof routes)[number]): 'submission' | 'citizenLookup' | undefined {
  if (route.handler === 'submitApplication') return 'submission';
  const citizenLookups: readonly HandlerId[] = ['lookupApplication', 'getApplicationStatus', 'withdrawApplication', 'requestSupplementUploads', 'submitSupplement'];
  return citizenLookups.includes(route.handler) ? 'citizenLookup' : undefined;
}

/** A function's ROUTE_ACCESS_VARIABLE, when it serves routes. */
function functionRouteAccess(handlerId: HandlerId): Record<string, string> {
  const access = routeAccessVariable(handlerId);
  return access ? { [ROUTE_ACCESS_VARIABLE]: access } : {};
}
