import { httpHandler } from '../commons/http';
import { staffActor, staffMember } from '../commons/staff';
import { agencyCreateSchema } from './registry-schema';
import { answering } from './registry-problems';
import { createAgency } from './registry-store';
import { agencyView } from './registry-view';

/** POST /api/registry/agencies — an operator registers an agency; Dolbom gives it its id. */
export const handler = httpHandler(async (event) => {
  const staff = staffMember(event);
  const input = agencyCreateSchema.parse(event.jsonBody);
  const agency = await answering(createAgency(input, staffActor(staff, event)));
  return { status: 201, body: agencyView(agency) };
});
