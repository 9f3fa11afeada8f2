import type { Application } from '../applications/application';
import { auditEvent } from '../applications/audit';
import { auditPut, type TransactItem } from '../applications/store';
import { taskIdFor, type HumanTask } from '../review/task';
import { taskPut } from '../review/task-store';
import { notificationPut } from '../notifications/outbox';
import type { Risk } from './score';

/** An urgent task is due the next day: someone must call the person now, not within the week. */
const URGENT_HOURS = 24;

/**
 * A high-risk screening result (DOMAIN.md §4) opens an urgent task in the case manager's queue at once,
 * in the transaction that records the session: no workflow waits on it, it is closed by being
 * acknowledged with what was done. One per session record, so a retried request opens it once.
 */
export function riskTaskWrites(application: Application, sessionId: string, recordedAt: string, risk: Risk): TransactItem[] {
  const task: HumanTask = {
    taskId: taskIdFor(application.id, `risk:${sessionId}:${recordedAt}`),
    applicationId: application.id,
    kind: 'risk',
    period: application.period,
    district: application.district,
    programme: application.programme,
    state: 'open',
    createdAt: recordedAt,
    dueAt: new Date(Date.parse(recordedAt) + URGENT_HOURS * 60 * 60 * 1000).toISOString(),
    timeoutAt: new Date(Date.parse(recordedAt) + URGENT_HOURS * 60 * 60 * 1000).toISOString(),
    heartbeatSeconds: 0,
    risk: { sessionId, reasons: risk.reasons.map((r) => r.text) },
  };
  return [
    taskPut(task),
    // The district's case managers are told at once (SMS/e-mail from the outbox), not at their next look at the queue.
    notificationPut({ applicationId: application.id, key: `risk-${sessionId}-${recordedAt}`, template: 'risk-flagged', audience: 'case-managers', createdAt: recordedAt }),
    auditPut(
      auditEvent({
        applicationId: application.id,
        at: recordedAt,
        actor: { kind: 'system', step: 'RecordSession' },
        action: 'risk.flagged',
        detail: { taskId: task.taskId, sessionId, reasons: risk.reasons.map((r) => r.code).join(',') },
      }),
    ),
  ];
}
