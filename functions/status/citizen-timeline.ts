/**
 * The citizen's timeline in plain words. The audit trail speaks in event codes (`task.opened`,
 * `service-period.ended`); the status page shows a sentence for each step a person can follow, with
 * its date, and nothing else. Every event type is listed here once: with its wording, or as
 * `internal` (staff reads, counters, escalations) — test/unit/status/citizen-timeline.test.ts finds
 * the event types in functions/ and fails on one this table does not name.
 */
import type { Text } from '../../forms/i18n';
import type { ApplicationStatus } from '../applications/application';
import type { AuditEvent } from '../applications/audit';

/** One line of the status page's timeline. `status` is the state the step moved to (for machines; the page shows `text`). */
export interface CitizenTimelineEntry {
  at: string;
  text: Text;
  status?: ApplicationStatus;
}

/** The sentence for an event, or undefined when this one says nothing to the citizen (an invalid answer, a repeat in other words). */
type Wording = (event: AuditEvent) => Text | undefined;

const said = (text: Text): Wording => () => text;
const detail = (event: AuditEvent, key: string) => event.detail?.[key];

const reviewOpened: Wording = (event) => {
  if (detail(event, 'kind') === 'reassessment') {
    return { ko: '서비스 기간이 끝나, 담당자가 계속 이용할지 다시 판단하고 있습니다.', en: 'The service period has ended; a case manager is deciding whether you continue.' };
  }
  switch (detail(event, 'supplementOutcome')) {
    case 'answered':
      return { ko: '보내 주신 보완 내용을 담당자가 다시 검토하고 있습니다.', en: 'A case manager is reviewing what you sent.' };
    case 'no-answer':
      return { ko: '보완 기한이 지나, 이미 낸 내용으로 담당자가 검토하고 있습니다.', en: 'The deadline for more information passed; a case manager is reviewing what you gave.' };
    default:
      return { ko: '담당자가 신청 내용을 검토하고 있습니다.', en: 'A case manager is reviewing your application.' };
  }
};

const reviewDecided: Wording = (event) => {
  switch (detail(event, 'decision')) {
    case 'approve':
      return { ko: '신청이 승인되었습니다. 서비스를 제공할 기관을 찾습니다.', en: 'Your application was approved. We are finding a provider for you.' };
    case 'request-info':
      return { ko: '담당자가 추가 서류나 내용을 요청했습니다.', en: 'A case manager asked you for more information.' };
    default:
      return undefined; // A rejection is told once, by `application.rejected`.
  }
};

const reassessmentDecided: Wording = (event) => {
  switch (detail(event, 'decision')) {
    case 'extend':
      return { ko: '서비스를 계속 이용하도록 결정되었습니다.', en: 'It was decided that you continue the service.' };
    case 'close':
      return { ko: '서비스를 마치기로 결정되었습니다.', en: 'It was decided that the service ends.' };
    default:
      return undefined;
  }
};

const periodStarted: Wording = (event) => {
  const period = Number(detail(event, 'period') ?? 1);
  return period > 1
    ? { ko: `${period}기 서비스 이용이 시작되었습니다.`, en: `Period ${period} of the service has started.` }
    : { ko: '서비스 이용이 시작되었습니다.', en: 'Your service has started.' };
};

const periodEnded: Wording = (event) =>
  detail(event, 'reason') === 'plan-complete'
    ? { ko: '계획한 상담을 모두 마쳤습니다.', en: 'All planned sessions are done.' }
    : { ko: '서비스 기간이 끝났습니다.', en: 'The service period has ended.' };

const closingRequested: Wording = (event) =>
  String(detail(event, 'reason') ?? '').startsWith('withdrawal')
    ? { ko: '서비스 중단(철회) 요청을 받았습니다.', en: 'We received your request to stop.' }
    : { ko: '담당자가 서비스를 종결하기로 했습니다.', en: 'A case manager is closing the case.' };

/** Every audit event type: what the citizen reads, or `internal`. */
export const citizenWording: Record<string, Wording | 'internal'> = {
  'application.submitted': said({ ko: '신청이 접수되었습니다.', en: 'We received your application.' }),
  'eligibility.checked': said({ ko: '신청 자격 기준을 확인했습니다.', en: 'We checked the eligibility criteria.' }),
  'eligibility.overridden': said({ ko: '자격 판단을 다시 해, 신청을 다시 검토합니다.', en: 'Your eligibility was looked at again; your application will be reviewed again.' }),
  'task.opened': reviewOpened,
  'review.decided': reviewDecided,
  'reassessment.decided': reassessmentDecided,
  'provider.waitlisted': said({ ko: '지금은 빈자리가 없어 대기 순서에 올렸습니다.', en: 'No place is free yet: you are on the waiting list.' }),
  'provider.offered': said({ ko: '자리가 나서 제공기관에 연결을 요청했습니다.', en: 'A place came free: we asked a provider to take you on.' }),
  'provider.matched': said({ ko: '서비스 제공기관이 정해졌습니다.', en: 'A provider has taken you on.' }),
  'matching.restarted': said({ ko: '다음 기간의 서비스 제공기관을 찾고 있습니다.', en: 'We are finding a provider for the next period.' }),
  'service-period.started': periodStarted,
  'service-period.ended': periodEnded,
  'extension.approved': said({ ko: '서비스 연장이 승인되었습니다.', en: 'An extension was approved.' }),
  'extension.refused': said({ ko: '이용할 수 있는 최대 기간에 이르러 더 연장할 수 없습니다.', en: 'You have reached the longest time the programme allows, so it cannot be extended.' }),
  'closure.requested': closingRequested,
  'application.closed': said({ ko: '서비스가 종결되었습니다.', en: 'The case is closed.' }),
  'application.rejected': said({ ko: '지원 대상으로 결정되지 않았습니다.', en: 'Your application was not approved.' }),
  'workflow.failed': said({ ko: '처리 중 문제가 생겨 담당자가 확인하고 있습니다.', en: 'Something went wrong on our side; staff are looking into it.' }),
  // The reason (what was fixed) is the operator's note: staff only.
  'workflow.resumed': said({ ko: '문제를 해결해, 신청 처리를 다시 이어 갑니다.', en: 'The problem is fixed; your application is moving again.' }),
  'supplement.answered': said({ ko: '보완 내용을 보내 주셨습니다.', en: 'You sent the information asked for.' }),

  // Internal: how the work was done, not a step of the citizen's case. An escalation reopens the
  // review under a new due date; to the citizen the review simply goes on.
  'task.escalated': 'internal',
  'task.claimed': 'internal',
  'supplement.awaited': 'internal',
  'supplement.no-answer': 'internal', // the review that follows says it
  'supplement.opened': 'internal',
  'supplement.uploads-requested': 'internal',
  'supplement.document-opened': 'internal',
  'provider.reserved': 'internal',
  'offer.acknowledged': 'internal',
  'offer.declined': 'internal',
  'offer.expired': 'internal',
  'offer.invalid-answer': 'internal',
  'offer.viewed': 'internal',
  'service-period.plan-completed': 'internal', // `service-period.ended` says it
  'session.recorded': 'internal',
  'session.corrected': 'internal',
  'sessions.viewed': 'internal',
  'caseload.viewed': 'internal',
  'attendance.flagged': 'internal',
  'attendance.acknowledged': 'internal',
  'risk.flagged': 'internal',
  'risk.acknowledged': 'internal',
  'referral.opened': 'internal',
  'referral.sent': 'internal',
  'referral.acknowledged': 'internal',
  'review.acknowledged': 'internal',
  'reassessment.acknowledged': 'internal',
  'supervision.requested': 'internal',
  'supervision.accepted': 'internal',
  'supervision.advised': 'internal',
  'supervision.listed': 'internal',
  'case-note.added': 'internal', // a case manager's record of a contact: staff only
  'case-notes.viewed': 'internal',
  'notification.sent': 'internal',
  'notification.failed': 'internal',
  'notification.retried': 'internal', // a staff member sent a failed notice again
  'access.denied': 'internal',
  'application.viewed': 'internal',
  'application.opened-to-withdraw': 'internal',
  'application.viewed-by-staff': 'internal',
  'application.viewed-for-override': 'internal',
  'application.viewed-for-supervision': 'internal',
  'application.looked-up-by-staff': 'internal',
  'application.found-by-staff': 'internal',
  'application.closing-by-staff': 'internal',
  'audit-trail.viewed': 'internal',
  'candidates.viewed-by-staff': 'internal',
  'evidence.viewed-by-staff': 'internal',
  'tasks.listed': 'internal',
  'ledger.exported': 'internal',
  'agency.created': 'internal',
  'agency.updated': 'internal',
  'counsellor.created': 'internal',
  'counsellor.updated': 'internal',
};

/** The sentence for one event, if the citizen reads one for it. Exported for the wording's tests. */
export function citizenText(event: AuditEvent): Text | undefined {
  const wording = citizenWording[event.action];
  return typeof wording === 'function' ? wording(event) : undefined;
}

/**
 * The status page's timeline: events marked visible to the applicant, oldest first, each as a
 * sentence with its date. A step said again in the same words right after itself (a review reopened
 * after an escalation, a retried step) shows once, at its first date.
 */
export function citizenTimeline(events: readonly AuditEvent[]): CitizenTimelineEntry[] {
  const entries: CitizenTimelineEntry[] = [];
  for (const event of [...events].filter((e) => e.visibleToApplicant).sort((a, b) => a.at.localeCompare(b.at))) {
    const text = citizenText(event);
    if (!text) continue;
    const last = entries.at(-1);
    if (last && last.text.ko === text.ko) continue;
    entries.push({ at: event.at, text, ...(event.status ? { status: event.status } : {}) });
  }
  return entries;
}
