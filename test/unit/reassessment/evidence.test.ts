import { describe, expect, it } from 'vitest';
import type { Gad7Items, Phq9Items } from '../../../functions/screening/answers';
import { screen } from '../../../functions/screening/score';
import { reassessmentEvidence } from '../../../functions/reassessment/evidence';
import type { Session, SessionEntry } from '../../../functions/service-period/session';
import { sessionSchedule } from '../../../functions/service-period/schedule';
import { getProgramme } from '../../../forms';

const by = { kind: 'staff', userId: 'provider.maeum', groups: ['provider'], districts: [] } as unknown as SessionEntry['recordedBy'];
const START = new Date('2026-01-05T00:00:00Z');

/** The plan's sessions of a period as StartServicePeriod writes them, none recorded yet. */
function planned(programme: string, period: number): Session[] {
  return sessionSchedule(getProgramme(programme).plan, period, START).map((s) => ({
    ...s,
    applicationId: 'A1',
    period,
    agencyId: 'P-MAEUMSUP',
    counsellorId: 'C1',
    history: [],
  }));
}

function record(session: Session, entry: Partial<SessionEntry> & Pick<SessionEntry, 'outcome'>, history: SessionEntry[] = []): Session {
  return { ...session, record: { on: session.plannedOn, recordedAt: '2026-02-01T00:00:00Z', recordedBy: by, ...entry }, history };
}

function tested(phq9: Phq9Items, gad7: Gad7Items): SessionEntry['screening'] {
  return { answers: { phq9, gad7 }, ...screen({ phq9, gad7 }) };
}

const severe18: Phq9Items = [2, 2, 2, 2, 2, 2, 2, 2, 2];
const mild9: Phq9Items = [1, 1, 1, 1, 1, 1, 1, 1, 1];
const gadModerate12: Gad7Items = [2, 2, 2, 2, 2, 2, 0];
const gadMinimal4: Gad7Items = [1, 1, 1, 1, 0, 0, 0];

/** A youth period: pre-test, eight sessions with every kind of outcome, and the closing post-test. */
function youthPeriod(period = 1): Session[] {
  const [pre, s2, s3, s4, s5, s6, s7, s8, s9, closing] = planned('youth', period);
  return [
    record(pre!, { outcome: 'held', durationMinutes: 90, screening: tested(severe18, gadModerate12) }),
    record(s2!, { outcome: 'held', durationMinutes: 50 }),
    record(s3!, { outcome: 'no-show' }),
    record(s4!, { outcome: 'cancelled', cancelledBy: 'applicant' }),
    record(s5!, { outcome: 'cancelled', cancelledBy: 'provider' }),
    record(s6!, { outcome: 'rescheduled', rescheduledTo: '2026-12-01' }),
    // Recorded as missed, then corrected to held: counted once, as held, with one correction.
    record(s7!, { outcome: 'held', durationMinutes: 50 }, [{ outcome: 'no-show', on: s7!.plannedOn, recordedAt: '2026-01-30T00:00:00Z', recordedBy: by }]),
    s8!,
    s9!,
    record(closing!, { outcome: 'held', durationMinutes: 50, screening: tested(mild9, gadMinimal4) }),
  ];
}

const servicePeriod = { period: 1, startsAt: START.toISOString(), endsAt: '2026-04-05T00:00:00.000Z', sessionsPlanned: 10 };

describe('reassessmentEvidence', () => {
  const evidence = reassessmentEvidence({ id: 'A1', programme: 'youth', period: 1, servicePeriod }, youthPeriod());

  it('states the plan: programme, period n of the cap, its dates and sessions planned', () => {
    expect(evidence.plan).toMatchObject({
      programme: 'youth',
      period: 1,
      maxPeriods: 4,
      periodMonths: 3,
      maxMonths: 12,
      startsAt: '2026-01-05T00:00:00.000Z',
      endsAt: '2026-04-05T00:00:00.000Z',
      sessionsPlanned: 10,
    });
    expect(evidence.plan.programmeName.ko).toBe(getProgramme('youth').name.ko);
  });

  it('counts held, no-show, cancelled by whom, rescheduled and not yet recorded', () => {
    expect(evidence.attendance).toEqual({
      period: 1,
      planned: 10,
      held: 4,
      noShow: 1,
      cancelledByApplicant: 1,
      cancelledByProvider: 1,
      rescheduled: 1,
      notRecorded: 2,
      // 4 held of 6 due (4 held + 1 no-show + 1 cancelled by the applicant); the provider's cancellation does not count.
      rate: 4 / 6,
    });
  });

  it('lists the sessions in planned order with what was recorded', () => {
    expect(evidence.sessions.map((s) => s.outcome ?? '-')).toEqual(['held', 'held', 'no-show', 'cancelled', 'cancelled', 'rescheduled', 'held', '-', '-', 'held']);
    expect(evidence.sessions[3]).toMatchObject({ cancelledBy: 'applicant' });
    expect(evidence.sessions[5]).toMatchObject({ rescheduledTo: '2026-12-01' });
    expect(evidence.sessions[6]).toMatchObject({ corrections: 1, durationMinutes: 50 });
    expect(evidence.sessions.filter((s) => s.screened).map((s) => s.kind)).toEqual(['pre-test', 'closing']);
  });

  it('compares the pre-test with the post-test, in words: "PHQ-9 18 → 9, 중등도-고도 → 경도, 개선"', () => {
    const { tests } = evidence;
    expect(tests.pre).toMatchObject({ sessionId: '1-01', phq9: { total: 18, band: 'moderately-severe' }, gad7: { total: 12, band: 'moderate' } });
    expect(tests.post).toMatchObject({ sessionId: '1-10', phq9: { total: 9, band: 'mild' }, gad7: { total: 4, band: 'minimal' } });
    expect(tests.changes.map((c) => c.summary.ko)).toEqual(['PHQ-9 18 → 9, 중등도-고도 → 경도, 개선', 'GAD-7 12 → 4, 중등도 → 최소, 개선']);
    expect(tests.changes[0]).toMatchObject({ totalChange: -9, bandChange: -2, direction: 'improved' });
    expect(tests.changes[0]!.summary.en).toBe('PHQ-9 18 → 9, moderately severe → mild, improved');
    expect(tests.missing).toEqual([]);
  });

  it('says a worsening as one', () => {
    const sessions = youthPeriod();
    sessions[9] = record(sessions[9]!, { outcome: 'held', durationMinutes: 50, screening: tested([3, 3, 3, 3, 3, 3, 2, 0, 0], gadModerate12) });
    const { tests } = reassessmentEvidence({ id: 'A1', programme: 'youth', period: 1, servicePeriod }, sessions);
    expect(tests.changes.map((c) => c.summary.ko)).toEqual(['PHQ-9 18 → 20, 중등도-고도 → 고도, 악화', 'GAD-7 12 → 12, 중등도 → 중등도, 변화 없음']);
  });

  it('names what is missing when the post-test is not held yet, and compares nothing', () => {
    const sessions = youthPeriod();
    sessions[9] = planned('youth', 1)[9]!;
    const { tests } = reassessmentEvidence({ id: 'A1', programme: 'youth', period: 1, servicePeriod }, sessions);
    expect(tests.pre?.phq9.total).toBe(18);
    expect(tests.post).toBeUndefined();
    expect(tests.changes).toEqual([]);
    expect(tests.missing.map((m) => m.en)).toEqual(['No post-test (closing session) result in this period yet']);
  });

  it('reads only the current period, and sums earlier periods apart', () => {
    const second = planned('youth', 2).map((s, i) => (i === 0 ? record(s, { outcome: 'no-show' }) : s));
    const evidence2 = reassessmentEvidence(
      { id: 'A1', programme: 'youth', period: 2, servicePeriod: { ...servicePeriod, period: 2, sessionsPlanned: 10 } },
      [...youthPeriod(1), ...second],
    );
    expect(evidence2.attendance).toMatchObject({ period: 2, held: 0, noShow: 1, notRecorded: 9, rate: 0 });
    expect(evidence2.earlierPeriods).toEqual([expect.objectContaining({ period: 1, held: 4, noShow: 1 })]);
    expect(evidence2.tests.pre).toBeUndefined();
    expect(evidence2.tests.missing).toHaveLength(2);
    expect(evidence2.sessions.every((s) => s.sessionId.startsWith('2-'))).toBe(true);
  });

  it('has no attendance rate before any session was due', () => {
    const fresh = reassessmentEvidence({ id: 'A1', programme: 'youth', period: 1, servicePeriod }, planned('youth', 1));
    expect(fresh.attendance).toMatchObject({ held: 0, notRecorded: 10, rate: null });
  });
});

describe('the extension under the programme caps', () => {
  const capOf = (programme: string, period: number) =>
    reassessmentEvidence({ id: 'A1', programme, period, servicePeriod: undefined }, planned(programme, period)).extension;

  it('allows the youth voucher three extensions, up to 12 months', () => {
    expect([1, 2, 3].map((p) => capOf('youth', p))).toEqual([
      { allowed: true, nextPeriod: 2, monthsAfter: 6 },
      { allowed: true, nextPeriod: 3, monthsAfter: 9 },
      { allowed: true, nextPeriod: 4, monthsAfter: 12 },
    ]);
    const fourth = capOf('youth', 4);
    expect(fourth.allowed).toBe(false);
    expect(fourth.allowed === false && fourth.reason.ko).toContain('최대 3회');
    expect(fourth.allowed === false && fourth.reason.en).toContain('15 months, past the maximum of 12');
  });

  it('allows the child programme one extension, to 24 months', () => {
    expect(capOf('child-adolescent', 1)).toMatchObject({ allowed: true, monthsAfter: 24 });
    const second = capOf('child-adolescent', 2);
    expect(second.allowed).toBe(false);
    expect(second.allowed === false && second.reason.ko).toContain('최대 24개월');
    expect(second.allowed === false && second.reason.en).toContain('at most 1 extension by re-assessment, and 1 already used');
  });

  it('allows the parent programme one extension, to 12 months', () => {
    expect(capOf('parent', 1)).toMatchObject({ allowed: true, monthsAfter: 12 });
    expect(capOf('parent', 2)).toMatchObject({ allowed: false, monthsAfter: 18 });
  });

  it('gives the cap in periods: child 2, parent 2, youth 4', () => {
    const maxPeriods = (programme: string) => reassessmentEvidence({ id: 'A1', programme, period: 1 }, []).plan.maxPeriods;
    expect(['child-adolescent', 'parent', 'youth'].map(maxPeriods)).toEqual([2, 2, 4]);
  });
});
