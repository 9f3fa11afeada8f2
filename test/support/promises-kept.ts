import { ListExecutionsCommand, type ExecutionListItem } from '@aws-sdk/client-sfn';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../functions/applications/keys';
import type { StoredNotification } from '../../functions/notifications/deliver';
import type { MailboxMessage } from '../../infra/local/mailbox';
import { seededRegistry } from '../../infra/local/seed-registry';
import type { clientsFor } from './clients';
import { inParallel } from './lifecycle-drive';

/**
 * What a drill reads to judge "nothing lost, nothing doubled" against a local cloud: the places
 * counsellors hold, the outbox and the mailbox, and the executions. Read the way an operator would
 * read the table and the Step Functions API; each function returns what it found, the drill asserts.
 */
type Clients = ReturnType<typeof clientsFor>;

const TABLE = 'dolbom-dev';
const LIFECYCLE_ARN = 'arn:aws:states:ap-northeast-2:000000000000:stateMachine:dolbom-dev-lifecycle';

async function queryAll(clients: Clients, pk: string, prefix: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await clients.db.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: prefix ? 'pk = :pk AND begins_with(sk, :prefix)' : 'pk = :pk',
        ExpressionAttributeValues: prefix ? { ':pk': pk, ':prefix': prefix } : { ':pk': pk },
        ConsistentRead: true,
        ExclusiveStartKey,
      }),
    );
    items.push(...(page.Items ?? []));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return items;
}

export interface CounsellorLoad {
  agencyId: string;
  counsellorId: string;
  reserved: number;
  weeklyCapacity: number;
  /** Applications holding a place item with this counsellor. */
  places: string[];
}

/** Every seeded counsellor's reservation count beside the place items under their agency. */
export async function counsellorLoads(clients: Clients): Promise<CounsellorLoad[]> {
  const perAgency = await inParallel(seededRegistry.agencies, 4, async ({ agencyId }) => {
    const items = await queryAll(clients, keys.agency(agencyId).pk, '');
    const places = items.filter((item) => String(item.sk).startsWith(keys.placePrefix));
    return items
      .filter((item) => String(item.sk).startsWith(keys.counsellorPrefix))
      .map((item) => {
        const counsellorId = String(item.sk).slice(keys.counsellorPrefix.length);
        return {
          agencyId,
          counsellorId,
          reserved: Number(item.reserved ?? 0),
          weeklyCapacity: Number(item.weeklyCapacity ?? 0),
          places: places.filter((p) => String(p.sk).startsWith(`${keys.placePrefix}${counsellorId}#`)).map((p) => String(p.applicationId)),
        };
      });
  });
  return perAgency.flat();
}

/** The outbox items of each application (every notification Dolbom queued for it). */
export async function outboxItems(clients: Clients, applicationIds: readonly string[]): Promise<(StoredNotification & { key: string })[]> {
  const perApplication = await inParallel(applicationIds, 8, (id) => queryAll(clients, keys.application(id).pk, keys.notificationPrefix));
  return perApplication.flat() as unknown as (StoredNotification & { key: string })[];
}

/** Every SMS and e-mail the local cloud sent (its stand-in for SNS and SES). */
export async function mailbox(clients: Clients): Promise<MailboxMessage[]> {
  const { status, body } = await clients.http('GET', '/local/mailbox/messages');
  if (status !== 200) throw new Error(`mailbox: ${status}`);
  return body.messages;
}

/** Every execution of the lifecycle state machine. */
export async function lifecycleExecutions(clients: Clients): Promise<ExecutionListItem[]> {
  const executions: ExecutionListItem[] = [];
  let nextToken: string | undefined;
  do {
    const page = await clients.sfn.send(new ListExecutionsCommand({ stateMachineArn: LIFECYCLE_ARN, maxResults: 1000, nextToken }));
    executions.push(...(page.executions ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return executions;
}

/** Audit actions of one application, in order. */
export async function auditActions(clients: Clients, applicationId: string): Promise<string[]> {
  return (await queryAll(clients, keys.application(applicationId).pk, keys.auditPrefix)).map((event) => String(event.action));
}
