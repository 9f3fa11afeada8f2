import { GetCommand, QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { closeOpenItemWrite, updateWhileOpen } from '../applications/open-items';
import { env } from '../commons/env';
import { keys } from '../applications/keys';
import type { TransactItem } from '../applications/store';
import { slaDueAt, receivedAt } from './queue-sla';
import { type HumanTask, type TaskAnswer, type TaskKind, type TaskState } from './task';

/**
 * A task's place in its district's queue (GSI1 sort key): by state, then the due date its case is
 * measured against (an escalated case keeps the one it missed, review/queue-sla.ts), then id.
 */
export function queueKey(task: Pick<HumanTask, 'state' | 'dueAt' | 'firstDueAt' | 'taskId'>) {
  return `${task.state}#${slaDueAt(task)}#${task.taskId}`;
}

/** A task's place in its district's tasks by received date (GSI2 sort key). */
export function receivedKey(task: Pick<HumanTask, 'state' | 'createdAt' | 'firstOpenedAt' | 'taskId'>) {
  return `${task.state}#${receivedAt(task)}#${task.taskId}`;
}

function strip(item: Record<string, unknown>): HumanTask {
  const { pk: _pk, sk: _sk, entity: _e, gsi1pk: _g, gsi1sk: _gs, gsi2pk: _g2, gsi2sk: _g2s, ...task } = item;
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
        gsi2pk: keys.districtTasks(task.district),
        gsi2sk: receivedKey(task),
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
 * Up to `limit` tasks of one district's Query (review/queue-query.ts), after its filter: read on until
 * `limit` passed the filter or the partition ends. `more` says the district may hold further matches.
 */
export async function readQueue(query: QueryCommandInput, limit: number): Promise<{ tasks: HumanTask[]; more: boolean }> {
  const items: Record<string, unknown>[] = [];
  let start = query.ExclusiveStartKey;
  do {
    const out = await dynamo().send(new QueryCommand({ ...query, ExclusiveStartKey: start }));
    items.push(...(out.Items ?? []));
    start = out.LastEvaluatedKey;
  } while (start && items.length < limit);
  return { tasks: items.slice(0, limit).map(strip), more: items.length > limit || start !== undefined };
}

/** What the supervisor's counts read of a district's open tasks: kind, assignee and place in the queue. */
export async function openTaskHeads(district: string): Promise<{ kind: TaskKind; assignee?: string; queueKey: string }[]> {
  const heads: { kind: TaskKind; assignee?: string; queueKey: string }[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const out = await dynamo().send(
      new QueryCommand({
        TableName: env.tableName(),
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :open)',
        ExpressionAttributeValues: { ':pk': keys.districtTasks(district), ':open': 'open#' },
        ProjectionExpression: 'kind, assignee, gsi1sk',
        ExclusiveStartKey: start,
      }),
    );
    for (const item of out.Items ?? []) heads.push({ kind: item.kind as TaskKind, ...(item.assignee ? { assignee: String(item.assignee) } : {}), queueKey: String(item.gsi1sk) });
    start = out.LastEvaluatedKey;
  } while (start);
  return heads;
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
  return closeOpenItemWrite(keys.task(task.applicationId, task.taskId), { ...fields, state, gsi1sk: queueKey({ ...task, state }), gsi2sk: receivedKey({ ...task, state }) });
}
