import { DescribeExecutionCommand } from '@aws-sdk/client-sfn';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { approveAndAccept, executionArn, local, statusOf, submission, submit, untilExecutionStatus, untilStatus, type Receipt } from '../support/cloud-test';

const TABLE = 'dolbom-dev';
const moderate = { phq9: [2, 2, 2, 2, 2, 2, 1, 1, 0], gad7: [2, 2, 2, 1, 1, 1, 1] }; // PHQ-9 14, GAD-7 10
const selfHarm = { phq9: [2, 2, 2, 2, 2, 2, 2, 2, 1], gad7: [2, 2, 2, 2, 2, 2, 2] }; // PHQ-9 17 with item 9 > 0, GAD-7 14

async function stored(applicationId: string) {
  return (await local.db.send(new GetCommand({ TableName: TABLE, Key: { pk: `APP#${applicationId}`, sk: 'APPLICATION' } }))).Item!;
}

async function today(): Promise<string> {
  const { body } = await local.http('GET', '/local/clock');
  return new Date(Date.parse(body.now) + 9 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

const staff = async (user = 'caseworker.jongno') => ({ authorization: `Bearer ${await local.signIn(user)}` });
const caseFile = async (receipt: Receipt) => (await local.http('GET', `/api/staff/applications/${receipt.applicationId}`, undefined, await staff())).body;

/** The agency records every session of the plan as held; test sessions with the answers given. */
async function recordPlan(receipt: Receipt, tests: { pre?: unknown; post?: unknown }) {
  const provider = { authorization: `Bearer ${await local.signIn('provider.maeum')}` };
  const path = `/api/provider/applications/${receipt.applicationId}/sessions`;
  const plan = (await local.http('GET', path, undefined, provider)).body.sessions as { sessionId: string; kind: string; plannedMinutes: number }[];
  const on = await today();
  for (const session of plan) {
    const screening = session.kind === 'pre-test' ? tests.pre : session.kind === 'closing' ? tests.post : undefined;
    const held = await local.http('PUT', `${path}/${session.sessionId}`, { outcome: 'held', on, durationMinutes: session.plannedMinutes, ...(screening ? { screening } : {}) }, provider);
    expect(held.status, JSON.stringify(held.body)).toBe(200);
  }
}

async function reassessmentTask(receipt: Receipt) {
  await untilStatus(receipt, 'reassessment');
  return (await caseFile(receipt)).tasks.find((t: { kind: string; state: string }) => t.kind === 'reassessment' && t.state === 'open');
}

async function placeHeld(applicationId: string, agencyId: string, counsellorId: string) {
  const { Item } = await local.db.send(new GetCommand({ TableName: TABLE, Key: { pk: `AGENCY#${agencyId}`, sk: `PLACE#${counsellorId}#${applicationId}` } }));
  return Item !== undefined;
}

describe('closure with a referral for a high-risk person', () => {
  it('a high-risk post-test gives the urgent task and, at closure, a referral whose acknowledgement is recorded', async () => {
    const receipt = await submit(submission('youth'));
    await approveAndAccept(receipt);
    await recordPlan(receipt, { pre: moderate, post: selfHarm });

    // The post-test opened the urgent risk task at once.
    const jongno = await staff();
    const risk = (await caseFile(receipt)).tasks.find((t: { kind: string }) => t.kind === 'risk');
    expect(risk).toMatchObject({ state: 'open', decisions: ['acknowledged'] });

    // Closing and post-test are recorded: the case manager closes with no further reason.
    const task = await reassessmentTask(receipt);
    const closed = await local.http('POST', `/api/staff/tasks/${task.taskId}/decision`, { decision: 'close', note: '목표 달성, 연계 필요' }, jongno);
    expect(closed.status, JSON.stringify(closed.body)).toBe(202);
    await untilStatus(receipt, 'closed');

    const application = await stored(receipt.applicationId);
    expect(application.closure).toMatchObject({
      kind: 'completed',
      reason: { code: 'plan-complete' },
      closingSession: { held: true, postTest: true },
      highRisk: true,
      outcome: { pre: { phq9: { total: 14 } }, post: { phq9: { total: 17 } }, change: { phq9: { totalChange: 3, direction: 'worsened' } } },
    });
    expect(application.retainUntil).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(Number(application.retainUntil.slice(0, 4)) - Number(application.closedAt.slice(0, 4))).toBe(5);
    expect(await placeHeld(receipt.applicationId, application.providerId, application.counsellorId)).toBe(false);

    // The referral task is open, in the district's queue, until the receiver acknowledges it.
    const referral = (await caseFile(receipt)).tasks.find((t: { kind: string }) => t.kind === 'referral');
    expect(referral).toMatchObject({ state: 'open', taskId: application.closure.referralTaskId });
    expect(referral.referral.reasons.length).toBeGreaterThan(0);
    const queue = async () => (await local.http('GET', '/api/staff/tasks?district=11110&limit=100', undefined, jongno)).body.tasks.map((t: { taskId: string }) => t.taskId);
    expect(await queue()).toContain(referral.taskId);

    // Acknowledged only after it was sent somewhere; a bad record is refused with the field.
    const ackPath = `/api/staff/tasks/${referral.taskId}/referral/acknowledgement`;
    const acknowledgement = { acknowledgedBy: '김연계 정신건강전문요원', acknowledgedOn: await today(), note: '초기상담 예약' };
    expect((await local.http('POST', ackPath, acknowledgement, jongno)).status).toBe(409);
    const badSend = await local.http('POST', `/api/staff/tasks/${referral.taskId}/referral`, { to: 'friend', organisation: '' }, jongno);
    expect(badSend.status).toBe(400);
    expect(badSend.body.error.fields.map((f: { field: string }) => f.field)).toEqual(expect.arrayContaining(['to', 'organisation']));
    const sent = await local.http('POST', `/api/staff/tasks/${referral.taskId}/referral`, { to: 'mental-health-welfare-centre', organisation: '종로구정신건강복지센터' }, jongno);
    expect(sent.status, JSON.stringify(sent.body)).toBe(202);
    expect((await caseFile(receipt)).tasks.find((t: { kind: string }) => t.kind === 'referral')).toMatchObject({ state: 'open', referral: { sent: { to: 'mental-health-welfare-centre' } } });
    expect(await queue()).toContain(referral.taskId);

    const acknowledged = await local.http('POST', ackPath, acknowledgement, jongno);
    expect(acknowledged.status, JSON.stringify(acknowledged.body)).toBe(202);
    expect((await local.http('POST', ackPath, acknowledgement, jongno)).status).toBe(202); // the same, again
    const done = (await caseFile(receipt)).tasks.find((t: { kind: string }) => t.kind === 'referral');
    expect(done).toMatchObject({ state: 'decided', referral: { acknowledged: { by: '김연계 정신건강전문요원', on: acknowledgement.acknowledgedOn } } });
    expect(await queue()).not.toContain(referral.taskId);

    const audit = (await local.http('GET', `/api/staff/applications/${receipt.applicationId}/audit`, undefined, jongno)).body.events.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['risk.flagged', 'application.closed', 'referral.opened', 'referral.sent', 'referral.acknowledged']));

    // A closed case cannot be closed again.
    expect((await local.http('POST', `/api/staff/applications/${receipt.applicationId}/closure`, { reason: 'drop-out', note: '중복' }, jongno)).status).toBe(409);
  });

  it('closing on a re-assessment without the post-test needs the reason, which the closure record keeps', async () => {
    const receipt = await submit(submission('youth'));
    await approveAndAccept(receipt);
    await recordPlan(receipt, { pre: moderate });
    const task = await reassessmentTask(receipt);
    const jongno = await staff();
    const bare = await local.http('POST', `/api/staff/tasks/${task.taskId}/decision`, { decision: 'close' }, jongno);
    expect(bare.status).toBe(400);
    expect(bare.body.error.fields[0]).toMatchObject({ field: 'closingSessionMissing', message: { ko: expect.any(String), en: expect.any(String) } });
    const missing = { code: 'declined-test', note: '사후 검사는 원하지 않음, 구두로 호전 보고' };
    const closed = await local.http('POST', `/api/staff/tasks/${task.taskId}/decision`, { decision: 'close', closingSessionMissing: missing }, jongno);
    expect(closed.status, JSON.stringify(closed.body)).toBe(202);
    await untilStatus(receipt, 'closed');
    const { closure } = await stored(receipt.applicationId);
    expect(closure).toMatchObject({ kind: 'completed', highRisk: false, closingSession: { held: true, postTest: false, missing } });
    expect(closure.referralTaskId).toBeUndefined();
  });
});

describe('early closure', () => {
  it('a case manager closes during the service period: the place is released and the execution ends at Closed', async () => {
    const receipt = await submit(submission('youth'));
    await approveAndAccept(receipt);
    const { providerId, counsellorId } = await stored(receipt.applicationId);
    expect(await placeHeld(receipt.applicationId, providerId, counsellorId)).toBe(true);
    const path = `/api/staff/applications/${receipt.applicationId}/closure`;
    expect((await local.http('POST', path, { reason: 'drop-out', note: '3주 연락 두절' }, await staff('caseworker.mapo'))).status).toBe(403);
    const noNote = await local.http('POST', path, { reason: 'drop-out' }, await staff());
    expect(noNote.status).toBe(400);
    expect(noNote.body.error.fields[0].field).toBe('note');

    const asked = await local.http('POST', path, { reason: 'drop-out', note: '3주 연락 두절' }, await staff());
    expect(asked.status, JSON.stringify(asked.body)).toBe(202);
    const again = await local.http('POST', path, { reason: 'drop-out', note: '3주 연락 두절' }, await staff());
    expect(again).toMatchObject({ status: 202, body: asked.body });

    await untilStatus(receipt, 'closed');
    await untilExecutionStatus(receipt.applicationId, 'SUCCEEDED');
    const history = await local.history(executionArn(receipt.applicationId));
    const states = history.filter((e) => e.stateEnteredEventDetails).map((e) => e.stateEnteredEventDetails!.name);
    expect(states.slice(-2)).toEqual(['Closure', 'Closed']);
    expect(states.at(-3)).toBe('AwaitServicePeriod');
    expect(await placeHeld(receipt.applicationId, providerId, counsellorId)).toBe(false);
    expect((await stored(receipt.applicationId)).closure).toMatchObject({ kind: 'early', reason: { code: 'drop-out', note: '3주 연락 두절' }, closingSession: { missing: { code: 'closed-early' } } });
    const seen = await statusOf(receipt);
    expect(seen.closure.reason.ko).toBeTruthy();
    expect(JSON.stringify(seen)).not.toContain('3주 연락 두절');
  });

  it('the citizen withdraws while awaiting review, with the access code; a wrong code is refused', async () => {
    const receipt = await submit(submission('youth'));
    await untilStatus(receipt, 'awaiting-review');
    const path = `/api/applications/${receipt.applicationId}/withdrawal`;
    const wrong = await local.http('POST', path, { reason: 'feeling-better' }, { 'x-access-code': 'WRONG-CODE-1234' });
    expect(wrong.status).toBe(404);
    expect((await statusOf(receipt)).status).toBe('awaiting-review');
    // No body is no reason given; a body that is not an object is refused, not taken for none.
    for (const body of ['null', '[]', '"feeling-better"']) {
      const refused = await local.http('POST', path, body, { 'x-access-code': receipt.accessCode });
      expect(refused.status, body).toBe(400);
      expect(refused.body.error.fields.map((f: { field: string }) => f.field)).toEqual(['']);
    }
    expect((await statusOf(receipt)).status).toBe('awaiting-review');

    const withdrawn = await local.http('POST', path, { reason: 'feeling-better', note: '많이 좋아졌어요' }, { 'x-access-code': receipt.accessCode });
    expect(withdrawn.status, JSON.stringify(withdrawn.body)).toBe(202);
    expect(withdrawn.body.withdrawal.reason.ko).toBeTruthy();
    await untilStatus(receipt, 'closed');
    await untilExecutionStatus(receipt.applicationId, 'SUCCEEDED');

    const seen = await statusOf(receipt);
    expect(seen.closure).toMatchObject({ reason: { ko: expect.stringContaining('나아') }, yourNote: '많이 좋아졌어요' });
    expect(JSON.stringify(seen.closure)).not.toContain('feeling-better');
    const review = (await caseFile(receipt)).tasks.find((t: { kind: string }) => t.kind === 'review');
    expect(review.state).toBe('cancelled');
    const { status } = await local.sfn.send(new DescribeExecutionCommand({ executionArn: executionArn(receipt.applicationId) }));
    expect(status).toBe('SUCCEEDED');
    // The same request again gets the same answer.
    expect((await local.http('POST', path, {}, { 'x-access-code': receipt.accessCode })).status).toBe(202);
  });
});
