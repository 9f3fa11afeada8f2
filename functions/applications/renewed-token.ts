import { SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo, sfn } from '../commons/clients';
import { isConditionFailure } from '../commons/dynamo-errors';
import { env } from '../commons/env';
import { isSpentToken } from '../review/staff-task';

/**
 * A callback state's step (OpenHumanTask, OpenProviderOffer, AwaitSupplement) that Step Functions runs again after an
 * attempt failed — its answer lost after it wrote the task, a timeout, a Lambda fault — comes with a
 * new task token: the failed attempt's token is dead, and a task or offer holding it could never be
 * answered. So a retried step does not open a second one: the item the first attempt opened is the
 * visit's, and it takes the new token (one task, one offer, one `…opened` audit event, the same id
 * in the console and the portal). An answer someone stored on it meanwhile, sent with the dead token,
 * is passed on with the new one; the answering routes do the same when they find the token renewed
 * after theirs was refused (`sendAnswer`), so whichever comes second delivers it.
 */
type Key = { pk: string; sk: string };

export interface CallbackItem {
  taskToken: string;
  answer?: { id?: string; decision: string };
}

/** What the token's output says of a stored answer: the decision and the answer's id, nothing else. */
const outputOf = (answer: { id?: string; decision: string }) => JSON.stringify({ decision: answer.decision, answerId: answer.id });

/**
 * Gives the still-open item the token Step Functions now waits on; true when it did (and any answer
 * it held is passed on), false when it is no longer open or holds another token (closed meanwhile).
 */
export async function renewToken(key: Key, item: CallbackItem, taskToken: string): Promise<boolean> {
  let renewed: CallbackItem;
  try {
    const out = await dynamo().send(
      new UpdateCommand({
        TableName: env.tableName(),
        Key: key,
        UpdateExpression: 'SET taskToken = :new',
        ConditionExpression: '#state = :open AND taskToken IN (:old, :new)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':open': 'open', ':old': item.taskToken, ':new': taskToken },
        // The answer as it stands at the renewal: one stored before is passed on here, one after by its route.
        ReturnValues: 'ALL_NEW',
      }),
    );
    renewed = out.Attributes as CallbackItem;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
  if (renewed.answer?.id) await sendAnswer(taskToken, renewed.answer);
  return true;
}

/** Answers the token with a stored answer; a token already answered with it (or dead) is no error here. */
export function sendAnswer(taskToken: string, answer: { id?: string; decision: string }): Promise<'sent' | 'spent'> {
  return sendOutput(taskToken, outputOf(answer));
}

/** SendTaskSuccess with `output`; 'spent' when the token was answered already, or died with its attempt. */
export async function sendOutput(taskToken: string, output: string): Promise<'sent' | 'spent'> {
  try {
    await sfn().send(new SendTaskSuccessCommand({ taskToken, output }));
    return 'sent';
  } catch (error) {
    if (!isSpentToken(error)) throw error;
    return 'spent';
  }
}
