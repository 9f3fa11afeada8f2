/**
 * The settlement ledger of one district and month: a row per application with a session used in the
 * month, priced by the ledger core (charge.ts). The reads come through a port, so this file knows no
 * AWS and a test can hand it a fixture district.
 */
import type { Application } from '../applications/application';
import type { Session } from '../service-period/session';
import { ledgerRowOf, type LedgerApplication } from './application-ledger';
import type { LedgerRow } from './charge';
import { inMonth } from './month';

export type LedgerSession = Pick<Session, 'period' | 'record' | 'agencyId'>;
/** An application as the district ledger reads it: what prices it, who serves it, how many periods it had. */
export type LedgerCase = LedgerApplication & Partial<Pick<Application, 'providerId' | 'period' | 'servicePeriod'>>;

/** What the ledger reads of the table and the registry (functions/ledger/ledger-reads.ts in AWS). */
export interface DistrictLedgerReads {
  /** Ids of the district's applications with a session held in the month (a superset is fine). */
  applicationIds(district: string, month: string): Promise<string[]>;
  application(id: string): Promise<LedgerCase | undefined>;
  /** The application's sessions of every service period (youth places a month's sessions in their package). */
  sessions(application: LedgerCase): Promise<LedgerSession[]>;
  /** The agency's name as registered, or undefined if the registry no longer knows it. */
  agencyName(agencyId: string): Promise<string | undefined>;
}

/** Applications the ledger cannot price (no copay decided, no voucher type): a case manager must fix them first. */
export class LedgerIncomplete extends Error {
  override name = 'LedgerIncomplete';
  constructor(readonly district: string, readonly month: string, readonly receiptNumbers: string[]) {
    super(`ledger ${district} ${month}: cannot price ${receiptNumbers.join(', ')}`);
  }
}

/** Reads of this many applications at a time: a large district stays within DynamoDB's pace. */
const BATCH = 20;

/**
 * The agency paid for the month: the one that held its last session (an agency may change at an
 * extension), else the one serving the application now.
 */
function providerOf(sessions: readonly LedgerSession[], month: string, serving: string | undefined): string | undefined {
  const held = sessions.filter((s) => s.record?.outcome === 'held' && inMonth(s.record.on, month));
  held.sort((a, b) => a.record!.on.localeCompare(b.record!.on));
  return held.at(-1)?.agencyId ?? serving;
}

/**
 * @example
 * const rows = await districtLedger('11110', '2026-03', dynamoLedgerReads);
 * const csv = ledgerCsv(rows, { totals: true });
 *
 * Rows by receipt number. An application whose held sessions all moved out of the month (the index
 * item stays after a correction) has no row; one in another district (never moved today) neither.
 * Throws LedgerIncomplete, naming the receipts, if any application cannot be priced.
 */
export async function districtLedger(district: string, month: string, reads: DistrictLedgerReads): Promise<LedgerRow[]> {
  const ids = await reads.applicationIds(district, month);
  const names = new Map<string, Promise<string | undefined>>();
  const nameOf = (agencyId: string) => names.get(agencyId) ?? names.set(agencyId, reads.agencyName(agencyId)).get(agencyId)!;

  const rows: LedgerRow[] = [];
  const unpriced: string[] = [];
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = await Promise.all(
      ids.slice(i, i + BATCH).map(async (id) => {
        const application = await reads.application(id);
        if (!application || application.district !== district) return undefined;
        const sessions = await reads.sessions(application);
        const agencyId = providerOf(sessions, month, application.providerId);
        const name = agencyId ? await nameOf(agencyId) : undefined;
        try {
          return ledgerRowOf({ application, month, sessions, ...(agencyId ? { provider: { id: agencyId, name: name ?? agencyId } } : {}) });
        } catch (error) {
          if (error instanceof RangeError) return { unpriced: application.receiptNumber, reason: error.message };
          throw error;
        }
      }),
    );
    for (const row of batch) {
      if (row && 'unpriced' in row) unpriced.push(row.unpriced);
      else if (row && row.sessionsUsed > 0) rows.push(row);
    }
  }
  // A settlement file missing an application would be paid short without anyone noticing: none at all.
  if (unpriced.length) throw new LedgerIncomplete(district, month, unpriced.sort());
  return rows.sort((a, b) => a.receiptNumber.localeCompare(b.receiptNumber));
}
