import { seoulIsoDate } from '../../forms/dates';
import { now } from '../commons/clock';
import { httpHandler } from '../commons/http';
import { requireAgency, staffActor, staffMember } from '../commons/staff';
import { pathParameter } from './registry-access';
import { isAgencyId } from './registry-ids';
import { agencyNotFound, answering } from './registry-problems';
import { counsellorCreateSchema } from './registry-schema';
import { createCounsellor, getAgency } from './registry-store';
import { counsellorView } from './registry-view';

/**
 * POST /api/registry/agencies/{agencyId}/counsellors — an operator, or the agency's own staff, adds a
 * counsellor. One who brings free places wakes the waiting list (a capacity signal, same transaction).
 */
export const handler = httpHandler(async (event) => {
  const staff = staffMember(event);
  const agencyId = pathParameter(event, 'agencyId');
  requireAgency(staff, agencyId);
  const agency = isAgencyId(agencyId) ? await getAgency(agencyId) : undefined;
  if (!agency) throw agencyNotFound();
  const today = seoulIsoDate(now());
  const input = counsellorCreateSchema(today).parse(event.jsonBody);
  const counsellor = await answering(createCounsellor(agencyId, input, staffActor(staff, event)));
  return { status: 201, body: counsellorView(counsellor, agency, today) };
});
