import { applicationsNamed } from '../applications/applicant-name';
import { findApplicationIdByReceipt } from '../applications/store';
import { ascending, matchesFilter, orderKey, type QueueFilter } from './queue-filter';
import type { HumanTask } from './task';
import { tasksOfApplication } from './task-store';

/** What a receipt number looks like (functions/applications/identifiers.ts), typed in any case. */
export const RECEIPT_NUMBER = /^DB-\d{4}-[0-9A-HJKMNP-TV-Z]{8}$/;

export function asReceiptNumber(text: string): string | undefined {
  const upper = text.trim().toUpperCase();
  return RECEIPT_NUMBER.test(upper) ? upper : undefined;
}

/**
 * The applications a search names: by receipt number (the `RECEIPT#` item, one GetItem) or by the
 * applicant's full name (the keyed-hash name index, applicant-name.ts), within `districts`. A
 * receipt number of another district is found here; its tasks are dropped by district below, and the
 * case lookup answers it with 403 (functions/status/find-cases-for-staff.ts).
 */
export async function applicationsSearched(q: string, districts: readonly string[]): Promise<{ by: 'receipt' | 'name'; applicationIds: string[] }> {
  const receipt = asReceiptNumber(q);
  if (receipt) {
    const id = await findApplicationIdByReceipt(receipt);
    return { by: 'receipt', applicationIds: id ? [id] : [] };
  }
  return { by: 'name', applicationIds: (await applicationsNamed(q, districts)).map((a) => a.applicationId) };
}

/**
 * The tasks of the searched applications that pass the queue's filter, in its order: read by
 * application (a Query on each one's partition), since a search names a handful of cases.
 */
export async function searchQueue(applicationIds: readonly string[], filter: QueueFilter, districts: readonly string[], now: Date, userId: string, limit: number): Promise<HumanTask[]> {
  const tasks = (await Promise.all(applicationIds.map(tasksOfApplication))).flat();
  const sign = ascending(filter) ? 1 : -1;
  return tasks
    .filter((t) => matchesFilter(t, filter, districts, now, userId))
    .sort((a, b) => sign * (orderKey(filter, a) < orderKey(filter, b) ? -1 : 1))
    .slice(0, limit);
}
