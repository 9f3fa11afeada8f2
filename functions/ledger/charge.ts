/**
 * The monthly voucher ledger: what one application's sessions of one month cost, and who pays what —
 * DOMAIN.md §2.1–2.4. Pure and in whole KRW; the prices, plans and copay rates come from the
 * programme definition (forms/programmes/*.ts) and the stored eligibility, never from this file.
 *
 * Decisions (DOMAIN.md gives the prices and rates but not how a month is charged) [decision]:
 *
 * 1. Only a session whose outcome is 'held' is used and charged. A no-show, a cancellation (by
 *    either side) or a rescheduled date delivered no service, so the voucher pays nothing for it; a
 *    rescheduled session is charged on the day it is held.
 *
 * 2. Child and parent programmes are priced per month (§2.1: 160,000 KRW, or a district's own price
 *    such as 180,000 — `districtAmountKrw`; §2.2: 240,000 KRW) for a plan of `plan.sessionsPerMonth`
 *    sessions (4 for both). A month is charged pro rata by the sessions held against that plan,
 *    never more than the monthly price:
 *        amount = floor(monthly price × min(held, planned) / planned)
 *    So 3 of 4 sessions cost 3/4 of the month, and a fifth weekly session in a long month costs
 *    nothing more. The plan is the programme's, not a count of the month's calendar: a first or last
 *    month of service with only two sessions pays for two, as the person used two. A fraction of a
 *    won is dropped (the payers are never charged for part of a won).
 *
 * 3. Youth is priced per 10-session package by voucher type (§2.3: A 600,000, B 700,000 KRW). Each
 *    service period is one package (its plan schedules the 10 sessions; an extension after a
 *    re-assessment is a new period, so a new package). Each held session is booked in the month it is
 *    held at floor(package / sessions); the package's last session takes the remainder, so a package
 *    always adds up to its price exactly. Sessions are numbered within their period by day, over all
 *    months, so a month knows where it is in the package. A held session beyond the package (an 11th
 *    in one period) is counted as used but not charged: the row shows the difference
 *    (`sessionsUsed` > `sessionsCharged`) for staff to see. Sessions a period did not use lapse with it.
 *
 * 4. Copay = floor(amount × rate / 100): the fraction of a won is the applicant's, as in
 *    functions/eligibility/copay.ts. The government share is amount − copay, so the two always add up
 *    to the amount exactly. Each row (application and month) is rounded on its own, as it is what is
 *    settled; with today's prices (multiples of 1,000 KRW, rates in whole percent) no row has a fraction.
 */
import type { DistrictCode } from '../../forms/districts';
import { districts } from '../../forms/districts';
import { parseIsoDate } from '../../forms/dates';
import type { Text } from '../../forms/i18n';
import type { CounsellorType, YouthPrice } from '../../forms/terms/youth';
import type { CopayTier, MonthlyPrice, ServicePlan } from '../../forms/types';
import { beforeMonth, inMonth, isLedgerMonth } from './month';

/** A session record as the ledger reads it (the session records hold more: kind, duration, history). */
export interface SessionForLedger {
  /** The Seoul calendar day of the session, 'YYYY-MM-DD'. */
  heldOn: string;
  /** 'held' | 'no-show' | 'cancelled' | 'rescheduled' | …: only 'held' is charged. */
  outcome: string;
  /** The service period the session belongs to: a youth period is one package (needed for youth). */
  period?: number;
}

/** What the ledger needs of a programme definition: any of forms/programmes/*.ts fits. */
export interface PricedProgramme {
  id: string;
  name: Text;
  price: MonthlyPrice | YouthPrice;
  plan: Pick<ServicePlan, 'sessionsPerMonth'>;
}

export interface LedgerInput {
  /** 'YYYY-MM', Seoul time. */
  month: string;
  applicationId: string;
  receiptNumber: string;
  district: DistrictCode;
  programme: PricedProgramme;
  /** From the stored eligibility (`EligibilityResult.copay`). */
  copay: { tier: CopayTier; ratePercent: number };
  /** Youth only: the package's voucher type (A/B), as the applicant chose it. */
  voucherType?: CounsellorType;
  /** The agency paid for the sessions, for the settlement export. */
  provider?: { id: string; name: string };
  /** The application's sessions of every month and period: youth needs the earlier ones to place this month's in the package. */
  sessions: readonly SessionForLedger[];
}

export interface LedgerRow {
  applicationId: string;
  receiptNumber: string;
  programme: string;
  programmeName: Text;
  district: DistrictCode;
  districtName: Text;
  month: string;
  providerId: string | null;
  providerName: string | null;
  /** Youth: the package's voucher type (A/B); null for the monthly programmes. */
  voucherType: CounsellorType | null;
  /** What `unitPriceKrw` is the price of: a month (child, parent) or one session of a package (youth). */
  priceUnit: 'month' | 'session';
  unitPriceKrw: number;
  /** Monthly programmes: the month's plan, the denominator of the pro rata; null for youth. */
  plannedSessions: number | null;
  /** Sessions held in the month. */
  sessionsUsed: number;
  /** Of those, the sessions paid for: no more than the month's plan, or than the period's package. */
  sessionsCharged: number;
  amountKrw: number;
  copayTier: CopayTier;
  copayRatePercent: number;
  copayKrw: number;
  governmentKrw: number;
}

/** floor(amount × numerator / denominator), exactly: BigInt, so no floating-point rounding can creep in. */
function fractionOf(amountKrw: number, numerator: number, denominator: number): number {
  return Number((BigInt(amountKrw) * BigInt(numerator)) / BigInt(denominator));
}

function assertWholeKrw(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${what} must be a whole, non-negative number of KRW, got ${value}`);
}

/** The held sessions, checked: a malformed day would silently fall out of every month. */
function heldSessions(sessions: readonly SessionForLedger[], applicationId: string): SessionForLedger[] {
  const held = sessions.filter((s) => s.outcome === 'held');
  for (const s of held) {
    if (!parseIsoDate(s.heldOn)) throw new RangeError(`application ${applicationId}: session day "${s.heldOn}" is not a calendar day`);
  }
  return held;
}

interface Charge {
  unitPriceKrw: number;
  plannedSessions: number | null;
  sessionsCharged: number;
  amountKrw: number;
}

/** Decision 2: pro rata by sessions held against the month's plan, capped at the monthly price. */
function monthlyCharge(price: MonthlyPrice, plan: PricedProgramme['plan'], district: DistrictCode, used: number): Charge {
  const planned = plan.sessionsPerMonth;
  if (!planned || planned < 1) throw new RangeError('a monthly-priced programme needs plan.sessionsPerMonth');
  const monthly = price.districtAmountKrw[district] ?? price.amountKrw;
  assertWholeKrw(monthly, 'the monthly price');
  const charged = Math.min(used, planned);
  return { unitPriceKrw: monthly, plannedSessions: planned, sessionsCharged: charged, amountKrw: fractionOf(monthly, charged, planned) };
}

/** Decision 3: each session at package/sessions, the package's last session taking the remainder; a period is a package. */
function packageCharge(price: YouthPrice, voucherType: CounsellorType, held: readonly SessionForLedger[], month: string, applicationId: string): Charge {
  const packagePrice = price.amountKrwByCounsellorType[voucherType];
  assertWholeKrw(packagePrice, 'the package price');
  const size = price.sessions;
  const perSession = Math.floor(packagePrice / size);
  const lastSession = packagePrice - (size - 1) * perSession;
  const periods = new Map<number, SessionForLedger[]>();
  for (const s of held) {
    if (!Number.isInteger(s.period) || s.period! < 1) throw new RangeError(`application ${applicationId}: a package session needs its service period`);
    periods.set(s.period!, [...(periods.get(s.period!) ?? []), s]);
  }
  let charged = 0;
  let amount = 0;
  for (const sessions of periods.values()) {
    const before = sessions.filter((s) => beforeMonth(s.heldOn, month)).length;
    const now = sessions.filter((s) => inMonth(s.heldOn, month)).length;
    // Numbered 1… within the period; number `size` closes the package, later ones are not charged.
    for (let n = before + 1; n <= Math.min(before + now, size); n++) {
      charged += 1;
      amount += n === size ? lastSession : perSession;
    }
  }
  return { unitPriceKrw: perSession, plannedSessions: null, sessionsCharged: charged, amountKrw: amount };
}

/**
 * One application's ledger row for one month.
 *
 * @example
 * monthlyLedgerRow({ month: '2026-03', applicationId, receiptNumber, district: '11440', programme: childAdolescent,
 *   copay: { tier: 'tier3', ratePercent: 30 }, sessions })
 * // 3 of 4 sessions held → { amountKrw: 120000, copayKrw: 36000, governmentKrw: 84000, … }
 */
export function monthlyLedgerRow(input: LedgerInput): LedgerRow {
  const { month, programme, district, copay } = input;
  if (!isLedgerMonth(month)) throw new RangeError(`ledger month must be YYYY-MM, got "${month}"`);
  if (!Number.isInteger(copay.ratePercent) || copay.ratePercent < 0 || copay.ratePercent > 100) {
    throw new RangeError(`application ${input.applicationId}: copay rate must be a whole percent 0–100, got ${copay.ratePercent}`);
  }
  const districtInfo = districts.find((d) => d.code === district);
  if (!districtInfo) throw new RangeError(`application ${input.applicationId}: "${district}" is not a Seoul district`);

  const held = heldSessions(input.sessions, input.applicationId);
  const used = held.filter((s) => inMonth(s.heldOn, month)).length;
  let charge: Charge;
  if (programme.price.unit === 'month') {
    charge = monthlyCharge(programme.price, programme.plan, district, used);
  } else {
    if (!input.voucherType) throw new RangeError(`application ${input.applicationId}: a package-priced programme needs the voucher type`);
    charge = packageCharge(programme.price, input.voucherType, held, month, input.applicationId);
  }
  const copayKrw = fractionOf(charge.amountKrw, copay.ratePercent, 100);
  return {
    applicationId: input.applicationId,
    receiptNumber: input.receiptNumber,
    programme: programme.id,
    programmeName: programme.name,
    district,
    districtName: { ko: districtInfo.ko, en: districtInfo.en },
    month,
    providerId: input.provider?.id ?? null,
    providerName: input.provider?.name ?? null,
    voucherType: programme.price.unit === 'package' ? (input.voucherType ?? null) : null,
    priceUnit: programme.price.unit === 'month' ? 'month' : 'session',
    unitPriceKrw: charge.unitPriceKrw,
    plannedSessions: charge.plannedSessions,
    sessionsUsed: used,
    sessionsCharged: charge.sessionsCharged,
    amountKrw: charge.amountKrw,
    copayTier: copay.tier,
    copayRatePercent: copay.ratePercent,
    copayKrw,
    governmentKrw: charge.amountKrw - copayKrw,
  };
}
