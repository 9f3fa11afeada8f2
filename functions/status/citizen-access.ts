import { now } from '../commons/clock';
import { HttpProblem } from '../commons/problems';
import type { Application } from '../applications/application';
import { auditEvent } from '../applications/audit';
import { isApplicationId, verifyAccessCode } from '../applications/identifiers';
import { appendAudit, getApplication, listAudit } from '../applications/store';
import { explanation, timeline } from './timeline';
import { publicView } from '../applications/application';

// One answer for "no such application" and "wrong code", so ids and receipts cannot be probed.
const notFoundOrWrongCode = () =>
  new HttpProblem(404, 'not-found', {
    ko: '신청을 찾을 수 없거나 접근 코드가 맞지 않습니다.',
    en: 'No application matches, or the access code is wrong.',
  });

/** Opens an application for a citizen who holds its access code, and audits the read. */
export async function openForCitizen(applicationId: string, accessCode: string | undefined, sourceIp: string) {
  if (!accessCode || accessCode.length > 64 || !isApplicationId(applicationId)) throw notFoundOrWrongCode();
  const application: Application | undefined = await getApplication(applicationId, false);
  if (!application || !(await verifyAccessCode(accessCode, application.accessCodeHash))) throw notFoundOrWrongCode();
  await appendAudit(
    auditEvent({ applicationId, at: now().toISOString(), actor: { kind: 'citizen', sourceIp }, action: 'application.viewed' }),
  );
  return {
    ...publicView(application),
    timeline: timeline(await listAudit(applicationId)),
    eligibility: explanation(application),
  };
}
