import { createHash } from 'node:crypto';
import type { Text } from '../../forms/i18n';
import { isApplicationId } from '../applications/identifiers';

/** A decision a person owes the workflow: it holds the task token that resumes the execution. */
export type TaskKind = 'review' | 'reassessment';
export type TaskState = 'open' | 'decided' | 'expired';

export interface HumanTask {
  taskId: string;
  applicationId: string;
  kind: TaskKind;
  period: number;
  district: string;
  programme: string;
  state: TaskState;
  createdAt: string;
  dueAt: string;
  taskToken: string;
  /** The eligibility verdict the case manager starts from (the full explanation is on the application). */
  eligibilityOutcome?: string;
  decision?: string;
  decidedBy?: string;
  decidedAt?: string;
}

export const taskKindLabels: Record<TaskKind, Text> = {
  review: { ko: '신청 검토', en: 'Application review' },
  reassessment: { ko: '재판정', en: 'Re-assessment' },
};

/** The decisions each kind of task accepts; the workflow's Choice states branch on these values. */
export const decisionsByKind = {
  review: ['approve', 'reject', 'request-info'],
  reassessment: ['extend', 'close'],
} as const satisfies Record<TaskKind, readonly string[]>;

/**
 * Derived from the token, so a retried "open task" step (same token) finds the task it already made,
 * and from the application id, so the task's partition is known from its id alone.
 */
export function taskIdFor(applicationId: string, taskToken: string): string {
  const digest = createHash('sha256').update(taskToken).digest('base64url').slice(0, 16);
  return `${applicationId}.${digest}`;
}

export function applicationIdOfTask(taskId: string): string | undefined {
  const [applicationId, digest] = taskId.split('.');
  return applicationId && isApplicationId(applicationId) && /^[A-Za-z0-9_-]{16}$/.test(digest ?? '') && taskId.split('.').length === 2
    ? applicationId
    : undefined;
}

/** What staff see of a task: never the token. */
export function taskView(task: HumanTask) {
  const { taskToken: _token, ...view } = task;
  return { ...view, kindLabel: taskKindLabels[task.kind], decisions: decisionsByKind[task.kind] };
}
