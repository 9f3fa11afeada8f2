import { describe, expect, it } from 'vitest';
import { handlers } from '../../functions/catalog';
import { businessMetrics, METRICS_NAMESPACE } from '../../functions/commons/metrics';
import { environments, stageNames } from '../../infra/config';
import { accessLogFormat } from '../../infra/constructs/observability';
import { synthesize, type Template } from '../../infra/synth';

type Resource = Template['Resources'][string];
const ofType = (template: Template, type: string) => Object.entries(template.Resources).filter(([, r]) => r.Type === type) as [string, Resource & { Properties: Record<string, any> }][];

const synthesized = Object.fromEntries(stageNames.map((stage) => [stage, synthesize(stage)])) as Record<(typeof stageNames)[number], ReturnType<typeof synthesize>>;

describe.each(stageNames)('observability in %s', (stage) => {
  const { app, observability } = synthesized[stage];
  const [topicId, topic] = ofType(observability, 'AWS::SNS::Topic').find(([, t]) => t.Properties.TopicName === `dolbom-${stage}-alarms`) ?? [];
  const alarms = new Map(ofType(observability, 'AWS::CloudWatch::Alarm').map(([, a]) => [a.Properties.AlarmName as string, a.Properties]));

  it('has one alarm topic for the environment, TLS only', () => {
    expect(topic).toBeDefined();
    expect(ofType(observability, 'AWS::SNS::Topic')).toHaveLength(1);
    const policy = ofType(observability, 'AWS::SNS::TopicPolicy')[0]![1].Properties.PolicyDocument.Statement;
    expect(policy).toEqual(expect.arrayContaining([expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]));
  });

  const named = [
    'lifecycle-executions-failed',
    'lifecycle-executions-timed-out',
    'bulk-decisions-executions-failed',
    'bulk-decisions-executions-timed-out',
    'applications-failed',
    'api-5xx',
    'table-throttles',
    'tasks-past-sla',
    ...Object.keys(handlers).flatMap((id) => [`${id}-errors`, `${id}-throttles`]),
  ];

  it.each(named)('alarms on %s, to the topic, and says when it is OK again', (name) => {
    const alarm = alarms.get(`dolbom-${stage}-${name}`);
    expect(alarm, name).toBeDefined();
    expect(alarm!.AlarmActions).toEqual([{ Ref: topicId }]);
    expect(alarm!.OKActions).toEqual([{ Ref: topicId }]);
    expect(alarm!.AlarmDescription).toBeTruthy();
  });

  it('alarms on each state machine: its failed and timed-out executions', () => {
    const machines = ofType(app, 'AWS::StepFunctions::StateMachine');
    expect(machines).toHaveLength(2);
    // The nested stack receives each machine's ARN as a parameter.
    const [, nested] = ofType(app, 'AWS::CloudFormation::Stack').find(([id]) => id.startsWith('Observability'))!;
    for (const [machineId] of machines) {
      const [parameter] = Object.entries(nested.Properties.Parameters as Record<string, { Ref?: string }>).find(([, value]) => value.Ref === machineId)!;
      const watching = [...alarms.values()].filter((a) => a.Dimensions?.[0]?.Value?.Ref === parameter).map((a) => a.MetricName);
      expect(watching.sort()).toEqual(['ExecutionsFailed', 'ExecutionsTimedOut']);
    }
  });

  it('tells the operators of a failed application from the metric RecordWorkflowFailure writes', () => {
    const failed = alarms.get(`dolbom-${stage}-applications-failed`)!;
    expect(failed).toMatchObject({ Namespace: METRICS_NAMESPACE, MetricName: businessMetrics.failed, Dimensions: [{ Name: 'Stage', Value: stage }], Threshold: 1, Statistic: 'Sum' });
  });

  it('alarms on tasks past SLA at the environment threshold, and when the reporter goes silent', () => {
    const pastSla = alarms.get(`dolbom-${stage}-tasks-past-sla`)!;
    expect(pastSla).toMatchObject({ MetricName: businessMetrics.tasksPastSla, Threshold: environments[stage].operations.tasksPastSlaThreshold, TreatMissingData: 'breaching' });
    const [, rule] = ofType(app, 'AWS::Events::Rule').find(([, r]) => String(r.Properties.Description).startsWith('Reports the open tasks past'))!;
    expect(rule.Properties.ScheduleExpression).toBe('rate(15 minutes)');
  });

  it('sums read and write throttles of the table and both indexes', () => {
    const throttles = alarms.get(`dolbom-${stage}-table-throttles`)!;
    const metrics = throttles.Metrics.filter((m: { MetricStat?: unknown }) => m.MetricStat).map((m: any) => m.MetricStat.Metric);
    expect(metrics).toHaveLength(6);
    expect(new Set(metrics.map((m: any) => m.Dimensions.find((d: any) => d.Name === 'GlobalSecondaryIndexName')?.Value))).toEqual(new Set([undefined, 'gsi1', 'gsi2']));
  });

  it('has a dashboard named for the environment with the business metrics, executions, API, Lambda and DynamoDB', () => {
    const dashboards = ofType(observability, 'AWS::CloudWatch::Dashboard');
    expect(dashboards).toHaveLength(1);
    expect(dashboards[0]![1].Properties.DashboardName).toBe(`dolbom-${stage}`);
    const body = JSON.stringify(dashboards[0]![1].Properties.DashboardBody);
    for (const metric of Object.values(businessMetrics)) expect(body).toContain(metric);
    for (const title of ['Executions', 'HTTP API', 'Lambda errors and throttles', 'DynamoDB throttle events', 'Alarms']) expect(body).toContain(title);
  });

  it('traces every function with X-Ray', () => {
    const functions = ofType(app, 'AWS::Lambda::Function').filter(([, f]) => f.Properties.Environment?.Variables?.DOLBOM_HANDLER);
    expect(functions).toHaveLength(Object.keys(handlers).length);
    for (const [id, fn] of functions) {
      expect(fn.Properties.TracingConfig, id).toEqual({ Mode: 'Active' });
      expect(fn.Properties.Environment.Variables.DOLBOM_STAGE, id).toBe(stage);
    }
  });

  it("traces every state machine, and lets each one's role write its segments, so a trace runs from the handler that starts an execution through each step", () => {
    const machines = ofType(app, 'AWS::StepFunctions::StateMachine');
    // The two the app defines (workflows/lifecycle.ts, workflows/bulk-decisions.ts); a third joins this list and is checked like them.
    expect(machines.map(([, m]) => m.Properties.StateMachineName).sort()).toEqual([`dolbom-${stage}-bulk-decisions`, `dolbom-${stage}-lifecycle`]);
    const policies = ofType(app, 'AWS::IAM::Policy');
    for (const [id, machine] of machines) {
      expect(machine.Properties.TracingConfiguration, id).toEqual({ Enabled: true });
      const role = machine.Properties.RoleArn['Fn::GetAtt'][0] as string;
      // Tracing switched on without these actions would send nothing: X-Ray takes no resource but '*'.
      const actions = policies
        .filter(([, p]) => (p.Properties.Roles as { Ref?: string }[]).some((r) => r.Ref === role))
        .flatMap(([, p]) => p.Properties.PolicyDocument.Statement as { Effect: string; Action: string | string[]; Resource: unknown }[])
        .filter((statement) => statement.Effect === 'Allow' && statement.Resource === '*')
        .flatMap((statement) => [statement.Action].flat());
      expect(actions, id).toEqual(expect.arrayContaining(['xray:PutTraceSegments', 'xray:PutTelemetryRecords', 'xray:GetSamplingRules', 'xray:GetSamplingTargets']));
    }
  });

  it('logs every API request as JSON with the route template, never the raw path or query string', () => {
    const [, apiStage] = ofType(app, 'AWS::ApiGatewayV2::Stage')[0]!;
    const settings = apiStage.Properties.AccessLogSettings;
    expect(settings.DestinationArn).toBeDefined();
    const format = JSON.parse(settings.Format) as Record<string, string>;
    expect(format).toEqual(accessLogFormat);
    expect(format.routeKey).toBe('$context.routeKey');
    expect(format.requestId).toBe('$context.requestId');
    const variables = Object.values(format).join(' ');
    expect(variables).not.toMatch(/\$context\.path|querystring|\$request\.|\$context\.requestOverride/i);
    const [, logGroup] = ofType(observability, 'AWS::Logs::LogGroup').find(([, g]) => g.Properties.LogGroupName === `/aws/apigateway/dolbom-${stage}-api-access`)!;
    expect(logGroup.Properties.RetentionInDays).toBe(environments[stage].logRetentionDays);
  });
});

describe('the environments', () => {
  it('pin the account of staging and prod, and subscribe their operators to the alarms', () => {
    for (const stage of ['staging', 'prod'] as const) {
      expect(environments[stage].account).toMatch(/^\d{12}$/);
      const subscription = ofType(synthesized[stage].observability, 'AWS::SNS::Subscription')[0]![1];
      expect(subscription.Properties).toMatchObject({ Protocol: 'email', Endpoint: environments[stage].operations.alarmEmail });
    }
    expect(environments.staging.account).not.toBe(environments.prod.account);
  });
});
