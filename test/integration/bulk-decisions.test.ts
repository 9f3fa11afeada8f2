/**
 * Bulk decisions (issue 9, item 9) against the local cloud: a job of several review tasks, where one
 * was decided by hand first and one is of another district, gives each case its own result; the
 * others are applied exactly once (their workflows move on); the same idempotency key gives the same
 * job; and a case decided again (a retried step) is not applied twice.
 */
import { randomUUID } from 'node:crypto';
import { DescribeExecutionCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../functions/applications/keys';
import { caseWork, type Receipt } from '../support/case-work';
import { local } from '../support/cloud-test';
import { eventually } from '../support/clients';

const work = caseWork(local);
const BULK_MACHINE = 'arn:aws:states:ap-northeast-2:000000000000:stateMachine:dolbom-dev-bulk-decisions';
const NOTE = '보완 서류 모두 확인, 일괄 승인';

let tokens: { jongno: string; mapo: string; supervisor: string };
let cases: { first: Receipt; byHand: Receipt; second: Receipt; mapo: Receipt };
let taskIds: { first: string; byHand: string; second: string; mapo: string };

async function reviewTask(token: string, receipt: Receipt): Promise<string> {
  await work.untilStatus(receipt, 'awaiting-review');
  return (await work.untilOpenTask(token, receipt.applicationId)).taskId;
}

function post(body: unknown, key: string, token = tokens.jongno) {
  return local.http('POST', '/api/staff/bulk-decisions', body, { ...work.bearer(token), 'idempotency-key': key });
}

function untilJobDone(jobId: string, token = tokens.jongno) {
  return eventually(async () => {
    const { status, body } = await local.http('GET', `/api/staff/bulk-decisions/${jobId}`, undefined, work.bearer(token));
    expect(status, JSON.stringify(body)).toBe(200);
    return body.status === 'done' ? body : undefined;
  }, `bulk job ${jobId} to be done`, 60_000);
}

const decidedEvents = async (receipt: Receipt) => (await work.auditTrail(tokens.jongno, receipt.applicationId)).filter((e) => e.action === 'review.decided');

beforeAll(async () => {
  tokens = { jongno: await local.signIn('caseworker.jongno'), mapo: await local.signIn('caseworker.mapo'), supervisor: await local.signIn('supervisor') };
  const [first, byHand, second, mapo] = await Promise.all([work.submitYouth(), work.submitYouth(), work.submitYouth(), work.submitYouth('11440')]);
  cases = { first: first!, byHand: byHand!, second: second!, mapo: mapo! };
  taskIds = {
    first: await reviewTask(tokens.jongno, cases.first),
    byHand: await reviewTask(tokens.jongno, cases.byHand),
    second: await reviewTask(tokens.jongno, cases.second),
    mapo: await reviewTask(tokens.mapo, cases.mapo),
  };
  // Decided by hand first, by the district's supervisor: the job must leave it as it is.
  const byHandDecision = await work.decide(tokens.supervisor, taskIds.byHand, { decision: 'approve', note: '먼저 직접 승인' });
  expect(byHandDecision.status, JSON.stringify(byHandDecision.body)).toBe(202);
}, 180_000);

describe('a bulk decision job', () => {
  let jobId: string;
  let job: any;
  const key = `bulk-${randomUUID()}`;
  const body = () => ({ taskIds: [taskIds.first, taskIds.byHand, taskIds.mapo, taskIds.second], decision: 'approve', note: NOTE });

  it('answers 202 with a job, and the same job for the same idempotency key (a double click)', async () => {
    const [once, twice] = await Promise.all([post(body(), key), post(body(), key)]);
    expect(once.status, JSON.stringify(once.body)).toBe(202);
    expect(twice.status, JSON.stringify(twice.body)).toBe(202);
    expect(twice.body.jobId).toBe(once.body.jobId);
    expect(once.body.total).toBe(4);
    jobId = once.body.jobId;
    const again = await post(body(), key);
    expect(again.body.jobId).toBe(jobId);
    // The same key with another request is not taken for it.
    const other = await post({ ...body(), note: '다른 메모' }, key);
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('idempotency-key-reused');
  });

  it("gives each case its own result: applied, already decided, or refused (another district's, naming nothing)", async () => {
    job = await untilJobDone(jobId);
    expect(job.progress).toEqual({ done: 4, total: 4 });
    const byTask = Object.fromEntries(job.items.map((i: any) => [i.taskId, i]));
    expect(job.items.map((i: any) => i.taskId)).toEqual(body().taskIds);
    expect(byTask[taskIds.first]).toMatchObject({ outcome: 'applied', receiptNumber: cases.first.receiptNumber, applicationId: cases.first.applicationId });
    expect(byTask[taskIds.second]).toMatchObject({ outcome: 'applied', receiptNumber: cases.second.receiptNumber });
    expect(byTask[taskIds.byHand]).toMatchObject({ outcome: 'already-decided', receiptNumber: cases.byHand.receiptNumber, reason: { ko: expect.any(String), en: expect.stringContaining('already decided') } });
    expect(byTask[taskIds.mapo]).toMatchObject({ outcome: 'refused', reason: { en: expect.stringContaining('Not a task of your districts') } });
    expect(byTask[taskIds.mapo].receiptNumber).toBeUndefined();
    expect(byTask[taskIds.mapo].applicationId).toBeUndefined();
    expect(job.counts).toEqual({ applied: 2, alreadyDecided: 1, refused: 1, notDone: 0, pending: 0 });
  });

  it('applies the decision exactly once per case, with the note, as its signed-in author, and the workflows move on', async () => {
    for (const receipt of [cases.first, cases.second]) {
      await work.untilStatus(receipt, ['matching', 'waitlisted', 'matched', 'in-service']);
      const decided = await decidedEvents(receipt);
      expect(decided).toHaveLength(1);
      expect(decided[0]).toMatchObject({ note: NOTE, actor: { kind: 'staff' }, detail: { decision: 'approve', via: 'console' } });
    }
    // The hand decision stands, with its own note.
    const byHand = await decidedEvents(cases.byHand);
    expect(byHand).toHaveLength(1);
    expect(byHand[0]!.note).toBe('먼저 직접 승인');
    // Another district's case is untouched: its task is open, unanswered.
    const mapoFile = await work.caseFile(tokens.mapo, cases.mapo.applicationId);
    const mapoTask = mapoFile.tasks.find((t: { taskId: string }) => t.taskId === taskIds.mapo);
    expect(mapoTask).toMatchObject({ state: 'open' });
    expect(mapoTask.answer).toBeUndefined();
  });

  it('is read by its creator and a supervisor of their districts, and by nobody else', async () => {
    const asSupervisor = await local.http('GET', `/api/staff/bulk-decisions/${jobId}`, undefined, work.bearer(tokens.supervisor));
    expect(asSupervisor.status).toBe(200);
    const asOther = await local.http('GET', `/api/staff/bulk-decisions/${jobId}`, undefined, work.bearer(tokens.mapo));
    expect(asOther.status).toBe(404);
  });

  it('does not apply a case twice when its step runs again after the decision went through', async () => {
    // As if the step died after deciding and before recording: the case is pending again on the job.
    await local.db.send(
      new UpdateCommand({
        TableName: 'dolbom-dev',
        Key: keys.bulkJob(jobId),
        UpdateExpression: 'SET #items.#t.outcome = :pending ADD done :minus',
        ExpressionAttributeNames: { '#items': 'items', '#t': taskIds.first },
        ExpressionAttributeValues: { ':pending': 'pending', ':minus': -1 },
      }),
    );
    const rerun = await local.sfn.send(new StartExecutionCommand({ stateMachineArn: BULK_MACHINE, name: `${jobId}-rerun`, input: JSON.stringify({ jobId, taskIds: [taskIds.first, taskIds.second] }) }));
    await eventually(async () => {
      const out = await local.sfn.send(new DescribeExecutionCommand({ executionArn: rerun.executionArn }));
      return out.status === 'SUCCEEDED' ? out : undefined;
    }, 'the rerun to succeed');
    const { body: after } = await local.http('GET', `/api/staff/bulk-decisions/${jobId}`, undefined, work.bearer(tokens.jongno));
    expect(after.items.find((i: any) => i.taskId === taskIds.first)).toMatchObject({ outcome: 'applied', receiptNumber: cases.first.receiptNumber });
    expect(after.progress).toEqual({ done: 4, total: 4 });
    expect(await decidedEvents(cases.first)).toHaveLength(1);
    expect(await decidedEvents(cases.second)).toHaveLength(1);
  });

  it('refuses a bad request whole, before anything is stored, with each field and its reason', async () => {
    const noNote = await post({ ...body(), note: '' }, `bulk-${randomUUID()}`);
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.fields).toEqual([expect.objectContaining({ field: 'note', message: { ko: expect.any(String), en: 'A bulk decision needs a note: it is kept on every case' } })]);
    const noReason = await post({ ...body(), decision: 'reject' }, `bulk-${randomUUID()}`);
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['rejection.reason']);
    const noKey = await local.http('POST', '/api/staff/bulk-decisions', body(), work.bearer(tokens.jongno));
    expect(noKey.status).toBe(400);
    expect(noKey.body.error.fields[0].field).toBe('Idempotency-Key');
  });
});
