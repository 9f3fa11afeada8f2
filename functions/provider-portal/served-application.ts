import type { HttpEvent } from '../commons/http';
import { problem } from '../commons/problems';
import { requireAgency, staffMember, type StaffMember } from '../commons/staff';
import type { Application } from '../applications/application';
import { isApplicationId } from '../applications/identifiers';
import { getApplication } from '../applications/store';

/**
 * The application in the path, for staff of the agency that serves it (its accepted offer): 404 for
 * none, 403 for an application another agency serves or none does yet — application ids are
 * unguessable, so the 403 tells nothing about the person.
 */
export async function servedApplication(event: HttpEvent): Promise<{ staff: StaffMember; application: Application }> {
  const staff = staffMember(event);
  const applicationId = event.pathParameters?.applicationId ?? '';
  const application = isApplicationId(applicationId) ? await getApplication(applicationId) : undefined;
  if (!application) throw problem.notFound({ ko: '신청', en: 'Application' });
  if (!application.providerId) throw problem.forbidden();
  requireAgency(staff, application.providerId);
  return { staff, application };
}
