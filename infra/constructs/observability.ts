import { Duration, NestedStack, RemovalPolicy } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import type { IFunction } from 'aws-cdk-lib/aws-lambda';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import type { HandlerId } from '../../functions/catalog';
import { businessMetrics, METRICS_NAMESPACE, type BusinessMetric } from '../../functions/commons/metrics';
import type { EnvironmentConfig } from '../config';

export interface ObservabilityProps {
  config: EnvironmentConfig;
  functions: Record<HandlerId, IFunction>;
  stateMachines: Record<'lifecycle' | 'bulkDecisions', sfn.IStateMachine>;
  api: apigw.HttpApi;
  table: dynamodb.ITableV2;
  /** The table's index names, for their throttle metrics. */
  indexNames: readonly string[];
}

/**
 * The API access log format: one JSON object per request. The route key is the route's template
 * (`GET /api/applications/{applicationId}`), never the raw path or query string, which may hold a
 * searched name (`?q=`); no request header either. `requestId` is the default correlation id
 * (functions/commons/logger.ts), so an access-log line finds the handler's lines.
 */
export const accessLogFormat = {
  requestId: '$context.requestId',
  requestTime: '$context.requestTime',
  ip: '$context.identity.sourceIp',
  method: '$context.httpMethod',
  routeKey: '$context.routeKey',
  status: '$context.status',
  protocol: '$context.protocol',
  responseLength: '$context.responseLength',
  responseLatency: '$context.responseLatency',
  integrationLatency: '$context.integrationLatency',
  integrationError: '$context.integrationErrorMessage',
  staffSub: '$context.authorizer.claims.sub',
} as const;

const FIVE_MINUTES = Duration.minutes(5);

/**
 * What tells an operator that something is wrong, per environment: one SNS topic every alarm goes to
 * (and comes back OK on), the alarms, a dashboard, and the HTTP API's access log. Names carry the stage
 * (`dolbom-<stage>-…`) so one account's environments never mix.
 *
 * A nested stack of the application stack: an alarm per function (errors and throttles, ~150 alarms)
 * would take the application stack past CloudFormation's 500 resources; nested, they count on their
 * own, deploy and roll back with the functions they watch, and need no exports (the function names
 * come in as the nested stack's parameters).
 *
 * Alarms: failed or timed-out executions of each state machine; a failed application (the
 * `ApplicationsFailed` metric RecordWorkflowFailure writes — the failed-execution alarm would fire too,
 * this one says what failed); each function's errors and throttles; API 5xx; DynamoDB throttles on
 * the table and its indexes; open tasks past SLA above the environment's threshold, from the metric the
 * scheduled ReportOverdueTasks writes (missing data breaches: a reporter that stopped is a problem too).
 */
export class Observability extends NestedStack {
  readonly topic: sns.Topic;
  readonly dashboard: cloudwatch.Dashboard;
  readonly accessLogs: LogGroup;
  /** Every alarm by its name, for other constructs (a deployment's rollback alarms) to reuse. */
  readonly alarms = new Map<string, cloudwatch.Alarm>();
  /** Each function's error alarm, by catalog id. */
  readonly functionErrorAlarms = {} as Record<HandlerId, cloudwatch.Alarm>;
  /** The business metrics' `Stage` dimension (functions/commons/metrics.ts, from DOLBOM_STAGE). */
  private readonly stage: string;

  constructor(scope: Construct, id: string, props: ObservabilityProps) {
    super(scope, id, { description: `Dolbom ${props.config.stage}: alarms, dashboard and API access log` });
    const { config } = props;
    const stage = config.stage;
    this.stage = stage;
    const prefix = `dolbom-${stage}`;

    this.topic = new sns.Topic(this, 'AlarmTopic', { topicName: `${prefix}-alarms`, displayName: `Dolbom ${stage} alarms`, enforceSSL: true });
    if (config.operations.alarmEmail) this.topic.addSubscription(new subscriptions.EmailSubscription(config.operations.alarmEmail));
    const action = new SnsAction(this.topic);

    const alarm = (name: string, metric: cloudwatch.IMetric, options: { threshold: number; description: string; missing?: cloudwatch.TreatMissingData }) => {
      const created = new cloudwatch.Alarm(this, name, {
        alarmName: `${prefix}-${name}`,
        alarmDescription: options.description,
        metric,
        threshold: options.threshold,
        evaluationPeriods: 1,
        comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: options.missing ?? cloudwatch.TreatMissingData.NOT_BREACHING,
      });
      created.addAlarmAction(action);
      created.addOkAction(action);
      this.alarms.set(created.node.id, created);
      return created;
    };

    // Workflows: a failed or timed-out execution is an application (or a bulk job) that stopped.
    const machineLabels = { lifecycle: 'lifecycle', bulkDecisions: 'bulk-decisions' } as const;
    for (const [key, machine] of Object.entries(props.stateMachines) as ['lifecycle' | 'bulkDecisions', sfn.IStateMachine][]) {
      const label = machineLabels[key];
      alarm(`${label}-executions-failed`, machine.metricFailed({ period: FIVE_MINUTES, statistic: 'Sum' }), {
        threshold: 1,
        description: `An execution of ${prefix}-${label} failed. docs/operations.md "A failed execution": find it, read the audit trail, redrive.`,
      });
      alarm(`${label}-executions-timed-out`, machine.metricTimedOut({ period: FIVE_MINUTES, statistic: 'Sum' }), {
        threshold: 1,
        description: `An execution of ${prefix}-${label} timed out. docs/operations.md "A failed execution".`,
      });
    }
    alarm('applications-failed', this.businessMetric(businessMetrics.failed, 'Sum', FIVE_MINUTES), {
      threshold: 1,
      description: 'An application was marked failed (RecordWorkflowFailure): staff see it as failed until an operator redrives it. docs/operations.md "A failed execution".',
    });

    // Functions: errors and throttles, each by name, so the alarm says which.
    for (const [handlerId, fn] of Object.entries(props.functions) as [HandlerId, IFunction][]) {
      this.functionErrorAlarms[handlerId] = alarm(`${handlerId}-errors`, fn.metricErrors({ period: FIVE_MINUTES, statistic: 'Sum' }), {
        threshold: 1,
        description: `${handlerId} failed an invocation (an unhandled error or a timeout). Its log group, by correlationId.`,
      });
      alarm(`${handlerId}-throttles`, fn.metricThrottles({ period: FIVE_MINUTES, statistic: 'Sum' }), {
        threshold: 1,
        description: `${handlerId} was throttled: concurrency ran out (account limit or its reserved concurrency).`,
      });
    }

    // The API: 5xx are bugs or a service behind that is down (transient faults answer 503 too).
    alarm('api-5xx', props.api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' }), {
      threshold: 5,
      description: `The HTTP API ${prefix} answered 5 or more 5xx in 5 minutes. The access log (${prefix}-api-access) by status, then the handler's log by requestId.`,
    });

    // DynamoDB: on-demand tables throttle too (a hot partition, a sudden doubling of traffic).
    const throttleEvents = (metricName: string, index?: string) =>
      new cloudwatch.Metric({
        namespace: 'AWS/DynamoDB',
        metricName,
        dimensionsMap: { TableName: props.table.tableName, ...(index ? { GlobalSecondaryIndexName: index } : {}) },
        period: FIVE_MINUTES,
        statistic: 'Sum',
      });
    const throttleParts: Record<string, cloudwatch.IMetric> = {};
    for (const [i, index] of [undefined, ...props.indexNames].entries()) {
      throttleParts[`r${i}`] = throttleEvents('ReadThrottleEvents', index);
      throttleParts[`w${i}`] = throttleEvents('WriteThrottleEvents', index);
    }
    const tableThrottles = new cloudwatch.MathExpression({
      expression: Object.keys(throttleParts).join(' + '),
      usingMetrics: throttleParts,
      label: 'Throttle events (table and indexes)',
      period: FIVE_MINUTES,
    });
    alarm('table-throttles', tableThrottles, {
      threshold: 1,
      description: `DynamoDB throttled requests on ${prefix} or its indexes; the SDK retries, but a run of them reaches users as 503s.`,
    });

    // Tasks past their SLA: the scheduled reporter's figure, every district.
    alarm('tasks-past-sla', this.businessMetric(businessMetrics.tasksPastSla, 'Maximum', Duration.minutes(30)), {
      threshold: config.operations.tasksPastSlaThreshold,
      description: `${config.operations.tasksPastSlaThreshold} or more open tasks are past their due date, or the ReportOverdueTasks schedule stopped reporting. The console's dashboard shows which districts.`,
      missing: cloudwatch.TreatMissingData.BREACHING,
    });

    this.accessLogs = new LogGroup(this, 'ApiAccessLogs', {
      logGroupName: `/aws/apigateway/${prefix}-api-access`,
      retention: config.logRetentionDays as RetentionDays,
      removalPolicy: config.retainData ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    (props.api.defaultStage!.node.defaultChild as apigw.CfnStage).accessLogSettings = {
      destinationArn: this.accessLogs.logGroupArn,
      format: JSON.stringify(accessLogFormat),
    };

    this.dashboard = this.buildDashboard(prefix, props, tableThrottles);
  }

  private businessMetric(name: BusinessMetric, statistic: string, period: Duration): cloudwatch.Metric {
    return new cloudwatch.Metric({ namespace: METRICS_NAMESPACE, metricName: name, dimensionsMap: { Stage: this.stage }, statistic, period });
  }

  private buildDashboard(prefix: string, props: ObservabilityProps, tableThrottles: cloudwatch.IMetric): cloudwatch.Dashboard {
    const hour = Duration.hours(1);
    const business = (name: BusinessMetric, label: string) => this.businessMetric(name, 'Sum', hour).with({ label });
    const machines = Object.values(props.stateMachines);
    const dashboard = new cloudwatch.Dashboard(this, 'Dashboard', { dashboardName: prefix, defaultInterval: Duration.days(7) });
    dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Applications (per hour)',
        width: 12,
        left: [
          business(businessMetrics.submitted, 'submitted'),
          business(businessMetrics.waitlisted, 'waitlisted'),
          business(businessMetrics.escalated, 'tasks escalated'),
          business(businessMetrics.failed, 'failed'),
          business(businessMetrics.highRisk, 'high-risk screenings'),
        ],
      }),
      new cloudwatch.GraphWidget({
        title: 'Open tasks past their due date',
        width: 12,
        left: [this.businessMetric(businessMetrics.tasksPastSla, 'Maximum', Duration.minutes(15)).with({ label: 'past SLA' })],
        leftAnnotations: [{ value: props.config.operations.tasksPastSlaThreshold, label: 'alarm' }],
      }),
    );
    dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Executions',
        width: 12,
        left: machines.flatMap((machine) => [
          machine.metricStarted({ period: FIVE_MINUTES, statistic: 'Sum' }),
          machine.metricFailed({ period: FIVE_MINUTES, statistic: 'Sum' }),
          machine.metricTimedOut({ period: FIVE_MINUTES, statistic: 'Sum' }),
        ]),
      }),
      new cloudwatch.GraphWidget({
        title: 'HTTP API',
        width: 12,
        left: [props.api.metricCount({ period: FIVE_MINUTES, statistic: 'Sum' }), props.api.metricClientError({ period: FIVE_MINUTES, statistic: 'Sum' }), props.api.metricServerError({ period: FIVE_MINUTES, statistic: 'Sum' })],
        right: [props.api.metricLatency({ period: FIVE_MINUTES, statistic: 'p95' })],
      }),
    );
    dashboard.addWidgets(
      new cloudwatch.GraphWidget({
        title: 'Lambda errors and throttles (every function)',
        width: 12,
        left: [
          new cloudwatch.MathExpression({ expression: `SEARCH('{AWS/Lambda,FunctionName} MetricName="Errors" Dolbom-${props.config.stage}-App', 'Sum', 300)`, label: 'errors', period: FIVE_MINUTES }),
          new cloudwatch.MathExpression({ expression: `SEARCH('{AWS/Lambda,FunctionName} MetricName="Throttles" Dolbom-${props.config.stage}-App', 'Sum', 300)`, label: 'throttles', period: FIVE_MINUTES }),
        ],
      }),
      new cloudwatch.GraphWidget({ title: 'DynamoDB throttle events', width: 12, left: [tableThrottles] }),
    );
    dashboard.addWidgets(new cloudwatch.AlarmStatusWidget({ title: 'Alarms', width: 24, alarms: [...this.alarms.values()] }));
    return dashboard;
  }
}
