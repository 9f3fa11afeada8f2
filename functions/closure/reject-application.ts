import { now } from '../commons/clock';
import { workflowStep } from '../commons/step';
import { auditEvent } from '../applications/audit';
import { requireApplication, transition } from '../applications/store';
import { stepInput, systemActor } from '../lifecycle/step-input';
import type { EligibilityResult } from '../eligibility/types';
import { notificationPut } from '../notifications/outbox';

const reviewRejection = {
  ko: '담당자 검토 결과 지원 대상으로 결정되지 않았습니다. 이의가 있으면 관할 구청에 문의해 주세요.',
  en: 'After review by a case manager the application was not approved. Contact your district office to appeal.',
};

/** RejectApplication: the application ends, and the applicant is sent the reasons. */
export const handler = workflowStep('RejectApplication', stepInput, async ({ applicationId }) => {
  const application = await requireApplication(applicationId);
  const eligibility = application.eligibility as EligibilityResult | undefined;
  const reasons = eligibility?.outcome === 'ineligible' ? eligibility.reasons : [reviewRejection];
  const at = now().toISOString();
  await transition(applicationId, {
    from: ['screened', 'awaiting-review'],
    to: 'rejected',
    audit: auditEvent({
      applicationId,
      at,
      actor: systemActor('RejectApplication'),
      action: 'application.rejected',
      status: 'rejected',
      visibleToApplicant: true,
      detail: { basis: eligibility?.outcome === 'ineligible' ? 'eligibility' : 'review' },
    }),
    with: [notificationPut({ applicationId, key: 'rejected', template: 'application-rejected', reasons, createdAt: at })],
  });
  return { rejected: true };
});
