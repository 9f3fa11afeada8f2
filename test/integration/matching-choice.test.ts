import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { caseWork } from '../support/case-work';
import { executionArn, local } from '../support/cloud-test';
import { eventually } from '../support/clients';

const work = caseWork(local);
const TABLE = 'dolbom-dev';

interface CandidateView {
  counsellorId: string;
  agencyId: string;
  counsellorFirstName?: string;
  agencyName: { ko: string; en: string };
  agencyDistrict: string;
  score: number;
  parts: unknown[];
  reason: { ko: string; en: string };
}

describe('the case manager chooses whom the place is offered to first', () => {
  it('sees the live candidates with reasons, and approves proposing the second', async () => {
    const receipt = await work.submitYouth('11110');
    await work.untilStatus(receipt, 'awaiting-review');
    const jongno = await local.signIn('caseworker.jongno');
    const mapo = await local.signIn('caseworker.mapo');
    const path = `/api/staff/applications/${receipt.applicationId}/candidates`;

    // Only staff of the application's district see its ranking; the read is audited.
    expect((await local.http('GET', path, undefined, work.bearer(mapo))).status).toBe(403);
    const ranking = await local.http('GET', path, undefined, work.bearer(jongno));
    expect(ranking.status).toBe(200);
    const candidates = ranking.body.candidates as CandidateView[];
    expect(candidates.length).toBeGreaterThanOrEqual(2);
    expect(candidates.length).toBeLessThanOrEqual(10);
    for (const c of candidates) {
      expect(c.reason.ko.length).toBeGreaterThan(0);
      expect(c.reason.en.length).toBeGreaterThan(0);
      expect(typeof c.score).toBe('number');
    }
    // Staff see a counsellor's given name only, never the full name the registry holds.
    const operator = await local.signIn('operator');
    const fullNames = new Map<string, string>();
    for (const agencyId of new Set(candidates.map((c) => c.agencyId))) {
      const listed = await local.http('GET', `/api/registry/agencies/${agencyId}/counsellors`, undefined, work.bearer(operator));
      for (const c of listed.body.counsellors as { counsellorId: string; name: string }[]) fullNames.set(c.counsellorId, c.name);
    }
    for (const c of candidates) {
      const fullName = fullNames.get(c.counsellorId)!;
      expect(fullName.endsWith(c.counsellorFirstName!)).toBe(true);
      expect(c.counsellorFirstName).not.toBe(fullName);
      expect(JSON.stringify(ranking.body)).not.toContain(fullName);
    }
    expect((await work.auditTrail(jongno, receipt.applicationId)).map((e) => e.action)).toContain('candidates.viewed-by-staff');

    const task = await work.untilOpenTask(jongno, receipt.applicationId);
    const notOne = await work.decide(jongno, task.taskId, { decision: 'approve', counsellorId: 'C-nobody' });
    expect(notOne.status).toBe(400);
    expect(notOne.body.error.fields).toEqual([{ field: 'counsellorId', code: 'counsellor-not-a-candidate', message: { ko: expect.any(String), en: expect.any(String) } }]);
    const withReject = await work.decide(jongno, task.taskId, { decision: 'reject', rejection: { reason: 'equivalent-service' }, counsellorId: candidates[1]!.counsellorId });
    expect(withReject.status).toBe(400);
    expect(withReject.body.error.fields[0].field).toBe('counsellorId');
    expect((await work.caseFile(jongno, receipt.applicationId)).tasks[0]).not.toHaveProperty('answer');

    const chosen = candidates[1]!.counsellorId;
    expect((await work.decide(jongno, task.taskId, { decision: 'approve', counsellorId: chosen })).status).toBe(202);
    // The same approval again is the same answer; another counsellor is another answer.
    expect((await work.decide(jongno, task.taskId, { decision: 'approve', counsellorId: chosen })).status).toBe(202);
    expect((await work.decide(jongno, task.taskId, { decision: 'approve', counsellorId: candidates[0]!.counsellorId })).status).toBe(409);

    // The place is reserved with the chosen counsellor first, and offered to their agency.
    const file = await eventually(async () => {
      const current = await work.caseFile(jongno, receipt.applicationId);
      return current.offers?.length ? current : undefined;
    }, 'the offer of the chosen place');
    expect(file.offers[0]).toMatchObject({ counsellorId: chosen, state: 'open' });
    expect(file.match.reservation).toMatchObject({ counsellorId: chosen, via: 'proposal' });
    expect(file.tasks[0]).toMatchObject({ state: 'decided', answer: { decision: 'approve', via: 'console', counsellorId: chosen } });
    expect(file.match).toMatchObject({ proposedCounsellorId: chosen, excludedCounsellorIds: [] });
    expect(Array.isArray(file.offers)).toBe(true);
    expect(JSON.stringify(file.offers)).not.toContain('taskToken');
    const decided = (await work.auditTrail(jongno, receipt.applicationId)).find((e) => e.action === 'review.decided');
    expect(decided?.detail).toMatchObject({ decision: 'approve', via: 'console', counsellorId: chosen });

    // The token's output carried the decision and the answer id, never the counsellor.
    const outputs = (await local.history(executionArn(receipt.applicationId)))
      .map((e) => e.taskSucceededEventDetails?.output ?? '')
      .filter((output) => output.includes('answerId'));
    expect(outputs).toHaveLength(1);
    expect(outputs[0]).not.toContain(chosen);
    const stored = await local.db.send(new GetCommand({ TableName: TABLE, Key: { pk: `APP#${receipt.applicationId}`, sk: 'APPLICATION' } }));
    expect(stored.Item?.match?.proposedCounsellorId).toBe(chosen);
  });

  it('leaves the match alone when the approval names nobody', async () => {
    const receipt = await work.submitYouth('11110');
    await work.untilStatus(receipt, 'awaiting-review');
    const jongno = await local.signIn('caseworker.jongno');
    const task = await work.untilOpenTask(jongno, receipt.applicationId);
    expect((await work.decide(jongno, task.taskId, { decision: 'approve' })).status).toBe(202);
    const file = await eventually(async () => {
      const current = await work.caseFile(jongno, receipt.applicationId);
      return current.match?.reservation ? current : undefined;
    }, 'a reserved place');
    expect(file.match.reservation.via).toBe('ranking');
    expect(file.tasks[0].answer).not.toHaveProperty('counsellorId');
    expect(file.match?.proposedCounsellorId).toBeUndefined();
    const decided = (await work.auditTrail(jongno, receipt.applicationId)).find((e) => e.action === 'review.decided');
    expect(decided?.detail).not.toHaveProperty('counsellorId');
  });
});
