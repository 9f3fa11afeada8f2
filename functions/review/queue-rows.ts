import { statusLabels } from '../applications/application';
import { applicationSummaries, type ApplicationSummary } from '../applications/summaries';
import { ageInDays, receivedAt, slaDueAt, slaLabels, slaState } from './queue-sla';
import { taskView, type HumanTask } from './task';

/**
 * One row of the work queue: the task as staff see it, the case's receipt number, applicant name and
 * status, and how late it is — received, due, age and the SLA badge, computed here on the server's
 * clock (the local cloud's clock can be moved; a browser's cannot).
 */
export function queueRow(task: HumanTask, application: ApplicationSummary | undefined, now: Date) {
  const due = slaDueAt(task);
  const received = receivedAt(task);
  const sla = task.state === 'open' ? slaState(due, now) : undefined;
  return {
    ...taskView(task),
    receiptNumber: application?.receiptNumber,
    applicantName: application?.applicantName,
    applicationStatus: application?.status,
    applicationStatusLabel: application ? statusLabels[application.status] : undefined,
    submittedAt: application?.createdAt,
    receivedAt: received,
    slaDueAt: due,
    ...(sla ? { sla: { state: sla, label: slaLabels[sla] } } : {}),
    ageDays: ageInDays(received, now),
    escalations: task.escalations ?? 0,
  };
}

export type QueueRow = ReturnType<typeof queueRow>;

export async function queueRows(tasks: readonly HumanTask[], now: Date): Promise<QueueRow[]> {
  const applications = await applicationSummaries(tasks.map((t) => t.applicationId));
  return tasks.map((task) => queueRow(task, applications.get(task.applicationId), now));
}
