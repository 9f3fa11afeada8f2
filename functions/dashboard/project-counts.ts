import type { DynamoDBBatchResponse } from 'aws-lambda';
import * as z from 'zod/mini';
import { keys } from '../applications/keys';
import { correlated, log } from '../commons/logger';
import { retryTransient } from '../commons/transient-errors';
import { dynamoCounts } from './count-store';
import { projectItem, type CountedItem } from './projection';

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

/** The application or session item a record is about, or undefined for anything else. */
function countedItem(itemKeys: { pk: { S: string }; sk: { S: string } } | undefined): CountedItem | undefined {
  const applicationId = itemKeys && keys.applicationIdOf(itemKeys.pk.S);
  if (!applicationId) return undefined;
  const sk = itemKeys.sk.S;
  return sk === keys.applicationSortKey || sk.startsWith(keys.sessionItemPrefix) ? { applicationId, sk } : undefined;
}

/**
 * ProjectCounts, triggered by the table's stream for every change of an application or session item
 * (infra/constructs/table-stream-trigger.ts, `counted-items`): moves the item to the dashboard counter
 * it belongs in now (functions/dashboard/projection.ts). One item's records are handled one after
 * the other, so a batch's several changes of one application do not contend with each other; items
 * differ, so they go side by side. A record that fails is reported and retried by the stream.
 */
export const handler = correlated(async (event: unknown): Promise<DynamoDBBatchResponse> => {
  const { Records: records } = streamEvent.parse(event);
  const byItem = new Map<string, { item: CountedItem; records: typeof records }>();
  for (const record of records) {
    const item = countedItem(record.dynamodb.Keys);
    if (!item) continue;
    const key = `${item.applicationId}|${item.sk}`;
    (byItem.get(key) ?? byItem.set(key, { item, records: [] }).get(key)!).records.push(record);
  }
  const failed: string[] = [];
  let moved = 0;
  await Promise.all(
    [...byItem.values()].map(async ({ item, records: itemRecords }) => {
      // The item is read as it is now: one projection answers all of its records in the batch.
      try {
        // A transient fault is tried again here: sent back, the record would take the rest of the batch with it.
        if ((await retryTransient(() => projectItem(item, dynamoCounts))) === 'moved') moved++;
      } catch (error) {
        log.warn('count not projected', { applicationId: item.applicationId, sk: item.sk, error: (error as Error).name });
        failed.push(...itemRecords.map((r) => r.dynamodb.SequenceNumber));
      }
    }),
  );
  log.info('counts projected', { records: records.length, items: byItem.size, moved, failed: failed.length });
  return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
});
