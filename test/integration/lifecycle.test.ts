import { SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { eventually } from '../support/clients';
import { answerTask, approveAndAccept, executionArn, local, submission, submit, untilExecutionStatus, untilServiceWaits, untilStatus, untilTaskToken } from '../support/cloud-test';

async function auditActions(applicationId: string) {
  const token = await local.signIn('supervisor');
  const { status, body } = await local.http('GET', `/api/staff/applications/${applicationId}/audit`, undefined, { authorization: `Bearer ${token}` });
  expect(status).toBe(200);
  return (body.events as { action: string }[]).map((e) => e.action);
}

describe('an application from submission to closure', () => {
  it('runs every stage, driven through the HTTP API and the Step Functions API', async () => {
    const receipt = await submit(submission('youth'));
    expect(receipt.receiptNumber).toMatch(/^DB-\d{4}-/);

    const reviewing = await untilStatus(receipt, 'awaiting-review');
    expect(reviewing.eligibility.outcome).toBe('eligible');
    // The rule version is for staff; the citizen reads when the review is due instead.
    expect(reviewing.eligibility).not.toHaveProperty('ruleVersion');
    expect(reviewing.next.when).toMatchObject({ label: { ko: '검토 예정일' }, on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });

    // A case manager approves — here as an operator would, with the token from the execution history.
    const reviewToken = await untilTaskToken(receipt.applicationId, 'CaseManagerReview');
    await local.sfn.send(new SendTaskSuccessCommand({ taskToken: reviewToken, output: JSON.stringify({ decision: 'approve' }) }));
    // The best counsellor's place is reserved and offered to their agency, which accepts.
    await answerTask(receipt.applicationId, 'ProviderOffer', { decision: 'accept' });
    const serving = await untilStatus(receipt, 'in-service');
    expect(serving.servicePeriod.period).toBe(1);
    await untilServiceWaits(receipt.applicationId);

    // Three months pass: the period ends and the re-assessment opens.
    await local.advanceClock('+92d');
    await untilStatus(receipt, 'reassessment');
    const reassessmentToken = await untilTaskToken(receipt.applicationId, 'Reassessment');
    await local.sfn.send(new SendTaskSuccessCommand({ taskToken: reassessmentToken, output: JSON.stringify({ decision: 'close' }) }));

    const closed = await untilStatus(receipt, 'closed');
    expect(closed.timeline.map((t: { status: string }) => t.status)).toEqual(
      expect.arrayContaining(['submitted', 'screened', 'awaiting-review', 'matching', 'matched', 'in-service', 'reassessment', 'closed']),
    );
    await untilExecutionStatus(receipt.applicationId, 'SUCCEEDED');

    const actions = await auditActions(receipt.applicationId);
    for (const action of [
      'application.submitted',
      'eligibility.checked',
      'task.opened',
      'review.decided',
      'provider.reserved',
      'provider.offered',
      'provider.matched',
      'service-period.started',
      'service-period.ended',
      'reassessment.decided',
      'application.closed',
    ]) {
      expect(actions, action).toContain(action);
    }
    expect(actions.filter((a) => a === 'service-period.ended')).toHaveLength(1);

    const history = await local.history(executionArn(receipt.applicationId));
    const transitions = history.filter((e) => e.stateEnteredEventDetails).length;
    console.log(`happy path: ${transitions} state transitions, ${history.length} history events`);
    expect(transitions).toBeGreaterThanOrEqual(15);
  });

  it('extends into a second period as a new execution named <id>-p2', async () => {
    const receipt = await submit(submission('youth'));
    await approveAndAccept(receipt);
    await local.advanceClock('+92d');
    await untilStatus(receipt, 'reassessment');
    await local.sfn.send(
      new SendTaskSuccessCommand({ taskToken: await untilTaskToken(receipt.applicationId, 'Reassessment'), output: '{"decision":"extend"}' }),
    );
    const first = await untilExecutionStatus(receipt.applicationId, 'SUCCEEDED');
    const next = await untilExecutionStatus(`${receipt.applicationId}-p2`, 'RUNNING');
    // The submission's correlation id goes on into the next period's execution.
    const { correlationId } = JSON.parse(first.input!) as { correlationId: string };
    expect(correlationId).toEqual(expect.any(String));
    expect(JSON.parse(next.input!)).toEqual({ applicationId: receipt.applicationId, period: 2, handover: 0, correlationId });
    const serving = await untilStatus(receipt, 'in-service');
    expect(serving.period).toBe(2);
  });

  it('rejects an ineligible application and tells the applicant why', async () => {
    const receipt = await submit(submission('youth', { applicant: { birthDate: '1980-01-01', district: '11110' } }));
    const rejected = await untilStatus(receipt, 'rejected');
    expect(rejected.eligibility.outcome).toBe('ineligible');
    const failing = rejected.eligibility.criteria.filter((c: { passed: boolean }) => c.passed === false);
    expect(failing.length).toBeGreaterThan(0);
    expect(failing[0].reason.ko).toBeTruthy();
    expect(failing[0].reason.en).toBeTruthy();
    await untilExecutionStatus(receipt.applicationId, 'SUCCEEDED');

    // The reasons are queued for the applicant exactly once, in the outbox, and sent from there.
    const notice = await eventually(async () => {
      const { Item } = await local.db.send(
        new GetCommand({ TableName: 'dolbom-dev', Key: { pk: `APP#${receipt.applicationId}`, sk: 'NOTIFICATION#rejected' } }),
      );
      return Item?.delivery === 'sent' ? Item : undefined;
    }, 'the rejection to be sent');
    expect(notice).toMatchObject({ template: 'application-rejected', messageId: expect.stringMatching(/^local-/) });
    expect(notice.reasons).toEqual(rejected.eligibility.reasons);
    const { body: mailbox } = await local.http('GET', '/local/mailbox/messages');
    const told = mailbox.messages.filter((m: { text: string }) => m.text.includes(receipt.receiptNumber) && m.text.includes('이의신청'));
    expect(told).toHaveLength(1);
    expect(told[0].text).toContain(rejected.eligibility.reasons[0].ko);
  });
});

describe('waiting for people and for places', () => {
  it('escalates a review nobody answers and opens a fresh task; the stale token is refused', async () => {
    const receipt = await submit(submission('youth'));
    await untilStatus(receipt, 'awaiting-review');
    const stale = await untilTaskToken(receipt.applicationId, 'CaseManagerReview');
    await local.advanceClock('+8d'); // past the 7-day heartbeat
    const fresh = await untilTaskToken(receipt.applicationId, 'CaseManagerReview', stale);
    await expect(
      local.sfn.send(new SendTaskSuccessCommand({ taskToken: stale, output: '{"decision":"approve"}' })),
    ).rejects.toMatchObject({ name: 'TaskTimedOut' });
    const actions = await auditActions(receipt.applicationId);
    expect(actions.filter((a) => a === 'task.escalated')).toHaveLength(1);
    expect(actions.filter((a) => a === 'task.opened')).toHaveLength(2);
    // The citizen reads the review once, in words, and that it is late: not the escalation, not a code.
    const { body: view } = await local.http('GET', `/api/applications/${receipt.applicationId}`, undefined, { 'x-access-code': receipt.accessCode });
    expect(view.timeline.map((t: { text: { ko: string } }) => t.text.ko)).toEqual(['신청이 접수되었습니다.', '신청 자격 기준을 확인했습니다.', '담당자가 신청 내용을 검토하고 있습니다.']);
    expect(JSON.stringify(view.timeline)).not.toMatch(/task\.|escalat/);
    expect(view.next.text.ko).toContain('늦어지고 있습니다');
    await local.sfn.send(new SendTaskSuccessCommand({ taskToken: fresh, output: '{"decision":"approve"}' }));
    await untilStatus(receipt, 'matching');
  });

  it('does not escalate a review a caseworker has claimed, as long as they keep claiming it', async () => {
    const receipt = await submit(submission('youth'));
    await untilStatus(receipt, 'awaiting-review');
    const token = await untilTaskToken(receipt.applicationId, 'CaseManagerReview');
    const jongno = await local.signIn('caseworker.jongno');
    const { body: queue } = await local.http('GET', '/api/staff/tasks', undefined, { authorization: `Bearer ${jongno}` });
    const task = queue.tasks.find((t: { applicationId: string }) => t.applicationId === receipt.applicationId);
    const claim = () => local.http('POST', `/api/staff/tasks/${task.taskId}/claim`, undefined, { authorization: `Bearer ${jongno}` });

    expect((await claim()).body).toMatchObject({ taskId: task.taskId, assignee: 'caseworker.jongno' });
    await local.advanceClock('+6d');
    expect((await claim()).status).toBe(200);
    await local.advanceClock('+6d'); // 12 days: past one heartbeat period, but claimed within each
    expect((await claim()).status).toBe(200);

    const actions = await auditActions(receipt.applicationId);
    expect(actions.filter((a) => a === 'task.claimed')).toHaveLength(3);
    expect(actions).not.toContain('task.escalated');
    expect(await untilTaskToken(receipt.applicationId, 'CaseManagerReview')).toBe(token);
    const decided = await local.http('POST', `/api/staff/tasks/${task.taskId}/decision`, { decision: 'approve' }, { authorization: `Bearer ${jongno}` });
    expect(decided.status).toBe(202);
    await untilTaskToken(receipt.applicationId, 'ProviderOffer');
    expect((await claim()).status).toBe(409);
  });
});

describe('provider capacity', () => {
  it('is never overbooked: two approvals racing for the last place get one offer and one waiting list', async () => {
    // Only one counsellor in Seoul offers music therapy, with one place.
    const receipts = await Promise.all([1, 2].map(() => submit(submission('child-adolescent', { applicant: { district: '11110' }, serviceType: 'music-therapy' }))));
    await Promise.all(receipts.map((r) => untilStatus(r, 'awaiting-review')));
    const tokens = await Promise.all(receipts.map((r) => untilTaskToken(r.applicationId, 'CaseManagerReview')));
    await Promise.all(tokens.map((taskToken) => local.sfn.send(new SendTaskSuccessCommand({ taskToken, output: '{"decision":"approve"}' }))));
    const held = await Promise.all(
      receipts.map((r) =>
        eventually(async () => {
          const { Item } = await local.db.send(new GetCommand({ TableName: 'dolbom-dev', Key: { pk: `APP#${r.applicationId}`, sk: 'APPLICATION' } }));
          if (Item?.status === 'waitlisted') return 'waitlisted';
          return Item?.match?.reservation ? 'offered' : undefined;
        }, 'an offer or the waiting list'),
      ),
    );
    expect([...held].sort()).toEqual(['offered', 'waitlisted']);
    const offered = receipts[held.indexOf('offered')]!;
    const { Item } = await local.db.send(new GetCommand({ TableName: 'dolbom-dev', Key: { pk: `APP#${offered.applicationId}`, sk: 'APPLICATION' } }));
    const { agencyId, counsellorId } = Item!.match.reservation;
    const { Item: counsellor } = await local.db.send(
      new GetCommand({ TableName: 'dolbom-dev', Key: { pk: `AGENCY#${agencyId}`, sk: `COUNSELLOR#${counsellorId}` } }),
    );
    expect(counsellor).toMatchObject({ weeklyCapacity: 1, reserved: 1 });
  });
});

describe('case-manager decisions through the console API', () => {
  it('lets only a caseworker of the district decide, once', async () => {
    const receipt = await submit(submission('youth'));
    await untilStatus(receipt, 'awaiting-review');
    const jongno = await local.signIn('caseworker.jongno');
    const mapo = await local.signIn('caseworker.mapo');

    const queue = await local.http('GET', '/api/staff/tasks', undefined, { authorization: `Bearer ${jongno}` });
    const task = queue.body.tasks.find((t: { applicationId: string }) => t.applicationId === receipt.applicationId);
    expect(task).toMatchObject({ kind: 'review', state: 'open', district: '11110', eligibilityOutcome: 'eligible' });
    expect(JSON.stringify(queue.body)).not.toContain('taskToken');

    const otherQueue = await local.http('GET', '/api/staff/tasks', undefined, { authorization: `Bearer ${mapo}` });
    expect(otherQueue.body.tasks.some((t: { applicationId: string }) => t.applicationId === receipt.applicationId)).toBe(false);
    const foreign = await local.http('POST', `/api/staff/tasks/${task.taskId}/decision`, { decision: 'reject' }, { authorization: `Bearer ${mapo}` });
    expect(foreign.status).toBe(403);
    expect((await local.http('GET', `/api/staff/applications/${receipt.applicationId}`, undefined, { authorization: `Bearer ${mapo}` })).status).toBe(403);
    expect((await local.http('GET', '/api/staff/tasks')).status).toBe(401);
    const provider = await local.signIn('provider.maeum');
    expect((await local.http('GET', '/api/staff/tasks', undefined, { authorization: `Bearer ${provider}` })).status).toBe(403);
    const operator = await local.signIn('operator');
    expect((await local.http('GET', `/api/staff/applications/${receipt.applicationId}`, undefined, { authorization: `Bearer ${operator}` })).status).toBe(403);

    const wrong = await local.http('POST', `/api/staff/tasks/${task.taskId}/decision`, { decision: 'extend' }, { authorization: `Bearer ${jongno}` });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields[0].field).toBe('decision');

    const [first, second] = await Promise.all(
      ['reject', 'approve'].map((decision) =>
        local.http('POST', `/api/staff/tasks/${task.taskId}/decision`, decision === 'reject' ? { decision, rejection: { reason: 'duplicate-application' } } : { decision }, {
          authorization: `Bearer ${jongno}`,
        }),
      ),
    );
    expect([first!.status, second!.status].sort()).toEqual([202, 409]);
    const winner = first!.status === 202 ? 'rejected' : 'matched';
    await untilStatus(receipt, winner === 'rejected' ? 'rejected' : 'matching');

    const file = await local.http('GET', `/api/staff/applications/${receipt.applicationId}`, undefined, { authorization: `Bearer ${jongno}` });
    expect(file.status).toBe(200);
    expect(file.body.tasks[0]).toMatchObject({ state: 'decided', answer: { via: 'console', by: { userId: 'caseworker.jongno' } } });
    expect(file.body).not.toHaveProperty('accessCodeHash');
    expect(file.body.consents).toEqual({
      general: { version: '2026.1', agreedAt: file.body.createdAt },
      sensitive: { version: '2026.1', agreedAt: file.body.createdAt },
    });
  });
});
