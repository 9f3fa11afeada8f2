import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** Ids of every application stored in a local cloud's table: what a drill counts to prove nothing was lost or doubled. */
export async function storedApplicationIds(db: DynamoDBDocumentClient, tableName = 'dolbom-dev'): Promise<string[]> {
  const ids: string[] = [];
  let ExclusiveStartKey: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({
        TableName: tableName,
        FilterExpression: 'sk = :application',
        ExpressionAttributeValues: { ':application': 'APPLICATION' },
        ProjectionExpression: 'pk',
        ConsistentRead: true,
        ExclusiveStartKey,
      }),
    );
    for (const item of page.Items ?? []) ids.push(String(item.pk).replace(/^APP#/, ''));
    ExclusiveStartKey = page.LastEvaluatedKey;
  } while (ExclusiveStartKey);
  return ids;
}
