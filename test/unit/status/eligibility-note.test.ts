import { describe, expect, it } from 'vitest';
import type { Application } from '../../../functions/applications/application';
import type { EligibilityOverride } from '../../../functions/eligibility/override';
import type { EligibilityResult } from '../../../functions/eligibility/types';
import { eligibilityAfterRules } from '../../../functions/status/eligibility-note';

const by = { kind: 'staff' as const, userId: 'supervisor', groups: ['supervisor'] };
const override = (outcome: EligibilityOverride['outcome']): EligibilityOverride => ({ outcome, note: '감독자 내부 사유', by, at: '2026-04-01T00:00:00.000Z' });

function application(outcome: EligibilityResult['outcome'], fields: Partial<Application> = {}) {
  return { status: 'awaiting-review', eligibility: { outcome } as EligibilityResult, ...fields } as Pick<Application, 'status' | 'eligibility' | 'eligibilityOverride' | 'rejection'>;
}
const onReview = { basis: 'review' as const, reasons: [], at: 'x' };

describe('eligibilityAfterRules', () => {
  it('adds nothing while the rules alone decide, or when the rules rejected it', () => {
    expect(eligibilityAfterRules(application('eligible'))).toBeUndefined();
    expect(eligibilityAfterRules(application('ineligible', { status: 'rejected', rejection: { basis: 'eligibility', reasons: [], at: 'x' } }))).toBeUndefined();
  });

  it('says the rules check passed but the case manager rejected, for an eligible application rejected on review', () => {
    const after = eligibilityAfterRules(application('eligible', { status: 'rejected', rejection: onReview }))!;
    expect(after.heading).toEqual({ ko: '자격 기준 확인: 충족', en: 'Eligibility criteria: met' });
    expect(after.note.ko).toContain('통과했습니다');
    expect(after.note.ko).toContain('담당자가 검토해');
    expect(after.note.en).toContain('decided not to approve it');
  });

  it('says a case manager checked what the rules could not settle', () => {
    expect(eligibilityAfterRules(application('needs-review', { status: 'rejected', rejection: onReview }))!.heading.en).toContain('checked by a case manager');
  });

  it("heads with a supervisor's override, without their note", () => {
    const reopened = eligibilityAfterRules(application('ineligible', { eligibilityOverride: override('eligible') }))!;
    expect(reopened.heading.ko).toContain('지원 대상으로 인정');
    expect(reopened.note.en).toContain('found you eligible');
    const marked = eligibilityAfterRules(application('eligible', { eligibilityOverride: override('ineligible'), status: 'rejected', rejection: onReview }))!;
    expect(marked.heading.en).toContain('Not eligible');
    expect(marked.note.en).toContain('found you not eligible');
    expect(marked.note.en).toContain('A case manager then reviewed');
    expect(JSON.stringify([reopened, marked])).not.toContain('감독자 내부 사유');
  });
});
