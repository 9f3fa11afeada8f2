import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../../../forms/errors';
import type { Application, ApplicationStatus } from '../../../functions/applications/application';
import { effectiveOutcome, planOverride, type EligibilityOverride } from '../../../functions/eligibility/override';
import { eligibilityOverrideBody } from '../../../functions/eligibility/override-body';
import type { EligibilityResult } from '../../../functions/eligibility/types';

const by = { kind: 'staff' as const, userId: 'supervisor', groups: ['supervisor'] };
const override = (outcome: EligibilityOverride['outcome']): EligibilityOverride => ({ outcome, note: '사유', by, at: 'x' });

function app(status: ApplicationStatus, rules: EligibilityResult['outcome'] | undefined, fields: Partial<Application> = {}) {
  return { status, eligibility: rules ? ({ outcome: rules } as EligibilityResult) : undefined, ...fields };
}

describe('planOverride', () => {
  it('reopens an application the rules rejected, counting the rounds', () => {
    expect(planOverride(app('rejected', 'ineligible', { rejection: { basis: 'eligibility', reasons: [], at: 'x' } }), 'eligible')).toEqual({ kind: 'reopen', reopened: 1 });
    expect(planOverride(app('rejected', 'ineligible', { reopened: 1, rejection: { basis: 'eligibility', reasons: [], at: 'x' } }), 'eligible')).toEqual({ kind: 'reopen', reopened: 2 });
    // Rejected before rejections were recorded: the rules' outcome says how.
    expect(planOverride(app('rejected', 'ineligible'), 'eligible').kind).toBe('reopen');
  });

  it("does not undo a case manager's rejection: that is appealed", () => {
    expect(planOverride(app('rejected', 'eligible', { rejection: { basis: 'review', reasons: [], at: 'x' } }), 'eligible')).toEqual({ kind: 'refused', why: 'rejected-by-review' });
    expect(planOverride(app('rejected', 'ineligible', { reopened: 1, eligibilityOverride: override('eligible'), rejection: { basis: 'review', reasons: [], at: 'x' } }), 'eligible').kind).toBe('refused');
  });

  it('records an override before the review decision, and answers a repeat as standing', () => {
    expect(planOverride(app('awaiting-review', 'eligible'), 'ineligible')).toEqual({ kind: 'record' });
    expect(planOverride(app('awaiting-review', 'needs-review'), 'eligible')).toEqual({ kind: 'record' });
    expect(planOverride(app('awaiting-review', 'eligible', { eligibilityOverride: override('ineligible') }), 'ineligible')).toEqual({ kind: 'standing' });
    expect(planOverride(app('awaiting-review', 'eligible', { eligibilityOverride: override('ineligible') }), 'eligible')).toEqual({ kind: 'record' });
    expect(planOverride(app('screened', 'ineligible', { reopened: 1, eligibilityOverride: override('eligible') }), 'eligible')).toEqual({ kind: 'standing' });
  });

  it('refuses what changes nothing, what comes too late, and what comes before the rules', () => {
    expect(planOverride(app('awaiting-review', 'eligible'), 'eligible')).toEqual({ kind: 'refused', why: 'already' });
    for (const status of ['matching', 'in-service', 'closed'] as const) expect(planOverride(app(status, 'eligible'), 'ineligible')).toEqual({ kind: 'refused', why: 'too-late' });
    expect(planOverride(app('rejected', 'ineligible'), 'ineligible')).toEqual({ kind: 'refused', why: 'too-late' });
    expect(planOverride(app('submitted', undefined), 'eligible')).toEqual({ kind: 'refused', why: 'not-checked' });
  });
});

describe('effectiveOutcome', () => {
  it("is the override when there is one, else the rules' outcome", () => {
    expect(effectiveOutcome(app('awaiting-review', 'eligible'))).toBe('eligible');
    expect(effectiveOutcome(app('awaiting-review', 'eligible', { eligibilityOverride: override('ineligible') }))).toBe('ineligible');
    expect(effectiveOutcome(app('submitted', undefined))).toBeUndefined();
  });
});

describe('eligibilityOverrideBody', () => {
  const problems = (body: unknown) => {
    const parsed = eligibilityOverrideBody.safeParse(body);
    return parsed.success ? [] : fieldErrors(parsed.error).map((p) => [p.field, p.code]);
  };

  it('takes an override with its reason', () => {
    expect(eligibilityOverrideBody.parse({ outcome: 'eligible', note: ' 소득 서류 재확인 ' })).toEqual({ outcome: 'eligible', note: '소득 서류 재확인' });
    expect(eligibilityOverrideBody.parse({ outcome: 'ineligible', note: '중복', rejectionReason: 'duplicate-application' }).rejectionReason).toBe('duplicate-application');
  });

  it('requires the reason, and for ineligible the rejection reason the case manager starts from', () => {
    expect(problems({ outcome: 'eligible' })).toEqual([['note', 'override-note-required']]);
    expect(problems({ outcome: 'eligible', note: '  ' })).toEqual([['note', 'override-note-required']]);
    expect(problems({ outcome: 'ineligible', note: '사유' })).toEqual([['rejectionReason', 'override-rejection-reason-required']]);
    expect(problems({ outcome: 'eligible', note: '사유', rejectionReason: 'other' })).toEqual([['rejectionReason', 'override-rejection-reason-only-ineligible']]);
    expect(problems({ outcome: 'maybe', note: '사유' })).toEqual([['outcome', 'override-outcome']]);
  });
});
