import { describe, expect, it } from 'vitest';
import { childAdolescent } from '../../../forms/programmes/child-adolescent';
import type { CopayTier } from '../../../forms/types';
import { ledgerRowOf, type LedgerApplication } from '../../../functions/ledger/application-ledger';
import type { Session, SessionOutcome } from '../../../functions/service-period/session';

/**
 * The ledger of March 2026 for eight applications, against a computation by hand.
 *
 * Fixture settings: 강남구 (11680) sets the child programme at 180,000 KRW a month (DOMAIN.md §2.1 "some
 * districts 180,000: a district setting"; no source names the districts, so the fixture picks one);
 * 마포구 (11440) keeps 160,000. The parent programme is 240,000 in both.
 *
 * Rules (functions/ledger/charge.ts): only 'held' sessions count; child/parent amount =
 * floor(price × min(held, 4) / 4); youth: package/10 per session, each service period one package, its
 * sessions numbered over the period's months; copay = floor(amount × rate / 100); government = amount − copay.
 *
 * | # | application        | prog.  | district | price             | copay         | held in March (others)               | charged           | amount                  | copay                 | government |
 * |---|--------------------|--------|----------|-------------------|---------------|--------------------------------------|-------------------|-------------------------|-----------------------|------------|
 * | 1 | CHILD-GANGNAM      | child  | 11680    | 180,000 / month   | tier1 10 %    | 3,10,17,24 (31 no-show; Feb 24 held) | 4 of 4            | 180,000 × 4/4 = 180,000 | 18,000                | 162,000    |
 * | 2 | CHILD-MAPO         | child  | 11440    | 160,000 / month   | tier3 30 %    | 5,12,26 (19 cancelled)               | 3 of 4            | 160,000 × 3/4 = 120,000 | 36,000                | 84,000     |
 * | 3 | CHILD-MAPO-LATE    | child  | 11440    | 160,000 / month   | tier2 20 %    | 20,27 (began 16 March; Apr 3 planned)| 2 of 4            | 160,000 × 2/4 = 80,000  | 16,000                | 64,000     |
 * | 4 | PARENT-MAPO        | parent | 11440    | 240,000 / month   | tier2 20 %    | 2,9,16,23,30 (five Mondays)          | 4 of 4 (5th free) | 240,000 × 4/4 = 240,000 | 48,000                | 192,000    |
 * | 5 | PARENT-GANGNAM     | parent | 11680    | 240,000 / month   | tier3 30 %    | 4 (11,18 no-show; 25 rescheduled)    | 1 of 4            | 240,000 × 1/4 = 60,000  | 18,000                | 42,000     |
 * | 6 | YOUTH-A            | youth A| 11440    | 600,000/10=60,000 | youth 10 %    | 3,10,17,24 (Feb: 10,17,24 held)      | sessions 4–7      | 4 × 60,000 = 240,000    | 24,000                | 216,000    |
 * | 7 | YOUTH-B-CARE       | youth B| 11680    | 700,000/10=70,000 | leaving 0 %   | 6,13,20 (Jan–Feb: 7 held)            | sessions 8–10 ¹   | 3 × 70,000 = 210,000    | 0                     | 210,000    |
 * | 8 | YOUTH-A-EXTENDED   | youth A| 11440    | 60,000            | youth 10 %    | 2 (period 1); 9,16 (period 2) ²      | 10th; 1st, 2nd ²  | 3 × 60,000 = 180,000    | 18,000                | 162,000    |
 * |   | total              |        |          |                   |               |                                      |                   | 1,310,000               | 178,000               | 1,132,000  |
 *
 * ¹ the 10th session takes the remainder: 700,000 − 9 × 70,000 = 70,000. ² period 1 held 9 sessions
 * Dec–Feb, so 2 March is its 10th and closes its package (600,000 − 9 × 60,000 = 60,000); the
 * extension's period 2 is a new package, whose 1st and 2nd sessions are 9 and 16 March.
 * Totals: 180+120+80+240+60+240+210+180 = 1,310 thousand; 18+36+16+48+18+24+0+18 = 178 thousand;
 * 162+84+64+192+42+216+210+162 = 1,132 thousand; 178 + 1,132 = 1,310.
 */

const GANGNAM = '11680';
const MAPO = '11440';
const childWithDistrictPrice = { ...childAdolescent, price: { ...childAdolescent.price, districtAmountKrw: { [GANGNAM]: 180_000 } } };

function application(id: string, programme: string, district: string, copay: { tier: CopayTier; ratePercent: number }, answers: Record<string, unknown> = {}): LedgerApplication {
  return {
    id: `A-${id}`,
    receiptNumber: `DB-2026-${id}`,
    programme,
    district,
    answers,
    eligibility: { outcome: 'eligible', copay: { ...copay, amountKrw: 0 } },
  };
}

type StoredSession = Pick<Session, 'period' | 'record'>;
const recorded = (outcome: SessionOutcome, period: number, days: string[]): StoredSession[] =>
  days.map((on) => ({ period, record: { outcome, on, recordedAt: `${on}T09:00:00Z`, recordedBy: { kind: 'staff', userId: 'agency-staff', groups: ['provider'] } } }));
const held = (...days: string[]) => recorded('held', 1, days);
const other = (outcome: SessionOutcome, ...days: string[]) => recorded(outcome, 1, days);
const march = (...days: number[]) => days.map((d) => `2026-03-${String(d).padStart(2, '0')}`);

const cases = [
  {
    application: application('CHILD-GANGNAM', 'child-adolescent', GANGNAM, { tier: 'tier1', ratePercent: 10 }),
    sessions: [...held('2026-02-24', ...march(3, 10, 17, 24)), ...other('no-show', ...march(31))],
  },
  {
    application: application('CHILD-MAPO', 'child-adolescent', MAPO, { tier: 'tier3', ratePercent: 30 }),
    sessions: [...held(...march(5, 12, 26)), ...other('cancelled', ...march(19))],
  },
  {
    application: application('CHILD-MAPO-LATE', 'child-adolescent', MAPO, { tier: 'tier2', ratePercent: 20 }),
    // A planned session not yet recorded says nothing.
    sessions: [...held(...march(20, 27)), { period: 1 }],
  },
  {
    application: application('PARENT-MAPO', 'parent', MAPO, { tier: 'tier2', ratePercent: 20 }),
    sessions: held(...march(2, 9, 16, 23, 30)),
  },
  {
    application: application('PARENT-GANGNAM', 'parent', GANGNAM, { tier: 'tier3', ratePercent: 30 }),
    sessions: [...held(...march(4)), ...other('no-show', ...march(11, 18)), ...other('rescheduled', ...march(25))],
  },
  {
    application: application('YOUTH-A', 'youth', MAPO, { tier: 'youth', ratePercent: 10 }, { counsellorType: 'A' }),
    sessions: held('2026-02-10', '2026-02-17', '2026-02-24', ...march(3, 10, 17, 24)),
  },
  {
    application: application('YOUTH-B-CARE', 'youth', GANGNAM, { tier: 'youth-leaving-care', ratePercent: 0 }, { counsellorType: 'B' }),
    sessions: held('2026-01-09', '2026-01-16', '2026-01-23', '2026-01-30', '2026-02-06', '2026-02-13', '2026-02-20', ...march(6, 13, 20)),
  },
  {
    application: application('YOUTH-A-EXTENDED', 'youth', MAPO, { tier: 'youth', ratePercent: 10 }, { counsellorType: 'A' }),
    sessions: [
      ...held('2025-12-01', '2025-12-08', '2025-12-15', '2025-12-22', '2026-01-05', '2026-01-12', '2026-01-19', '2026-02-02', '2026-02-09', ...march(2)),
      ...recorded('held', 2, march(9, 16)),
    ],
  },
];

/** The hand computation above, column by column: [used, charged, unit price, amount, copay, government]. */
const expected: Record<string, [number, number, number, number, number, number]> = {
  'A-CHILD-GANGNAM': [4, 4, 180_000, 180_000, 18_000, 162_000],
  'A-CHILD-MAPO': [3, 3, 160_000, 120_000, 36_000, 84_000],
  'A-CHILD-MAPO-LATE': [2, 2, 160_000, 80_000, 16_000, 64_000],
  'A-PARENT-MAPO': [5, 4, 240_000, 240_000, 48_000, 192_000],
  'A-PARENT-GANGNAM': [1, 1, 240_000, 60_000, 18_000, 42_000],
  'A-YOUTH-A': [4, 4, 60_000, 240_000, 24_000, 216_000],
  'A-YOUTH-B-CARE': [3, 3, 70_000, 210_000, 0, 210_000],
  'A-YOUTH-A-EXTENDED': [3, 3, 60_000, 180_000, 18_000, 162_000],
};

describe('the voucher ledger of March 2026', () => {
  const rows = cases.map(({ application, sessions }) =>
    ledgerRowOf({
      application,
      month: '2026-03',
      sessions,
      ...(application.programme === 'child-adolescent' ? { programme: childWithDistrictPrice } : {}),
    }),
  );

  it('equals the hand computation, row by row', () => {
    const actual = Object.fromEntries(
      rows.map((r) => [r.applicationId, [r.sessionsUsed, r.sessionsCharged, r.unitPriceKrw, r.amountKrw, r.copayKrw, r.governmentKrw]]),
    );
    expect(actual).toEqual(expected);
  });

  it('equals the hand totals', () => {
    const total = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((sum, r) => sum + pick(r), 0);
    expect([total((r) => r.amountKrw), total((r) => r.copayKrw), total((r) => r.governmentKrw)]).toEqual([1_310_000, 178_000, 1_132_000]);
  });

  it('carries what settlement reads beside the figures', () => {
    expect(rows[0]).toMatchObject({
      receiptNumber: 'DB-2026-CHILD-GANGNAM',
      programme: 'child-adolescent',
      programmeName: { ko: '아동·청소년 심리지원서비스' },
      district: GANGNAM,
      districtName: { ko: '강남구' },
      month: '2026-03',
      voucherType: null,
      priceUnit: 'month',
      plannedSessions: 4,
      copayTier: 'tier1',
      copayRatePercent: 10,
    });
    expect(rows[6]).toMatchObject({ voucherType: 'B', priceUnit: 'session', plannedSessions: null, copayTier: 'youth-leaving-care', copayRatePercent: 0 });
  });
});
