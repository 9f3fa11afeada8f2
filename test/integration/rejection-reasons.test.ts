import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { appealInDistrict } from '../../functions/notifications/appeal';
import { rejectionReasonLabels } from '../../functions/review/rejection-reasons';
import { eventually } from '../support/clients';
import { caseWork } from '../support/case-work';
import { local, submission, submit, untilExecutionStatus, untilStatus } from '../support/cloud-test';

const work = caseWork(local);

/** The outbox item once sent. */
function sentNotice(applicationId: string, key: string) {
  return eventually(async () => {
    const { Item } = await local.db.send(new GetCommand({ TableName: 'dolbom-dev', Key: { pk: `APP#${applicationId}`, sk: `NOTIFICATION#${key}` } }));
    return Item?.delivery === 'sent' ? Item : undefined;
  }, `notification ${key} to be sent`);
}

function override(token: string, applicationId: string, body: unknown) {
  return local.http('POST', `/api/staff/applications/${applicationId}/eligibility-override`, body, work.bearer(token));
}

describe('a rejection keeps its reason, and the citizen is told it and how to appeal', () => {
  it('refuses a reject without a reason; with one, the status page and the notice give it, never the internal note', async () => {
    const jongno = await local.signIn('caseworker.jongno');
    const receipt = await work.submitYouth('11110');
    await work.untilStatus(receipt, 'awaiting-review');
    const task = await work.untilOpenTask(jongno, receipt.applicationId);

    const bare = await work.decide(jongno, task.taskId, { decision: 'reject', note: '메모만' });
    expect(bare.status).toBe(400);
    expect(bare.body.error.fields).toEqual([{ field: 'rejection.reason', code: 'rejection-required', message: { ko: expect.stringContaining('사유'), en: expect.stringContaining('reason') } }]);
    const otherWithoutWords = await work.decide(jongno, task.taskId, { decision: 'reject', rejection: { reason: 'other' } });
    expect(otherWithoutWords.status).toBe(400);
    expect(otherWithoutWords.body.error.fields[0].field).toBe('rejection.toCitizen');
    // Nothing was stored by the refusals: the task is still open and unanswered.
    expect((await work.caseFile(jongno, receipt.applicationId)).tasks[0]).not.toHaveProperty('answer');

    const internal = `내부 메모 ${randomUUID()}`;
    const words = `구 정신건강복지센터 상담을 계속 이용해 주세요 ${randomUUID().slice(0, 6)}`;
    const decided = await work.decide(jongno, task.taskId, { decision: 'reject', rejection: { reason: 'equivalent-service', toCitizen: words }, note: internal });
    expect(decided.status).toBe(202);

    const view = await work.untilStatus(receipt, 'rejected');
    const label = rejectionReasonLabels['equivalent-service'];
    expect(view.rejection).toEqual({
      decidedAt: expect.any(String),
      decidedBy: { ko: '담당자 검토', en: 'Review by a case manager' },
      reasons: [label],
      fromCaseManager: words,
      appeal: { ...appealInDistrict('11110', view.rejection.decidedAt), days: 30 },
    });
    expect(view.rejection.appeal.office.ko).toBe('종로구청');
    // The eligibility box no longer says "eligible" under a rejection: the rules passed, then the case manager decided.
    expect(view.eligibility.outcome).toBe('eligible');
    expect(view.eligibility.afterRules.heading.en).toBe('Eligibility criteria: met');
    const seen = JSON.stringify(view);
    expect(seen).not.toContain(internal);
    expect(seen).not.toContain('equivalent-service');

    const notice = await sentNotice(receipt.applicationId, 'rejected');
    expect(notice).toMatchObject({ template: 'application-rejected', reasons: [label], toCitizen: words });
    expect(JSON.stringify(notice)).not.toContain(internal);
    const { body: mailbox } = await local.http('GET', '/local/mailbox/messages');
    const told = mailbox.messages.filter((m: { text: string }) => m.text.includes(receipt.receiptNumber) && m.text.includes('이의신청'));
    expect(told).toHaveLength(1);
    expect(told[0].text).toContain(label.ko);
    expect(told[0].text).toContain(words);
    expect(told[0].text).not.toContain(internal);

    // Staff see the reason on the decision and on the rejection, with the internal note.
    const supervisor = await local.signIn('supervisor');
    const events = await work.auditTrail(supervisor, receipt.applicationId);
    expect(events.find((e) => e.action === 'review.decided')).toMatchObject({ note: internal, detail: { decision: 'reject', rejectionReason: 'equivalent-service', toCitizen: words } });
    expect(events.find((e) => e.action === 'application.rejected')).toMatchObject({ detail: { basis: 'review', reason: 'equivalent-service', taskId: task.taskId } });
    expect((await work.caseFile(jongno, receipt.applicationId)).rejection).toMatchObject({ basis: 'review', reason: 'equivalent-service', toCitizen: words });
  });
});

describe("a supervisor's eligibility override", () => {
  it('reopens an application the rules rejected into review; a caseworker cannot; a second rejection is told again', async () => {
    const receipt = await submit(submission('youth', { applicant: { birthDate: '1980-01-01', district: '11110' } }));
    const rejected = await untilStatus(receipt, 'rejected');
    expect(rejected.rejection).toMatchObject({ decidedBy: { en: expect.stringContaining('eligibility check') }, reasons: rejected.eligibility.reasons });
    expect(rejected.eligibility.afterRules).toBeUndefined();
    await untilExecutionStatus(receipt.applicationId, 'SUCCEEDED');

    const jongno = await local.signIn('caseworker.jongno');
    const supervisor = await local.signIn('supervisor');
    expect((await override(jongno, receipt.applicationId, { outcome: 'eligible', note: '주민등록상 나이 오류' })).status).toBe(403);
    const noReason = await override(supervisor, receipt.applicationId, { outcome: 'eligible' });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields[0].field).toBe('note');
    const wrongWay = await override(supervisor, receipt.applicationId, { outcome: 'ineligible', note: '확인', rejectionReason: 'age-outside-programme' });
    expect(wrongWay.status).toBe(409);

    const reopened = await override(supervisor, receipt.applicationId, { outcome: 'eligible', note: '주민등록상 나이 오류 확인 (실제 1999년생)' });
    expect(reopened.status).toBe(200);
    expect(reopened.body).toMatchObject({ status: 'screened', eligibilityOverride: { outcome: 'eligible', by: 'supervisor' } });
    // Sent again: the standing override, and the same execution (started once).
    expect((await override(supervisor, receipt.applicationId, { outcome: 'eligible', note: '다시' })).status).toBe(200);
    await untilExecutionStatus(`${receipt.applicationId}-r1`, 'RUNNING');

    const reviewing = await untilStatus(receipt, 'awaiting-review');
    expect(reviewing.rejection).toBeUndefined();
    expect(reviewing.eligibility.outcome).toBe('ineligible');
    expect(reviewing.eligibility.afterRules.heading.ko).toContain('지원 대상으로 인정');
    expect(JSON.stringify(reviewing)).not.toContain('주민등록상 나이 오류');
    const task = await work.untilOpenTask(jongno, receipt.applicationId);
    expect(task.eligibilityOutcome).toBe('eligible');
    const file = await work.caseFile(jongno, receipt.applicationId);
    expect(file.eligibilityOverride).toMatchObject({ outcome: 'eligible', note: '주민등록상 나이 오류 확인 (실제 1999년생)', by: { userId: 'supervisor' } });
    const audit = await work.auditTrail(supervisor, receipt.applicationId);
    expect(audit.filter((e) => e.action === 'eligibility.overridden')).toEqual([
      expect.objectContaining({ actor: expect.objectContaining({ userId: 'supervisor' }), detail: { from: 'ineligible', to: 'eligible', rejectionReason: null } }),
    ]);

    // The case manager may still reject it, for a reason: the applicant is told again, in a notice of its own.
    expect((await work.decide(jongno, task.taskId, { decision: 'reject', rejection: { reason: 'duplicate-application' } })).status).toBe(202);
    const again = await untilStatus(receipt, 'rejected');
    expect(again.rejection.reasons).toEqual([rejectionReasonLabels['duplicate-application']]);
    expect((await sentNotice(receipt.applicationId, 'rejected-r1')).reasons).toEqual([rejectionReasonLabels['duplicate-application']]);
    // Rejected by the case manager now: the override cannot undo that (it is appealed).
    expect((await override(supervisor, receipt.applicationId, { outcome: 'eligible', note: '재검토' })).status).toBe(409);
  });

  it("marks an application in review not eligible: approval is refused, the reject starts from the supervisor's reason", async () => {
    const jongno = await local.signIn('caseworker.jongno');
    const supervisor = await local.signIn('supervisor');
    const receipt = await work.submitYouth('11110');
    await work.untilStatus(receipt, 'awaiting-review');
    const task = await work.untilOpenTask(jongno, receipt.applicationId);

    const marked = await override(supervisor, receipt.applicationId, { outcome: 'ineligible', note: '타 기관 동일 서비스 이용 중 확인', rejectionReason: 'equivalent-service' });
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ status: 'awaiting-review', eligibilityOverride: { outcome: 'ineligible', rejectionReason: 'equivalent-service' } });
    const approve = await work.decide(jongno, task.taskId, { decision: 'approve' });
    expect(approve.status).toBe(409);
    expect(approve.body.error.code).toBe('eligibility-overridden-ineligible');
    expect((await work.caseFile(jongno, receipt.applicationId)).eligibilityOverride).toMatchObject({ rejectionReason: 'equivalent-service' });
    const view = await work.citizenView(receipt);
    expect(view.eligibility.afterRules.heading.en).toContain('Not eligible');
    expect(JSON.stringify(view)).not.toContain('타 기관 동일 서비스');

    expect((await work.decide(jongno, task.taskId, { decision: 'reject', rejection: { reason: 'equivalent-service' } })).status).toBe(202);
    const rejected = await work.untilStatus(receipt, 'rejected');
    expect(rejected.rejection.reasons).toEqual([rejectionReasonLabels['equivalent-service']]);
  });
});
