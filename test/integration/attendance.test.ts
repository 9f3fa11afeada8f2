import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { approveAndAccept, local, submission, submit } from '../support/cloud-test';

const TABLE = 'dolbom-dev';
const DAY_MS = 86_400_000;

/** The local clock's Seoul day. */
async function today(): Promise<string> {
  const { body } = await local.http('GET', '/local/clock');
  return new Date(Date.parse(body.now) + 9 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

async function outbox(applicationId: string, prefix: string) {
  const { Items } = await local.db.send(
    new QueryCommand({
      TableName: TABLE,
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :n)',
      ExpressionAttributeValues: { ':pk': `APP#${applicationId}`, ':n': `NOTIFICATION#${prefix}` },
    }),
  );
  return Items ?? [];
}

describe('three no-shows in a row', () => {
  it('open one attendance task for the case manager, whatever the retries and corrections; it is acknowledged only with what was done', async () => {
    const receipt = await submit(submission('youth'));
    await approveAndAccept(receipt);
    const provider = { authorization: `Bearer ${await local.signIn('provider.maeum')}` };
    const jongno = { authorization: `Bearer ${await local.signIn('caseworker.jongno')}` };
    const path = `/api/provider/applications/${receipt.applicationId}/sessions`;
    const plan = (await local.http('GET', path, undefined, provider)).body.sessions as { sessionId: string; number: number }[];
    const [s1, s2, s3, s4] = plan;
    const on = await today();
    // Records as the portal sends them: a correction names the record it corrects.
    const standing = new Map<string, string>();
    const record = async (session: { sessionId: string }, body: Record<string, unknown>) => {
      const corrects = standing.get(session.sessionId);
      const answer = await local.http('PUT', `${path}/${session.sessionId}`, { on, ...body, ...(corrects ? { corrects } : {}) }, provider);
      expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      standing.set(session.sessionId, answer.body.record.recordedAt);
      return answer.body;
    };
    const attendanceTasks = async () =>
      (await local.http('GET', `/api/staff/applications/${receipt.applicationId}`, undefined, jongno)).body.tasks.filter((t: { kind: string }) => t.kind === 'attendance');

    // Two no-shows, recorded out of order: nothing yet.
    expect((await record(s2!, { outcome: 'no-show' })).caseManagerTold).toBeUndefined();
    expect((await record(s1!, { outcome: 'no-show' })).caseManagerTold).toBeUndefined();
    expect(await attendanceTasks()).toEqual([]);

    // The third opens the task, in the record's own transaction.
    const third = await record(s3!, { outcome: 'no-show' });
    expect(third.caseManagerTold).toBe(true);
    let tasks = await attendanceTasks();
    expect(tasks).toHaveLength(1);
    const [task] = tasks;
    expect(task).toMatchObject({ state: 'open', kindLabel: { ko: '연속 불참 확인' }, decisions: ['family-called', 'new-times-agreed', 'early-closure-proposed'] });
    expect(task.attendance.missed).toEqual([1, 2, 3].map((number) => ({ sessionId: plan[number - 1]!.sessionId, number, on })));
    expect(task.taskToken).toBeUndefined();
    // Due in three working days: three to five calendar days on, never on a weekend in Seoul.
    const due = Date.parse(task.dueAt) - Date.parse(third.record.recordedAt);
    expect(due).toBeGreaterThanOrEqual(3 * DAY_MS);
    expect(due).toBeLessThanOrEqual(5 * DAY_MS);
    expect([0, 6]).not.toContain(new Date(Date.parse(task.dueAt) + 9 * 3_600_000).getUTCDay());
    expect(await outbox(receipt.applicationId, 'attendance-')).toEqual([expect.objectContaining({ template: 'attendance-flagged', audience: 'case-managers' })]);

    // The same record again, a correction to held and back, a fourth no-show: still the one task.
    expect((await record(s3!, { outcome: 'no-show' })).caseManagerTold).toBeUndefined();
    expect((await record(s3!, { outcome: 'held', durationMinutes: 50 })).caseManagerTold).toBeUndefined();
    expect((await record(s3!, { outcome: 'no-show' })).caseManagerTold).toBeUndefined();
    expect((await record(s4!, { outcome: 'no-show' })).caseManagerTold).toBeUndefined();
    tasks = await attendanceTasks();
    expect(tasks.map((t: { taskId: string }) => t.taskId)).toEqual([task.taskId]);
    expect(await outbox(receipt.applicationId, 'attendance-')).toHaveLength(1);

    // The agency's sessions view says the case manager was told, and of which sessions.
    const listed = (await local.http('GET', path, undefined, provider)).body;
    expect(listed.caseManagerTold).toEqual([{ at: third.record.recordedAt, sessions: [1, 2, 3] }]);

    // Acknowledged with what was done: a note is required, and the decision must be one of the task's.
    const decide = (body: unknown) => local.http('POST', `/api/staff/tasks/${task.taskId}/decision`, body, jongno);
    const bare = await decide({ decision: 'family-called' });
    expect(bare.status).toBe(400);
    expect(bare.body.error.fields[0]).toMatchObject({ field: 'note', code: 'attendance-note-required' });
    expect(bare.body.error.fields[0].message.en).toContain('what was done');
    expect((await decide({ decision: 'acknowledged', note: '통화함' })).status).toBe(400);
    const note = '어머니와 통화, 다음 주부터 화요일 오후로 시간 변경 합의';
    expect((await decide({ decision: 'new-times-agreed', note })).status).toBe(202);
    // The same acknowledgement again is the same answer; another is refused.
    expect((await decide({ decision: 'new-times-agreed', note })).status).toBe(202);
    expect((await decide({ decision: 'early-closure-proposed', note })).status).toBe(409);
    tasks = await attendanceTasks();
    expect(tasks[0]).toMatchObject({ state: 'decided', answer: { decision: 'new-times-agreed', note, by: { userId: 'caseworker.jongno' } } });

    const audit = (await local.http('GET', `/api/staff/applications/${receipt.applicationId}/audit`, undefined, jongno)).body.events as { action: string; detail?: Record<string, unknown> }[];
    expect(audit.filter((e) => e.action === 'attendance.flagged')).toEqual([expect.objectContaining({ detail: expect.objectContaining({ taskId: task.taskId, sessions: '1,2,3' }) })]);
    expect(audit.filter((e) => e.action === 'attendance.acknowledged')).toHaveLength(1);

    // Another district's case manager may not see or acknowledge it.
    const mapo = { authorization: `Bearer ${await local.signIn('caseworker.mapo')}` };
    expect((await local.http('POST', `/api/staff/tasks/${task.taskId}/decision`, { decision: 'family-called', note }, mapo)).status).toBe(403);
  });

  it('a new run after the family came back opens a new task', async () => {
    const receipt = await submit(submission('youth'));
    await approveAndAccept(receipt);
    const provider = { authorization: `Bearer ${await local.signIn('provider.maeum')}` };
    const path = `/api/provider/applications/${receipt.applicationId}/sessions`;
    const plan = (await local.http('GET', path, undefined, provider)).body.sessions as { sessionId: string }[];
    const on = await today();
    const told: boolean[] = [];
    for (const [i, outcome] of (['no-show', 'no-show', 'no-show', 'held', 'no-show', 'no-show', 'no-show'] as const).entries()) {
      const body = outcome === 'held' ? { outcome, on, durationMinutes: 50 } : { outcome, on };
      const answer = await local.http('PUT', `${path}/${plan[i]!.sessionId}`, body, provider);
      expect(answer.status).toBe(200);
      told.push(answer.body.caseManagerTold === true);
    }
    expect(told).toEqual([false, false, true, false, false, false, true]);
    const listed = (await local.http('GET', path, undefined, provider)).body;
    expect(listed.caseManagerTold.map((t: { sessions: number[] }) => t.sessions)).toEqual([
      [1, 2, 3],
      [5, 6, 7],
    ]);
  });
});
