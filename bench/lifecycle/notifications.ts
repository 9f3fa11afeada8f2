import { setTimeout as sleep } from 'node:timers/promises';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { clientsFor } from '../../test/support/clients';

type Clients = ReturnType<typeof clientsFor>;

async function unsettledOf(clients: Clients, applicationId: string): Promise<number> {
  const { Count = 0 } = await clients.db.send(
    new QueryCommand({
      TableName: 'dolbom-dev',
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :notification)',
      // Still in the outbox: written by a step, not yet sent nor given up (functions/notifications/outbox-store.ts).
      FilterExpression: 'delivery IN (:pending, :sending)',
      ExpressionAttributeValues: { ':pk': `APP#${applicationId}`, ':notification': 'NOTIFICATION#', ':pending': 'pending', ':sending': 'sending' },
      Select: 'COUNT',
      ConsistentRead: true,
    }),
  );
  return Count;
}

/**
 * Waits until every notification of these applications has left the outbox (sent, or failed for a
 * person to retry). The sender runs behind the table's stream, so a cohort's last messages trail its
 * last step; measured before they settle, they would be counted with the next cohort.
 */
export async function untilNotificationsSettle(clients: Clients, applicationIds: readonly string[], timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let waiting = [...applicationIds];
  for (;;) {
    const counts = await Promise.all(waiting.map(async (id) => [id, await unsettledOf(clients, id)] as const));
    waiting = counts.filter(([, n]) => n > 0).map(([id]) => id);
    if (waiting.length === 0) return;
    if (Date.now() > deadline) throw new Error(`notifications of ${waiting.length} applications still in the outbox, e.g. ${waiting[0]}`);
    await sleep(250);
  }
}
