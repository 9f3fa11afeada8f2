import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { caseWork } from '../support/case-work';
import { eventually } from '../support/clients';
import { answerTask, approveAndAccept, local, statusOf, submission, submit, untilServiceWaits, untilExecutionStatus, untilStatus, type Receipt } from '../support/cloud-test';

const TABLE = 'dolbom-dev';
const work = caseWork(local);

async function stored(applicationId: string) {
  return (await local.db.send(new GetCommand({ TableName: TABLE, Key: { pk: `APP#${applicationId}`, sk: 'APPLICATION' } }))).Item!;
}

async function counsellorItem(agencyId: string, counsellorId: string) {
  return (await local.db.send(new GetCommand({ TableName: TABLE, Key: { pk: `AGENCY#${agencyId}`, sk: `COUNSELLOR#${counsellorId}` } }))).Item;
}

/** The local clock's Seoul day. */
async function today(): Promise<string> {
  const { body } = await local.http('GET', '/local/clock');
  return new Date(Date.parse(body.now) + 9 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** The youth period runs out (3 months) and the re-assessment task opens; returns the open task. */
async function untilReassessment(receipt: Receipt, token: string, execution: string) {
  await untilServiceWaits(execution);
  await local.advanceClock('+92d');
  await untilStatus(receipt, 'reassessment');
  return work.untilOpenTask(token, receipt.applicationId, 'reassessment');
}

describe('re-assessment on evidence', () => {
  it('shows the case manager the plan, attendance and pre/post change; another district is refused; extending keeps the counsellor', async () => {
    const receipt = await submit(submission('youth'));
    await approveAndAccept(receipt);
    const { providerId, counsellorId } = await stored(receipt.applicationId);
    const provider = { authorization: `Bearer ${await local.signIn('provider.maeum')}` };
    const sessionsPath = `/api/provider/applications/${receipt.applicationId}/sessions`;
    const plan = (await local.http('GET', sessionsPath, undefined, provider)).body.sessions as { sessionId: string; plannedMinutes: number }[];
    const on = await today();
    const record = async (i: number, body: Record<string, unknown>) => {
      const recorded = await local.http('PUT', `${sessionsPath}/${plan[i]!.sessionId}`, { on, ...body }, provider);
      expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    };
    // Pre-test PHQ-9 16 (moderately severe, item 9 at 0: no risk task), GAD-7 11; post-test PHQ-9 6, GAD-7 3.
    await record(0, { outcome: 'held', durationMinutes: 90, screening: { phq9: [2, 2, 2, 2, 2, 2, 2, 2, 0], gad7: [2, 2, 2, 2, 2, 1, 0] } });
    await record(1, { outcome: 'no-show' });
    await record(2, { outcome: 'cancelled', cancelledBy: 'applicant' });
    for (let i = 3; i < 9; i++) await record(i, { outcome: 'held', durationMinutes: 50 });
    await record(9, { outcome: 'held', durationMinutes: 50, screening: { phq9: [1, 1, 1, 1, 1, 1, 0, 0, 0], gad7: [1, 1, 1, 0, 0, 0, 0] } });

    const jongno = await local.signIn('caseworker.jongno');
    const task = await untilReassessment(receipt, jongno, receipt.applicationId);
    const evidencePath = `/api/staff/applications/${receipt.applicationId}/evidence`;
    const evidence = await local.http('GET', evidencePath, undefined, work.bearer(jongno));
    expect(evidence.status, JSON.stringify(evidence.body)).toBe(200);
    expect(evidence.body.plan).toMatchObject({ programme: 'youth', period: 1, maxPeriods: 4, sessionsPlanned: 10 });
    expect(evidence.body.attendance).toEqual({
      period: 1,
      planned: 10,
      held: 8,
      noShow: 1,
      cancelledByApplicant: 1,
      cancelledByProvider: 0,
      rescheduled: 0,
      notRecorded: 0,
      rate: 0.8,
    });
    expect(evidence.body.tests.changes.map((c: { summary: { ko: string } }) => c.summary.ko)).toEqual([
      'PHQ-9 16 → 6, 중등도-고도 → 경도, 개선',
      'GAD-7 11 → 3, 중등도 → 최소, 개선',
    ]);
    expect(evidence.body.extension).toEqual({ allowed: true, nextPeriod: 2, monthsAfter: 6 });

    // Another district's caseworker, and an agency, may not read it; the read is in the audit trail.
    expect((await local.http('GET', evidencePath, undefined, work.bearer(await local.signIn('caseworker.mapo')))).status).toBe(403);
    expect((await local.http('GET', evidencePath, undefined, provider)).status).toBe(403);
    expect((await local.http('GET', evidencePath)).status).toBe(401);
    const actions = (await work.auditTrail(jongno, receipt.applicationId)).map((e) => e.action);
    expect(actions).toContain('evidence.viewed-by-staff');

    // Extending through the console: the counsellor still serves youth and has room, so the place stays.
    const reservedBefore = (await counsellorItem(providerId, counsellorId))!.reserved;
    expect((await work.decide(jongno, task.taskId, { decision: 'extend' })).status).toBe(202);
    await untilExecutionStatus(receipt.applicationId, 'SUCCEEDED');
    const next = await untilExecutionStatus(`${receipt.applicationId}-p2`, 'RUNNING');
    expect(JSON.parse(next.input!)).toEqual({ applicationId: receipt.applicationId, period: 2, handover: 0, correlationId: expect.any(String) });
    const serving = await untilStatus(receipt, 'in-service');
    expect(serving.period).toBe(2);
    expect(await stored(receipt.applicationId)).toMatchObject({ providerId, counsellorId });
    expect((await counsellorItem(providerId, counsellorId))!.reserved).toBe(reservedBefore);
    const approved = (await work.auditTrail(jongno, receipt.applicationId)).find((e) => e.action === 'extension.approved');
    expect(approved?.detail).toMatchObject({ nextPeriod: 2, counsellor: 'kept', counsellorId });

    // The new period's evidence starts afresh, and sums the first apart.
    const second = (await local.http('GET', evidencePath, undefined, work.bearer(jongno))).body;
    expect(second.attendance).toMatchObject({ period: 2, held: 0, notRecorded: 10 });
    expect(second.earlierPeriods).toEqual([expect.objectContaining({ period: 1, held: 8 })]);
  });

  it('releases the place of a counsellor made inactive and matches the next period afresh', async () => {
    const receipt = await submit(submission('youth'));
    await approveAndAccept(receipt);
    const { providerId, counsellorId } = await stored(receipt.applicationId);
    const operator = { authorization: `Bearer ${await local.signIn('operator')}` };
    const registryPath = `/api/registry/agencies/${providerId}/counsellors/${counsellorId}`;
    const jongno = await local.signIn('caseworker.jongno');
    try {
      const task = await untilReassessment(receipt, jongno, receipt.applicationId);
      expect((await local.http('PUT', registryPath, { active: false }, operator)).status).toBe(200);
      const reservedBefore = (await counsellorItem(providerId, counsellorId))!.reserved;

      expect((await work.decide(jongno, task.taskId, { decision: 'extend' })).status).toBe(202);
      await untilExecutionStatus(receipt.applicationId, 'SUCCEEDED');
    const next = await untilExecutionStatus(`${receipt.applicationId}-p2`, 'RUNNING');
      expect(JSON.parse(next.input!)).toEqual({ applicationId: receipt.applicationId, period: 2, resume: 'matching', handover: 0, correlationId: expect.any(String) });
      // The place went back at once, and the application was offered to someone else.
      expect((await counsellorItem(providerId, counsellorId))!.reserved).toBe(reservedBefore - 1);
      const place = await local.db.send(new GetCommand({ TableName: TABLE, Key: { pk: `AGENCY#${providerId}`, sk: `PLACE#${counsellorId}#${receipt.applicationId}` } }));
      expect(place.Item).toBeUndefined();
      await untilStatus(receipt, 'matching');
      const audit = await work.auditTrail(jongno, receipt.applicationId);
      expect(audit.find((e) => e.action === 'extension.approved')?.detail).toMatchObject({ counsellor: 'released', gaps: 'active', counsellorId });
      expect(audit.map((e) => e.action)).toContain('matching.restarted');

      // The agency offered the place accepts: the second period starts with the new counsellor.
      await answerTask(`${receipt.applicationId}-p2`, 'ProviderOffer', { decision: 'accept' });
      const serving = await untilStatus(receipt, 'in-service');
      expect(serving.period).toBe(2);
      const after = await stored(receipt.applicationId);
      expect(after.counsellorId).toBeTruthy();
      expect(after.counsellorId).not.toBe(counsellorId);
      expect(after.servicePeriod).toMatchObject({ period: 2, sessionsPlanned: 10 });
    } finally {
      await local.http('PUT', registryPath, { active: true }, operator);
    }
  });

  it('refuses an extension past the cap where the case manager decides, and stores nothing', async () => {
    const receipt = await submit(submission('youth'));
    await approveAndAccept(receipt);
    const jongno = await local.signIn('caseworker.jongno');
    // Three extensions are allowed (4 periods of 3 months, 12 in all)…
    for (let period = 1; period <= 3; period++) {
      const task = await untilReassessment(receipt, jongno, period === 1 ? receipt.applicationId : `${receipt.applicationId}-p${period}`);
      expect((await work.decide(jongno, task.taskId, { decision: 'extend' })).status).toBe(202);
      await untilExecutionStatus(period === 1 ? receipt.applicationId : `${receipt.applicationId}-p${period}`, 'SUCCEEDED');
      await eventually(async () => ((await statusOf(receipt)).period === period + 1 && (await statusOf(receipt)).status === 'in-service') || undefined, `period ${period + 1}`);
    }
    // …the fourth is not: the evidence says so, and the decision route refuses it.
    const task = await untilReassessment(receipt, jongno, `${receipt.applicationId}-p4`);
    const evidence = (await local.http('GET', `/api/staff/applications/${receipt.applicationId}/evidence`, undefined, work.bearer(jongno))).body;
    expect(evidence.plan).toMatchObject({ period: 4, maxPeriods: 4 });
    expect(evidence.extension.allowed).toBe(false);
    expect(evidence.extension.reason.ko).toContain('최대 3회');

    const refused = await work.decide(jongno, task.taskId, { decision: 'extend' });
    expect(refused.status).toBe(409);
    expect(refused.body.error.fields).toEqual([{ field: 'decision', code: 'extension-cap-reached', message: evidence.extension.reason }]);
    const file = await work.caseFile(jongno, receipt.applicationId);
    expect(file.tasks.find((t: { taskId: string }) => t.taskId === task.taskId)).toMatchObject({ state: 'open' });
    expect(file.tasks.find((t: { taskId: string }) => t.taskId === task.taskId).answer).toBeUndefined();

    // Closing is still open to them (no closing session was recorded in this period: they say why).
    const closingSessionMissing = { code: 'unreachable', note: '마지막 기간에는 연락이 닿지 않음' };
    expect((await work.decide(jongno, task.taskId, { decision: 'close', closingSessionMissing })).status).toBe(202);
    await untilStatus(receipt, 'closed');
  }, 120_000);
});
