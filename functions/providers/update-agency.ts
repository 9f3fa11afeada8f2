import { httpHandler } from '../commons/http';
import { requireAgency, staffActor, staffMember } from '../commons/staff';
import { pathParameter } from './registry-access';
import { isAgencyId } from './registry-ids';
import { agencyNotFound, answering } from './registry-problems';
import { agencyUpdateSchema, serviceTypesOutside } from './registry-schema';
import { updateAgency } from './registry-store';
import { agencyView } from './registry-view';

/**
 * PUT /api/registry/agencies/{agencyId} — an operator, or the agency's own staff, changes the fields
 * sent (each whole); the service types must stay within the programmes the agency will offer.
 */
export const handler = httpHandler(async (event) => {
  const staff = staffMember(event);
  const agencyId = pathParameter(event, 'agencyId');
  requireAgency(staff, agencyId);
  if (!isAgencyId(agencyId)) throw agencyNotFound();
  const changes = agencyUpdateSchema.parse(event.jsonBody);
  const agency = await answering(
    updateAgency(agencyId, changes, staffActor(staff, event), (after) => serviceTypesOutside(after.programmes, after.serviceTypes)),
  );
  return { status: 200, body: agencyView(agency) };
});
