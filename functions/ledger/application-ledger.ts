/**
 * The ledger row of a stored application and its stored sessions: reads the programme, district,
 * copay and youth voucher type from the application, so the monthly job or the export route needs
 * one call per application.
 */
import { getProgrammeTerms } from '../../forms/terms';
import { answerAt } from '../../forms/answers';
import { isDistrictCode } from '../../forms/districts';
import type { Application } from '../applications/application';
import type { CopayResult } from '../eligibility/types';
import type { Session } from '../service-period/session';
import { monthlyLedgerRow, type LedgerInput, type LedgerRow, type PricedProgramme, type SessionForLedger } from './charge';

export type LedgerApplication = Pick<Application, 'id' | 'receiptNumber' | 'programme' | 'district' | 'answers' | 'eligibility'>;

/** The copay tier and rate decided at eligibility, or null when none was (the case manager must set one). */
export function decidedCopay(eligibility: unknown): LedgerInput['copay'] | null {
  const copay = (eligibility as { copay?: Partial<CopayResult> } | undefined)?.copay;
  return copay?.tier && typeof copay.ratePercent === 'number' ? { tier: copay.tier, ratePercent: copay.ratePercent } : null;
}

/** The stored sessions as the ledger reads them: the latest record of each (a correction replaces what it corrects). */
export function ledgerSessionsOf(sessions: readonly Pick<Session, 'period' | 'record'>[]): SessionForLedger[] {
  return sessions.flatMap((s) => (s.record ? [{ heldOn: s.record.on, outcome: s.record.outcome, period: s.period }] : []));
}

/**
 * @example
 * const sessions = (await Promise.all(periods.map((p) => sessionsOf(application.id, p)))).flat();
 * const row = ledgerRowOf({ application, month: '2026-03', sessions, provider: { id: agency.agencyId, name: agency.name.ko } });
 *
 * `sessions`: the application's sessions of every period (youth numbers a package's sessions over
 * its period's months). `programme` defaults to the application's definition; tests pass one with
 * other district prices. Throws a RangeError for an application the ledger cannot price (no Seoul
 * district, no copay decided, a youth application without a voucher type).
 */
export function ledgerRowOf(args: {
  application: LedgerApplication;
  month: string;
  sessions: readonly Pick<Session, 'period' | 'record'>[];
  provider?: { id: string; name: string };
  programme?: PricedProgramme;
}): LedgerRow {
  const { application } = args;
  const programme = args.programme ?? getProgrammeTerms(application.programme);
  if (!isDistrictCode(application.district)) throw new RangeError(`application ${application.id} has no Seoul district`);
  const copay = decidedCopay(application.eligibility);
  if (!copay) throw new RangeError(`application ${application.id} has no copay rate decided`);
  // The package is the type the applicant chose; matching only offers counsellors who serve it.
  const voucherType = answerAt(application.answers, 'counsellorType');
  return monthlyLedgerRow({
    month: args.month,
    applicationId: application.id,
    receiptNumber: application.receiptNumber,
    district: application.district,
    programme,
    copay,
    ...(voucherType === 'A' || voucherType === 'B' ? { voucherType } : {}),
    ...(args.provider ? { provider: args.provider } : {}),
    sessions: ledgerSessionsOf(args.sessions),
  });
}
