import { BatchGetCommand } from '@aws-sdk/lib-dynamodb';
import { dynamo } from '../commons/clients';
import { env } from '../commons/env';
import type { ApplicationStatus } from './application';
import { applicantNameOf } from './applicant-name';
import { keys } from './keys';

/** The few facts of an application a list of cases shows beside its tasks. */
export interface ApplicationSummary {
  id: string;
  receiptNumber: string;
  district: string;
  programme: string;
  status: ApplicationStatus;
  createdAt: string;
  updatedAt: string;
  period: number;
  applicantName?: string;
}

/**
 * The summaries of a page's applications, read together (BatchGetItem, 100 keys a call) rather than
 * copied onto each task. Why not copied: the status changes without the task, so a copy would go
 * stale; and the name is personal data, so every copy is one more place to keep, erase and not leak.
 * The receipt number could be copied safely, but it comes with the same read for nothing.
 * The name is returned to the caller only: never logged.
 */
export async function applicationSummaries(ids: readonly string[]): Promise<Map<string, ApplicationSummary>> {
  const found = new Map<string, ApplicationSummary>();
  const items = await batchGetApplications(ids, 'id, receiptNumber, district, programme, #status, createdAt, updatedAt, #period, answers.applicant.#name', {
    '#status': 'status',
    '#period': 'period',
    '#name': 'name',
  });
  for (const item of items) {
    const { answers, ...summary } = item as unknown as ApplicationSummary & { answers?: Record<string, unknown> };
    const applicantName = applicantNameOf(answers);
    found.set(summary.id, { ...summary, ...(applicantName ? { applicantName } : {}) });
  }
  return found;
}

/** The receipt numbers of some applications, and nothing else of them (a list that shows no person). */
export async function receiptNumbers(ids: readonly string[]): Promise<Map<string, string>> {
  const items = await batchGetApplications(ids, 'id, receiptNumber', {});
  return new Map(items.map((item) => [String(item.id), String(item.receiptNumber)]));
}

async function batchGetApplications(ids: readonly string[], projection: string, names: Record<string, string>): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 100) {
    let request: Record<string, { Keys: Record<string, unknown>[]; ProjectionExpression: string; ExpressionAttributeNames?: Record<string, string> }> | undefined = {
      [env.tableName()]: {
        Keys: unique.slice(i, i + 100).map((id) => keys.application(id)),
        ProjectionExpression: projection,
        ...(Object.keys(names).length ? { ExpressionAttributeNames: names } : {}),
      },
    };
    for (let attempt = 0; request && Object.keys(request).length; attempt++) {
      if (attempt > 8) throw new Error('BatchGetItem left keys unprocessed after 8 retries');
      if (attempt) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** Math.min(attempt, 6)));
      const out = await dynamo().send(new BatchGetCommand({ RequestItems: request }));
      items.push(...(out.Responses?.[env.tableName()] ?? []));
      request = out.UnprocessedKeys as typeof request;
    }
  }
  return items;
}
