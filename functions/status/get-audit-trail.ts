import { httpHandler } from '../commons/http';
import { listAudit } from '../applications/store';
import { openForStaff } from './staff-access';

/** GET /api/staff/applications/{applicationId}/audit — every step and every read, oldest first. */
export const handler = httpHandler(async (event) => {
  const application = await openForStaff(event, 'audit-trail.viewed');
  const events = (await listAudit(application.id)).sort((a, b) => a.at.localeCompare(b.at));
  return { status: 200, body: { applicationId: application.id, events } };
});
