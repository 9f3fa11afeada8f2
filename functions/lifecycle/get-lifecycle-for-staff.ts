import { httpHandler } from '../commons/http';
import { problem } from '../commons/problems';
import { requireDistrict, staffMember } from '../commons/staff';
import { isApplicationId } from '../applications/identifiers';
import { getApplication } from '../applications/store';
import { readLifecycle } from './execution-history';
import { lifecyclePicture } from './lifecycle-picture';

/**
 * GET /api/staff/applications/{applicationId}/lifecycle — the picture of the application's lifecycle
 * (stages passed, the current one, what lies ahead), drawn from its executions' histories. The
 * district is checked against the stored application. It shows no person's data — stage names,
 * dates and execution names made of the application id — so no access record is written (the case
 * file beside it records its own read); operators may see it, as they see no case file.
 */
export const handler = httpHandler(async (event) => {
  const staff = staffMember(event);
  const applicationId = event.pathParameters?.applicationId ?? '';
  const application = isApplicationId(applicationId) ? await getApplication(applicationId, false) : undefined;
  if (!application) throw problem.notFound({ ko: '신청', en: 'Application' });
  requireDistrict(staff, application.district);
  const executions = await readLifecycle(application);
  return { status: 200, body: { applicationId, ...lifecyclePicture(executions, application.createdAt) } };
});
