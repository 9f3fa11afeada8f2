import { describe, expect, it } from 'vitest';
import { getProgramme } from '../../../forms';
import { fieldErrors } from '../../../forms/errors';
import { decisionBody } from '../../../functions/review/decision-body';
import { correctableFields } from '../../../functions/supplements/checklist';
import { requestProblems, supplementRequestBody } from '../../../functions/supplements/request-body';

const youth = getProgramme('youth');
const child = getProgramme('child-adolescent');

function problemsOf(body: unknown) {
  const parsed = decisionBody.safeParse(body);
  return parsed.success ? [] : fieldErrors(parsed.error);
}

describe('a request for information', () => {
  it('carries the missing documents and answers, and the message, trimmed and without repeats', () => {
    const body = decisionBody.parse({
      decision: 'request-info',
      note: '소득 확인 필요',
      supplement: { documents: ['identity', 'identity'], fields: ['household.monthlyIncome'], message: '  신분증과 소득을 확인해 주세요 ' },
    });
    expect(body.supplement).toEqual({ documents: ['identity'], fields: ['household.monthlyIncome'], message: '신분증과 소득을 확인해 주세요' });
  });

  it('is refused without what is missing, naming the supplement field in Korean and English', () => {
    const [problem, ...more] = problemsOf({ decision: 'request-info', note: '서류 보완' });
    expect(more).toEqual([]);
    expect(problem).toMatchObject({ field: 'supplement', code: 'supplement-required', message: { ko: expect.stringContaining('안내 문구'), en: expect.stringContaining('missing') } });
  });

  it('is refused when it asks for nothing, or has no message for the applicant', () => {
    expect(problemsOf({ decision: 'request-info', supplement: { documents: [], fields: [], message: '보내 주세요' } })).toEqual([
      expect.objectContaining({ field: 'supplement.documents', code: 'supplement-nothing-asked' }),
    ]);
    expect(problemsOf({ decision: 'request-info', supplement: { documents: ['identity'], message: '   ' } })).toEqual([
      expect.objectContaining({ field: 'supplement.message', code: 'supplement-message-empty' }),
    ]);
    expect(problemsOf({ decision: 'request-info', supplement: { documents: ['identity'], message: 'a\u202Eb' } })).toEqual([
      expect.objectContaining({ field: 'supplement.message', code: 'supplement-message-control-characters' }),
    ]);
  });

  it('goes with request-info only', () => {
    expect(problemsOf({ decision: 'approve', supplement: { documents: ['identity'], message: '보내 주세요' } })).toEqual([
      expect.objectContaining({ field: 'supplement', code: 'supplement-only-on-request-info' }),
    ]);
  });

  it("names each document and answer the programme does not have, by its place in the body", () => {
    const request = supplementRequestBody.parse({ documents: ['identity', 'passport'], fields: ['applicant.phone', 'rrn', 'consent.general.agreed'], message: '확인' });
    expect(requestProblems(youth, request).map((p) => [p.field, p.code])).toEqual([
      ['supplement.documents.1', 'supplement-unknown-document'],
      ['supplement.fields.1', 'supplement-unknown-field'],
      ['supplement.fields.2', 'supplement-unknown-field'],
    ]);
    expect(requestProblems(youth, supplementRequestBody.parse({ documents: ['leaving-care-certificate'], fields: ['applicant.birthDate'], message: '확인' }))).toEqual([]);
  });

  it('never lets a supplement correct the registration number, the consents, the district or a repeated item', () => {
    const names = correctableFields(child).map((f) => f.name);
    expect(names).toContain('applicant.phone');
    expect(names.some((n) => n === 'rrn' || n.startsWith('consent.') || n === 'applicant.district' || n.includes('*'))).toBe(false);
  });
});
