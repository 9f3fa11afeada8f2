/** The district ledger's reads in AWS: the month index, the application, its sessions, the registry. */
import { getApplication } from '../applications/store';
import { getAgency } from '../providers/registry-store';
import { sessionsOf } from '../service-period/session-store';
import type { DistrictLedgerReads } from './district-ledger';
import { applicationIdsWithSessionsIn } from './ledger-month-store';

/** Periods 1…n of an application: an extension starts a new period (a new youth package). */
export function periodsOf(application: { period?: number; servicePeriod?: { period: number } }): number[] {
  const last = Math.max(application.period ?? 1, application.servicePeriod?.period ?? 1);
  return Array.from({ length: last }, (_, i) => i + 1);
}

export const dynamoLedgerReads: DistrictLedgerReads = {
  applicationIds: applicationIdsWithSessionsIn,
  application: (id) => getApplication(id, false),
  sessions: async (application) => (await Promise.all(periodsOf(application).map((p) => sessionsOf(application.id, p)))).flat(),
  agencyName: async (agencyId) => (await getAgency(agencyId, false))?.name.ko,
};
