import { describe, expect, it } from 'vitest';
import { streamMappings } from '../../infra/local/template';
import { synthesize } from '../../infra/synth';

const { data, app } = synthesize('prod');
const ofType = (template: typeof app, type: string) => Object.entries(template.Resources).filter(([, r]) => r.Type === type);
const table = ofType(data, 'AWS::DynamoDB::GlobalTable')[0]![1];
const mappings = ofType(app, 'AWS::Lambda::EventSourceMapping');
// The mapping invokes the function's live alias (`<function name>:live`, built from the alias's ARN).
const aliasOf = (m: (typeof mappings)[number][1]) => /"Ref":"(\w+)"/.exec(JSON.stringify(m.Properties!.FunctionName))![1]!;
const handlerOf = ([, m]: (typeof mappings)[number]) => {
  const alias = app.Resources[aliasOf(m)]!;
  expect(alias.Type).toBe('AWS::Lambda::Alias');
  return app.Resources[alias.Properties!.FunctionName.Ref]!.Properties!.Environment.Variables.DOLBOM_HANDLER;
};
const [mappingId, mapping] = mappings.find((m) => handlerOf(m) === 'startStoredApplication')!;
const [signalsId, signals] = mappings.find((m) => handlerOf(m) === 'fillWaitlist')!;
const [notificationsId, notifications] = mappings.find((m) => handlerOf(m) === 'sendNotifications')!;
const [, counted] = mappings.find((m) => handlerOf(m) === 'projectCounts')!;

describe('the trigger that starts every stored application', () => {
  it("reads the table's stream, which carries keys only (no personal data leaves the table)", () => {
    expect(table.Properties!.StreamSpecification).toEqual({ StreamViewType: 'KEYS_ONLY' });
    expect(mappings).toHaveLength(4);
    const exportName = mapping.Properties!.EventSourceArn['Fn::ImportValue'];
    const exported = Object.values(data.Outputs!).find((o) => o.Export?.Name === exportName);
    expect(exported?.Value).toEqual({ 'Fn::GetAtt': [ofType(data, 'AWS::DynamoDB::GlobalTable')[0]![0], 'StreamArn'] });
  });

  it('invokes StartStoredApplication for INSERTs of application items only', () => {
    expect(handlerOf([mappingId, mapping])).toBe('startStoredApplication');
    const patterns = (mapping.Properties!.FilterCriteria.Filters as { Pattern: string }[]).map((f) => JSON.parse(f.Pattern));
    expect(patterns).toEqual([{ eventName: ['INSERT'], dynamodb: { Keys: { sk: { S: ['APPLICATION'] } } } }]);
  });

  it('starts from the oldest record, reports failed records one by one, bisects a failing batch and retries a bounded number of times', () => {
    expect(mapping.Properties).toMatchObject({
      StartingPosition: 'TRIM_HORIZON',
      BatchSize: 25,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      BisectBatchOnFunctionError: true,
      MaximumRetryAttempts: 10,
    });
  });

  it('sends records that exhaust their retries to a dead-letter queue with an alarm on it', () => {
    const destination = mapping.Properties!.DestinationConfig.OnFailure.Destination['Fn::GetAtt'][0] as string;
    expect(app.Resources[destination]!.Type).toBe('AWS::SQS::Queue');
    const alarms = ofType(app, 'AWS::CloudWatch::Alarm').map(([, r]) => r.Properties!);
    expect(alarms).toContainEqual(
      expect.objectContaining({
        MetricName: 'ApproximateNumberOfMessagesVisible',
        Namespace: 'AWS/SQS',
        Dimensions: [{ Name: 'QueueName', Value: { 'Fn::GetAtt': [destination, 'QueueName'] } }],
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      }),
    );
  });

  it('wakes the waitlist batch for inserted capacity signals only, a few seconds of them at once', () => {
    const patterns = (signals.Properties!.FilterCriteria.Filters as { Pattern: string }[]).map((f) => JSON.parse(f.Pattern));
    expect(patterns).toEqual([{ eventName: ['INSERT'], dynamodb: { Keys: { sk: { S: ['CAPACITY-SIGNAL'] } } } }]);
    expect(signals.Properties).toMatchObject({ BatchSize: 100, MaximumBatchingWindowInSeconds: 2, BisectBatchOnFunctionError: true, MaximumRetryAttempts: 10 });
  });

  it('hands the sender every notification inserted into the outbox, by sort-key prefix, in small batches', () => {
    const patterns = (notifications.Properties!.FilterCriteria.Filters as { Pattern: string }[]).map((f) => JSON.parse(f.Pattern));
    expect(patterns).toEqual([{ eventName: ['INSERT'], dynamodb: { Keys: { sk: { S: [{ prefix: 'NOTIFICATION#' }] } } } }]);
    expect(notifications.Properties).toMatchObject({ BatchSize: 10, FunctionResponseTypes: ['ReportBatchItemFailures'], MaximumRetryAttempts: 10 });
    expect(notifications.Properties!.DestinationConfig.OnFailure.Destination).toBeDefined();
  });

  it("hands the dashboard's projection every change (stored, changed, deleted) of application and session items, and nothing else", () => {
    const patterns = (counted.Properties!.FilterCriteria.Filters as { Pattern: string }[]).map((f) => JSON.parse(f.Pattern));
    expect(patterns).toEqual([
      { eventName: ['INSERT', 'MODIFY', 'REMOVE'], dynamodb: { Keys: { sk: { S: ['APPLICATION'] } } } },
      { eventName: ['INSERT', 'MODIFY', 'REMOVE'], dynamodb: { Keys: { sk: { S: [{ prefix: 'SESSION#' }] } } } },
    ]);
    expect(counted.Properties).toMatchObject({ BatchSize: 100, MaximumBatchingWindowInSeconds: 2, FunctionResponseTypes: ['ReportBatchItemFailures'], MaximumRetryAttempts: 10 });
  });

  it('is the mapping the local cloud runs, with the same filter and batch settings', () => {
    expect(streamMappings(data, app).find((m) => m.id === mappingId)).toEqual(
      {
        id: mappingId,
        handlerId: 'startStoredApplication',
        tableName: 'dolbom-prod',
        startingPosition: 'TRIM_HORIZON',
        batchSize: 25,
        maxBatchingWindowMs: 0,
        filters: [{ eventName: ['INSERT'], dynamodb: { Keys: { sk: { S: ['APPLICATION'] } } } }],
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        maxRetryAttempts: 10,
        hasFailureDestination: true,
      },
    );
    expect(streamMappings(data, app).find((m) => m.id === signalsId)).toMatchObject({ handlerId: 'fillWaitlist', batchSize: 100, maxBatchingWindowMs: 2000 });
    expect(streamMappings(data, app).find((m) => m.id === notificationsId)).toMatchObject({
      handlerId: 'sendNotifications',
      batchSize: 10,
      filters: [{ eventName: ['INSERT'], dynamodb: { Keys: { sk: { S: [{ prefix: 'NOTIFICATION#' }] } } } }],
    });
  });
});
