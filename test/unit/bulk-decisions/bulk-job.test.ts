import { describe, expect, it } from 'vitest';
import { bulkDecisionBody, decisionOf, BULK_MAX_TASKS } from '../../../functions/bulk-decisions/bulk-body';
import { isJobId, jobIdFor, jobView, mayRead, newJob, resultOfRefusal } from '../../../functions/bulk-decisions/bulk-job';
import { HttpProblem, problem } from '../../../functions/commons/problems';
import type { StaffMember } from '../../../functions/commons/staff';
import { decisionBody } from '../../../functions/review/decision-body';
import { taskClosed } from '../../../functions/review/staff-task';

const app = (n: number) => `A${String(n).padStart(25, '0')}`;
const task = (n: number) => `${app(n)}.abcdefghijklmnop`;
const jongno: StaffMember = { userId: 'u-jongno', groups: ['caseworker'], districts: ['11110'] };
const by = { kind: 'staff' as const, userId: 'u-jongno', groups: ['caseworker'], sourceIp: '127.0.0.1' };
const approve = { taskIds: [task(1), task(2)], decision: 'approve', note: '보완 서류 확인 완료' };

function fieldsOf(input: unknown) {
  const parsed = bulkDecisionBody.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('bulkDecisionBody', () => {
  it('takes task ids, a decision and a note, and gives each case the body of a single decision', () => {
    const body = bulkDecisionBody.parse(approve);
    expect(decisionOf(body)).toEqual({ decision: 'approve', note: '보완 서류 확인 완료' });
    expect(decisionBody.parse(decisionOf(body))).toEqual(decisionOf(body));
  });

  it('requires the note, which is kept on every case', () => {
    expect(fieldsOf({ ...approve, note: '   ' })).toEqual(['note: A bulk decision needs a note: it is kept on every case']);
    expect(fieldsOf({ ...approve, note: undefined })).not.toEqual([]);
  });

  it('requires a reason to reject, as a single decision does, and refuses one with an approval', () => {
    expect(fieldsOf({ ...approve, decision: 'reject' })).toEqual([expect.stringMatching(/^rejection\.reason: To reject, choose a reason/)]);
    expect(fieldsOf({ ...approve, decision: 'reject', rejection: { reason: 'duplicate-application' } })).toEqual([]);
    expect(fieldsOf({ ...approve, rejection: { reason: 'duplicate-application' } })).toEqual([expect.stringMatching(/^rejection: A rejection reason goes only with rejecting/)]);
    expect(fieldsOf({ ...approve, decision: 'reject', rejection: { reason: 'other' } })).toEqual([expect.stringMatching(/^rejection\.toCitizen:/)]);
  });

  it('takes approve or reject only: a request for information or a counsellor is chosen case by case', () => {
    expect(fieldsOf({ ...approve, decision: 'request-info' })).toEqual(['decision: A bulk decision is either approve or reject']);
    expect(fieldsOf({ ...approve, counsellorId: 'C-1' })).not.toEqual([]);
  });

  it(`takes 1 to ${BULK_MAX_TASKS} well-formed task ids, each once`, () => {
    expect(fieldsOf({ ...approve, taskIds: [] })).toEqual(['taskIds: Choose at least one task to decide']);
    expect(fieldsOf({ ...approve, taskIds: Array.from({ length: BULK_MAX_TASKS + 1 }, (_, i) => task(i)) })).toEqual([`taskIds: At most ${BULK_MAX_TASKS} tasks can be decided at once`]);
    expect(fieldsOf({ ...approve, taskIds: Array.from({ length: BULK_MAX_TASKS }, (_, i) => task(i)) })).toEqual([]);
    expect(fieldsOf({ ...approve, taskIds: [task(1), task(1)] })).toEqual(['taskIds: The same task is listed twice']);
    expect(fieldsOf({ ...approve, taskIds: ['../etc/passwd'] })).toEqual(['taskIds.0: A task id is not in a valid format']);
  });
});

describe('jobIdFor', () => {
  it("names one job per person and idempotency key, usable as an execution name", () => {
    expect(jobIdFor('u1', 'key-00000001')).toBe(jobIdFor('u1', 'key-00000001'));
    expect(jobIdFor('u1', 'key-00000001')).not.toBe(jobIdFor('u2', 'key-00000001'));
    expect(jobIdFor('u1', 'key-00000001')).not.toBe(jobIdFor('u1', 'key-00000002'));
    expect(isJobId(jobIdFor('u1', 'key-00000001'))).toBe(true);
    expect(jobIdFor('u1', 'k')).toMatch(/^[A-Za-z0-9_-]{1,80}$/);
    expect(isJobId('B../../x')).toBe(false);
  });
});

describe('newJob', () => {
  it('starts with every case pending, in the order chosen, and the same request has the same fingerprint', () => {
    const body = bulkDecisionBody.parse(approve);
    const job = newJob('Bx', jongno, by, body, '2026-03-02T01:00:00.000Z');
    expect(job.items[task(1)]).toEqual({ taskId: task(1), outcome: 'pending' });
    expect(jobView(job).progress).toEqual({ done: 0, total: 2 });
    expect(jobView(job).items.map((i) => i.taskId)).toEqual([task(1), task(2)]);
    expect(newJob('Bx', jongno, by, body, 'later').fingerprint).toBe(job.fingerprint);
    expect(newJob('Bx', jongno, by, bulkDecisionBody.parse({ ...approve, note: 'other words' }), 'later').fingerprint).not.toBe(job.fingerprint);
  });
});

describe('resultOfRefusal', () => {
  const seen = { applicationId: app(1), receiptNumber: 'DB-2026-AAAA0001' };

  it('counts a task someone decided first, or that expired, as already decided', () => {
    expect(resultOfRefusal(task(1), taskClosed(), seen)).toMatchObject({ outcome: 'already-decided', receiptNumber: 'DB-2026-AAAA0001' });
    expect(resultOfRefusal(task(1), new HttpProblem(409, 'task-answered-differently', { ko: '다름', en: 'different' }), seen).outcome).toBe('already-decided');
  });

  it("names nothing of another district's case, and says why in Korean and English", () => {
    const result = resultOfRefusal(task(1), problem.forbidden(), seen);
    expect(result).toEqual({ taskId: task(1), outcome: 'refused', reason: { ko: expect.stringContaining('담당 구역'), en: expect.stringContaining('Not a task of your districts') } });
  });

  it("gives a refused field's own reason (a decision this kind of task does not take)", () => {
    const refusal = problem.invalidInput([{ field: 'decision', code: 'choice', message: { ko: '결정은 extend, close 중 하나여야 합니다', en: 'The decision must be one of extend, close' } }]);
    expect(resultOfRefusal(task(1), refusal, seen)).toMatchObject({ outcome: 'refused', reason: { en: 'The decision must be one of extend, close' }, receiptNumber: seen.receiptNumber });
  });
});

describe('mayRead', () => {
  const job = { staff: { userId: 'u-jongno', groups: ['caseworker' as const], districts: ['11110'] } };
  it('lets its creator and a supervisor of one of their districts read a job, nobody else', () => {
    expect(mayRead(jongno, job)).toBe(true);
    expect(mayRead({ userId: 's', groups: ['supervisor'], districts: ['11110', '11440'] }, job)).toBe(true);
    expect(mayRead({ userId: 's2', groups: ['supervisor'], districts: ['11680'] }, job)).toBe(false);
    expect(mayRead({ userId: 'c2', groups: ['caseworker'], districts: ['11110'] }, job)).toBe(false);
  });
});
