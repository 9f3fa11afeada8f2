import { httpHandler } from '../commons/http';
import { staffMember } from '../commons/staff';
import { readsEveryAgency } from './registry-access';
import { isAgencyId } from './registry-ids';
import { getAgency, listAgencies } from './registry-store';
import { agencyView } from './registry-view';

/**
 * GET /api/registry/agencies — the agencies the caller may see: all of them for operators and case
 * managers (by district, then id), their own only for a provider's staff.
 */
export const handler = httpHandler(async (event) => {
  const staff = staffMember(event);
  const own = staff.agency && isAgencyId(staff.agency) ? await getAgency(staff.agency) : undefined;
  const agencies = readsEveryAgency(staff) ? await listAgencies() : own ? [own] : [];
  return { status: 200, body: { agencies: agencies.map(agencyView) } };
});
