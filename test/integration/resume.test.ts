/**
 * Resuming a failed application (docs/operations.md, "A failed execution"): a step fails beyond the
 * workflow's retries — here a callback failed with an error nobody retries, as a broken dependency
 * would — the application is marked failed, an operator resumes it with what was fixed, and the work
 * goes on at the stage it was in, in the next execution of its chain.
 */
import { SendTaskFailureCommand } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { answerTask, local, submission, submit, untilExecutionStatus, untilStatus, untilTaskToken, type Receipt } from '../support/cloud-test';

const bearer = async (user: string) => ({ authorization: `Bearer ${await local.signIn(user)}` });

/** Fails the callback the application's execution waits in, as a step that gave up would. */
async function failAt(execution: string, state: string) {
  const taskToken = await untilTaskToken(execution, state);
  await local.sfn.send(new SendTaskFailureCommand({ taskToken, error: 'Dolbom.TestBreakage', cause: 'injected by the test' }));
}

async function resume(receipt: Receipt, user: string, body: unknown) {
  return local.http('POST', `/api/staff/applications/${receipt.applicationId}/resume`, body, await bearer(user));
}

async function audit(receipt: Receipt) {
  const { status, body } = await local.http('GET', `/api/staff/applications/${receipt.applicationId}/audit`, undefined, await bearer('supervisor'));
  expect(status).toBe(200);
  return body.events as { action: string; status?: string; note?: string; detail?: Record<string, unknown>; actor: { userId?: string } }[];
}

describe('resuming a failed application', () => {
  it('returns a case that failed in review to its review, once, with the reason kept; the review is then decided', async () => {
    const receipt = await submit(submission('youth'));
    await untilStatus(receipt, 'awaiting-review');
    await failAt(receipt.applicationId, 'CaseManagerReview');
    await untilStatus(receipt, 'failed');
    await untilExecutionStatus(receipt.applicationId, 'FAILED');

    // What a resume needs is kept on the application while it is failed.
    const file = await local.http('GET', `/api/staff/applications/${receipt.applicationId}`, undefined, await bearer('supervisor'));
    expect(file.body.failure).toMatchObject({ from: 'awaiting-review', period: 1, execution: receipt.applicationId, error: 'Dolbom.TestBreakage' });

    // Not a caseworker's to do; nor a supervisor's of another district; and never without a reason.
    expect((await resume(receipt, 'caseworker.jongno', { reason: '고쳤습니다' })).status).toBe(403);
    expect((await resume(receipt, 'supervisor.gangnam', { reason: '고쳤습니다' })).status).toBe(403);
    const bare = await resume(receipt, 'operator', {});
    expect(bare.status).toBe(400);
    expect(bare.body.error.fields).toEqual([expect.objectContaining({ field: 'reason', code: 'resume-reason-required', message: { ko: expect.any(String), en: expect.any(String) } })]);
    expect((await resume(receipt, 'operator', { reason: '   ' })).status).toBe(400);

    // Two people at once: one resumes it, the other is told it is no longer failed.
    const reasons = { operator: 'Fixed the registry read (deploy 2026-03-02); checked the counsellor data', supervisor: '운영팀이 원인을 고쳤다고 확인함' };
    const [byOperator, bySupervisor] = await Promise.all([resume(receipt, 'operator', { reason: reasons.operator }), resume(receipt, 'supervisor', { reason: reasons.supervisor })]);
    expect([byOperator.status, bySupervisor.status].sort()).toEqual([202, 409]);
    const [won, lost] = byOperator.status === 202 ? [byOperator, bySupervisor] : [bySupervisor, byOperator];
    const winner = byOperator.status === 202 ? 'operator' : 'supervisor';
    expect(lost.body.error.code).toBe('application-not-failed');
    expect(won.body).toMatchObject({
      applicationId: receipt.applicationId,
      status: 'awaiting-review',
      statusLabel: { ko: '담당자 검토 중' },
      stage: 'review',
      stageLabel: { en: 'Case-manager review' },
      execution: `${receipt.applicationId}-h1`,
    });

    // The same person's same request again (its answer lost): the same answer, nothing done twice.
    const again = await resume(receipt, winner, { reason: reasons[winner] });
    expect(again.status).toBe(202);
    expect(again.body).toEqual(won.body);

    // Back in review, in the next execution of its chain, which waits on the review.
    const citizen = await untilStatus(receipt, 'awaiting-review');
    await untilTaskToken(`${receipt.applicationId}-h1`, 'CaseManagerReview');
    // The citizen reads that it moves again, in words, never a code or the reason.
    const lastWords = citizen.timeline.at(-1);
    expect(lastWords.text.en).toBe('The problem is fixed; your application is moving again.');
    expect(JSON.stringify(citizen)).not.toContain('workflow.resumed');
    expect(JSON.stringify(citizen)).not.toContain(reasons[winner]);

    // The case manager decides the review as usual, and the case goes on to matching.
    const caseworker = await bearer('caseworker.jongno');
    const queue = await local.http('GET', '/api/staff/tasks', undefined, caseworker);
    const task = queue.body.tasks.find((t: { applicationId: string }) => t.applicationId === receipt.applicationId);
    expect(task).toMatchObject({ kind: 'review', state: 'open' });
    const decided = await local.http('POST', `/api/staff/tasks/${task.taskId}/decision`, { decision: 'approve' }, caseworker);
    expect(decided.status).toBe(202);
    await untilStatus(receipt, 'matching');

    // The trail: failed, then resumed once, by whom, with the reason (staff only) and where.
    const events = await audit(receipt);
    const actions = events.map((e) => e.action);
    expect(actions.indexOf('workflow.failed')).toBeLessThan(actions.indexOf('workflow.resumed'));
    const resumed = events.filter((e) => e.action === 'workflow.resumed');
    expect(resumed).toHaveLength(1);
    expect(resumed[0]).toMatchObject({ status: 'awaiting-review', note: reasons[winner], actor: { userId: winner }, detail: { stage: 'review', execution: `${receipt.applicationId}-h1` } });
    expect(events.find((e) => e.action === 'workflow.failed')).toMatchObject({ detail: { error: 'Dolbom.TestBreakage', from: 'awaiting-review', execution: receipt.applicationId } });

    // The case file keeps the latest resume, and no failure any more.
    const after = await local.http('GET', `/api/staff/applications/${receipt.applicationId}`, undefined, await bearer('supervisor'));
    expect(after.body).not.toHaveProperty('failure');
    expect(after.body.resumed).toMatchObject({ reason: reasons[winner], stage: 'review', by: { userId: winner }, failure: { from: 'awaiting-review' } });

    // Not failed now: a resume is refused, and nothing is written.
    const late = await resume(receipt, winner === 'operator' ? 'supervisor' : 'operator', { reason: 'again' });
    expect(late.status).toBe(409);
    expect((await audit(receipt)).filter((e) => e.action === 'workflow.resumed')).toHaveLength(1);
  });

  it('resumes a case that failed while its offer was out at matching, where its place is offered again', async () => {
    const receipt = await submit(submission('youth'));
    await untilStatus(receipt, 'awaiting-review');
    await answerTask(receipt.applicationId, 'CaseManagerReview', { decision: 'approve' });
    await failAt(receipt.applicationId, 'ProviderOffer');
    await untilStatus(receipt, 'failed');

    const resumed = await resume(receipt, 'operator', { reason: 'The offer notice queue is back' });
    expect(resumed.status).toBe(202);
    expect(resumed.body).toMatchObject({ status: 'matching', stage: 'matching', execution: `${receipt.applicationId}-h1` });
    await untilStatus(receipt, 'matching');

    // The place it held is offered again in the new execution; the agency accepts and the service starts.
    await answerTask(`${receipt.applicationId}-h1`, 'ProviderOffer', { decision: 'accept' });
    const serving = await untilStatus(receipt, 'in-service');
    expect(serving.servicePeriod.period).toBe(1);
  });
});
