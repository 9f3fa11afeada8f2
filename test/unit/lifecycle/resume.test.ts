import { describe, expect, it } from 'vitest';
import type { Application, ApplicationStatus } from '../../../functions/applications/application';
import { planResume, type WorkflowFailure } from '../../../functions/lifecycle/resume';
import { executionName } from '../../../functions/lifecycle/start-lifecycle';

const id = 'A01JZ8Q4M6T2V5X7Y9B3C1D0EF';

type Facts = Parameters<typeof planResume>[0];

function failedFrom(from: ApplicationStatus, more: Partial<WorkflowFailure> = {}, application: Partial<Application> = {}): Facts {
  const period = more.period ?? application.period ?? 1;
  return {
    id,
    status: 'failed',
    period: application.period ?? period,
    counsellorId: 'C-1',
    ...application,
    failure: { at: '2026-03-02T01:00:00.000Z', from, period, execution: executionName(id, period), error: 'Error', ...more },
  };
}

/** The plan's execution name, as startLifecycle would give it. */
function nameOf(plan: ReturnType<typeof planResume>): string {
  if (plan.kind !== 'resume') throw new Error(`refused: ${plan.why}`);
  return executionName(plan.input.applicationId, plan.input.period, plan.input.handover, plan.input.reopened);
}

describe('planResume', () => {
  it('resumes a failed review at the review, back in review, as the next hand-over of the failed execution', () => {
    const plan = planResume(failedFrom('awaiting-review'));
    expect(plan).toEqual({ kind: 'resume', status: 'awaiting-review', stage: 'review', input: { applicationId: id, period: 1, resume: 'review', handover: 1 } });
    expect(nameOf(plan)).toBe(`${id}-h1`);
  });

  it('names the execution after the last hand-over of the failed one, in its period', () => {
    expect(nameOf(planResume(failedFrom('in-service', { period: 2, execution: `${id}-p2-h3` })))).toBe(`${id}-p2-h4`);
    // A resumed execution that failed again is resumed as the one after it.
    expect(nameOf(planResume(failedFrom('matching', { execution: `${id}-h1` })))).toBe(`${id}-h2`);
  });

  it('keeps a reopened application in its round, and sends it to review rather than to the rules again', () => {
    const plan = planResume(failedFrom('screened', { execution: `${id}-r1` }, { reopened: 1 }));
    expect(plan).toMatchObject({ kind: 'resume', status: 'screened', stage: 'review', input: { resume: 'review', reopened: 1, handover: 1 } });
    expect(nameOf(plan)).toBe(`${id}-r1-h1`);
  });

  it('starts a first period failed before or at eligibility at eligibility (its outcome, once stored, is kept)', () => {
    for (const from of ['submitted', 'screened'] as const) {
      const plan = planResume(failedFrom(from));
      expect(plan).toEqual({ kind: 'resume', status: from, stage: 'eligibility', input: { applicationId: id, period: 1, handover: 1 } });
    }
  });

  it('returns a supplement round to the review', () => {
    expect(planResume(failedFrom('supplement-requested'))).toMatchObject({ status: 'supplement-requested', stage: 'review', input: { resume: 'review' } });
  });

  it('resumes matching and the waiting list at matching', () => {
    expect(planResume(failedFrom('matching'))).toMatchObject({ status: 'matching', stage: 'matching', input: { resume: 'matching' } });
    expect(planResume(failedFrom('waitlisted'))).toMatchObject({ status: 'waitlisted', stage: 'matching', input: { resume: 'matching' } });
  });

  it('starts an accepted service period that never started: by name in period 1, by itself in a later one', () => {
    expect(planResume(failedFrom('matched'))).toMatchObject({ status: 'matched', stage: 'service', input: { resume: 'service-start', period: 1 } });
    const later = planResume(failedFrom('matched', { period: 2, execution: `${id}-p2` }));
    expect(later).toMatchObject({ stage: 'service', input: { period: 2, handover: 1 } });
    expect(later.kind === 'resume' && later.input.resume).toBe(undefined);
  });

  it('resumes a running service period at its wait, and a re-assessment at its task', () => {
    expect(planResume(failedFrom('in-service'))).toMatchObject({ status: 'in-service', stage: 'service', input: { resume: 'service' } });
    expect(planResume(failedFrom('reassessment'))).toMatchObject({ status: 'reassessment', stage: 'reassessment', input: { resume: 'reassessment' } });
  });

  it("starts an extension's next period as StartNextPeriod would, when the failure came before it started", () => {
    // The extension was recorded in period 1's execution, which then failed: period 2's own first execution.
    const kept = planResume(failedFrom('extended', { period: 1 }, { period: 1 }));
    expect(kept).toMatchObject({ status: 'extended', stage: 'service', input: { period: 2 } });
    expect(nameOf(kept)).toBe(`${id}-p2`);
    const released = planResume(failedFrom('extended', { period: 1 }, { period: 1, counsellorId: undefined }));
    expect(released).toMatchObject({ stage: 'matching', input: { period: 2, resume: 'matching' } });
  });

  it("resumes a next period's execution that failed at its start as its next hand-over", () => {
    const plan = planResume(failedFrom('extended', { period: 2, execution: `${id}-p2` }, { period: 1 }));
    expect(plan).toMatchObject({ status: 'extended', stage: 'service', input: { period: 2, handover: 1 } });
    expect(nameOf(plan)).toBe(`${id}-p2-h1`);
  });

  it('carries out a closing request that was waiting, whatever the stage', () => {
    const closingRequest = { reason: 'drop-out', by: { kind: 'citizen' }, at: '2026-03-01T00:00:00.000Z' } as unknown as Application['closingRequest'];
    expect(planResume(failedFrom('in-service', {}, { closingRequest }))).toMatchObject({ status: 'in-service', stage: 'closure', input: { resume: 'closure', handover: 1 } });
  });

  it('refuses an application that is not failed, whatever it kept', () => {
    expect(planResume({ ...failedFrom('awaiting-review'), status: 'awaiting-review' })).toEqual({ kind: 'refused', why: 'not-failed' });
  });

  it('refuses one that failed before failures were kept (the manual procedure)', () => {
    expect(planResume({ ...failedFrom('awaiting-review'), failure: undefined })).toEqual({ kind: 'refused', why: 'no-failure-record' });
  });

  it('refuses what has no stage to start again at', () => {
    expect(planResume(failedFrom('closed'))).toEqual({ kind: 'refused', why: 'no-stage' });
    expect(planResume(failedFrom('screened', { period: 2, execution: `${id}-p2` }, { period: 2 }))).toEqual({ kind: 'refused', why: 'no-stage' });
    expect(planResume(failedFrom('extended', { period: 4, execution: `${id}-p4` }, { period: 1 }))).toEqual({ kind: 'refused', why: 'no-stage' });
  });
});
