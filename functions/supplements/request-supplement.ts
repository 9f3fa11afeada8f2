import { notificationPut } from '../notifications/outbox';
import type { AuditEvent } from '../applications/audit';
import { transition } from '../applications/store';
import type { HumanTask, TaskAnswer } from '../review/task';
import { closeTaskWrite } from '../review/task-store';
import type { SupplementRequest, SupplementRound } from './supplement';
import { supplementPut } from './supplement-store';

/**
 * RecordDecision, for a case manager's request-info: closes the review task, opens the next supplement
 * round, moves the application to `supplement-requested` and queues the citizen's notification — in
 * one transaction, so a retried step does it once (the status has moved on: the transaction fails and
 * the transition reports it done).
 */
export async function requestSupplement(
  task: HumanTask,
  answer: TaskAnswer & { supplement: SupplementRequest },
  lastRound: number,
  audit: AuditEvent,
): Promise<void> {
  const round = lastRound + 1;
  const supplement: SupplementRound = {
    applicationId: task.applicationId,
    round,
    period: task.period,
    taskId: task.taskId,
    answerId: answer.id!,
    request: answer.supplement,
    requestedBy: answer.by!,
    requestedAt: audit.at,
    state: 'requested',
  };
  const { documents, fields, message } = answer.supplement;
  await transition(task.applicationId, {
    from: ['awaiting-review'],
    to: 'supplement-requested',
    set: { supplement: { round, state: 'requested' } },
    // The message is the citizen's to read; it is kept with the decision, like the note.
    audit: { ...audit, status: 'supplement-requested', detail: { ...audit.detail, round, documents: documents.join(','), fields: fields.join(','), message } },
    with: [
      closeTaskWrite(task, 'decided', { answer }),
      supplementPut(supplement),
      notificationPut({ applicationId: task.applicationId, key: `supplement-requested-r${round}`, template: 'supplement-requested', createdAt: audit.at }),
    ],
  });
}
