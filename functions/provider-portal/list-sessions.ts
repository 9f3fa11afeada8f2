import { now } from '../commons/clock';
import { httpHandler } from '../commons/http';
import { staffActor } from '../commons/staff';
import { auditEvent } from '../applications/audit';
import { appendAudit } from '../applications/store';
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
  await appendAudit(auditEvent({ applicationId: application.id, at: now().toISOString(), actor: staffActor(staff, event), action: 'sessions.viewed' }));
  return {
    status: 200,
    body: { applicationId: application.id, period, sessionsPlanned: sessions.length, sessionsHeld: heldCount(sessions), sessions: sessions.map(sessionView), caseManagerTold },
  };
});
