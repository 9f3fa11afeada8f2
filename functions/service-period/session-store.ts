import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { env } from '../commons/env';
import { keys } from '../applications/keys';

/** Sessions recorded as attended in one period (providers record them; see the service-delivery work). */
export async function countAttendedSessions(applicationId: string, period: number): Promise<number> {
  let count = 0;
  let startKey: Record<string, unknown> | undefined;
  do {
    const out = await dynamo().send(
      new QueryCommand({
        TableName: env.tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        FilterExpression: 'attended = :yes',
        ExpressionAttributeValues: { ':pk': keys.application(applicationId).pk, ':prefix': keys.sessionPrefix(period), ':yes': true },
        Select: 'COUNT',
        ExclusiveStartKey: startKey,
      }),
    );
    count += out.Count ?? 0;
    startKey = out.LastEvaluatedKey;
  } while (startKey);
  return count;
}
