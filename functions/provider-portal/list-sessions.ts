import { httpHandler } from '../commons/http';
import { recordStaffRead } from '../access-log/record-access';
import { heldCount, sessionView } from '../service-period/session';
import { sessionsOf } from '../service-period/session-store';
import { caseManagerToldOf } from '../service-period/attendance-task';
import { servedApplication } from './served-application';

/**
 * GET /api/provider/applications/{applicationId}/sessions — the current period's planned sessions and
 * what was recorded of each (corrections included), for the agency serving the application, and when
 * the case manager was told of no-shows in a row (`caseManagerTold`).
 */
export const handler = httpHandler(async (event) => {
  const { staff, application } = await servedApplication(event);
  const period = application.servicePeriod?.period ?? application.period;
  const [sessions, caseManagerTold] = await Promise.all([sessionsOf(application.id, period), caseManagerToldOf(application.id, period)]);
  await recordStaffRead(event, staff, 'sessions.viewed', [{ applicationId: application.id, district: application.district }]);
  return {
    status: 200,
    body: { applicationId: application.id, period, sessionsPlanned: sessions.length, sessionsHeld: heldCount(sessions), sessions: sessions.map(sessionView), caseManagerTold },
  };
});
