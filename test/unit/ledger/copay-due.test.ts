import { describe, expect, it } from 'vitest';
import { copayDue } from '../../../functions/ledger/copay-due';
import type { SessionOutcome } from '../../../functions/service-period/session';

const by = { kind: 'staff' as const, userId: 'agency-staff', groups: ['provider'] };
const recorded = (outcome: SessionOutcome, period: number, ...days: string[]) =>
  days.map((on) => ({ period, record: { outcome, on, recordedAt: `${on}T09:00:00Z`, recordedBy: by } }));

const youth = (ratePercent: number, tier: 'youth' | 'youth-leaving-care' = 'youth') => ({
  id: 'A-1',
  receiptNumber: 'DB-2026-0001',
  programme: 'youth',
  district: '11110',
  answers: { counsellorType: 'A' },
  eligibility: { copay: { tier, ratePercent, amountKrw: 0 } },
});

describe('copayDue', () => {
  it("is the copay of the sessions held so far in today's month: youth A, 10 %, two sessions → 2 × 60,000 × 10 % = 12,000", () => {
    const sessions = [...recorded('held', 1, '2026-10-27', '2026-11-03', '2026-11-10'), ...recorded('no-show', 1, '2026-11-17')];
    expect(copayDue(youth(10), sessions, '2026-11-20')).toEqual({ month: '2026-11', sessionsUsed: 2, copayKrw: 12_000, ratePercent: 10 });
  });

  it('counts a month that ends one period and begins the next: child 30 %, 2 + 1 sessions of 4 → 160,000 × 3/4 × 30 % = 36,000', () => {
    const child = { ...youth(30), programme: 'child-adolescent', answers: {}, eligibility: { copay: { tier: 'tier3', ratePercent: 30 } } };
    const sessions = [...recorded('held', 1, '2026-11-02', '2026-11-09'), ...recorded('held', 2, '2026-11-23')];
    expect(copayDue(child, sessions, '2026-11-30')).toMatchObject({ sessionsUsed: 3, copayKrw: 36_000 });
  });

  it('is nothing for a young person leaving care', () => {
    expect(copayDue(youth(0, 'youth-leaving-care'), recorded('held', 1, '2026-11-03'), '2026-11-04')).toEqual({ month: '2026-11', sessionsUsed: 1, copayKrw: 0, ratePercent: 0 });
  });

  it('is 0 early in a month with no session yet', () => {
    expect(copayDue(youth(10), recorded('held', 1, '2026-10-27'), '2026-11-01')).toMatchObject({ sessionsUsed: 0, copayKrw: 0 });
  });

  it('says nothing when no copay is decided, rather than a wrong figure', () => {
    expect(copayDue({ ...youth(10), eligibility: { outcome: 'needs-review' } }, recorded('held', 1, '2026-11-03'), '2026-11-04')).toBeUndefined();
  });
});
