import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import type * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { keys } from '../../functions/applications/keys';

export interface NewApplicationsTriggerProps {
  table: dynamodb.ITableV2;
  target: lambda.Function;
}

/**
 * Invokes `target` with every application item the table stores for the first time, read from the
 * table's stream: only INSERTs of an application's key pass the filter, so the function never wakes
 * for audit events, tasks or status changes. The local cloud runs this very mapping (filter, batch
 * and retry settings) from the synthesized template.
 *
 * A failing record is reported on its own (the rest of the batch stands), a batch that throws is
 * split in two until the bad record is alone, and after the retries the batch's place in the stream
 * goes to a dead-letter queue whose alarm tells an operator which applications may wait unstarted.
 */
export class NewApplicationsTrigger extends Construct {
  readonly deadLetters: sqs.Queue;
  readonly alarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, props: NewApplicationsTriggerProps) {
    super(scope, id);
    this.deadLetters = new sqs.Queue(this, 'DeadLetters', {
      retentionPeriod: Duration.days(14),
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
    });
    props.target.addEventSource(
      new DynamoEventSource(props.table, {
        // From the oldest record kept: what was stored before the mapping existed is started too.
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        batchSize: 25,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        // Enough to ride out a short Step Functions outage; starting is idempotent, so retries are safe.
        retryAttempts: 10,
        onFailure: new SqsDlq(this.deadLetters),
        filters: [
          lambda.FilterCriteria.filter({
            eventName: lambda.FilterRule.isEqual('INSERT'),
            dynamodb: { Keys: { sk: { S: lambda.FilterRule.isEqual(keys.applicationSortKey) } } },
          }),
        ],
      }),
    );
    this.alarm = new cloudwatch.Alarm(this, 'Unstarted', {
      alarmDescription:
        'Stored applications whose lifecycle could not be started after every retry: the messages name the stream records; start each application with the same execution name.',
      metric: this.deadLetters.metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(1), statistic: 'Maximum' }),
      threshold: 1,
      evaluationPeriods: 1,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
  }
}
