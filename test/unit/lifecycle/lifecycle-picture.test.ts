import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { HistoryEvent } from '@aws-sdk/client-sfn';
import { describe, expect, it } from 'vitest';
import { isNeededEvent, lifecyclePicture, traceOf, type ExecutionTrace } from '../../../functions/lifecycle/lifecycle-picture';
import type { LifecycleStateName } from '../../../functions/lifecycle/stages';

/**
 * A recorded history (the local cloud, read as the route reads it: newest first, no execution data):
 * a youth application asked for a supplement, answered, approved, matched at the first offer, in
 * service, then closed early by its case manager. Task parameters are left out (they carry tokens).
 */
const recorded: HistoryEvent[] = JSON.parse(readFileSync(path.join(import.meta.dirname, 'fixtures/supplement-service-early-closure.history.json'), 'utf8'), (key, value) =>
  key === 'timestamp' ? new Date(value) : value,
);
const submittedAt = '2026-11-27T11:27:00.000Z';

/** The history as it stood when its event `id` had just been written. */
const upTo = (id: number) => recorded.filter((event) => (event.id ?? 0) <= id);
const idOfEntered = (state: string, nth = 1) => recorded.filter((e) => e.stateEnteredEventDetails?.name === state).map((e) => e.id!).sort((a, b) => a - b)[nth - 1]!;

const progress = (picture: ReturnType<typeof lifecyclePicture>) => Object.fromEntries(picture.stages.map((s) => [s.stage, s.progress]));

const trace = (name: string, states: LifecycleStateName[], status: ExecutionTrace['status'] = 'RUNNING'): ExecutionTrace => ({
  name,
  status,
  entered: states.map((state, i) => ({ state, at: new Date(Date.UTC(2026, 0, 1 + i)).toISOString() })),
  partial: false,
});

describe('traceOf', () => {
  it('reads the states entered, oldest first, and how the execution ended, from a newest-first page', () => {
    const t = traceOf('APPLICATIONID', recorded, true);
    expect(t.status).toBe('SUCCEEDED');
    expect(t.entered.map((e) => e.state)).toEqual([
      'RouteByPeriod', 'CheckEligibility', 'EligibilityOutcome', 'CaseManagerReview', 'RecordCaseManagerReviewDecision', 'ReviewDecision',
      'AwaitSupplement', 'CaseManagerReview', 'RecordCaseManagerReviewDecision', 'ReviewDecision', 'MatchProvider', 'PlaceReserved',
      'ProviderOffer', 'RecordOfferAnswer', 'OfferAnswer', 'StartServicePeriod', 'AwaitServicePeriod', 'Closure', 'Closed',
    ]);
    expect(t.startedAt).toBe(recorded.find((e) => e.type === 'ExecutionStarted')!.timestamp!.toISOString());
    expect(t.stoppedAt).toBeDefined();
    expect(t.partial).toBe(false);
  });

  it('keeps only the events the picture needs', () => {
    const needed = recorded.filter(isNeededEvent);
    expect(needed.length).toBe(19 + 2);
    const enteredTypes = recorded.filter((e) => e.type!.endsWith('StateEntered')).map((e) => e.type);
    expect(new Set(needed.map((e) => e.type))).toEqual(new Set([...enteredTypes, 'ExecutionStarted', 'ExecutionSucceeded']));
  });

  it('passes over a state it does not know (added to the definition after this was deployed)', () => {
    const event: HistoryEvent = { id: 999, type: 'PassStateEntered', timestamp: new Date(), stateEnteredEventDetails: { name: 'SomethingNew' } };
    expect(traceOf('x', [...recorded, event], true).entered).toHaveLength(19);
  });
});

describe('lifecyclePicture, from the recorded history', () => {
  it('in review: submission and eligibility done, review current, the rest ahead', () => {
    const picture = lifecyclePicture([traceOf('APPLICATIONID', upTo(idOfEntered('CaseManagerReview')), true)], submittedAt);
    expect(picture.current).toBe('review');
    expect(progress(picture)).toEqual({ submission: 'done', eligibility: 'done', review: 'current', matching: 'upcoming', service: 'upcoming', reassessment: 'upcoming', closure: 'upcoming' });
    expect(picture.stages[0]).toMatchObject({ firstAt: submittedAt, label: { ko: '신청 접수', en: 'Submitted' } });
    expect(picture.ended).toBeUndefined();
  });

  it('waiting on the citizen: still the review, with the supplement counted', () => {
    const picture = lifecyclePicture([traceOf('APPLICATIONID', upTo(idOfEntered('AwaitSupplement')), true)]);
    expect(picture.current).toBe('review');
    expect(picture.stages.find((s) => s.stage === 'review')!.notes).toEqual([{ ko: '보완 요청 1회', en: '1 supplement request' }]);
  });

  it('in service: review and matching done, with the offer counted', () => {
    const picture = lifecyclePicture([traceOf('APPLICATIONID', upTo(idOfEntered('AwaitServicePeriod')), true)]);
    expect(progress(picture)).toEqual({ submission: 'done', eligibility: 'done', review: 'done', matching: 'done', service: 'current', reassessment: 'upcoming', closure: 'upcoming' });
    expect(picture.stages.find((s) => s.stage === 'matching')!.notes).toEqual([{ ko: '기관 제안 1회', en: '1 offer to agencies' }]);
    const review = picture.stages.find((s) => s.stage === 'review')!;
    expect(review.lastAt! > review.firstAt!).toBe(true);
  });

  it('closed early: closure current and ended, re-assessment skipped', () => {
    const picture = lifecyclePicture([traceOf('APPLICATIONID', recorded, true)]);
    expect(picture.ended).toBe('closed');
    expect(progress(picture)).toEqual({ submission: 'done', eligibility: 'done', review: 'done', matching: 'done', service: 'done', reassessment: 'skipped', closure: 'current' });
    expect(picture.executions).toEqual([expect.objectContaining({ name: 'APPLICATIONID', status: 'SUCCEEDED' })]);
  });
});

describe('lifecyclePicture, across executions', () => {
  it('rejected by the rules: closure current, noted rejected, the stages between skipped', () => {
    const picture = lifecyclePicture([trace('A', ['RouteByPeriod', 'CheckEligibility', 'EligibilityOutcome', 'RejectApplication', 'Rejected'], 'SUCCEEDED')]);
    expect(picture.ended).toBe('rejected');
    expect(progress(picture)).toEqual({ submission: 'done', eligibility: 'done', review: 'skipped', matching: 'skipped', service: 'skipped', reassessment: 'skipped', closure: 'current' });
    expect(picture.stages.at(-1)!.notes).toEqual([{ ko: '반려', en: 'Rejected' }]);
  });

  it('reopened by an override (<id>-r1): back in review, the earlier rejection no longer the end', () => {
    const picture = lifecyclePicture([
      trace('A', ['RouteByPeriod', 'CheckEligibility', 'EligibilityOutcome', 'RejectApplication', 'Rejected'], 'SUCCEEDED'),
      trace('A-r1', ['RouteByPeriod', 'CaseManagerReview']),
    ]);
    expect(picture.current).toBe('review');
    expect(picture.ended).toBeUndefined();
    expect(progress(picture)).toMatchObject({ eligibility: 'done', review: 'current', closure: 'upcoming' });
  });

  it('a review handed over (<id>-h1) and a second period released to matching (<id>-p2): where the newest execution is', () => {
    const picture = lifecyclePicture([
      trace('A', ['RouteByPeriod', 'CheckEligibility', 'EligibilityOutcome', 'CaseManagerReview', 'EscalateCaseManagerReview', 'CaseManagerReviewFitsThisExecution', 'ContinueCaseManagerReview', 'CaseManagerReviewContinued'], 'SUCCEEDED'),
      trace('A-h1', ['RouteByPeriod', 'CaseManagerReview', 'RecordCaseManagerReviewDecision', 'ReviewDecision', 'MatchProvider', 'PlaceReserved', 'WaitForPlace', 'MatchProvider', 'PlaceReserved', 'ProviderOffer', 'RecordOfferAnswer', 'OfferAnswer', 'StartServicePeriod', 'AwaitServicePeriod', 'CheckServicePeriod', 'ServicePeriodOver', 'Reassessment', 'RecordReassessmentDecision', 'ReassessmentDecision', 'StartNextPeriod', 'Extended', 'HandedToNextPeriod'], 'SUCCEEDED'),
      trace('A-p2', ['RouteByPeriod', 'MatchProvider', 'PlaceReserved', 'ProviderOffer']),
    ]);
    expect(picture.current).toBe('matching');
    // Service and re-assessment lie ahead again (the second period), though the first passed them.
    expect(progress(picture)).toEqual({ submission: 'done', eligibility: 'done', review: 'done', matching: 'current', service: 'upcoming', reassessment: 'upcoming', closure: 'upcoming' });
    const matching = picture.stages.find((s) => s.stage === 'matching')!;
    expect(matching.notes).toEqual([{ ko: '기관 제안 2회', en: '2 offers to agencies' }, { ko: '대기자 명단에서 대기', en: 'Waited on the waiting list' }]);
    expect(picture.executions.map((e) => e.name)).toEqual(['A', 'A-h1', 'A-p2']);
  });

  it('counts the service periods begun (an extension keeping its counsellor starts at the service)', () => {
    const picture = lifecyclePicture([
      trace('A', ['RouteByPeriod', 'CheckEligibility', 'CaseManagerReview', 'MatchProvider', 'ProviderOffer', 'StartServicePeriod', 'Reassessment', 'StartNextPeriod', 'HandedToNextPeriod'], 'SUCCEEDED'),
      trace('A-p2', ['RouteByPeriod', 'StartServicePeriod', 'AwaitServicePeriod', 'ContinueServicePeriod', 'ServicePeriodContinued'], 'SUCCEEDED'),
      trace('A-p2-h1', ['RouteByPeriod', 'ResumeServicePeriod', 'PeriodLeft', 'AwaitServicePeriod']),
    ]);
    expect(picture.current).toBe('service');
    expect(picture.stages.find((s) => s.stage === 'service')!.notes).toEqual([{ ko: '서비스 기간 2회차', en: 'Service period 2' }]);
  });

  it('a failed step: the stage where it failed stays current, marked failed', () => {
    const picture = lifecyclePicture([trace('A', ['RouteByPeriod', 'CheckEligibility', 'EligibilityOutcome', 'CaseManagerReview', 'RecordCaseManagerReviewDecision', 'RecordWorkflowFailure', 'WorkflowFailed'], 'FAILED')]);
    expect(picture.current).toBe('review');
    expect(picture.ended).toBe('failed');
    expect(picture.stages.find((s) => s.stage === 'review')!.notes).toEqual([{ ko: '처리 중 오류 — 감사 기록을 확인하세요', en: 'Failed here — see the audit trail' }]);
  });

  it('an execution stopped from outside (aborted, timed out): where it stopped, marked stopped', () => {
    const picture = lifecyclePicture([trace('A', ['RouteByPeriod', 'CheckEligibility', 'EligibilityOutcome', 'CaseManagerReview'], 'ABORTED')]);
    expect(picture).toMatchObject({ current: 'review', ended: 'stopped' });
  });

  it('before the first execution started: at submission', () => {
    const picture = lifecyclePicture([], submittedAt);
    expect(picture.current).toBe('submission');
    expect(progress(picture)).toMatchObject({ submission: 'current', eligibility: 'upcoming' });
  });

  it('a history too long to read whole: the stages behind the current one count as done', () => {
    const partial = { ...trace('A', ['AwaitServicePeriod']), partial: true };
    const picture = lifecyclePicture([partial]);
    expect(picture.partial).toBe(true);
    expect(progress(picture)).toMatchObject({ eligibility: 'done', review: 'done', matching: 'done', service: 'current' });
  });
});
