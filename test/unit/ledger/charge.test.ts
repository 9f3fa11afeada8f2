import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { districtCodes, type DistrictCode } from '../../../forms/districts';
import { childAdolescent } from '../../../forms/programmes/child-adolescent';
import { youth } from '../../../forms/programmes/youth';
import { monthlyLedgerRow, type LedgerInput, type PricedProgramme, type SessionForLedger } from '../../../functions/ledger/charge';
import { ledgerRowOf } from '../../../functions/ledger/application-ledger';
import { seoulMonth } from '../../../functions/ledger/month';

const held = (...days: string[]): SessionForLedger[] => days.map((heldOn) => ({ heldOn, outcome: 'held', period: 1 }));

function input(overrides: Partial<LedgerInput>): LedgerInput {
  return {
    month: '2026-03',
    applicationId: 'A-1',
    receiptNumber: 'DB-2026-1',
    district: '11440',
    programme: childAdolescent,
    copay: { tier: 'tier3', ratePercent: 30 },
    sessions: [],
    ...overrides,
  };
}

const monthly = (amountKrw: number, sessionsPerMonth = 4): PricedProgramme => ({
  id: 'test-monthly',
  name: { ko: '시험', en: 'Test' },
  price: { unit: 'month', amountKrw, districtAmountKrw: {} },
  plan: { sessionsPerMonth },
});

const packaged = (a: number, b: number, sessions = 10): PricedProgramme => ({
  id: 'test-package',
  name: { ko: '시험 패키지', en: 'Test package' },
  price: { unit: 'package', sessions, amountKrwByCounsellorType: { A: a, B: b } },
  plan: {},
});

describe('monthlyLedgerRow: monthly programmes', () => {
  it('drops the fraction of a won twice: in the pro rata, then in the copay, and the government share takes the rest', () => {
    // 170,003 × 3 / 4 = 127,502.25 → 127,502; × 30 % = 38,250.6 → 38,250; 127,502 − 38,250 = 89,252.
    const row = monthlyLedgerRow(input({ programme: monthly(170_003), sessions: held('2026-03-02', '2026-03-09', '2026-03-16') }));
    expect([row.amountKrw, row.copayKrw, row.governmentKrw]).toEqual([127_502, 38_250, 89_252]);
  });

  it('charges nothing for a month without a held session, and counts no other outcome', () => {
    const sessions: SessionForLedger[] = [
      { heldOn: '2026-03-02', outcome: 'no-show' },
      { heldOn: '2026-03-09', outcome: 'cancelled' },
      { heldOn: '2026-03-16', outcome: 'rescheduled' },
    ];
    expect(monthlyLedgerRow(input({ sessions }))).toMatchObject({ sessionsUsed: 0, sessionsCharged: 0, amountKrw: 0, copayKrw: 0, governmentKrw: 0 });
  });

  it('counts a session by its Seoul day: the last evening of the month belongs to that month', () => {
    expect(seoulMonth(new Date('2026-03-31T14:59:59Z'))).toBe('2026-03');
    expect(seoulMonth(new Date('2026-03-31T15:00:00Z'))).toBe('2026-04');
    const row = monthlyLedgerRow(input({ sessions: held('2026-02-28', '2026-03-01', '2026-03-31', '2026-04-01') }));
    expect(row.sessionsUsed).toBe(2);
  });

  it('refuses what it cannot price: a malformed month or day, a rate outside 0–100, an unknown district', () => {
    expect(() => monthlyLedgerRow(input({ month: '2026-3' }))).toThrow(/YYYY-MM/);
    expect(() => monthlyLedgerRow(input({ sessions: held('2026-02-30') }))).toThrow(/calendar day/);
    expect(() => monthlyLedgerRow(input({ copay: { tier: 'tier3', ratePercent: 101 } }))).toThrow(/whole percent/);
    expect(() => monthlyLedgerRow(input({ district: '26110' as DistrictCode }))).toThrow(/Seoul district/);
  });
});

describe('monthlyLedgerRow: youth packages', () => {
  it('gives the package remainder to its last session, so a package adds up to its price', () => {
    // 655,555 / 10 → 65,555 a session; the 10th: 655,555 − 9 × 65,555 = 65,560.
    // Jan 4 × 65,555 = 262,220; Feb the same; Mar 65,555 + 65,560 = 131,115; 262,220 × 2 + 131,115 = 655,555.
    // Copay 10 %: 26,222 | 26,222 | floor(13,111.5) = 13,111, government 118,004.
    const sessions = held(
      '2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26',
      '2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23',
      '2026-03-02', '2026-03-09',
    );
    const row = (month: string) =>
      monthlyLedgerRow(input({ month, programme: packaged(655_555, 700_000), copay: { tier: 'youth', ratePercent: 10 }, voucherType: 'A', sessions }));
    expect([row('2026-01'), row('2026-02'), row('2026-03')].map((r) => [r.unitPriceKrw, r.amountKrw, r.copayKrw, r.governmentKrw])).toEqual([
      [65_555, 262_220, 26_222, 235_998],
      [65_555, 262_220, 26_222, 235_998],
      [65_555, 131_115, 13_111, 118_004],
    ]);
  });

  it('prices the package of the voucher type chosen', () => {
    const sessions = held('2026-03-03');
    const of = (voucherType: 'A' | 'B') =>
      monthlyLedgerRow(input({ programme: youth, copay: { tier: 'youth', ratePercent: 10 }, voucherType, sessions }));
    expect([of('A').amountKrw, of('B').amountKrw]).toEqual([60_000, 70_000]);
  });

  it('counts a session beyond its period\'s package as used but charges nothing for it', () => {
    const sessions = held(
      '2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23', '2026-03-02',
      '2026-03-09', '2026-03-16',
    );
    const row = monthlyLedgerRow(input({ programme: youth, copay: { tier: 'youth', ratePercent: 10 }, voucherType: 'A', sessions }));
    expect(row).toMatchObject({ sessionsUsed: 3, sessionsCharged: 2, amountKrw: 120_000, copayKrw: 12_000, governmentKrw: 108_000 });
  });

  it('starts a new package with each period: sessions a period did not use lapse with it', () => {
    // Period 1 held 8 (Jan–Feb), period 2 began in March: its 3 sessions are its package's 1st–3rd, 60,000 each.
    const sessions = [
      ...held('2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09', '2026-02-16', '2026-02-23'),
      ...['2026-03-02', '2026-03-09', '2026-03-16'].map((heldOn) => ({ heldOn, outcome: 'held', period: 2 })),
    ];
    const row = monthlyLedgerRow(input({ programme: packaged(655_555, 700_000), copay: { tier: 'youth', ratePercent: 10 }, voucherType: 'A', sessions }));
    expect(row).toMatchObject({ sessionsUsed: 3, sessionsCharged: 3, amountKrw: 3 * 65_555 });
  });

  it('needs the voucher type of a package, and the period of each session', () => {
    expect(() => monthlyLedgerRow(input({ programme: youth, copay: { tier: 'youth', ratePercent: 10 } }))).toThrow(/voucher type/);
    const sessions = [{ heldOn: '2026-03-02', outcome: 'held' }];
    expect(() => monthlyLedgerRow(input({ programme: youth, copay: { tier: 'youth', ratePercent: 10 }, voucherType: 'A', sessions }))).toThrow(/service period/);
  });
});

describe('ledgerRowOf', () => {
  it('refuses an application without a copay decided, naming it', () => {
    const application = { id: 'A-X', receiptNumber: 'DB-2026-X', programme: 'parent', district: '11440', answers: {}, eligibility: { copay: { tier: null, ratePercent: null } } };
    expect(() => ledgerRowOf({ application, month: '2026-03', sessions: [] })).toThrow(/A-X has no copay rate decided/);
  });
});

/* ---------- properties ---------- */

const day = fc
  .record({ month: fc.integer({ min: 1, max: 4 }), day: fc.integer({ min: 1, max: 28 }) })
  .map(({ month, day }) => `2026-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
const session = fc.record({ heldOn: day, outcome: fc.constantFrom('held', 'held', 'held', 'no-show', 'cancelled', 'rescheduled') });
const sessions = fc.array(session, { maxLength: 40 });
const ledgerMonth = fc.constantFrom('2026-01', '2026-02', '2026-03', '2026-04');
const rate = fc.integer({ min: 0, max: 100 });
const district = fc.constantFrom(...districtCodes);
const price = fc.integer({ min: 0, max: 2_000_000 });

const monthlyProgramme = fc
  .record({ amount: price, districtAmount: fc.option(price, { nil: undefined }), planned: fc.integer({ min: 1, max: 8 }) })
  .map(({ amount, districtAmount, planned }) => ({
    programme: {
      ...monthly(amount, planned),
      price: { unit: 'month' as const, amountKrw: amount, districtAmountKrw: districtAmount === undefined ? {} : { '11680': districtAmount } },
    },
    monthlyPrice: (d: DistrictCode) => (d === '11680' && districtAmount !== undefined ? districtAmount : amount),
  }));

const packageInput = fc.record({ a: price, b: price, size: fc.integer({ min: 1, max: 12 }), voucherType: fc.constantFrom('A' as const, 'B' as const) });
const periodSessions = fc.array(fc.record({ heldOn: day, outcome: session.map((s) => s.outcome), period: fc.integer({ min: 1, max: 3 }) }), { maxLength: 40 });

describe('properties of every ledger row', () => {
  it('copay + government = amount, all whole KRW, never negative, and a month never over its monthly price', () => {
    fc.assert(
      fc.property(monthlyProgramme, sessions, ledgerMonth, rate, district, ({ programme, monthlyPrice }, list, month, ratePercent, d) => {
        const row = monthlyLedgerRow(input({ programme, sessions: list, month, district: d, copay: { tier: 'tier2', ratePercent } }));
        for (const value of [row.unitPriceKrw, row.amountKrw, row.copayKrw, row.governmentKrw]) {
          expect(Number.isSafeInteger(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(0);
        }
        expect(row.copayKrw + row.governmentKrw).toBe(row.amountKrw);
        expect(row.amountKrw).toBeLessThanOrEqual(monthlyPrice(d));
        expect(row.unitPriceKrw).toBe(monthlyPrice(d));
        expect(row.sessionsUsed).toBe(list.filter((s) => s.outcome === 'held' && s.heldOn.startsWith(month)).length);
        if (row.sessionsUsed >= row.plannedSessions!) expect(row.amountKrw).toBe(monthlyPrice(d));
      }),
    );
  });

  it('a youth period adds up to its package price exactly once its sessions are held, and never more', () => {
    fc.assert(
      fc.property(packageInput, periodSessions, rate, ({ a, b, size, voucherType }, list, ratePercent) => {
        const programme = packaged(a, b, size);
        const packagePrice = voucherType === 'A' ? a : b;
        const months = ['2026-01', '2026-02', '2026-03', '2026-04'];
        const rows = months.map((month) => monthlyLedgerRow(input({ month, programme, sessions: list, copay: { tier: 'youth', ratePercent }, voucherType })));
        for (const row of rows) {
          expect(row.copayKrw + row.governmentKrw).toBe(row.amountKrw);
          expect([row.amountKrw, row.copayKrw, row.governmentKrw].every((v) => Number.isSafeInteger(v) && v >= 0)).toBe(true);
        }
        // The oracle, per period: min(held, size) sessions charged; a full package costs its price, a part one package/size each.
        let charged = 0;
        let expected = 0;
        for (const period of [1, 2, 3]) {
          const n = Math.min(list.filter((s) => s.outcome === 'held' && s.period === period).length, size);
          charged += n;
          expected += n === size ? packagePrice : n * Math.floor(packagePrice / size);
        }
        expect(rows.reduce((sum, r) => sum + r.sessionsCharged, 0)).toBe(charged);
        expect(rows.reduce((sum, r) => sum + r.amountKrw, 0)).toBe(expected);
      }),
    );
  });
});
