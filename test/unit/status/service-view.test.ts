import { describe, expect, it } from 'vitest';
import { copayDue } from '../../../functions/ledger/copay-due';
import type { Agency } from '../../../functions/providers/registry';
import type { Session, SessionEntry } from '../../../functions/service-period/session';
import { citizenService, nextSessionOn, showsService } from '../../../functions/status/service-view';

const agency = {
  agencyId: 'P-MAEUMSUP',
  name: { ko: '마음숲 상담센터', en: 'Maeumsup Counselling Centre' },
  phone: '02-720-1234',
  address: '서울 종로구 율곡로 1',
  email: 'office@maeumsup.example',
} as Agency;

const by: SessionEntry['recordedBy'] = { kind: 'staff', userId: 'provider.maeum', groups: ['provider'], sourceIp: '10.0.0.7' };

function session(number: number, plannedOn: string, record?: Partial<SessionEntry>): Session {
  return {
    sessionId: `1-${String(number).padStart(2, '0')}`,
    number,
    kind: number === 1 ? 'pre-test' : number === 10 ? 'closing' : 'counselling',
    plannedOn,
    plannedMinutes: number === 1 ? 90 : 50,
    applicationId: 'A01JZ8Q4M6T2V5X7Y9B3C1D0EF',
    period: 1,
    agencyId: 'P-MAEUMSUP',
    counsellorId: 'C-0001',
    ...(record ? { record: { outcome: 'held', on: plannedOn, recordedAt: `${plannedOn}T09:00:00.000Z`, recordedBy: by, ...record } } : {}),
    history: [],
  };
}

/** Weekly from Monday 2 March 2026. */
const day = (i: number) => new Date(Date.UTC(2026, 2, 2 + i * 7)).toISOString().slice(0, 10);
const plan = Array.from({ length: 10 }, (_, i) => session(i + 1, day(i)));

describe('citizenService', () => {
  it('counts held sessions as used and the rest as left, and names the agency and its phone', () => {
    const sessions = [session(1, '2026-03-02', { outcome: 'held', durationMinutes: 90, note: '첫 회기: 가족 이야기' }), ...plan.slice(1)];
    expect(citizenService(agency, sessions, '2026-03-03')).toEqual({
      provider: { name: agency.name, phone: '02-720-1234' },
      sessionsPlanned: 10,
      sessionsHeld: 1,
      sessionsLeft: 9,
      nextSessionOn: '2026-03-09',
    });
  });

  it('never passes on the counsellor, who recorded a session, or a staff note', () => {
    const sessions = [session(1, '2026-03-02', { outcome: 'held', durationMinutes: 90, note: '자해 언급 있음' }), ...plan.slice(1)];
    const shown = JSON.stringify(citizenService(agency, sessions, '2026-03-03'));
    for (const hidden of ['10.0.0.7', 'C-0001', 'provider.maeum', '자해', 'note', 'recordedBy', 'address', 'email']) expect(shown).not.toContain(hidden);
  });

  it('does not count missed, cancelled or rescheduled sessions as used', () => {
    const sessions = [
      session(1, '2026-03-02', { outcome: 'held', durationMinutes: 90 }),
      session(2, '2026-03-09', { outcome: 'no-show' }),
      session(3, '2026-03-16', { outcome: 'cancelled', cancelledBy: 'applicant' }),
      session(4, '2026-03-23', { outcome: 'rescheduled', rescheduledTo: '2026-03-25' }),
      ...plan.slice(4),
    ];
    expect(citizenService(agency, sessions, '2026-03-24')).toMatchObject({ sessionsHeld: 1, sessionsLeft: 9, nextSessionOn: '2026-03-25' });
  });
});

describe('citizenService with the copay due', () => {
  it("carries this month's copay from the ledger core, in won and percent, never the tier code or a rule version", () => {
    const application = { id: 'A-1', receiptNumber: 'DB-2026-0001', programme: 'youth', programmeVersion: '2026.1', district: '11110', answers: { counsellorType: 'A' }, eligibility: { ruleVersion: 'median-2026', copay: { tier: 'youth', ratePercent: 10, amountKrw: 60_000 } } };
    const sessions = [session(1, '2026-03-02', { outcome: 'held', durationMinutes: 90 }), session(2, '2026-03-09', { outcome: 'held', durationMinutes: 50 }), ...plan.slice(2)];
    const shown = citizenService(agency, sessions, '2026-03-10', copayDue(application, sessions, '2026-03-10'));
    // 2 held sessions × 600,000 / 10 = 120,000; 10 % = 12,000.
    expect(shown.copayDue).toEqual({ month: '2026-03', sessionsUsed: 2, copayKrw: 12_000, ratePercent: 10 });
    for (const hidden of ['tier', 'median-2026', '2026.1']) expect(JSON.stringify(shown)).not.toContain(hidden);
  });

  it('leaves the copay out when none is given', () => {
    expect(citizenService(agency, plan, '2026-03-03')).not.toHaveProperty('copayDue');
  });
});

describe('nextSessionOn', () => {
  it('is the planned day of the first session not yet recorded, today included', () => {
    expect(nextSessionOn(plan, '2026-03-09')).toBe('2026-03-09');
  });

  it('skips a past planned day nothing was recorded for: that is the agency’s to record, not an appointment', () => {
    expect(nextSessionOn(plan, '2026-03-10')).toBe('2026-03-16');
  });

  it('takes a rescheduled session on the day it was moved to, even when that comes after later planned ones', () => {
    const sessions = [session(1, '2026-03-02', { outcome: 'rescheduled', rescheduledTo: '2026-03-20' }), session(2, '2026-03-09'), session(3, '2026-03-16')];
    expect(nextSessionOn(sessions, '2026-03-03')).toBe('2026-03-09');
    expect(nextSessionOn(sessions, '2026-03-17')).toBe('2026-03-20');
  });

  it('is absent once every session is behind', () => {
    const sessions = [session(1, '2026-03-02', { outcome: 'held', durationMinutes: 90 }), session(2, '2026-03-09', { outcome: 'cancelled', cancelledBy: 'provider' })];
    expect(nextSessionOn(sessions, '2026-03-03')).toBeUndefined();
  });
});

describe('showsService', () => {
  const servicePeriod = { period: 1, startsAt: '2026-03-01T00:00:00.000Z', endsAt: '2026-06-01T00:00:00.000Z' };
  it('while the agency serves the person: in service and in re-assessment', () => {
    expect(showsService({ status: 'in-service', providerId: 'P-MAEUMSUP', servicePeriod })).toBe(true);
    expect(showsService({ status: 'reassessment', providerId: 'P-MAEUMSUP', servicePeriod })).toBe(true);
  });
  it('not before the service starts, nor after it closed', () => {
    expect(showsService({ status: 'matching' })).toBe(false);
    expect(showsService({ status: 'matched', providerId: 'P-MAEUMSUP' })).toBe(false);
    expect(showsService({ status: 'closed', providerId: 'P-MAEUMSUP', servicePeriod })).toBe(false);
  });
});
