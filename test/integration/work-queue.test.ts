/**
 * Issue 9, item 2: the work queue a district team runs on — columns, filters, sort, paging and search,
 * all by Query; a case found by its receipt number with no task open; the supervisor's counts; and an
 * escalated review keeping the case's received date and showing it overdue.
 */
import { randomUUID } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually } from '../support/clients';
import { answerTask, local, submission, submit, untilStatus, type Receipt } from '../support/cloud-test';

const GANGDONG = '11740'; // no other test files applications here: its queue is this test's alone
const JONGNO = '11110';

interface Row {
  taskId: string;
  applicationId: string;
  kind: string;
  district: string;
  programme: string;
  state: string;
  createdAt: string;
  receiptNumber?: string;
  applicantName?: string;
  applicationStatus?: string;
  receivedAt: string;
  slaDueAt: string;
  dueAt: string;
  ageDays: number;
  escalations: number;
  assignee?: string;
  sla?: { state: string; label: { ko: string; en: string } };
}
interface Page {
  tasks: Row[];
  next?: string;
}

const named = (name: string) => ({ applicant: { name, district: GANGDONG } });
const names = [`큐 가${randomUUID().slice(0, 6)}`, `큐나${randomUUID().slice(0, 6)}`, `큐다${randomUUID().slice(0, 6)}`, `큐라${randomUUID().slice(0, 6)}`];
let gangdong: Receipt[];
let jongnoOpen: Receipt;
let jongnoApproved: Receipt;
let supervisor: { authorization: string };
let jongno: { authorization: string };
let mapo: { authorization: string };

async function get(path: string, who: { authorization: string }) {
  return local.http('GET', path, undefined, who);
}

async function queue(query: Record<string, string>, who = supervisor): Promise<Page> {
  const response = await get(`/api/staff/tasks?${new URLSearchParams(query)}`, who);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

async function everyPage(query: Record<string, string>, who = supervisor): Promise<Page[]> {
  const pages: Page[] = [];
  let cursor: string | undefined;
  do {
    pages.push(await queue({ ...query, ...(cursor ? { cursor } : {}) }, who));
    cursor = pages.at(-1)!.next;
    expect(pages.length).toBeLessThan(20);
  } while (cursor);
  return pages;
}

async function openReview(applicationId: string): Promise<Row> {
  return eventually(async () => {
    const { Items } = await local.db.send(
      new QueryCommand({
        TableName: 'dolbom-dev',
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :t)',
        ExpressionAttributeValues: { ':pk': `APP#${applicationId}`, ':t': 'TASK#' },
        ConsistentRead: true,
      }),
    );
    return (Items as Row[] | undefined)?.find((t) => t.kind === 'review' && t.state === 'open');
  }, `an open review of ${applicationId}`);
}

beforeAll(async () => {
  gangdong = [];
  for (const [i, name] of names.entries()) gangdong.push(await submit(submission(i === 3 ? 'parent' : 'youth', named(name))));
  jongnoOpen = await submit(submission('youth'));
  jongnoApproved = await submit(submission('youth', { applicant: { name: '조회 전용 신청인', district: JONGNO } }));
  for (const receipt of [...gangdong, jongnoOpen, jongnoApproved]) await untilStatus(receipt, 'awaiting-review');
  for (const receipt of [...gangdong, jongnoOpen]) await openReview(receipt.applicationId);
  // Decided: the case no longer has an open task, yet a citizen may phone about it.
  await answerTask(jongnoApproved.applicationId, 'CaseManagerReview', { decision: 'approve' });
  await eventually(async () => ((await openReviewOrNone(jongnoApproved.applicationId)) ? undefined : true), 'the approved review to close');
  // A supervisor of 강동구 and 종로구 (supervisors see only the districts they serve).
  supervisor = { authorization: `Bearer ${await local.signIn('supervisor.kim')}` };
  jongno = { authorization: `Bearer ${await local.signIn('caseworker.jongno')}` };
  mapo = { authorization: `Bearer ${await local.signIn('caseworker.mapo')}` };
}, 180_000);

async function openReviewOrNone(applicationId: string) {
  const { Items } = await local.db.send(
    new QueryCommand({
      TableName: 'dolbom-dev',
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :t)',
      ExpressionAttributeValues: { ':pk': `APP#${applicationId}`, ':t': 'TASK#' },
      ConsistentRead: true,
    }),
  );
  return (Items as Row[] | undefined)?.find((t) => t.state === 'open');
}

describe('the work queue', () => {
  it('pages through a district, soonest due first, with the columns a case manager needs', async () => {
    const pages = await everyPage({ district: GANGDONG, limit: '3' });
    const rows = pages.flatMap((p) => p.tasks);
    expect(pages.map((p) => p.tasks.length)).toEqual([3, 1]);
    expect(new Set(rows.map((r) => r.applicationId))).toEqual(new Set(gangdong.map((r) => r.applicationId)));
    expect(rows.map((r) => r.slaDueAt)).toEqual(rows.map((r) => r.slaDueAt).sort());
    const first = rows.find((r) => r.applicationId === gangdong[1]!.applicationId)!;
    expect(first).toMatchObject({
      receiptNumber: gangdong[1]!.receiptNumber,
      applicantName: names[1],
      programme: 'youth',
      applicationStatus: 'awaiting-review',
      kind: 'review',
      ageDays: 0,
      escalations: 0,
      sla: { state: 'on-time' },
    });
  });

  it('filters by programme and kind, and sorts by received date', async () => {
    expect((await queue({ district: GANGDONG, programme: 'parent' })).tasks.map((r) => r.applicationId)).toEqual([gangdong[3]!.applicationId]);
    expect((await queue({ district: GANGDONG, kind: 'risk' })).tasks).toEqual([]);
    const received = (await queue({ district: GANGDONG, sort: 'received' })).tasks;
    // Every case once, oldest received first (the tasks open as each workflow gets there, not in submission order).
    expect(new Set(received.map((r) => r.applicationId))).toEqual(new Set(gangdong.map((r) => r.applicationId)));
    expect(received).toHaveLength(gangdong.length);
    expect(received.map((r) => r.receivedAt)).toEqual(received.map((r) => r.receivedAt).sort());
  });

  it('refuses a cursor with other filters, and a tampered one, with 400', async () => {
    const { next } = await queue({ district: GANGDONG, limit: '2' });
    expect(next).toBeTruthy();
    expect((await get(`/api/staff/tasks?${new URLSearchParams({ district: GANGDONG, limit: '2', cursor: next! })}`, supervisor)).status).toBe(200);
    const otherFilter = await get(`/api/staff/tasks?${new URLSearchParams({ district: GANGDONG, limit: '2', sort: 'received', cursor: next! })}`, supervisor);
    expect(otherFilter.status).toBe(400);
    expect(otherFilter.body.error.fields[0].field).toBe('cursor');
    const tampered = Buffer.from(Buffer.from(next!, 'base64url').toString().replace('"done":[', '"done":["11110",')).toString('base64url');
    expect((await get(`/api/staff/tasks?${new URLSearchParams({ district: GANGDONG, limit: '2', cursor: tampered })}`, supervisor)).status).toBe(400);
  });

  it('keeps a caseworker to their own districts', async () => {
    expect((await get(`/api/staff/tasks?district=${GANGDONG}`, jongno)).status).toBe(403);
    const own = (await everyPage({ limit: '100' }, jongno)).flatMap((p) => p.tasks);
    expect(own.every((r) => r.district === JONGNO)).toBe(true);
    expect(own.map((r) => r.applicationId)).toContain(jongnoOpen.applicationId);
  });

  it('finds a task by receipt number or by the full name, spaces and all, only within the caller’s districts', async () => {
    const byReceipt = await queue({ q: gangdong[2]!.receiptNumber.toLowerCase() });
    expect(byReceipt.tasks.map((r) => r.applicationId)).toEqual([gangdong[2]!.applicationId]);
    expect(byReceipt.next).toBeUndefined();
    // "큐 가…" was typed with a space; searched without it.
    expect((await queue({ q: names[0]!.replace(' ', '') })).tasks.map((r) => r.applicationId)).toEqual([gangdong[0]!.applicationId]);
    expect((await queue({ q: names[1]!.slice(0, 3) })).tasks).toEqual([]); // no partial names
    expect((await queue({ q: gangdong[2]!.receiptNumber }, jongno)).tasks).toEqual([]);
    expect((await queue({ q: names[1]! }, jongno)).tasks).toEqual([]);
  });

  it('shows a claimed task as mine and no longer unassigned', async () => {
    const task = await openReview(jongnoOpen.applicationId);
    const claimed = await local.http('POST', `/api/staff/tasks/${task.taskId}/claim`, {}, jongno);
    expect(claimed.status, JSON.stringify(claimed.body)).toBeLessThan(300);
    const mine = (await everyPage({ mine: 'true' }, jongno)).flatMap((p) => p.tasks);
    expect(mine.map((r) => r.taskId)).toContain(task.taskId);
    expect(mine.every((r) => r.assignee === mine[0]!.assignee)).toBe(true);
    const unassigned = (await everyPage({ unassigned: 'true', limit: '100' }, jongno)).flatMap((p) => p.tasks);
    expect(unassigned.map((r) => r.taskId)).not.toContain(task.taskId);
  });
});

describe('a case looked up by receipt number', () => {
  it('is found with no task open, audited, and refused to another district', async () => {
    const found = await get(`/api/staff/cases?receipt=${jongnoApproved.receiptNumber}`, jongno);
    expect(found.status, JSON.stringify(found.body)).toBe(200);
    expect(found.body.cases).toHaveLength(1);
    expect(found.body.cases[0]).toMatchObject({ applicationId: jongnoApproved.applicationId, applicantName: '조회 전용 신청인', district: JONGNO, openTasks: [] });
    expect(found.body.cases[0].status).not.toBe('awaiting-review');
    const audit = await get(`/api/staff/applications/${jongnoApproved.applicationId}/audit`, jongno);
    expect(JSON.stringify(audit.body)).toContain('application.looked-up-by-staff');

    expect((await get(`/api/staff/cases?receipt=${jongnoApproved.receiptNumber}`, mapo)).status).toBe(403);
    expect((await get('/api/staff/cases?receipt=DB-2026-00000000', jongno)).status).toBe(404);
    expect((await get('/api/staff/cases?receipt=12345', jongno)).status).toBe(400);
    expect((await get('/api/staff/cases', jongno)).status).toBe(400);
  });

  it('is found by the applicant’s full name too, in the caller’s districts only', async () => {
    const found = await get(`/api/staff/cases?${new URLSearchParams({ name: '조회전용신청인' })}`, jongno);
    expect(found.body.cases.map((c: { applicationId: string }) => c.applicationId)).toContain(jongnoApproved.applicationId);
    expect((await get(`/api/staff/cases?${new URLSearchParams({ name: '조회 전용 신청인' })}`, mapo)).body.cases).toEqual([]);
  });
});

describe('the supervisor’s counts', () => {
  it('count open and unassigned tasks per district and kind, for supervisors only', async () => {
    const counts = await get('/api/staff/tasks/counts', supervisor);
    expect(counts.status).toBe(200);
    const district = counts.body.districts.find((d: { district: string }) => d.district === GANGDONG);
    expect(district.byKind.review).toEqual({ open: 4, overdue: 0, unassigned: 4 });
    // Only the districts the supervisor serves (종로구, 마포구, 강동구): never another's.
    expect(counts.body.districts.map((d: { district: string }) => d.district).sort()).toEqual(['11110', '11440', '11740']);
    expect((await get('/api/staff/tasks/counts', jongno)).status).toBe(403);
  });
});

describe('an escalated review', () => {
  it('keeps the case’s received date, shows the escalation and stays overdue', async () => {
    const first = await openReview(gangdong[0]!.applicationId);
    // Past the review's heartbeat (7 days in dev): every Gangdong review escalates and opens afresh.
    await local.advanceClock('+8d');
    const fresh = await eventually(async () => {
      const open = await openReviewOrNone(gangdong[0]!.applicationId);
      return open && open.taskId !== first.taskId ? open : undefined;
    }, 'a fresh review after the escalation', 60_000);
    expect(Date.parse(fresh.dueAt)).toBeGreaterThan(Date.parse(first.dueAt));

    const row = await eventually(async () => (await queue({ district: GANGDONG, overdue: 'true' })).tasks.find((r) => r.taskId === fresh.taskId), 'the fresh task in the overdue queue');
    expect(row).toMatchObject({ receivedAt: first.createdAt, slaDueAt: first.dueAt, escalations: 1, ageDays: 8, sla: { state: 'overdue', label: { ko: '기한 지남' } } });
    expect(row.dueAt).toBe(fresh.dueAt);
    const counts = (await get('/api/staff/tasks/counts', supervisor)).body.districts.find((d: { district: string }) => d.district === GANGDONG);
    expect(counts.byKind.review.overdue).toBeGreaterThanOrEqual(1);
  });
});
