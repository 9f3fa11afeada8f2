import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { env } from '../commons/env';
import { keys } from '../applications/keys';

/**
 * The names of an agency's counsellors, by id: one query of the agency's partition reading two
 * attributes, not each counsellor's whole record. A counsellor missing from the registry has no
 * name here; the portal then shows the id.
 */
export async function counsellorNames(agencyId: string): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await dynamo().send(
      new QueryCommand({
        TableName: env.tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ProjectionExpression: 'counsellorId, #name',
        ExpressionAttributeNames: { '#name': 'name' },
        ExpressionAttributeValues: { ':pk': keys.agency(agencyId).pk, ':prefix': keys.counsellorPrefix },
        ExclusiveStartKey: startKey,
      }),
    );
    for (const item of out.Items ?? []) {
      if (typeof item.counsellorId === 'string' && typeof item.name === 'string') names.set(item.counsellorId, item.name);
    }
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return names;
}
