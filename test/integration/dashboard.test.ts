/**
 * Issue 9, item 8: the dashboard. Applications in two districts (강남구, 송파구: no other test files
 * any there) move through statuses; the figures of a supervisor of 강남구 count only 강남구, an
 * operator sees both; overdue reviews show as SLA breaches once the clock passes their due date; a
 * session recorded this month counts; and stream records delivered again change no count.
 * Figures are compared with those read before the test, so what earlier files left does not matter.
 */
import { QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DashboardFigures } from '../../functions/dashboard/figures';
import { eventually } from '../support/clients';
import { approveAndAccept, cloud, local, submission, submit, untilStatus, type Receipt } from '../support/cloud-test';

const TABLE = 'dolbom-dev';
const GANGNAM = '11680';
const SONGPA = '11710';

// The projection also runs in this process, on the cloud's own table: a second delivery of a record.
Object.assign(process.env, {
  TABLE_NAME: TABLE,
  AWS_REGION: 'ap-northeast-2',
  AWS_ACCESS_KEY_ID: 'local',
  AWS_SECRET_ACCESS_KEY: 'local',
  AWS_ENDPOINT_URL_DYNAMODB: cloud.dynamodb,
  DOLBOM_LOG: 'silent',
});
const { handler: projectCounts } = await import('../../functions/dashboard/project-counts');

let supervisor: { authorization: string };
let operator: { authorization: string };
let before: { gangnam: DashboardFigures; songpa: DashboardFigures };
let served: Receipt;
/** The receipts left in review, with their district. */
let reviewing: (Receipt & { district: string })[] = [];

async function dashboard(who: { authorization: string }, district?: string): Promise<DashboardFigures> {
  const response = await local.http('GET', `/api/staff/dashboard${district ? `?district=${district}` : ''}`, undefined, who);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return response.body;
}

const cell = (f: DashboardFigures, status: string, programme: 'youth' | 'parent') => f.applications.byStatus.find((r) => r.status === status)!.byProgramme[programme];
/** What changed since `before`, in the figures the test moves. */
function delta(now: DashboardFigures, then: DashboardFigures) {
  return {
    total: now.applications.total - then.applications.total,
    reviewYouth: cell(now, 'awaiting-review', 'youth') - cell(then, 'awaiting-review', 'youth'),
    reviewParent: cell(now, 'awaiting-review', 'parent') - cell(then, 'awaiting-review', 'parent'),
    inServiceYouth: cell(now, 'in-service', 'youth') - cell(then, 'in-service', 'youth'),
    overdue: now.overdue.total - then.overdue.total,
  };
}

/** The receipt numbers of a district's open tasks past their due date, as the work queue lists them. */
async function overdueReceipts(who: { authorization: string }, district: string): Promise<string[]> {
  const response = await local.http('GET', `/api/staff/tasks?district=${district}&overdue=true&limit=100`, undefined, who);
  expect(response.status, JSON.stringify(response.body)).toBe(200);
  return (response.body.tasks as { receiptNumber: string }[]).map((t) => t.receiptNumber);
}

/** Waits until the stream's projection has caught up with what the test expects. */
function until(read: () => Promise<DashboardFigures>, then: DashboardFigures, expected: Partial<ReturnType<typeof delta>>) {
  return eventually(async () => {
    const figures = await read();
    const d = delta(figures, then);
    return Object.entries(expected).every(([k, v]) => d[k as keyof typeof d] === v) ? figures : undefined;
  }, `the dashboard to show ${JSON.stringify(expected)}`);
}

beforeAll(async () => {
  supervisor = { authorization: `Bearer ${await local.signIn('supervisor.gangnam')}` };
  operator = { authorization: `Bearer ${await local.signIn('operator')}` };
  before = { gangnam: await dashboard(supervisor), songpa: await dashboard(operator, SONGPA) };
  const inGangnam = (programme: 'youth' | 'parent') => submission(programme, { applicant: { district: GANGNAM } });
  const inSongpa = () => submission('youth', { applicant: { district: SONGPA } });
  const receipts = [await submit(inGangnam('youth')), await submit(inGangnam('youth')), await submit(inGangnam('parent')), await submit(inSongpa()), await submit(inSongpa())];
  for (const receipt of receipts) await untilStatus(receipt, 'awaiting-review');
  served = receipts[0]!;
  reviewing = receipts.slice(1).map((r, i) => ({ ...r, district: i < 2 ? GANGNAM : SONGPA }));
  await approveAndAccept(served);
}, 180_000);

describe('the dashboard', () => {
  it("shows a supervisor their own district's applications by status and programme, and none of another district", async () => {
    const gangnam = await until(() => dashboard(supervisor), before.gangnam, { total: 3, reviewYouth: 1, reviewParent: 1, inServiceYouth: 1 });
    expect(gangnam.districts).toEqual([GANGNAM]);
    expect((await local.http('GET', `/api/staff/dashboard?district=${SONGPA}`, undefined, supervisor)).status).toBe(403);
    expect((await local.http('GET', '/api/staff/dashboard?district=99999', undefined, supervisor)).status).toBe(400);
  });

  it('shows an operator every district, and either district on its own', async () => {
    const all = await dashboard(operator);
    expect(all.districts).toHaveLength(25);
    await until(() => dashboard(operator, SONGPA), before.songpa, { total: 2, reviewYouth: 2, inServiceYouth: 0 });
    await until(() => dashboard(operator, GANGNAM), before.gangnam, { total: 3, inServiceYouth: 1 });
  });

  it('counts open reviews past their due date as SLA breaches once the clock passes it', async () => {
    await local.advanceClock('8d');
    // The same jump may take other files' tasks in these districts past their due date too, so the
    // figure is checked against the work queue's own overdue list (the same index, the same clock):
    // equal to it, and holding this file's two open reviews.
    const ours = reviewing.filter((r) => r.district === GANGNAM).map((r) => r.receiptNumber);
    const gangnam = await eventually(async () => {
      const figures = await dashboard(supervisor);
      const listed = await overdueReceipts(supervisor, GANGNAM);
      return figures.overdue.total === listed.length && ours.every((r) => listed.includes(r)) ? figures : undefined;
    }, 'the dashboard to count the overdue tasks the work queue lists, ours among them');
    const reviews = (f: DashboardFigures) => f.overdue.byKind.find((k) => k.kind === 'review')!.count;
    expect(ours).toHaveLength(2);
    expect(reviews(gangnam) - reviews(before.gangnam)).toBeGreaterThanOrEqual(2);
    await eventually(async () => {
      const songpa = await dashboard(operator, SONGPA);
      return delta(songpa, before.songpa).overdue >= 2 ? songpa : undefined;
    }, "the operator's dashboard to count Songpa's two overdue reviews");
  });

  it("counts a session recorded this month (Seoul time, by the cloud's clock)", async () => {
    const then = await dashboard(supervisor);
    const { Items } = await local.db.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :s)',
        ExpressionAttributeValues: { ':pk': `APP#${served.applicationId}`, ':s': 'SESSION#' },
      }),
    );
    // The agency's record of the first planned session, as the provider portal writes it (record-session.ts).
    await local.db.send(
      new UpdateCommand({
        TableName: TABLE,
        Key: { pk: Items![0]!.pk, sk: Items![0]!.sk },
        UpdateExpression: 'SET #record = :record',
        ExpressionAttributeNames: { '#record': 'record' },
        ExpressionAttributeValues: { ':record': { outcome: 'held', on: `${then.month}-01`, durationMinutes: 50, recordedAt: then.at } },
      }),
    );
    const now = await eventually(async () => {
      const f = await dashboard(supervisor);
      return f.sessions.recorded === then.sessions.recorded + 1 ? f : undefined;
    }, 'the session to be counted');
    expect(now.sessions.byOutcome.find((o) => o.outcome === 'held')!.count).toBe(then.sessions.byOutcome.find((o) => o.outcome === 'held')!.count + 1);
    expect(now.sessions.heldByMonth.at(-1)).toEqual({ month: then.month, held: then.sessions.heldByMonth.at(-1)!.held + 1 });
  });

  it('changes no count when the stream delivers the same records again', async () => {
    const then = await dashboard(supervisor);
    const { Items } = await local.db.send(
      new QueryCommand({ TableName: TABLE, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': `APP#${served.applicationId}` }, ProjectionExpression: 'pk, sk' }),
    );
    const counted = Items!.filter((i) => i.sk === 'APPLICATION' || String(i.sk).startsWith('SESSION#'));
    const records = counted.flatMap((item, i) =>
      ['INSERT', 'MODIFY'].map((eventName, j) => ({ eventName, dynamodb: { SequenceNumber: `${i}${j}`, Keys: { pk: { S: item.pk }, sk: { S: item.sk } } } })),
    );
    for (let delivery = 0; delivery < 2; delivery++) expect(await projectCounts({ Records: records })).toEqual({ batchItemFailures: [] });
    const now = await dashboard(supervisor);
    // The counted figures (overdue tasks and the waiting list are read live, and move with the workflow).
    expect({ applications: now.applications, sessions: now.sessions }).toEqual({ applications: then.applications, sessions: then.sessions });
    expect(now.applications.total).toBeGreaterThanOrEqual(3);
  });
});
