import type { HttpEvent } from '../commons/http';
import { problem } from '../commons/problems';
import { requireDistrict, staffMember } from '../commons/staff';
import type { Application } from '../applications/application';
import { isApplicationId } from '../applications/identifiers';
import { getApplication } from '../applications/store';
import { recordStaffRead } from '../access-log/record-access';

/**
 * Opens an application for a staff member: checks the caller against the application's district and
 * records the read (audit trail and access log) before anything is returned.
 */
export async function openForStaff(event: HttpEvent, action: string, detail?: Record<string, string | number>): Promise<Application> {
  const staff = staffMember(event);
  const applicationId = event.pathParameters?.applicationId ?? '';
  const application = isApplicationId(applicationId) ? await getApplication(applicationId, false) : undefined;
  if (!application) throw problem.notFound({ ko: '신청', en: 'Application' });
  requireDistrict(staff, application.district);
  await recordStaffRead(event, staff, action, [{ applicationId, district: application.district, ...(detail ? { detail } : {}) }]);
  return application;
}
