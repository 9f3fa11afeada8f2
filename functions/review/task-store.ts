import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { closeOpenItemWrite, updateWhileOpen } from '../applications/open-items';
import { env } from '../commons/env';
import { keys } from '../applications/keys';
import type { TransactItem } from '../applications/store';
import { applicationIdOfTask, type HumanTask, type TaskAnswer, type TaskKind, type TaskState } from './task';

/** A task's place in its district's queue (GSI1 sort key): by state, then soonest due, then id. */
export function queueKey(task: Pick<HumanTask, 'state' | 'dueAt' | 'taskId'>) {
  return `${task.state}#${task.dueAt}#${task.taskId}`;
}

const OPEN_QUEUE_KEY = /^open#(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)#([^#]+)$/;

/** The task id of an open task's queue key, or undefined when the text is not one. */
export function taskIdOfOpenQueueKey(key: string): string | undefined {
  const taskId = OPEN_QUEUE_KEY.exec(key)?.[2];
  return taskId && applicationIdOfTask(taskId) ? taskId : undefined;
}

function strip(item: Record<string, unknown>): HumanTask {
  const { pk: _pk, sk: _sk, entity: _e, gsi1pk: _g, gsi1sk: _gs, ...task } = item;
  return task as unknown as HumanTask;
}

export function taskPut(task: HumanTask): TransactItem {
  return {
    Put: {
      TableName: env.tableName(),
      Item: {
        ...keys.task(task.applicationId, task.taskId),
        entity: 'Task',
        gsi1pk: keys.districtTasks(task.district),
        gsi1sk: queueKey(task),
        ...task,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

export async function getTask(applicationId: string, taskId: string): Promise<HumanTask | undefined> {
  const out = await dynamo().send(new GetCommand({ TableName: env.tableName(), Key: keys.task(applicationId, taskId), ConsistentRead: true }));
  return out.Item ? strip(out.Item) : undefined;
}

export async function tasksOfApplication(applicationId: string): Promise<HumanTask[]> {
  const out = await dynamo().send(
    new QueryCommand({
      TableName: env.tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': keys.application(applicationId).pk, ':prefix': keys.taskPrefix },
      // A task closed a moment ago (an escalation, a decision) must be seen closed by the next step.
      ConsistentRead: true,
    }),
  );
  return (out.Items ?? []).map(strip);
}

/**
 * Up to `limit` open tasks of a district, soonest due first, after the queue key `after` (from the
 * start when absent); `more` says the district may hold further open tasks.
 */
export async function openTasksOfDistrict(district: string, after: string | undefined, limit: number): Promise<{ tasks: HumanTask[]; more: boolean }> {
  const afterTaskId = after === undefined ? undefined : taskIdOfOpenQueueKey(after);
  if (after !== undefined && !afterTaskId) throw new RangeError('not an open task queue key');
  const gsi1pk = keys.districtTasks(district);
  const out = await dynamo().send(
    new QueryCommand({
      TableName: env.tableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :open)',
      ExpressionAttributeValues: { ':pk': gsi1pk, ':open': 'open#' },
      ExclusiveStartKey: afterTaskId ? { ...keys.task(applicationIdOfTask(afterTaskId)!, afterTaskId), gsi1pk, gsi1sk: after } : undefined,
      Limit: limit,
    }),
  );
  return { tasks: (out.Items ?? []).map(strip), more: out.LastEvaluatedKey !== undefined };
}

/**
 * Writes the console's answer on a task that is still open and not yet answered: of two people
 * deciding at once, one wins. False when the task was closed or answered first.
 */
export function recordAnswer(task: HumanTask, answer: TaskAnswer): Promise<boolean> {
  return updateWhileOpen(keys.task(task.applicationId, task.taskId), 'SET answer = :answer', { ':answer': answer }, ' AND attribute_not_exists(answer)');
}

/** Assigns an open task and moves its due date (and its place in the queue); false if it closed meanwhile. */
export function claimOpenTask(task: HumanTask, assignee: string, claimedAt: string, dueAt: string): Promise<boolean> {
  return updateWhileOpen(keys.task(task.applicationId, task.taskId), 'SET assignee = :me, claimedAt = :at, dueAt = :due, gsi1sk = :queue', {
    ':me': assignee,
    ':at': claimedAt,
    ':due': dueAt,
    ':queue': queueKey({ ...task, dueAt }),
  });
}

export async function openTasksOfKind(applicationId: string, kind: TaskKind, period: number): Promise<HumanTask[]> {
  return (await tasksOfApplication(applicationId)).filter((t) => t.state === 'open' && t.kind === kind && t.period === period);
}

/** The conditional "close this open task" write, for a transaction with the decision it records. */
export function closeTaskWrite(task: HumanTask, state: Exclude<TaskState, 'open'>, fields: Partial<HumanTask> = {}): TransactItem {
  return closeOpenItemWrite(keys.task(task.applicationId, task.taskId), { ...fields, state, gsi1sk: queueKey({ ...task, state }) });
}
