import type { DynamoDBBatchResponse } from 'aws-lambda';
import * as z from 'zod/mini';
import { isApplicationId } from '../applications/identifiers';
import { keys } from '../applications/keys';
import { correlated, log } from '../commons/logger';
import { startLifecycle } from './start-lifecycle';

/** The part of a DynamoDB Streams record this handler reads (the stream carries keys only). */
const streamEvent = z.object({
  Records: z.array(
    z.object({
      eventName: z.optional(z.string()),
      dynamodb: z.object({
        SequenceNumber: z.string(),
        Keys: z.optional(z.object({ pk: z.object({ S: z.string() }), sk: z.object({ S: z.string() }) })),
      }),
    }),
  ),
});

type StreamRecord = z.infer<typeof streamEvent>['Records'][number];

/** The application a record stores for the first time, or undefined for any other change. */
function newApplicationId(record: StreamRecord): string | undefined {
  const itemKeys = record.dynamodb.Keys;
  if (record.eventName !== 'INSERT' || itemKeys?.sk.S !== keys.applicationSortKey) return undefined;
  const id = keys.applicationIdOf(itemKeys.pk.S);
  return id && isApplicationId(id) ? id : undefined;
}

/**
 * StartStoredApplication, triggered by the table's stream for every new application item: a
 * submission is committed by one transaction and started by a later call, and a process that dies
 * in between must not leave the application without its lifecycle. Starting is idempotent (the
 * execution is named after the application), so an application its submission already started, or
 * a record delivered twice, changes nothing. A record that fails is reported, and the event source
 * mapping retries from it.
 */
export const handler = correlated(async (event: unknown): Promise<DynamoDBBatchResponse> => {
  const { Records: records } = streamEvent.parse(event);
  const results = await Promise.all(
    records.map(async (record) => {
      const applicationId = newApplicationId(record);
      // The mapping's filter passes only new application items; anything else has nothing to start.
      if (!applicationId) return { record, outcome: 'skipped' as const };
      try {
        await startLifecycle({ applicationId, period: 1 });
        return { record, outcome: 'started' as const };
      } catch (error) {
        log.warn('stored application not started', { applicationId, error: (error as Error).name });
        return { record, outcome: 'failed' as const };
      }
    }),
  );
  const count = (outcome: string) => results.filter((r) => r.outcome === outcome).length;
  log.info('stored applications started', { records: records.length, started: count('started'), skipped: count('skipped'), failed: count('failed') });
  return {
    batchItemFailures: results.filter((r) => r.outcome === 'failed').map((r) => ({ itemIdentifier: r.record.dynamodb.SequenceNumber })),
  };
});
