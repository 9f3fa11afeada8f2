import { now } from '../commons/clock';
import { httpHandler } from '../commons/http';
import { HttpProblem } from '../commons/problems';
import { staffActor, staffMember } from '../commons/staff';
import type { Application } from '../applications/application';
import { auditEvent } from '../applications/audit';
import { InvalidTransition, transition } from '../applications/store';
import { startLifecycle } from '../lifecycle/start-lifecycle';
import { openForStaff } from '../status/staff-access';
import { eligibilityOverrideBody } from './override-body';
import { effectiveOutcome, planOverride, type EligibilityOverride, type OverridePlan } from './override';

const refusals: Record<Extract<OverridePlan, { kind: 'refused' }>['why'], () => HttpProblem> = {
  'rejected-by-review': () =>
    new HttpProblem(409, 'rejected-by-case-manager', {
      ko: '이 신청은 자격 판정이 아니라 담당자 검토로 반려되었습니다. 자격 판정 변경으로 되돌릴 수 없으며, 신청인은 구청에 이의신청을 할 수 있습니다.',
      en: 'This application was rejected by a case manager, not by the eligibility outcome: an override cannot undo that; the applicant may appeal to the district office.',
    }),
  already: () =>
    new HttpProblem(409, 'outcome-unchanged', { ko: '이미 그 판정입니다. 바꿀 것이 없습니다.', en: 'That is already the outcome: there is nothing to change.' }),
  'too-late': () =>
    new HttpProblem(409, 'override-too-late', {
      ko: '검토가 끝난 신청(승인·종결 등)의 자격 판정은 바꿀 수 없습니다.',
      en: 'The eligibility of an application past its review (approved, closed, …) can no longer be changed.',
    }),
  'not-checked': () =>
    new HttpProblem(409, 'eligibility-not-checked', { ko: '아직 자격 확인 전입니다. 잠시 후 다시 시도해 주세요.', en: 'Eligibility has not been checked yet. Try again shortly.' }),
};

/**
 * POST /api/staff/applications/{applicationId}/eligibility-override — a supervisor overrides the
 * rules' eligibility outcome, with their reason (functions/eligibility/override.ts says when):
 * - an application the rules rejected, made eligible, is reopened: back to `screened`, and a new
 *   execution (`<id>-r<n>`) opens its review;
 * - one before its review decision is recorded as overridden: made ineligible, the case manager's
 *   reject is pre-filled with the reason and approval is refused; made eligible, it may be approved.
 * Audited with the supervisor's note (staff only). Sent again, the standing override is answered
 * the same, and a reopened application's execution is started again (a no-op if it runs).
 */
export const handler = httpHandler(async (event) => {
  const application = await openForStaff(event, 'application.viewed-for-override');
  const body = eligibilityOverrideBody.parse(event.jsonBody);
  const plan = planOverride(application, body.outcome);
  if (plan.kind === 'refused') throw refusals[plan.why]();
  if (plan.kind === 'standing') {
    if (application.status === 'screened' && application.reopened) await reopen(application.id, application.reopened);
    return { status: 200, body: answer(application.id, application.eligibilityOverride!, application.status) };
  }
  const override: EligibilityOverride = {
    outcome: body.outcome,
    note: body.note!,
    ...(body.rejectionReason ? { rejectionReason: body.rejectionReason } : {}),
    by: staffActor(staffMember(event), event),
    at: now().toISOString(),
  };
  const to = plan.kind === 'reopen' ? 'screened' : application.status;
  try {
    await transition(application.id, {
      from: [application.status],
      to,
      set: { eligibilityOverride: override, ...(plan.kind === 'reopen' ? { reopened: plan.reopened } : {}) },
      ...(plan.kind === 'reopen' ? { remove: ['rejection'] as const } : {}),
      audit: auditEvent({
        applicationId: application.id,
        at: override.at,
        actor: override.by,
        action: 'eligibility.overridden',
        // Reopened, the applicant's timeline shows the case back under way.
        ...(plan.kind === 'reopen' ? { status: to, visibleToApplicant: true } : {}),
        detail: { from: effectiveOutcome(application) ?? null, to: override.outcome, rejectionReason: override.rejectionReason ?? null },
        note: override.note,
      }),
    });
  } catch (error) {
    if (error instanceof InvalidTransition) throw movedOn();
    throw error;
  }
  if (plan.kind === 'reopen') await reopen(application.id, plan.reopened);
  return { status: 200, body: answer(application.id, override, to) };
});

const movedOn = () =>
  new HttpProblem(409, 'application-moved-on', {
    ko: '그 사이 신청 상태가 바뀌었습니다. 신청서를 새로 고쳐 다시 확인해 주세요.',
    en: 'The application changed meanwhile. Refresh it and check again.',
  });

/** The reopened application's review, in an execution named for the round: starting it twice starts it once. */
function reopen(applicationId: string, reopened: number) {
  return startLifecycle({ applicationId, period: 1, resume: 'review', reopened });
}

function answer(applicationId: string, override: EligibilityOverride, status: Application['status']) {
  const { by, ...shown } = override;
  return { applicationId, status, eligibilityOverride: { ...shown, by: by.userId } };
}
