import { seoulIsoDate } from '../../forms/dates';
import { now } from '../commons/clock';
import { httpHandler } from '../commons/http';
import { requireAgency, staffActor, staffMember } from '../commons/staff';
import { pathParameter } from './registry-access';
import { isAgencyId, isCounsellorId } from './registry-ids';
import { agencyNotFound, answering, counsellorNotFound } from './registry-problems';
import { counsellorUpdateSchema } from './registry-schema';
import { getAgency, updateCounsellor } from './registry-store';
import { counsellorView } from './registry-view';

/**
 * PUT /api/registry/agencies/{agencyId}/counsellors/{counsellorId} — an operator, or the agency's own
 * staff, changes the fields sent. Capacity never goes below the current caseload (409); more capacity
 * or a return to active wakes the waiting list.
 */
export const handler = httpHandler(async (event) => {
  const staff = staffMember(event);
  const agencyId = pathParameter(event, 'agencyId');
  const counsellorId = pathParameter(event, 'counsellorId');
  requireAgency(staff, agencyId);
  const agency = isAgencyId(agencyId) ? await getAgency(agencyId) : undefined;
  if (!agency) throw agencyNotFound();
  if (!isCounsellorId(counsellorId)) throw counsellorNotFound();
  const today = seoulIsoDate(now());
  const changes = counsellorUpdateSchema(today).parse(event.jsonBody);
  const counsellor = await answering(updateCounsellor(agencyId, counsellorId, changes, staffActor(staff, event)));
  return { status: 200, body: counsellorView(counsellor, agency, today) };
});
