import { describe, expect, it } from 'vitest';
import { getProgramme } from '../../../forms';
import { addWorkingDays, attendanceAlarm, trailingNoShowRun } from '../../../functions/service-period/attendance';
import { sessionSchedule } from '../../../functions/service-period/schedule';
import type { Session, SessionOutcome } from '../../../functions/service-period/session';

const recordedBy = { kind: 'staff', userId: 'provider.maeum', groups: ['providers'] } as never;

/** A youth plan of ten sessions; `outcomes[i]` is the record of session i+1 (undefined: not recorded yet). */
function sessions(...outcomes: (SessionOutcome | undefined)[]): Session[] {
  const plan = sessionSchedule(getProgramme('youth').plan, 1, new Date('2026-03-02T00:00:00Z'));
  return plan.map((s, i) => {
    const outcome = outcomes[i];
    const base: Session = { ...s, applicationId: 'A', period: 1, agencyId: 'P', counsellorId: 'C', history: [] };
    return outcome ? { ...base, record: { outcome, on: s.plannedOn, recordedAt: '2026-03-02T00:00:00.000Z', recordedBy } } : base;
  });
}
const id = (n: number) => `1-${String(n).padStart(2, '0')}`;
const none = new Set<string>();

describe('trailingNoShowRun', () => {
  it('is the no-shows at the end of the record, in planned order', () => {
    expect(trailingNoShowRun(sessions('held', 'no-show', 'no-show')).map((s) => s.number)).toEqual([2, 3]);
  });
  it('skips sessions not recorded yet', () => {
    expect(trailingNoShowRun(sessions('no-show', undefined, 'no-show', 'no-show')).map((s) => s.number)).toEqual([1, 3, 4]);
  });
  it('ends at a session that was held, cancelled or rescheduled', () => {
    expect(trailingNoShowRun(sessions('no-show', 'no-show', 'cancelled', 'no-show')).map((s) => s.number)).toEqual([4]);
    expect(trailingNoShowRun(sessions('no-show', 'no-show', 'no-show', 'held'))).toEqual([]);
  });
});

describe('attendanceAlarm', () => {
  it('calls for the case manager on the third no-show in a row, naming the three with their days', () => {
    const after = sessions('held', 'no-show', 'no-show', 'no-show');
    expect(attendanceAlarm(after, id(4), none)).toEqual([
      { sessionId: id(2), number: 2, on: after[1]!.plannedOn },
      { sessionId: id(3), number: 3, on: after[2]!.plannedOn },
      { sessionId: id(4), number: 4, on: after[3]!.plannedOn },
    ]);
  });
  it('does not on the second', () => {
    expect(attendanceAlarm(sessions('held', 'no-show', 'no-show'), id(3), none)).toBeUndefined();
  });
  it('counts a no-show recorded late into its place in the plan', () => {
    // Sessions 2 and 4 were missed; session 3 was recorded last, as missed too.
    expect(attendanceAlarm(sessions('held', 'no-show', 'no-show', 'no-show'), id(3), none)?.map((m) => m.number)).toEqual([2, 3, 4]);
  });
  it('ignores sessions not recorded yet between the no-shows', () => {
    expect(attendanceAlarm(sessions('no-show', undefined, 'no-show', 'no-show'), id(4), none)?.map((m) => m.number)).toEqual([1, 3, 4]);
  });
  it('never on a correction to held', () => {
    // Three no-shows, the last corrected to held: the run is two long.
    expect(attendanceAlarm(sessions('no-show', 'no-show', 'held'), id(3), none)).toBeUndefined();
    // The first corrected to held while three later no-shows stand: not this record's doing.
    expect(attendanceAlarm(sessions('held', 'no-show', 'no-show', 'no-show'), id(1), none)).toBeUndefined();
  });
  it('not for a no-show recorded behind a session that was attended since', () => {
    expect(attendanceAlarm(sessions('no-show', 'no-show', 'no-show', 'held'), id(2), none)).toBeUndefined();
  });
  it('once per run: a fourth no-show, a retry, or a correction back and forth is the run already flagged', () => {
    const flagged = new Set([id(2), id(3), id(4)]);
    expect(attendanceAlarm(sessions('held', 'no-show', 'no-show', 'no-show', 'no-show'), id(5), flagged)).toBeUndefined();
    expect(attendanceAlarm(sessions('held', 'no-show', 'no-show', 'no-show'), id(4), flagged)).toBeUndefined();
    // Session 1 corrected from held to no-show: the run grows backwards, still the same run.
    expect(attendanceAlarm(sessions('no-show', 'no-show', 'no-show', 'no-show'), id(1), flagged)).toBeUndefined();
  });
  it('again for a new run after the family came back', () => {
    const flagged = new Set([id(2), id(3), id(4)]);
    expect(attendanceAlarm(sessions('held', 'no-show', 'no-show', 'no-show', 'held', 'no-show', 'no-show', 'no-show'), id(8), flagged)?.map((m) => m.number)).toEqual([6, 7, 8]);
  });
});

describe('addWorkingDays', () => {
  it('counts weekdays at the same time of day', () => {
    // Monday 10:00 KST → Thursday 10:00 KST.
    expect(addWorkingDays(new Date('2026-03-02T01:00:00Z'), 3).toISOString()).toBe('2026-03-05T01:00:00.000Z');
  });
  it('skips the weekend in Seoul', () => {
    // Thursday 10:00 KST → Tuesday 10:00 KST.
    expect(addWorkingDays(new Date('2026-03-05T01:00:00Z'), 3).toISOString()).toBe('2026-03-10T01:00:00.000Z');
    // Friday 23:30 KST is Friday 14:30 UTC: Seoul's weekday counts, not UTC's → Wednesday 23:30 KST.
    expect(addWorkingDays(new Date('2026-03-06T14:30:00Z'), 3).toISOString()).toBe('2026-03-11T14:30:00.000Z');
  });
  it('from a Saturday, the first working day is Monday', () => {
    expect(addWorkingDays(new Date('2026-03-07T01:00:00Z'), 3).toISOString()).toBe('2026-03-11T01:00:00.000Z');
  });
});
