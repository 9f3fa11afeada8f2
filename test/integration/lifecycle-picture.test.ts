import { describe, expect, it } from 'vitest';
import { caseWork } from '../support/case-work';
import { eventually } from '../support/clients';
import { answerTask, local, untilExecutionStatus, untilServiceWaits } from '../support/cloud-test';

const work = caseWork(local);

const asking = { documents: ['identity'], message: '신분증 사본을 올려 주세요.' };

async function picture(user: string, applicationId: string) {
  return local.http('GET', `/api/staff/applications/${applicationId}/lifecycle`, undefined, work.bearer(await local.signIn(user)));
}

/** Stage → progress, in lifecycle order: what the case page draws. */
const progressOf = (body: { stages: { stage: string; progress: string }[] }) => Object.fromEntries(body.stages.map((s) => [s.stage, s.progress]));

/** The picture once its current stage is `stage` (the workflow moves on a moment after the API answers). */
function untilCurrent(user: string, applicationId: string, stage: string, note?: string) {
  return eventually(async () => {
    const { status, body } = await picture(user, applicationId);
    if (status !== 200) throw new Error(`lifecycle: ${status} ${JSON.stringify(body)}`);
    const current = body.stages.find((s: { progress: string }) => s.progress === 'current');
    const noted = !note || JSON.stringify(current?.notes ?? []).includes(note);
    return body.current === stage && noted ? body : undefined;
  }, `the lifecycle of ${applicationId} at ${stage}`);
}

describe('the lifecycle picture (GET /api/staff/applications/{id}/lifecycle)', () => {
  it('follows an application through review, a supplement, matching and service to an early closure', async () => {
    const token = await local.signIn('caseworker.jongno');
    const receipt = await work.submitYouth('11110');
    await work.untilStatus(receipt, 'awaiting-review');

    const inReview = await untilCurrent('caseworker.jongno', receipt.applicationId, 'review');
    expect(progressOf(inReview)).toEqual({
      submission: 'done',
      eligibility: 'done',
      review: 'current',
      matching: 'upcoming',
      service: 'upcoming',
      reassessment: 'upcoming',
      closure: 'upcoming',
    });
    expect(inReview.ended).toBeUndefined();
    expect(inReview.partial).toBe(false);
    expect(inReview.executions).toEqual([expect.objectContaining({ name: receipt.applicationId, status: 'RUNNING' })]);
    const eligibility = inReview.stages.find((s: { stage: string }) => s.stage === 'eligibility');
    expect(Date.parse(eligibility.firstAt)).toBeGreaterThan(0);
    expect(eligibility.label).toEqual({ ko: '자격 확인', en: 'Eligibility check' });

    // Who may see it: the case's district team and operators; another district's staff are refused.
    expect((await picture('caseworker.mapo', receipt.applicationId)).status).toBe(403);
    expect((await picture('supervisor.gangnam', receipt.applicationId)).status).toBe(403);
    expect((await picture('provider.maeum', receipt.applicationId)).status).toBe(403);
    expect((await picture('caseworker.jongno', 'NOSUCHAPPLICATION0000000000')).status).toBe(404);
    const operator = await picture('operator', receipt.applicationId);
    expect(operator.status).toBe(200);
    expect(operator.body.current).toBe('review');
    // No person in it: neither the applicant's name nor the receipt number's owner's details.
    const file = await work.caseFile(token, receipt.applicationId);
    expect(JSON.stringify(operator.body)).not.toContain(file.answers.applicant.name);

    // A supplement stays in the review stage, counted.
    const task = await work.untilOpenTask(token, receipt.applicationId);
    expect((await work.decide(token, task.taskId, { decision: 'request-info', note: '신분 확인', supplement: asking })).status).toBe(202);
    // The status page shows the request once the workflow waits on the citizen.
    await eventually(async () => ((await work.citizenView(receipt)).supplement ? true : undefined), 'the supplement on the status page');
    const supplemented = await untilCurrent('caseworker.jongno', receipt.applicationId, 'review', '보완 요청 1회');
    expect(progressOf(supplemented).matching).toBe('upcoming');
    const answered = await local.http('POST', `/api/applications/${receipt.applicationId}/supplement`, { note: '신분증은 방문해서 보여 드릴게요' }, { 'x-access-code': receipt.accessCode });
    expect(answered.status, JSON.stringify(answered.body)).toBe(202);

    // Approved and accepted: service is current, review and matching done.
    const returned = await work.untilOpenTask(token, receipt.applicationId, 'review', task.taskId);
    expect((await work.decide(token, returned.taskId, { decision: 'approve', note: '확인함' })).status).toBe(202);
    await answerTask(receipt.applicationId, 'ProviderOffer', { decision: 'accept' });
    await work.untilStatus(receipt, 'in-service');
    await untilServiceWaits(receipt.applicationId);
    const serving = await untilCurrent('supervisor', receipt.applicationId, 'service');
    expect(progressOf(serving)).toEqual({
      submission: 'done',
      eligibility: 'done',
      review: 'done',
      matching: 'done',
      service: 'current',
      reassessment: 'upcoming',
      closure: 'upcoming',
    });
    expect(serving.stages.find((s: { stage: string }) => s.stage === 'matching').notes).toEqual([{ ko: '기관 제안 1회', en: '1 offer to agencies' }]);

    // Closed early: closure is where it ended; re-assessment was never reached.
    const closed = await local.http('POST', `/api/staff/applications/${receipt.applicationId}/closure`, { reason: 'drop-out', note: '3주 연락 두절' }, work.bearer(token));
    expect(closed.status, JSON.stringify(closed.body)).toBe(202);
    await untilExecutionStatus(receipt.applicationId, 'SUCCEEDED');
    const ended = await untilCurrent('caseworker.jongno', receipt.applicationId, 'closure');
    expect(ended.ended).toBe('closed');
    expect(progressOf(ended)).toMatchObject({ service: 'done', reassessment: 'skipped', closure: 'current' });
    expect(ended.executions).toEqual([expect.objectContaining({ name: receipt.applicationId, status: 'SUCCEEDED' })]);
  });
});
