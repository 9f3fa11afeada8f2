/** The settlement month, 'YYYY-MM' in Seoul time: the month a session's Seoul calendar day falls in. */
import { seoulIsoDate } from '../../forms/dates';

export const LEDGER_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isLedgerMonth(value: string): boolean {
  return LEDGER_MONTH.test(value);
}

/** The Seoul month of an instant: a session recorded at 23:30 KST on 31 March belongs to March. */
export function seoulMonth(instant: Date): string {
  return seoulIsoDate(instant).slice(0, 7);
}

/** Whether a Seoul calendar day 'YYYY-MM-DD' is in the month 'YYYY-MM'. */
export function inMonth(isoDate: string, month: string): boolean {
  return isoDate.slice(0, 7) === month;
}

/** Whether a day is before the month ('YYYY-MM-DD' strings sort like the days they name). */
export function beforeMonth(isoDate: string, month: string): boolean {
  return isoDate < `${month}-01`;
}
