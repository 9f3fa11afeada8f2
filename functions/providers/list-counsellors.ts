import { seoulIsoDate } from '../../forms/dates';
import { now } from '../commons/clock';
import { httpHandler } from '../commons/http';
import { staffMember } from '../commons/staff';
import { pathParameter, requireReadAgency } from './registry-access';
import { isAgencyId } from './registry-ids';
import { agencyNotFound } from './registry-problems';
import { getAgency, listCounsellors } from './registry-store';
import { counsellorView } from './registry-view';

/**
 * GET /api/registry/agencies/{agencyId}/counsellors — an agency's counsellors with their free places
 * and what their qualifications and trainings let them serve.
 */
export const handler = httpHandler(async (event) => {
  const staff = staffMember(event);
  const agencyId = pathParameter(event, 'agencyId');
  requireReadAgency(staff, agencyId);
  const agency = isAgencyId(agencyId) ? await getAgency(agencyId) : undefined;
  if (!agency) throw agencyNotFound();
  const today = seoulIsoDate(now());
  const counsellors = await listCounsellors(agencyId);
  return { status: 200, body: { agencyId, counsellors: counsellors.map((c) => counsellorView(c, agency, today)) } };
});
