import { describe, expect, it } from 'vitest';
import { citizenClosure, closingSessionOf, closureRecord, outcomeSummary, retainUntil, wasHighRisk } from '../../../functions/closure/closure-record';
import { closingView } from '../../../functions/closure/citizen-closing';
import { screen } from '../../../functions/screening/score';
import type { Session, SessionEntry } from '../../../functions/service-period/session';
import type { Phq9Items, Gad7Items } from '../../../functions/screening/answers';

const by = { kind: 'staff' as const, userId: 'provider.maeum', groups: ['provider'] };

function entry(outcome: SessionEntry['outcome'], answers?: { phq9: number[]; gad7: number[] }): SessionEntry {
  const screening = answers ? { answers: answers as { phq9: Phq9Items; gad7: Gad7Items }, ...screen(answers as { phq9: Phq9Items; gad7: Gad7Items }) } : undefined;
  return { outcome, on: '2026-03-01', ...(outcome === 'held' ? { durationMinutes: 50 } : {}), ...(screening ? { screening } : {}), recordedAt: '2026-03-01T01:00:00.000Z', recordedBy: by };
}

/** A youth plan of `count` sessions: the first a pre-test, the last the closing session. */
function plan(period: number, count: number, records: Record<number, SessionEntry>, history: Record<number, SessionEntry[]> = {}): Session[] {
  return Array.from({ length: count }, (_, i) => ({
    sessionId: `${period}-${String(i + 1).padStart(2, '0')}`,
    number: i + 1,
    kind: i === 0 ? 'pre-test' : i === count - 1 ? 'closing' : 'counselling',
    plannedOn: '2026-03-01',
    plannedMinutes: 50,
    applicationId: 'A',
    period,
    agencyId: 'P',
    counsellorId: 'C',
    ...(records[i + 1] ? { record: records[i + 1] } : {}),
    history: history[i + 1] ?? [],
  }));
}

const moderate = { phq9: [2, 2, 2, 2, 2, 2, 1, 1, 0], gad7: [2, 2, 2, 1, 1, 1, 1] }; // PHQ-9 14, GAD-7 10
const mild = { phq9: [1, 1, 1, 1, 1, 1, 0, 0, 0], gad7: [1, 1, 1, 0, 0, 0, 0] }; // PHQ-9 6, GAD-7 3
const selfHarm = { phq9: [1, 1, 1, 1, 1, 1, 1, 1, 1], gad7: [0, 0, 0, 0, 0, 0, 0] }; // item 9 > 0

describe('retainUntil', () => {
  it('keeps service records until the same Seoul day five years after closure', () => {
    expect(retainUntil('2026-03-01T05:00:00.000Z')).toBe('2031-03-01');
  });

  it('counts the Seoul day: a closure late on the UTC evening is already the next day in Seoul', () => {
    expect(retainUntil('2026-12-31T16:00:00.000Z')).toBe('2032-01-01');
  });

  it('keeps a closure on 29 February until 1 March, a day longer rather than short', () => {
    expect(retainUntil('2028-02-29T03:00:00.000Z')).toBe('2033-03-01');
  });
});

describe('outcomeSummary', () => {
  it('compares the pre-test with the closing post-test: totals, bands and their change', () => {
    const summary = outcomeSummary(plan(1, 10, { 1: entry('held', moderate), 10: entry('held', mild) }));
    expect(summary.pre?.phq9).toMatchObject({ total: 14, band: 'moderate' });
    expect(summary.post?.phq9).toMatchObject({ total: 6, band: 'mild' });
    expect(summary.change?.phq9).toMatchObject({ totalChange: -8, bandChange: -1, direction: 'improved' });
    expect(summary.change?.gad7).toMatchObject({ totalChange: -7, direction: 'improved' });
    expect(summary.change?.phq9.summary.ko).toBe('PHQ-9 14 → 6, 중등도 → 경도');
  });

  it('takes the pre-test of the first period and the post-test of the last', () => {
    const sessions = [...plan(2, 10, { 1: entry('held', mild), 10: entry('held', mild) }), ...plan(1, 10, { 1: entry('held', moderate), 10: entry('held', moderate) })];
    const summary = outcomeSummary(sessions);
    expect(summary.pre?.sessionId).toBe('1-01');
    expect(summary.post?.sessionId).toBe('2-10');
  });

  it('has no change without a post-test, and keeps the pre-test', () => {
    const summary = outcomeSummary(plan(1, 10, { 1: entry('held', moderate), 10: entry('held') }));
    expect(summary.pre?.phq9.total).toBe(14);
    expect(summary.post).toBeUndefined();
    expect(summary.change).toBeUndefined();
  });
});

describe('wasHighRisk', () => {
  it('is true when any screening of the case was high risk, a corrected one too', () => {
    expect(wasHighRisk(plan(1, 10, { 1: entry('held', moderate) }))).toBe(false);
    expect(wasHighRisk(plan(1, 10, { 10: entry('held', selfHarm) }))).toBe(true);
    expect(wasHighRisk(plan(1, 10, { 1: entry('held', mild) }, { 1: [entry('held', selfHarm)] }))).toBe(true);
  });
});

describe('closingSessionOf', () => {
  it('says whether the closing session was held and its post-test recorded', () => {
    expect(closingSessionOf(plan(1, 10, { 10: entry('held', mild) }), 1)).toEqual({ held: true, postTest: true });
    expect(closingSessionOf(plan(1, 10, { 10: entry('held') }), 1)).toEqual({ held: true, postTest: false });
    expect(closingSessionOf(plan(1, 10, { 10: entry('no-show') }), 1)).toEqual({ held: false, postTest: false });
    expect(closingSessionOf(plan(1, 10, {}), 2)).toEqual({ held: false, postTest: false });
  });
});

describe('closureRecord', () => {
  const closedAt = '2026-06-01T03:00:00.000Z';

  it('records a completed case with its outcome, retention date and no missing closing session', () => {
    const record = closureRecord({ closedAt, period: 1, sessions: plan(1, 10, { 1: entry('held', moderate), 10: entry('held', mild) }), basis: 'plan-complete' });
    expect(record).toMatchObject({ kind: 'completed', reason: { code: 'plan-complete' }, closingSession: { held: true, postTest: true }, highRisk: false, retainUntil: '2031-06-01' });
    expect(record.closingSession.missing).toBeUndefined();
    expect(record.reason.label.ko).toBeTruthy();
  });

  it('counts the sessions held over the whole case, as they stand at closure (a correction counts as it now reads)', () => {
    const first = plan(1, 10, { 1: entry('held', moderate), 2: entry('held'), 3: entry('no-show'), 4: entry('cancelled') });
    const second = plan(2, 10, { 1: entry('held'), 2: entry('held') }, { 2: [entry('no-show')] });
    expect(closureRecord({ closedAt, period: 2, sessions: [...first, ...second], basis: 'period-end' }).sessionsHeld).toBe(4);
    expect(closureRecord({ closedAt, period: 1, sessions: [], basis: 'period-end' }).sessionsHeld).toBe(0);
  });

  it("carries the case manager's reason for a missing post-test, or says none was given", () => {
    const sessions = plan(1, 10, { 1: entry('held', moderate), 10: entry('no-show') });
    const given = closureRecord({ closedAt, period: 1, sessions, basis: 'period-end', missing: { code: 'unreachable', note: '세 번 전화, 문자 무응답' } });
    expect(given.closingSession.missing).toMatchObject({ code: 'unreachable', note: '세 번 전화, 문자 무응답', label: { en: 'Could not be reached' } });
    expect(closureRecord({ closedAt, period: 1, sessions, basis: 'period-end' }).closingSession.missing?.code).toBe('not-given');
  });

  it('records an early closure with who asked, their reason and note, and the closing session as closed early', () => {
    const request = { reason: 'drop-out' as const, note: '연락 두절 3주', by: { kind: 'staff' as const, userId: 'caseworker.jongno', groups: ['caseworker'] }, at: closedAt };
    const record = closureRecord({ closedAt, period: 1, sessions: plan(1, 10, { 1: entry('held', selfHarm) }), request, basis: 'period-end', referralTaskId: 'A.x' });
    expect(record).toMatchObject({ kind: 'early', reason: { code: 'drop-out', note: '연락 두절 3주' }, requested: { at: closedAt }, highRisk: true, referralTaskId: 'A.x' });
    expect(record.closingSession.missing?.code).toBe('closed-early');
  });
});

describe('what the citizen sees of a closure', () => {
  const closedAt = '2026-06-01T03:00:00.000Z';
  const staffRequest = { reason: 'drop-out' as const, note: 'staff only', by: { kind: 'staff' as const, userId: 'cw', groups: ['caseworker'] }, at: closedAt };
  const withdrawal = { reason: 'withdrawal-no-time' as const, note: '직장 때문에', by: { kind: 'citizen' as const }, at: closedAt };

  it("shows the reason in words, never a code or a case manager's note", () => {
    const record = closureRecord({ closedAt, period: 1, sessions: [], request: staffRequest, basis: 'period-end' });
    const shown = citizenClosure(record, staffRequest);
    expect(shown).toEqual({ closedAt, reason: record.reason.label });
    expect(JSON.stringify(shown)).not.toContain('staff only');
    expect(JSON.stringify(shown)).not.toContain('drop-out');
  });

  it('gives the person their own words back, and a pending request as being handled', () => {
    const record = closureRecord({ closedAt, period: 1, sessions: [], request: withdrawal, basis: 'period-end' });
    expect(citizenClosure(record, withdrawal).yourNote).toBe('직장 때문에');
    const pending = closingView({ status: 'in-service', closingRequest: withdrawal });
    expect(pending.closing?.reason.ko).toContain('시간');
    expect(closingView({ status: 'in-service' })).toEqual({});
  });
});
