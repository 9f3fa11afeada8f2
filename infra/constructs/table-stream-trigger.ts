import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { keys } from '../../functions/applications/keys';

/** A sort key a stream's filter passes: exactly this one, or any that starts so. */
type SortKeyRule = { sortKey: string } | { sortKeyPrefix: string };
type StreamEventName = 'INSERT' | 'MODIFY' | 'REMOVE';

/**
 * What a function hears from the table's stream: INSERTs (unless `events` names more) of items with
 * one sort key, or one sort-key prefix (or any of the rules in `anyOf`).
 */
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
  /**
   * Every change of an application or a session item (stored, changed, deleted): the dashboard's
   * counters follow it (functions/dashboard/). The record carries keys only, so the projection reads
   * the item as it is now; a few seconds of changes are handled in one batch.
   */
  'counted-items': {
    anyOf: [{ sortKey: keys.applicationSortKey }, { sortKeyPrefix: keys.sessionItemPrefix }],
    events: ['INSERT', 'MODIFY', 'REMOVE'],
    batchSize: 100,
    maxBatchingWindow: Duration.seconds(2),
    alarm: 'Dashboard counter changes that failed after every retry: the figures of the named items may be off until their next change; the messages name the stream records.',
  },
} as const satisfies Record<
  string,
  (SortKeyRule | { anyOf: readonly SortKeyRule[] }) & { events?: readonly StreamEventName[]; batchSize: number; maxBatchingWindow: Duration; alarm: string }
>;
export type TableStream = keyof typeof tableStreams;

export interface TableStreamTriggerProps {
  table: dynamodb.ITableV2;
  /** The function, or (as deployed) its `live` alias. */
  target: lambda.IFunction;
  stream: TableStream;
}

/**
 * Invokes `target` with the table stream's records of one kind: the filter passes the events and sort
 * keys its stream names only, so (say) the sender never wakes for audit events, tasks or status changes. The local cloud
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
        filters: sortKeyRules(stream).map((rule) =>
          lambda.FilterCriteria.filter({
            eventName: lambda.FilterRule.or(...('events' in stream ? stream.events : ['INSERT'])),
            dynamodb: { Keys: { sk: { S: 'sortKey' in rule ? lambda.FilterRule.isEqual(rule.sortKey) : lambda.FilterRule.beginsWith(rule.sortKeyPrefix) } } },
          }),
        ),
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

function sortKeyRules(stream: (typeof tableStreams)[TableStream]): readonly SortKeyRule[] {
  return 'anyOf' in stream ? stream.anyOf : [stream];
}
