import { SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, sfn } from '../commons/clients';
import { env } from '../commons/env';
import { keys } from '../applications/keys';
import { isSpentToken } from '../review/staff-task';

/**
 * The workflow waits on a service period with a task token (`AwaitServicePeriod`), kept in an item of
 * its own — never on the application, which staff and the citizen see. Whoever completes the plan
 * answers it; a token already spent (the wait timed out and the workflow looked for itself) is fine.
 */
export async function keepPeriodWait(applicationId: string, period: number, taskToken: string, at: string): Promise<void> {
  await dynamo().send(
    new PutCommand({ TableName: env.tableName(), Item: { ...keys.periodWait(applicationId, period), entity: 'PeriodWait', taskToken, at } }),
  );
}

export async function endPeriodWait(applicationId: string, period: number, taskToken?: string): Promise<void> {
  const token =
    taskToken ??
    ((await dynamo().send(new GetCommand({ TableName: env.tableName(), Key: keys.periodWait(applicationId, period), ConsistentRead: true }))).Item?.taskToken as
      | string
      | undefined);
  if (!token) return;
  try {
    await sfn().send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ planComplete: true }) }));
  } catch (error) {
    if (!isSpentToken(error)) throw error;
  }
}
