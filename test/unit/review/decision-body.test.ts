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
    expect(decisionBody.parse({ decision: 'reject' })).toEqual({ decision: 'reject' });
    expect(decisionBody.parse({ decision: 'approve' })).toEqual({ decision: 'approve' });
  });

  it.each(['reject', 'request-info', 'extend', 'close'])('refuses a counsellor with %s, on the counsellorId field, in Korean and English', (decision) => {
    const supplement = decision === 'request-info' ? { supplement: { documents: ['identity'], message: '신분증 사본을 올려 주세요' } } : {};
    const [problem, ...more] = problemsOf({ decision, counsellorId: 'C-0042', ...supplement });
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
