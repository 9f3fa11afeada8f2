import { httpHandler } from '../commons/http';
import { staffMember } from '../commons/staff';
import { pathParameter, requireReadAgency } from './registry-access';
import { isAgencyId } from './registry-ids';
import { agencyNotFound } from './registry-problems';
import { getAgency } from './registry-store';
import { agencyView } from './registry-view';

/** GET /api/registry/agencies/{agencyId} — one agency, to its own staff, operators and case managers. */
export const handler = httpHandler(async (event) => {
  const staff = staffMember(event);
  const agencyId = pathParameter(event, 'agencyId');
  requireReadAgency(staff, agencyId);
  const agency = isAgencyId(agencyId) ? await getAgency(agencyId) : undefined;
  if (!agency) throw agencyNotFound();
  return { status: 200, body: agencyView(agency) };
});
