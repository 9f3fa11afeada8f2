import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { keys } from '../../functions/applications/keys';

/** What a function hears from the table's stream: only INSERTs of items with one sort key, or one sort-key prefix. */
export const tableStreams = {
  /** Every application item stored for the first time: its lifecycle starts. */
  'new-applications': {
    sortKey: keys.applicationSortKey,
    batchSize: 25,
    maxBatchingWindow: Duration.seconds(0),
    alarm: 'Stored applications whose lifecycle could not be started after every retry: the messages name the stream records; start each application with the same execution name.',
  },
  /**
   * "A place may have freed" (a release, a new counsellor, a raised capacity, a new waiting
   * application): the waitlist batch runs. Signals of a few seconds are handled in one batch.
   */
  'capacity-signals': {
    sortKey: keys.capacitySignalSortKey,
    batchSize: 100,
    maxBatchingWindow: Duration.seconds(2),
    alarm: 'Waitlist batches that failed after every retry: waiting applications may not have been given places that freed; the next release, or the waitlist recheck, runs the batch again.',
  },
  /**
   * Every notification queued in the outbox (one item per event, only ever inserted): the sender
   * delivers it at once. Small batches: each record may wait out its own send retries.
   */
  notifications: {
    sortKeyPrefix: keys.notificationPrefix,
    batchSize: 10,
    maxBatchingWindow: Duration.seconds(0),
    alarm: 'Notifications whose sender failed after every retry (not a refused send, which the sender marks failed itself): the messages name the stream records; the items are still pending or sending in the outbox.',
  },
} as const satisfies Record<string, ({ sortKey: string } | { sortKeyPrefix: string }) & { batchSize: number; maxBatchingWindow: Duration; alarm: string }>;
export type TableStream = keyof typeof tableStreams;

export interface TableStreamTriggerProps {
  table: dynamodb.ITableV2;
  target: lambda.Function;
  stream: TableStream;
}

/**
 * Invokes `target` with the table stream's records of one kind: the filter passes INSERTs of one sort
 * key only, so the function never wakes for audit events, tasks or status changes. The local cloud
 * runs this very mapping (filter, batch and retry settings) from the synthesized template.
 *
 * A failing record is reported on its own (the rest of the batch stands), a batch that throws is
 * split in two until the bad record is alone, and after the retries the batch's place in the stream
 * goes to a dead-letter queue whose alarm tells an operator what may be waiting.
 */
export class TableStreamTrigger extends Construct {
  readonly deadLetters: sqs.Queue;
  readonly alarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: TableStreamTriggerProps) {
    super(scope, id);
    const stream = tableStreams[props.stream];
    this.deadLetters = new sqs.Queue(this, 'DeadLetters', {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    props.target.addEventSource(
      new DynamoEventSource(props.table, {
        // From the oldest record kept: what was stored before the mapping existed is handled too.
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: stream.batchSize,
        ...(stream.maxBatchingWindow.toSeconds() > 0 ? { maxBatchingWindow: stream.maxBatchingWindow } : {}),
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        // Enough to ride out a short outage; every stream handler is idempotent, so retries are safe.
        retryAttempts: 10,
        onFailure: new SqsDlq(this.deadLetters),
        filters: [
          lambda.FilterCriteria.filter({
            eventName: lambda.FilterRule.isEqual('INSERT'),
            dynamodb: { Keys: { sk: { S: 'sortKey' in stream ? lambda.FilterRule.isEqual(stream.sortKey) : lambda.FilterRule.beginsWith(stream.sortKeyPrefix) } } },
          }),
        ],
      }),
    );
    this.alarm = new cloudwatch.Alarm(this, 'Unhandled', {
      alarmDescription: stream.alarm,
      metric: this.deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }
}
