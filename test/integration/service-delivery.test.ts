import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { answerTask, approveAndAccept, executionArn, local, statusOf, submission, submit, untilStatus } from '../support/cloud-test';

const TABLE = 'dolbom-dev';

async function stored(applicationId: string) {
  return (await local.db.send(new GetCommand({ TableName: TABLE, Key: { pk: `APP#${applicationId}`, sk: 'APPLICATION' } }))).Item!;
}

/** The local clock's Seoul day. */
async function today(): Promise<string> {
  const { body } = await local.http('GET', '/local/clock');
  return new Date(Date.parse(body.now) + 9 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

describe('a service period the agency records', () => {
  it('carries a youth application through ten recorded sessions to closure, the clock advanced a day at a time', async () => {
    const receipt = await submit(submission('youth'));
    await approveAndAccept(receipt);
    const { providerId } = await stored(receipt.applicationId);
    expect(providerId).toBe('P-MAEUMSUP');
    const provider = { authorization: `Bearer ${await local.signIn('provider.maeum')}` };
    const path = `/api/provider/applications/${receipt.applicationId}/sessions`;

    const listed = await local.http('GET', path, undefined, provider);
    expect(listed.status).toBe(200);
    const plan = listed.body.sessions as { sessionId: string; kind: string; plannedOn: string; plannedMinutes: number }[];
    expect(plan.map((s) => s.kind)).toEqual(['pre-test', ...Array(8).fill('counselling'), 'closing']);
    expect(plan[0]!.plannedMinutes).toBe(90);

    // Another agency may not see or record them.
    const hanul = { authorization: `Bearer ${await local.signIn('provider.hanul')}` };
    expect((await local.http('GET', path, undefined, hanul)).status).toBe(403);

    for (const [i, session] of plan.entries()) {
      while ((await today()) < session.plannedOn) await local.advanceClock('+1d');
      const on = await today();
      // One session is first recorded as missed, then corrected: the first record stays in its history.
      let corrects: string | undefined;
      if (i === 3) {
        const missed = await local.http('PUT', `${path}/${session.sessionId}`, { outcome: 'no-show', on }, provider);
        expect(missed.status).toBe(200);
        // A correction from someone who never saw that record (a page opened before it) replaces nothing.
        const blind = await local.http('PUT', `${path}/${session.sessionId}`, { outcome: 'held', on, durationMinutes: session.plannedMinutes }, provider);
        expect(blind).toMatchObject({ status: 409, body: { error: { code: 'session-changed' } } });
        corrects = missed.body.record.recordedAt;
      }
      const held = await local.http('PUT', `${path}/${session.sessionId}`, { outcome: 'held', on, durationMinutes: session.plannedMinutes, ...(corrects ? { corrects } : {}) }, provider);
      expect(held.status, JSON.stringify(held.body)).toBe(200);
      expect(held.body.sessionsHeld).toBe(i + 1);
      // The same record sent again, as after a lost answer: the same answer, and no correction.
      if (i === 5) {
        const again = await local.http('PUT', `${path}/${session.sessionId}`, { outcome: 'held', on, durationMinutes: session.plannedMinutes }, provider);
        expect(again).toMatchObject({ status: 200, body: held.body });
      }
    }
    expect((await local.http('GET', path, undefined, provider)).body.sessions[5].history).toEqual([]);
    const corrected = (await local.http('GET', path, undefined, provider)).body.sessions[3];
    expect(corrected.record.outcome).toBe('held');
    expect(corrected.history.map((h: { outcome: string }) => h.outcome)).toEqual(['no-show']);
    // Who recorded it, by user id; from which address stays in the audit trail.
    expect(corrected.record.recordedBy).toMatchObject({ kind: 'staff', userId: 'provider.maeum' });
    expect(JSON.stringify(corrected)).not.toContain('sourceIp');

    // The last session ended the period at once: re-assessment opens without waiting for the period's end.
    await untilStatus(receipt, 'reassessment');
    expect((await stored(receipt.applicationId)).servicePeriod).toMatchObject({ sessionsHeld: 10, sessionsPlanned: 10 });
    // The last record sent again once the period has moved on: still the same answer, not "not in service".
    const last = plan.at(-1)!;
    const lastAgain = await local.http('PUT', `${path}/${last.sessionId}`, { outcome: 'held', on: await today(), durationMinutes: last.plannedMinutes }, provider);
    expect(lastAgain.status, JSON.stringify(lastAgain.body)).toBe(200);
    expect(lastAgain.body).toMatchObject({ sessionId: last.sessionId, sessionsHeld: 10, sessionsPlanned: 10 });
    const audit = (await local.http('GET', `/api/staff/applications/${receipt.applicationId}/audit`, undefined, { authorization: `Bearer ${await local.signIn('caseworker.jongno')}` })).body.events;
    expect(audit.filter((e: { action: string }) => e.action === 'session.recorded')).toHaveLength(10);
    expect(audit.filter((e: { action: string }) => e.action === 'session.corrected')).toHaveLength(1);
    await answerTask(receipt.applicationId, 'Reassessment', { decision: 'close' });
    await untilStatus(receipt, 'closed');

    const history = await local.history(executionArn(receipt.applicationId));
    const transitions = history.filter((e) => e.stateEnteredEventDetails).length;
    console.log(`youth, submission → 10 sessions → closure, the clock a day at a time: ${transitions} state transitions, ${history.length} history events`);
    expect(transitions).toBeLessThanOrEqual(25);
    expect((await statusOf(receipt)).status).toBe('closed');
  });

  it('refuses bad records with the field and the reason, and records nothing', async () => {
    const receipt = await submit(submission('youth'));
    await approveAndAccept(receipt);
    const provider = { authorization: `Bearer ${await local.signIn('provider.maeum')}` };
    const path = `/api/provider/applications/${receipt.applicationId}/sessions`;
    const [first] = (await local.http('GET', path, undefined, provider)).body.sessions;
    const on = await today();
    const cases: [unknown, string][] = [
      [{ outcome: 'held', on }, 'durationMinutes'],
      [{ outcome: 'cancelled', on }, 'cancelledBy'],
      [{ outcome: 'rescheduled', on, rescheduledTo: on }, 'rescheduledTo'],
      [{ outcome: 'held', on: '2026/01/01', durationMinutes: 50 }, 'on'],
      [{ outcome: 'held', on, durationMinutes: 50, sessionsHeld: 10 }, 'sessionsHeld'],
    ];
    for (const [body, field] of cases) {
      const refused = await local.http('PUT', `${path}/${first.sessionId}`, body, provider);
      expect(refused.status, JSON.stringify(body)).toBe(400);
      expect(refused.body.error.fields.map((f: { field: string }) => f.field)).toContain(field);
      expect(refused.body.error.fields[0].message.ko).toBeTruthy();
    }
    expect((await local.http('PUT', `${path}/9-99`, { outcome: 'held', on, durationMinutes: 50 }, provider)).status).toBe(404);
    const after = (await local.http('GET', path, undefined, provider)).body;
    expect(after.sessionsHeld).toBe(0);
    expect(after.sessions[0].record).toBeUndefined();
  });
});

describe('screening and risk', () => {
  it('computes the scores of a pre-test; a high-risk answer opens an urgent task the case manager acknowledges with what was done', async () => {
    const receipt = await submit(submission('youth'));
    await approveAndAccept(receipt);
    const provider = { authorization: `Bearer ${await local.signIn('provider.maeum')}` };
    const path = `/api/provider/applications/${receipt.applicationId}/sessions`;
    const [preTest, second] = (await local.http('GET', path, undefined, provider)).body.sessions;
    const on = await today();
    const answers = { phq9: [1, 1, 1, 1, 1, 1, 1, 1, 1], gad7: [0, 0, 0, 0, 0, 0, 0] }; // PHQ-9 9, but item 9 (self-harm) > 0

    // Test answers belong to test sessions only, and totals are never typed in.
    expect((await local.http('PUT', `${path}/${second.sessionId}`, { outcome: 'held', on, durationMinutes: 50, screening: answers }, provider)).status).toBe(400);
    const typed = await local.http('PUT', `${path}/${preTest.sessionId}`, { outcome: 'held', on, durationMinutes: 90, screening: { ...answers, phq9Total: 0 } }, provider);
    expect(typed.status).toBe(400);

    const recorded = await local.http('PUT', `${path}/${preTest.sessionId}`, { outcome: 'held', on, durationMinutes: 90, screening: answers }, provider);
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(200);
    expect(recorded.body.screening.phq9).toMatchObject({ total: 9, band: 'mild' });
    expect(recorded.body.screening.gad7).toMatchObject({ total: 0, band: 'minimal' });
    expect(recorded.body.screening.risk.high).toBe(true);

    // The district's case manager has an urgent task, due within a day, and is told through the outbox.
    const jongno = { authorization: `Bearer ${await local.signIn('caseworker.jongno')}` };
    const file = (await local.http('GET', `/api/staff/applications/${receipt.applicationId}`, undefined, jongno)).body;
    const urgent = file.tasks.find((t: { kind: string }) => t.kind === 'risk');
    expect(urgent).toMatchObject({ state: 'open', decisions: ['acknowledged'] });
    expect(Date.parse(urgent.dueAt) - Date.parse(recorded.body.record.recordedAt)).toBeLessThanOrEqual(24 * 60 * 60 * 1000);
    expect(urgent.risk.reasons[0].ko).toBeTruthy();
    const { Items: outbox } = await local.db.send(
      new QueryCommand({
        TableName: TABLE,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :n)',
        ExpressionAttributeValues: { ':pk': `APP#${receipt.applicationId}`, ':n': 'NOTIFICATION#risk-' },
      }),
    );
    expect(outbox).toEqual([expect.objectContaining({ template: 'risk-flagged', audience: 'case-managers' })]);

    // Acknowledged only with what was done.
    const bare = await local.http('POST', `/api/staff/tasks/${urgent.taskId}/decision`, { decision: 'acknowledged' }, jongno);
    expect(bare.status).toBe(400);
    expect(bare.body.error.fields[0].field).toBe('note');
    const done = await local.http('POST', `/api/staff/tasks/${urgent.taskId}/decision`, { decision: 'acknowledged', note: '당일 통화, 정신건강복지센터 연계 안내' }, jongno);
    expect(done.status).toBe(202);
    const after = (await local.http('GET', `/api/staff/applications/${receipt.applicationId}`, undefined, jongno)).body;
    expect(after.tasks.find((t: { kind: string }) => t.kind === 'risk')).toMatchObject({ state: 'decided', answer: { note: '당일 통화, 정신건강복지센터 연계 안내' } });
    const audit = (await local.http('GET', `/api/staff/applications/${receipt.applicationId}/audit`, undefined, jongno)).body.events.map((e: { action: string }) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['risk.flagged', 'risk.acknowledged']));
  });
});
