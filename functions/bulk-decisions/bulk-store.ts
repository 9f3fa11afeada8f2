import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { env } from '../commons/env';
import { isConditionFailure } from '../commons/dynamo-errors';
import { keys } from '../applications/keys';
import type { BulkItem, BulkJob } from './bulk-job';

/**
 * A job is one item: at 100 cases of a few hundred bytes each it stays far below DynamoDB's 400 KB,
 * and a reader gets the whole progress in one GetItem. It is a progress record only — every decision
 * is on its case's task and audit trail — so it expires after a month.
 */
const JOB_KEPT_DAYS = 30;

function strip(item: Record<string, unknown>): BulkJob {
  const { pk: _pk, sk: _sk, entity: _e, expiresAt: _x, ...job } = item;
  return job as unknown as BulkJob;
}

/** Stores a new job; false when a job of that id (the same person's same idempotency key) exists. */
export async function putNewJob(job: BulkJob): Promise<boolean> {
  try {
    await dynamo().send(
      new PutCommand({
        TableName: env.tableName(),
        Item: { ...keys.bulkJob(job.jobId), entity: 'BulkJob', expiresAt: Math.floor(Date.parse(job.createdAt) / 1000) + JOB_KEPT_DAYS * 86_400, ...job },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export async function getJob(jobId: string): Promise<BulkJob | undefined> {
  const out = await dynamo().send(new GetCommand({ TableName: env.tableName(), Key: keys.bulkJob(jobId), ConsistentRead: true }));
  return out.Item ? strip(out.Item) : undefined;
}

/**
 * Records one case's result while it is still pending, and counts it: a retried step (or two runs of
 * one case) records and counts it once. False when it already had a result.
 */
export async function recordResult(jobId: string, result: BulkItem): Promise<boolean> {
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: env.tableName(),
        Key: keys.bulkJob(jobId),
        UpdateExpression: 'SET #items.#task = :result ADD done :one',
        ConditionExpression: '#items.#task.outcome = :pending',
        ExpressionAttributeNames: { '#items': 'items', '#task': result.taskId },
        ExpressionAttributeValues: { ':result': result, ':one': 1, ':pending': 'pending' },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

/** Ends a running job: each case still pending gets `givenUp` as its result. False if it had ended already. */
export async function finishJob(jobId: string, leftovers: readonly BulkItem[], at: string): Promise<boolean> {
  const names = Object.fromEntries(leftovers.map((item, i) => [`#t${i}`, item.taskId]));
  const values = Object.fromEntries(leftovers.map((item, i) => [`:r${i}`, item]));
  const sets = leftovers.map((_, i) => `#items.#t${i} = :r${i}`);
  try {
    await dynamo().send(
      new UpdateCommand({
        TableName: env.tableName(),
        Key: keys.bulkJob(jobId),
        UpdateExpression: `SET ${['#status = :done', 'finishedAt = :at', ...sets].join(', ')} ADD done :n`,
        ConditionExpression: '#status = :running',
        ExpressionAttributeNames: { '#status': 'status', ...(leftovers.length ? { '#items': 'items', ...names } : {}) },
        ExpressionAttributeValues: { ':done': 'done', ':running': 'running', ':at': at, ':n': leftovers.length, ...values },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}
