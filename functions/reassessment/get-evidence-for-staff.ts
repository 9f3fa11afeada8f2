import { httpHandler } from '../commons/http';
import { sessionsOf } from '../service-period/session-store';
import { openForStaff } from '../status/staff-access';
import { reassessmentEvidence } from './evidence';

/**
 * GET /api/staff/applications/{applicationId}/evidence — what the case manager decides a
 * re-assessment on: the plan, attendance, pre/post scores and their change, and whether the
 * programme's caps allow another period. The district is checked and the read audited first.
 */
export const handler = httpHandler(async (event) => {
  const application = await openForStaff(event, 'evidence.viewed-by-staff');
  const periods = Array.from({ length: application.period }, (_, i) => i + 1);
  const sessions = (await Promise.all(periods.map((period) => sessionsOf(application.id, period)))).flat();
  return { status: 200, body: reassessmentEvidence(application, sessions) };
});
