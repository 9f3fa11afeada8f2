import { now } from '../commons/clock';
import type { HttpEvent } from '../commons/http';
import { problem } from '../commons/problems';
import { requireDistrict, staffActor, staffMember } from '../commons/staff';
import type { Application } from '../applications/application';
import { auditEvent } from '../applications/audit';
import { isApplicationId } from '../applications/identifiers';
import { appendAudit, getApplication } from '../applications/store';

/**
 * Opens an application for a staff member: checks the caller against the application's district and
 * writes the read to the audit trail before anything is returned.
 */
export async function openForStaff(event: HttpEvent, action: string, detail?: Record<string, string | number>): Promise<Application> {
  const staff = staffMember(event);
  const applicationId = event.pathParameters?.applicationId ?? '';
  const application = isApplicationId(applicationId) ? await getApplication(applicationId, false) : undefined;
  if (!application) throw problem.notFound({ ko: '신청', en: 'Application' });
  requireDistrict(staff, application.district);
  await appendAudit(auditEvent({ applicationId, at: now().toISOString(), actor: staffActor(staff, event), action, ...(detail ? { detail } : {}) }));
  return application;
}
