import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { env } from '../commons/env';
import type { AuditEvent } from '../applications/audit';
import { keys } from '../applications/keys';
import { auditPut } from '../applications/store';
import { cancellationReasons } from '../commons/dynamo-errors';
import type { Failed, NotificationRef, OutboxPort, Sent, StoredNotification } from './deliver';
import { notificationPut } from './outbox';
import type { RetryCopy } from './retry';

/**
 * The outbox in the single table: one item per notification under its application, in GSI1 'OUTBOX'
 * while undelivered, out of it once sent, and under its district's failed partition once failed —
 * so staff list the failures of their districts with one Query each.
 */
const table = () => env.tableName();

function strip(item: Record<string, unknown>): StoredNotification {
  const { pk: _pk, sk: _sk, entity: _entity, gsi1pk: _g1, gsi1sk: _g1s, ...rest } = item;
  return rest as unknown as StoredNotification;
}

function isConditionFailure(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/** "Still mine": every write after the claim holds only while this sender holds the item. */
const HELD = 'delivery = :sending AND holder = :holder';

async function finish(ref: NotificationRef, holder: string, update: { expression: string; values: Record<string, unknown> }, audit: AuditEvent) {
  await dynamo().send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: table(),
            Key: keys.notification(ref.applicationId, ref.key),
            ConditionExpression: HELD,
            UpdateExpression: update.expression,
            ExpressionAttributeValues: { ':sending': 'sending', ':holder': holder, ...update.values },
          },
        },
        auditPut(audit),
      ],
    }),
  );
}

export const dynamoOutbox: OutboxPort = {
  async claim(ref, holder, nowMs, leaseUntilMs) {
    try {
      const out = await dynamo().send(
        new UpdateCommand({
          TableName: table(),
          Key: keys.notification(ref.applicationId, ref.key),
          ConditionExpression: 'attribute_exists(pk) AND (delivery = :pending OR (delivery = :sending AND leaseUntil < :now))',
          UpdateExpression: 'SET delivery = :sending, holder = :holder, leaseUntil = :lease',
          ExpressionAttributeValues: { ':pending': 'pending', ':sending': 'sending', ':now': nowMs, ':holder': holder, ':lease': leaseUntilMs },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return strip(out.Attributes!);
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  },

  async read(ref) {
    const out = await dynamo().send(new GetCommand({ TableName: table(), Key: keys.notification(ref.applicationId, ref.key), ConsistentRead: true }));
    return out.Item ? strip(out.Item) : undefined;
  },

  async recordFailedAttempt(ref, holder, attempts, error) {
    await dynamo().send(
      new UpdateCommand({
        TableName: table(),
        Key: keys.notification(ref.applicationId, ref.key),
        ConditionExpression: HELD,
        UpdateExpression: 'SET attempts = :attempts, lastError = :error',
        ExpressionAttributeValues: { ':sending': 'sending', ':holder': holder, ':attempts': attempts, ':error': error },
      }),
    );
  },

  async release(ref, holder) {
    try {
      await dynamo().send(
        new UpdateCommand({
          TableName: table(),
          Key: keys.notification(ref.applicationId, ref.key),
          ConditionExpression: HELD,
          UpdateExpression: 'SET delivery = :pending REMOVE holder, leaseUntil',
          ExpressionAttributeValues: { ':sending': 'sending', ':holder': holder, ':pending': 'pending' },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  },

  async markSent(ref, holder, sent: Sent, audit) {
    await finish(
      ref,
      holder,
      {
        // Out of the OUTBOX index: what is left there is what is still to deliver.
        expression: 'SET delivery = :sent, channel = :channel, messageId = :messageId, sentAt = :at, attempts = :attempts REMOVE gsi1pk, gsi1sk, holder, leaseUntil',
        values: { ':sent': 'sent', ':channel': sent.channel, ':messageId': sent.messageId, ':at': sent.at, ':attempts': sent.attempts },
      },
      audit,
    );
  },

  async markFailed(ref, holder, failed: Failed, audit) {
    await finish(
      ref,
      holder,
      {
        expression: `SET delivery = :failed, failure = :reason, failedAt = :at, district = :district, attempts = :attempts, gsi1pk = :gsi1pk, gsi1sk = :gsi1sk${failed.channel ? ', channel = :channel' : ''}${failed.error ? ', lastError = :error' : ''} REMOVE holder, leaseUntil`,
        values: {
          ':failed': 'failed',
          ':reason': failed.reason,
          ':at': failed.at,
          ':district': failed.district,
          ':attempts': failed.attempts,
          ':gsi1pk': keys.failedNotifications(failed.district),
          ':gsi1sk': `${failed.at}#${ref.applicationId}#${ref.key}`,
          ...(failed.channel ? { ':channel': failed.channel } : {}),
          ...(failed.error ? { ':error': failed.error } : {}),
        },
      },
      audit,
    );
  },
};

/** The failed notifications of one district, newest first. */
export async function failedNotificationsOf(district: string, limit: number): Promise<StoredNotification[]> {
  const out = await dynamo().send(
    new QueryCommand({
      TableName: table(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.failedNotifications(district) },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (out.Items ?? []).map(strip);
}

/** One outbox item, read consistently (a retry decides on it). */
export async function getNotification(ref: NotificationRef): Promise<StoredNotification | undefined> {
  return dynamoOutbox.read(ref);
}

/**
 * A failed notification queued again (functions/notifications/retry.ts), in one transaction: the
 * failed item becomes `retried` (out of its district's failed list) only while it is still failed,
 * the copy is inserted (the stream wakes the sender), and the staff member's retry is audited.
 * False when the item was no longer failed: someone retried it first.
 */
export async function requeueFailed(ref: NotificationRef, copy: RetryCopy, retriedBy: string, audit: AuditEvent): Promise<boolean> {
  try {
    await dynamo().send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: table(),
              Key: keys.notification(ref.applicationId, ref.key),
              ConditionExpression: 'delivery = :failed',
              UpdateExpression: 'SET delivery = :retried, retriedAt = :at, retriedBy = :by, retriedAs = :copy REMOVE gsi1pk, gsi1sk',
              ExpressionAttributeValues: { ':failed': 'failed', ':retried': 'retried', ':at': audit.at, ':by': retriedBy, ':copy': copy.key },
            },
          },
          notificationPut(copy.notification),
          auditPut(audit),
        ],
      }),
    );
    return true;
  } catch (error) {
    if (cancellationReasons(error)?.includes('ConditionalCheckFailed')) return false;
    throw error;
  }
}
