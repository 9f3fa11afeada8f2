import type { Text } from '../../forms/i18n';
import type { Application } from '../applications/application';
import { auditEvent } from '../applications/audit';
import { auditPut, type TransactItem } from '../applications/store';
import { notificationPut } from '../notifications/outbox';
import { taskIdFor, type HumanTask } from '../review/task';
import { taskPut } from '../review/task-store';
import type { Session } from '../service-period/session';

/** A referral is due within a week of closure: the person should not be left between services. */
const REFERRAL_DAYS = 7;

/** The high-risk results of the case in words, each once (corrections included: they raised the urgent task). */
function riskReasons(sessions: readonly Session[]): Text[] {
  const texts = sessions.flatMap((s) => [s.record, ...s.history].flatMap((entry) => entry?.screening?.risk.reasons.map((r) => r.text) ?? []));
  return [...new Map(texts.map((t) => [t.ko, t])).values()];
}

/**
 * The referral a case manager owes a high-risk person at closure (DOMAIN.md §4): a task with no token,
 * like the urgent risk task — it stops no workflow, it is listed as open until the receiver's
 * acknowledgement is recorded. One per closure: its id comes from the period, so a retried Closure
 * step opens it once.
 */
export function referralTask(application: Application, closedAt: string, sessions: readonly Session[]): HumanTask {
  const due = new Date(Date.parse(closedAt) + REFERRAL_DAYS * 24 * 60 * 60 * 1000).toISOString();
  return {
    taskId: taskIdFor(application.id, `referral:${application.period}`),
    applicationId: application.id,
    kind: 'referral',
    period: application.period,
    district: application.district,
    programme: application.programme,
    state: 'open',
    createdAt: closedAt,
    dueAt: due,
    timeoutAt: due,
    heartbeatSeconds: 0,
    referral: { reasons: riskReasons(sessions) },
  };
}

/** The task, the case managers told through the outbox, and the audit event: for the closure's transaction. */
export function referralWrites(task: HumanTask): TransactItem[] {
  return [
    taskPut(task),
    notificationPut({ applicationId: task.applicationId, key: `referral-${task.period}`, template: 'referral-owed', audience: 'case-managers', createdAt: task.createdAt }),
    auditPut(
      auditEvent({
        applicationId: task.applicationId,
        at: task.createdAt,
        actor: { kind: 'system', step: 'Closure' },
        action: 'referral.opened',
        detail: { taskId: task.taskId, dueAt: task.dueAt },
      }),
    ),
  ];
}
