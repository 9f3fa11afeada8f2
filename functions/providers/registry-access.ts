import type { HttpEvent } from '../commons/http';
import { problem } from '../commons/problems';
import { servesAgency, type StaffMember } from '../commons/staff';

/*
 * Who sees and changes which agency. Operators: every agency. A provider's staff: their own agency
 * only (`custom:agency`). Caseworkers and supervisors read every agency (they match applicants to
 * providers) and change none. Changes go through `requireAgency` (functions/commons/staff.ts).
 *
 * The scope is checked first, from the id in the path alone, and only then is the entry read: a
 * provider asking for another agency gets 403 whether or not it exists, so nobody learns from the
 * answer which ids exist. An unknown id answers 404 to those allowed to see any agency (operators and
 * case managers), to whom existence is no secret.
 */

/** Caseworkers, supervisors and operators read the whole registry. */
export function readsEveryAgency(staff: StaffMember): boolean {
  return staff.groups.some((g) => g === 'operator' || g === 'caseworker' || g === 'supervisor');
}

/** Throws 403 unless the staff member may read this agency's entry and counsellors. */
export function requireReadAgency(staff: StaffMember, agencyId: string): void {
  if (!readsEveryAgency(staff) && !servesAgency(staff, agencyId)) throw problem.forbidden();
}

/** A path parameter as sent (ids are checked by the caller, after the scope). */
export function pathParameter(event: HttpEvent, name: string): string {
  return event.pathParameters?.[name] ?? '';
}
