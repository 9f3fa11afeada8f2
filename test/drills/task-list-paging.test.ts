/**
 * Issue 6, item 12: the task queue was silently cut at 100 open tasks per district. Every open task
 * of the caller's districts must be reachable, page after page, soonest due first.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseWork, type Receipt } from '../support/case-work';
import { eventually } from '../support/clients';
import { startDrillCloud, type DrillCloud } from '../support/drill-cloud';

let drill: DrillCloud;
let work: ReturnType<typeof caseWork>;
const jongnoReceipts: Receipt[] = [];
const mapoReceipts: Receipt[] = [];

interface Page {
  tasks: { taskId: string; applicationId: string; district: string; dueAt: string }[];
  next?: string;
}

/** Submits `count` applications, a few at a time, as citizens would. */
async function submitMany(count: number, district: string, into: Receipt[]) {
  for (let i = 0; i < count; i += 8) {
    into.push(...(await Promise.all(Array.from({ length: Math.min(8, count - i) }, () => work.submitYouth(district)))));
  }
}

async function everyPage(token: string, limit?: number): Promise<Page[]> {
  const pages: Page[] = [];
  let cursor: string | undefined;
  do {
    const query = new URLSearchParams({ ...(cursor ? { cursor } : {}), ...(limit ? { limit: String(limit) } : {}) });
    const response = await drill.clients.http('GET', `/api/staff/tasks?${query}`, undefined, work.bearer(token));
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    pages.push(response.body);
    cursor = response.body.next;
    expect(pages.length).toBeLessThan(50);
  } while (cursor);
  return pages;
}

beforeAll(async () => {
  drill = await startDrillCloud('task-list-paging');
  work = caseWork(drill.clients);
  const started = Date.now();
  await submitMany(104, '11110', jongnoReceipts); // 종로구
  await submitMany(2, '11440', mapoReceipts); // 마포구
  console.log(`task-list-paging: ${jongnoReceipts.length + mapoReceipts.length} applications submitted in ${Date.now() - started} ms`);
  // Read straight from the table: the citizen's status page would spend an access-code check per look.
  for (const { applicationId } of [...jongnoReceipts, ...mapoReceipts]) {
    await eventually(async () => {
      const { Item } = await drill.clients.db.send(new GetCommand({ TableName: 'dolbom-dev', Key: { pk: `APP#${applicationId}`, sk: 'APPLICATION' } }));
      return Item?.status === 'awaiting-review' ? true : undefined;
    }, `${applicationId} to await review`, 120_000);
  }
  console.log(`task-list-paging: all awaiting review after ${Date.now() - started} ms`);
});

afterAll(async () => {
  await drill?.dispose();
});

describe('the task queue', () => {
  it('reaches all 104 open tasks of 종로구 through pages, each once, soonest due first', async () => {
    const token = await drill.clients.signIn('caseworker.jongno');
    const pages = await everyPage(token);
    const tasks = pages.flatMap((p) => p.tasks);
    console.log(`task-list-paging: 종로구 queue in ${pages.length} pages of ${pages.map((p) => p.tasks.length).join(', ')}`);

    expect(pages.length).toBeGreaterThan(1);
    expect(tasks).toHaveLength(104);
    expect(new Set(tasks.map((t) => t.taskId)).size).toBe(104);
    expect(new Set(tasks.map((t) => t.applicationId))).toEqual(new Set(jongnoReceipts.map((r) => r.applicationId)));
    expect(tasks.every((t) => t.district === '11110')).toBe(true);
    const due = tasks.map((t) => t.dueAt);
    expect(due).toEqual([...due].sort());
  });

  it('pages across every district a supervisor serves, with the page size asked for', async () => {
    const token = await drill.clients.signIn('supervisor');
    const pages = await everyPage(token, 25);
    const tasks = pages.flatMap((p) => p.tasks);
    expect(pages.slice(0, -1).every((p) => p.tasks.length === 25)).toBe(true);
    expect(tasks).toHaveLength(106);
    expect(new Set(tasks.map((t) => t.applicationId))).toEqual(new Set([...jongnoReceipts, ...mapoReceipts].map((r) => r.applicationId)));
    const due = tasks.map((t) => `${t.dueAt}#${t.taskId}`);
    expect(due).toEqual([...due].sort());
  });

  it('answers a malformed, tampered or foreign cursor with 400, naming the field', async () => {
    const jongno = await drill.clients.signIn('caseworker.jongno');
    const mapo = await drill.clients.signIn('caseworker.mapo');
    const mapoFirst = await drill.clients.http('GET', '/api/staff/tasks?limit=1', undefined, work.bearer(mapo));
    expect(mapoFirst.body.next).toEqual(expect.any(String));
    const forged = (cursor: unknown) => Buffer.from(JSON.stringify(cursor)).toString('base64url');
    const tampered = [
      forged({ after: { '11110': 'open#2026-01-01T00:00:00.000Z#not-a-task' }, done: [] }),
      forged({ after: {}, done: ['99999'] }),
      forged({ after: {}, done: [], scan: true }),
      forged(['11110']),
    ];
    for (const cursor of ['%%%', 'bm90IGpzb24', ...tampered, mapoFirst.body.next, 'x'.repeat(5000)]) {
      const response = await drill.clients.http('GET', `/api/staff/tasks?cursor=${encodeURIComponent(cursor)}`, undefined, work.bearer(jongno));
      expect(response.status, cursor.slice(0, 20)).toBe(400);
      expect(response.body.error.fields[0].field).toBe('cursor');
    }
    for (const limit of ['0', '101', 'ten']) {
      const response = await drill.clients.http('GET', `/api/staff/tasks?limit=${limit}`, undefined, work.bearer(jongno));
      expect(response.status, limit).toBe(400);
    }
  });
});
