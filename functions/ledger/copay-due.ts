/**
 * What the citizen pays this month (issue 8 item 8): the copay of the month's ledger row, computed by
 * the same core as the settlement export, so the status page and the district's file cannot differ.
 */
import type { Session } from '../service-period/session';
import { ledgerRowOf, type LedgerApplication } from './application-ledger';

export interface CopayDue {
  /** 'YYYY-MM', Seoul: the month the sessions so far are charged to. */
  month: string;
  /** Sessions held this month. */
  sessionsUsed: number;
  /** The copay of those sessions, whole KRW. */
  copayKrw: number;
  /** The share of the price the person pays, in percent (0 for young people leaving care). */
  ratePercent: number;
}

/**
 * The copay of the sessions held so far in `today`'s month (Seoul day, YYYY-MM-DD). Undefined when
 * the ledger cannot price the application (no copay decided yet): the page then says nothing rather
 * than a wrong figure.
 *
 * `sessions`: of every service period, as for the ledger (a youth package spans months).
 */
export function copayDue(application: LedgerApplication, sessions: readonly Pick<Session, 'period' | 'record'>[], today: string): CopayDue | undefined {
  const month = today.slice(0, 7);
  try {
    const row = ledgerRowOf({ application, month, sessions });
    return { month, sessionsUsed: row.sessionsUsed, copayKrw: row.copayKrw, ratePercent: row.copayRatePercent };
  } catch (error) {
    if (error instanceof RangeError) return undefined;
    throw error;
  }
}
