import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../../../forms/errors';
import { decisionBody, notACandidate } from '../../../functions/review/decision-body';

function problemsOf(body: unknown) {
  const parsed = decisionBody.safeParse(body);
  return parsed.success ? [] : fieldErrors(parsed.error);
}

describe('decisionBody', () => {
  it('takes an approval with the counsellor to offer first', () => {
    expect(decisionBody.parse({ decision: 'approve', counsellorId: 'C-0042', note: ' 가까운 기관 선호 ' })).toEqual({
      decision: 'approve',
      counsellorId: 'C-0042',
      note: '가까운 기관 선호',
    });
  });

  it('takes any decision without a counsellor, as before', () => {
    expect(decisionBody.parse({ decision: 'reject', rejection: { reason: 'duplicate-application' } })).toEqual({
      decision: 'reject',
      rejection: { reason: 'duplicate-application' },
    });
    expect(decisionBody.parse({ decision: 'approve' })).toEqual({ decision: 'approve' });
  });

  it.each(['reject', 'request-info', 'extend', 'close'])('refuses a counsellor with %s, on the counsellorId field, in Korean and English', (decision) => {
    const supplement = decision === 'request-info' ? { supplement: { documents: ['identity'], message: '신분증 사본을 올려 주세요' } } : {};
    const rejection = decision === 'reject' ? { rejection: { reason: 'other', toCitizen: '안내' } } : {};
    const [problem, ...more] = problemsOf({ decision, counsellorId: 'C-0042', ...supplement, ...rejection });
    expect(more).toEqual([]);
    expect(problem).toEqual({
      field: 'counsellorId',
      code: 'counsellor-only-on-approve',
      message: { ko: expect.stringContaining('승인할 때만'), en: expect.stringContaining('only when approving') },
    });
  });

  it.each([
    ['a number', 42, 'counsellor-id-type'],
    ['null', null, 'counsellor-id-type'],
    ['an object', { id: 'C-1' }, 'counsellor-id-type'],
    ['an empty string', '', 'counsellor-id-format'],
    ['a key-like string', 'AGENCY#A1', 'counsellor-id-format'],
    ['a string with spaces', 'C 0042', 'counsellor-id-format'],
    ['65 characters', 'c'.repeat(65), 'counsellor-id-format'],
  ])('refuses %s as the counsellor', (_, counsellorId, code) => {
    const problems = problemsOf({ decision: 'approve', counsellorId });
    expect(problems.map((p) => [p.field, p.code])).toEqual([['counsellorId', code]]);
    expect(problems[0]!.message.ko).toMatch(/상담사/);
  });
});

describe('decisionBody: a rejection keeps its reason', () => {
  it('refuses a reject without a reason, on rejection.reason, saying the applicant is told it', () => {
    expect(problemsOf({ decision: 'reject', note: '내부 메모' })).toEqual([
      {
        field: 'rejection.reason',
        code: 'rejection-required',
        message: { ko: expect.stringContaining('이의신청'), en: expect.stringContaining('how to appeal') },
      },
    ]);
  });

  it('refuses a reason that is not on the list, and one sent as free text', () => {
    expect(problemsOf({ decision: 'reject', rejection: { reason: 'too-rich' } }).map((p) => [p.field, p.code])).toEqual([['rejection.reason', 'rejection-reason']]);
    expect(problemsOf({ decision: 'reject', rejection: '소득 초과' }).map((p) => p.field)).toEqual(['rejection']);
  });

  it("requires words to the applicant with 'other', and not with a listed reason", () => {
    expect(problemsOf({ decision: 'reject', rejection: { reason: 'other' } })).toEqual([
      { field: 'rejection.toCitizen', code: 'rejection-to-citizen-required', message: { ko: expect.stringContaining('기타'), en: expect.stringContaining('other') } },
    ]);
    expect(problemsOf({ decision: 'reject', rejection: { reason: 'other', toCitizen: '   ' } }).map((p) => p.field)).toEqual(['rejection.toCitizen']);
    expect(decisionBody.parse({ decision: 'reject', rejection: { reason: 'other', toCitizen: ' 이사 예정으로 다른 구에서 신청해 주세요 ' }, note: '내부' })).toEqual({
      decision: 'reject',
      rejection: { reason: 'other', toCitizen: '이사 예정으로 다른 구에서 신청해 주세요' },
      note: '내부',
    });
    expect(decisionBody.parse({ decision: 'reject', rejection: { reason: 'income-over-threshold' } }).rejection).toEqual({ reason: 'income-over-threshold' });
  });

  it('refuses words to the applicant with control characters, and an unknown field in the rejection', () => {
    expect(problemsOf({ decision: 'reject', rejection: { reason: 'other', toCitizen: 'bidi\u202E' } }).map((p) => p.field)).toEqual(['rejection.toCitizen']);
    expect(problemsOf({ decision: 'reject', rejection: { reason: 'other', toCitizen: 'x', internal: 'y' } }).length).toBe(1);
  });

  it.each(['approve', 'request-info', 'extend', 'close'])('refuses a rejection reason with %s', (decision) => {
    const supplement = decision === 'request-info' ? { supplement: { documents: ['identity'], message: '신분증 사본을 올려 주세요' } } : {};
    expect(problemsOf({ decision, rejection: { reason: 'duplicate-application' }, ...supplement }).map((p) => [p.field, p.code])).toEqual([['rejection', 'rejection-only-on-reject']]);
  });
});

describe('notACandidate', () => {
  const candidates = [{ counsellorId: 'C-1' }, { counsellorId: 'C-2' }];

  it('lets a live candidate through', () => {
    expect(notACandidate('C-2', candidates)).toBeUndefined();
  });

  it('names the field and says to refresh the list when the counsellor is not (or no longer) a candidate', () => {
    expect(notACandidate('C-3', candidates)).toEqual({
      field: 'counsellorId',
      code: 'counsellor-not-a-candidate',
      message: { ko: expect.stringContaining('새로 고쳐'), en: expect.stringContaining('Refresh the candidates') },
    });
    expect(notACandidate('C-1', [])?.code).toBe('counsellor-not-a-candidate');
  });
});
