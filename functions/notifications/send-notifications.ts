import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Context, DynamoDBBatchResponse } from 'aws-lambda';
import * as z from 'zod/mini';
import { now } from '../commons/clock';
import { env } from '../commons/env';
import { correlated, log } from '../commons/logger';
import { keys } from '../applications/keys';
import { getApplication } from '../applications/store';
import { getAgency } from '../providers/registry-store';
import { deliveryChannels } from './channels';
import { composeNotification } from './compose';
import { deliverNotification, type DeliveryOutcome, type DeliveryPolicy, type NotificationRef } from './deliver';
import { dynamoOutbox } from './outbox-store';

/**
 * Four attempts, 1 s, 2 s and 4 s apart: a provider's blip passes, a real outage is marked failed for
 * staff within seconds rather than holding the stream. The lease outlasts the function's 60-second
 * timeout (functions/catalog.ts), so no live sender is ever overtaken. A record finding its item
 * held (its sender died mid-send) waits for the lease, looking every 5 s, as long as 15 s are left
 * for sending it: two invocations outlast any lease (deliver.ts says why this matters).
 */
export const deliveryPolicy: DeliveryPolicy = { attempts: 4, firstDelayMs: 1_000, leaseMs: 90_000, leasePollMs: 5_000, sendingReserveMs: 15_000 };

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

function notificationRef(itemKeys: { pk: { S: string }; sk: { S: string } } | undefined): NotificationRef | undefined {
  const applicationId = itemKeys && keys.applicationIdOf(itemKeys.pk.S);
  if (!applicationId || !itemKeys.sk.S.startsWith(keys.notificationPrefix)) return undefined;
  return { applicationId, key: itemKeys.sk.S.slice(keys.notificationPrefix.length) };
}

/**
 * Sends one outbox item, or finds it already sent, failed or in another sender's hands past
 * `remainingMs` (the invocation's time left; none by default, so a caller without a deadline never waits).
 */
export async function sendNotification(ref: NotificationRef, remainingMs: () => number = () => 0, policy: DeliveryPolicy = deliveryPolicy): Promise<DeliveryOutcome> {
  return deliverNotification(ref, {
    outbox: dynamoOutbox,
    channels: await deliveryChannels(),
    policy,
    holder: randomUUID(),
    nowMs: () => Date.now(),
    at: () => now().toISOString(),
    sleep: (ms) => sleep(ms),
    remainingMs,
    async compose(notification) {
      const application = await getApplication(notification.applicationId);
      const agency = notification.template === 'provider-matched' && notification.agencyId ? await getAgency(notification.agencyId, false) : undefined;
      const composed = composeNotification({ notification, application, agency, caseManagersEmail: env.caseManagersEmail() });
      return { district: application?.district ?? 'unknown', composed };
    },
  });
}

/**
 * SendNotifications, triggered by the table's stream for every item inserted into the outbox
 * (infra/constructs/table-stream-trigger.ts). Records are sent side by side, each on its own claim.
 * Only a record another live sender holds, or one whose storage failed, is reported back for the
 * stream to retry; a refused send is retried here and then marked failed for staff, never thrown
 * back into the stream, so one bad notification cannot hold up the rest.
 */
export const handler = correlated(async (event: unknown, context?: Pick<Context, 'awsRequestId' | 'getRemainingTimeInMillis'>): Promise<DynamoDBBatchResponse> => {
  const { Records: records } = streamEvent.parse(event);
  const remainingMs = () => context?.getRemainingTimeInMillis() ?? 0;
  const results = await Promise.all(
    records.map(async (record) => {
      const ref = notificationRef(record.dynamodb.Keys);
      if (record.eventName !== 'INSERT' || !ref) return { record, outcome: 'skipped' as const };
      try {
        const outcome = await sendNotification(ref, remainingMs);
        if (outcome === 'failed') log.warn('notification failed', { applicationId: ref.applicationId, key: ref.key });
        return { record, outcome };
      } catch (error) {
        log.warn('notification not handled', { applicationId: ref.applicationId, key: ref.key, error: (error as Error).name });
        return { record, outcome: 'error' as const };
      }
    }),
  );
  const count = (outcome: string) => results.filter((r) => r.outcome === outcome).length;
  log.info('notifications handled', { records: records.length, sent: count('sent'), failed: count('failed'), busy: count('busy'), errors: count('error') });
  return {
    batchItemFailures: results.filter((r) => r.outcome === 'busy' || r.outcome === 'error').map((r) => ({ itemIdentifier: r.record.dynamodb.SequenceNumber })),
  };
});
