/**
 * The ledger row of a stored application: reads the programme, district, copay, youth package and
 * period from the application, so the monthly job or the export route needs one call per application.
 */
import { getProgramme } from '../../forms';
import { answerAt } from '../../forms/answers';
import { isDistrictCode } from '../../forms/districts';
import type { Application } from '../applications/application';
import type { CopayResult } from '../eligibility/types';
import { monthlyLedgerRow, type LedgerInput, type LedgerRow, type PricedProgramme, type SessionForLedger } from './charge';

export type LedgerApplication = Pick<Application, 'id' | 'receiptNumber' | 'programme' | 'district' | 'period' | 'answers' | 'eligibility'>;

/** The copay tier and rate decided at eligibility, or null when none was (the case manager must set one). */
export function decidedCopay(eligibility: unknown): LedgerInput['copay'] | null {
  const copay = (eligibility as { copay?: Partial<CopayResult> } | undefined)?.copay;
  return copay?.tier && typeof copay.ratePercent === 'number' ? { tier: copay.tier, ratePercent: copay.ratePercent } : null;
}

/**
 * @example
 * const row = ledgerRowOf({ application, month: '2026-03', sessions, provider: { id: agency.id, name: agency.name } });
 *
 * `programme` defaults to the application's definition; tests pass one with other district prices.
 * Throws a RangeError for an application the ledger cannot price (no Seoul district, no copay decided).
 */
export function ledgerRowOf(args: {
  application: LedgerApplication;
  month: string;
  sessions: readonly SessionForLedger[];
  provider?: { id: string; name: string };
  programme?: PricedProgramme;
}): LedgerRow {
  const { application } = args;
  const programme = args.programme ?? getProgramme(application.programme);
  if (!isDistrictCode(application.district)) throw new RangeError(`application ${application.id} has no Seoul district`);
  const copay = decidedCopay(application.eligibility);
  if (!copay) throw new RangeError(`application ${application.id} has no copay rate decided`);
  const voucherType = answerAt(application.answers, 'counsellorType');
  return monthlyLedgerRow({
    month: args.month,
    applicationId: application.id,
    receiptNumber: application.receiptNumber,
    district: application.district,
    programme,
    copay,
    // The package is the type the applicant chose; matching only offers counsellors who serve it.
    ...(voucherType === 'A' || voucherType === 'B' ? { youthPackage: { voucherType, granted: application.period } } : {}),
    ...(args.provider ? { provider: args.provider } : {}),
    sessions: args.sessions,
  });
}
