import { describe, expect, it } from 'vitest';
import type { CopayTier } from '../../../forms/types';
import { districtLedger, LedgerIncomplete, type DistrictLedgerReads, type LedgerCase, type LedgerSession } from '../../../functions/ledger/district-ledger';
import type { SessionOutcome } from '../../../functions/service-period/session';

/**
 * A fixture district (마포구 11440), March 2026, computed by hand:
 *
 * | application | programme      | copay      | March                                         | row                                                |
 * |-------------|----------------|------------|-----------------------------------------------|----------------------------------------------------|
 * | A-PARENT    | parent 240,000 | tier2 20 % | 2, 9, 16 held at P-MAPO                       | 240,000 × 3/4 = 180,000; copay 36,000; gov 144,000 |
 * | A-YOUTH     | youth A 60,000 | youth 10 % | 3, 10 held at P-MAEUMSUP (the package's 1st on Feb 24, at P-SINCHON) | 2 × 60,000 = 120,000; copay 12,000; gov 108,000 |
 * | A-MOVED     | parent         | tier1 10 % | the held 31 March corrected to 1 April        | no row (nothing used in March)                     |
 * | A-ELSEWHERE | parent         | tier1      | the index names it, but it is in 11110        | no row                                             |
 * | A-GONE      | —              | —          | the index names it, the application is gone   | no row                                             |
 */
const by = { kind: 'staff' as const, userId: 'agency-staff', groups: ['provider'] };
const recorded = (outcome: SessionOutcome, agencyId: string, period: number, ...days: string[]): LedgerSession[] =>
  days.map((on) => ({ period, agencyId, record: { outcome, on, recordedAt: `${on}T09:00:00Z`, recordedBy: by } }));

function application(id: string, programme: string, district: string, tier: CopayTier, ratePercent: number, extra: Partial<LedgerCase> = {}): LedgerCase {
  return {
    id,
    receiptNumber: `DB-2026-${id.slice(2)}`,
    programme,
    district,
    answers: programme === 'youth' ? { counsellorType: 'A' } : {},
    eligibility: { copay: { tier, ratePercent, amountKrw: 0 } },
    providerId: 'P-NOW',
    period: 1,
    ...extra,
  };
}

const store: Record<string, { application: LedgerCase; sessions: LedgerSession[] }> = {
  'A-YOUTH': {
    application: application('A-YOUTH', 'youth', '11440', 'youth', 10),
    sessions: [...recorded('held', 'P-SINCHON', 1, '2026-02-24'), ...recorded('held', 'P-MAEUMSUP', 1, '2026-03-03', '2026-03-10')],
  },
  'A-PARENT': {
    application: application('A-PARENT', 'parent', '11440', 'tier2', 20),
    sessions: [...recorded('held', 'P-MAPO', 1, '2026-03-02', '2026-03-09', '2026-03-16'), ...recorded('no-show', 'P-MAPO', 1, '2026-03-23')],
  },
  'A-MOVED': { application: application('A-MOVED', 'parent', '11440', 'tier1', 10), sessions: recorded('held', 'P-MAPO', 1, '2026-04-01') },
  'A-ELSEWHERE': { application: application('A-ELSEWHERE', 'parent', '11110', 'tier1', 10), sessions: recorded('held', 'P-MAPO', 1, '2026-03-02') },
};

function reads(extra: Partial<DistrictLedgerReads> = {}): DistrictLedgerReads & { nameReads: string[] } {
  const nameReads: string[] = [];
  return {
    nameReads,
    applicationIds: async () => ['A-YOUTH', 'A-MOVED', 'A-ELSEWHERE', 'A-GONE', 'A-PARENT'],
    application: async (id) => store[id]?.application,
    sessions: async (application) => store[application.id]!.sessions,
    agencyName: async (id) => {
      nameReads.push(id);
      return { 'P-MAPO': '마포 놀이심리센터', 'P-MAEUMSUP': '마음숲 상담센터' }[id];
    },
    ...extra,
  };
}

describe('districtLedger', () => {
  it('gives a row per application of the district with a session used in the month, priced as computed by hand', async () => {
    const rows = await districtLedger('11440', '2026-03', reads());
    expect(rows.map((r) => [r.applicationId, r.sessionsUsed, r.amountKrw, r.copayKrw, r.governmentKrw])).toEqual([
      ['A-PARENT', 3, 180_000, 36_000, 144_000],
      ['A-YOUTH', 2, 120_000, 12_000, 108_000],
    ]);
  });

  it('names the agency that held the month’s sessions, from the registry, once per agency', async () => {
    const fixture = reads();
    const rows = await districtLedger('11440', '2026-03', fixture);
    expect(rows.map((r) => [r.providerId, r.providerName])).toEqual([
      ['P-MAPO', '마포 놀이심리센터'],
      ['P-MAEUMSUP', '마음숲 상담센터'],
    ]);
    expect(fixture.nameReads.filter((id) => id === 'P-MAPO')).toHaveLength(1);
  });

  it('falls back to the agency id when the registry no longer knows the agency', async () => {
    const rows = await districtLedger('11440', '2026-03', reads({ agencyName: async () => undefined }));
    expect(rows[0]).toMatchObject({ providerId: 'P-MAPO', providerName: 'P-MAPO' });
  });

  it('refuses to give a file without an application it cannot price, naming its receipt', async () => {
    const undecided = { ...store['A-PARENT']!.application, id: 'A-UNDECIDED', receiptNumber: 'DB-2026-UNDECIDED', eligibility: { outcome: 'needs-review' } };
    const fixture = reads({
      applicationIds: async () => ['A-PARENT', 'A-UNDECIDED'],
      application: async (id) => (id === 'A-UNDECIDED' ? undecided : store[id]?.application),
      sessions: async (application) => store[application.id === 'A-UNDECIDED' ? 'A-PARENT' : application.id]!.sessions,
    });
    const refused = await districtLedger('11440', '2026-03', fixture).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(LedgerIncomplete);
    expect((refused as LedgerIncomplete).receiptNumbers).toEqual(['DB-2026-UNDECIDED']);
  });

  it('gives no rows for a month nobody was served', async () => {
    expect(await districtLedger('11440', '2026-05', reads({ applicationIds: async () => [] }))).toEqual([]);
  });
});
