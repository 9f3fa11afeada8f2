import type { QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { keys } from '../applications/keys';
import { ascending, type QueueFilter } from './queue-filter';
import { applicationIdOfTask } from './task';

/** The two orders of a district's tasks (functions/applications/keys.ts): the index and its key names. */
const indexOf = {
  due: { name: 'gsi1', pk: 'gsi1pk', sk: 'gsi1sk' },
  received: { name: 'gsi2', pk: 'gsi2pk', sk: 'gsi2sk' },
} as const;

const ORDER_KEY = /^(open|decided|expired|cancelled)#(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)#([^#]+)$/;

/** The task id in an order key of this state, or undefined when the text is not one. */
export function taskIdOfOrderKey(key: string, state: string): string | undefined {
  const match = ORDER_KEY.exec(key);
  return match && match[1] === state && applicationIdOfTask(match[3]!) ? match[3] : undefined;
}

/**
 * The Query of one district's tasks for a filter, continuing after the order key `after`. The district
 * and the task state are the key condition (so is "overdue" in due order: the range up to now); the
 * programme, the kind and the assignee filter what the Query reads. That filter reads tasks it drops,
 * which is cheap because one district's open tasks are a bounded set, and avoids an index per
 * combination of filters. Only ever a Query: see test/unit/review/queue-query.test.ts.
 */
export function queueQuery(table: string, district: string, filter: QueueFilter, after: string | undefined, limit: number, now: Date, userId: string): QueryCommandInput {
  const index = indexOf[filter.sort];
  const names: Record<string, string> = { '#pk': index.pk, '#sk': index.sk };
  const values: Record<string, unknown> = { ':pk': keys.districtTasks(district) };
  let keyCondition: string;
  const conditions: string[] = [];

  if (filter.overdue && filter.sort === 'due') {
    keyCondition = '#pk = :pk AND #sk BETWEEN :from AND :to';
    Object.assign(values, { ':from': 'open#', ':to': `open#${now.toISOString()}` });
  } else {
    keyCondition = '#pk = :pk AND begins_with(#sk, :state)';
    values[':state'] = `${filter.state}#`;
    if (filter.overdue) {
      // In received order the due date is no key: the same test the due-order key range makes.
      names['#firstDue'] = 'firstDueAt';
      names['#due'] = 'dueAt';
      values[':now'] = now.toISOString();
      conditions.push('((attribute_exists(#firstDue) AND #firstDue < :now) OR (attribute_not_exists(#firstDue) AND #due < :now))');
    }
  }
  if (filter.programme) {
    names['#programme'] = 'programme';
    values[':programme'] = filter.programme;
    conditions.push('#programme = :programme');
  }
  if (filter.kind) {
    names['#kind'] = 'kind';
    values[':kind'] = filter.kind;
    conditions.push('#kind = :kind');
  }
  if (filter.mine || filter.unassigned) names['#assignee'] = 'assignee';
  if (filter.mine) {
    values[':me'] = userId;
    conditions.push('#assignee = :me');
  }
  if (filter.unassigned) conditions.push('attribute_not_exists(#assignee)');

  const afterTaskId = after === undefined ? undefined : taskIdOfOrderKey(after, filter.state);
  if (after !== undefined && !afterTaskId) throw new RangeError('not an order key of this listing');
  return {
    TableName: table,
    IndexName: index.name,
    KeyConditionExpression: keyCondition,
    ...(conditions.length ? { FilterExpression: conditions.join(' AND ') } : {}),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
    ScanIndexForward: ascending(filter),
    Limit: limit,
    ...(afterTaskId
      ? { ExclusiveStartKey: { ...keys.task(applicationIdOfTask(afterTaskId)!, afterTaskId), [index.pk]: keys.districtTasks(district), [index.sk]: after } }
      : {}),
  };
}
