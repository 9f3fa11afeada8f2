import { describe, expect, it } from 'vitest';
import type { Application } from '../../../functions/applications/application';
import { citizenRejection, rejectedByRules, rejectedOnReview } from '../../../functions/closure/rejection';
import type { EligibilityResult } from '../../../functions/eligibility/types';
import type { TaskAnswer } from '../../../functions/review/task';

const tooOld = { ko: '나이가 만 19~34세가 아닙니다', en: 'Age is not 19–34' };
const rules = (outcome: EligibilityResult['outcome']) => ({ outcome, reasons: outcome === 'ineligible' ? [tooOld] : [{ ko: '충족', en: 'Met' }], criteria: [] }) as unknown as EligibilityResult;

const answer = (fields: Partial<TaskAnswer>): TaskAnswer => ({ decision: 'reject', via: 'console', at: '2026-03-31T20:00:00.000Z', note: '내부 메모: 통화 시 태도', ...fields });

function rejected(fields: Partial<Application>): Pick<Application, 'status' | 'district' | 'eligibility' | 'rejection' | 'updatedAt'> {
  return { status: 'rejected', district: '11110', eligibility: rules('eligible'), updatedAt: '2026-04-01T01:00:00.000Z', ...fields };
}

describe('rejectedOnReview', () => {
  it("keeps the case manager's reason and their words to the applicant, never the internal note", () => {
    const record = rejectedOnReview({ taskId: 'T1', answer: answer({ rejection: { code: 'equivalent-service', toCitizen: '구 정신건강복지센터 상담을 계속 이용해 주세요' } }) }, '2026-04-01T00:00:00.000Z');
    expect(record).toEqual({
      basis: 'review',
      reason: 'equivalent-service',
      reasons: [{ ko: expect.stringContaining('같은 종류의 지원'), en: expect.stringContaining('equivalent') }],
      toCitizen: '구 정신건강복지센터 상담을 계속 이용해 주세요',
      taskId: 'T1',
      at: '2026-04-01T00:00:00.000Z',
    });
    expect(JSON.stringify(record)).not.toContain('내부 메모');
  });

  it('says something true when the reject came straight through the Step Functions API, with no reason', () => {
    const record = rejectedOnReview({ taskId: 'T1', answer: { decision: 'reject', via: 'step-functions-api', at: 'x' } }, 'now');
    expect(record.reason).toBeUndefined();
    expect(record.reasons[0]!.ko).toContain('구청에 문의');
  });
});

describe('citizenRejection', () => {
  it('shows nothing for an application that is not rejected', () => {
    expect(citizenRejection({ ...rejected({}), status: 'awaiting-review' })).toBeUndefined();
  });

  it("gives a case manager's rejection in plain words, their words to the applicant, and the appeal to the district office within 30 days (Seoul calendar)", () => {
    // 2026-03-31 20:00 UTC is 1 April 05:00 in Seoul: the 30 days run from 1 April.
    const record = rejectedOnReview({ taskId: 'T1', answer: answer({ rejection: { code: 'income-over-threshold', toCitizen: '소득 서류 기준입니다' } }) }, '2026-03-31T20:00:00.000Z');
    const view = citizenRejection(rejected({ rejection: record }))!;
    expect(view).toEqual({
      decidedAt: '2026-03-31T20:00:00.000Z',
      decidedBy: { ko: '담당자 검토', en: 'Review by a case manager' },
      reasons: [{ ko: expect.stringContaining('소득 기준'), en: expect.stringContaining('income limit') }],
      fromCaseManager: '소득 서류 기준입니다',
      appeal: { office: { ko: '종로구청', en: 'the Jongno-gu Office' }, by: '2026-05-01', days: 30 },
    });
    expect(JSON.stringify(view)).not.toMatch(/income-over-threshold|T1|내부 메모/);
  });

  it("gives the rules' reasons for a rejection by the eligibility outcome", () => {
    const view = citizenRejection(rejected({ eligibility: rules('ineligible'), rejection: rejectedByRules(rules('ineligible'), '2026-04-01T00:00:00.000Z') }))!;
    expect(view.reasons).toEqual([tooOld]);
    expect(view.decidedBy.en).toContain('eligibility check');
    expect(view.fromCaseManager).toBeUndefined();
  });

  it('explains an application rejected before rejections were recorded, from its eligibility, dated by its last change', () => {
    const old = citizenRejection(rejected({ eligibility: rules('ineligible') }))!;
    expect(old.reasons).toEqual([tooOld]);
    expect(old.decidedAt).toBe('2026-04-01T01:00:00.000Z');
    expect(old.appeal.by).toBe('2026-05-01');
    expect(citizenRejection(rejected({}))!.decidedBy.ko).toBe('담당자 검토');
  });
});
