import { createHash } from 'node:crypto';
import type { Text } from '../../forms/i18n';
import type { StaffActor } from '../applications/audit';
import { isApplicationId } from '../applications/identifiers';
import type { ClosingSessionMissing } from '../closure/closing-labels';
import type { Referral } from '../referral/referral-labels';
import type { RejectionReason } from './rejection-reasons';
import type { MissedSession } from '../service-period/attendance';
import type { SupplementRequest, SupplementState } from '../supplements/supplement';

/** A decision a person owes the workflow: it holds the task token that resumes the execution. */
export type TaskKind = 'review' | 'reassessment' | 'risk' | 'referral' | 'attendance';
/** `cancelled`: the case closed early while the task was open (functions/closure/close-application.ts). */
export type TaskState = 'open' | 'decided' | 'expired' | 'cancelled';

export interface HumanTask {
  taskId: string;
  applicationId: string;
  kind: TaskKind;
  period: number;
  district: string;
  programme: string;
  state: TaskState;
  createdAt: string;
  /** A review or re-assessment: when the period's first task of its kind was opened (review/task-age.ts). */
  firstOpenedAt?: string;
  /** A review or re-assessment: how many tasks before this one expired unanswered and were escalated. */
  escalations?: number;
  /**
   * A review or re-assessment opened afresh after an escalation: the due date the period's first task
   * missed. The queue measures the case against it (review/queue-sla.ts), so "기한 지남" stays on a
   * case that was escalated, while `dueAt` is when the fresh task escalates again.
   */
  firstDueAt?: string;
  /** When the workflow escalates the task if nobody acts: its heartbeat deadline, never after `timeoutAt`. */
  dueAt: string;
  /** The state's timeout: no claim moves the due date past it. */
  timeoutAt: string;
  /** How far a claim (the state's heartbeat) moves the due date. */
  heartbeatSeconds: number;
  /** The workflow's token (review, re-assessment); a risk or attendance task holds none: it stops no workflow. */
  taskToken?: string;
  /** An urgent task: a high-risk screening result (DOMAIN.md §4), to be acknowledged with what was done. */
  risk?: { sessionId: string; reasons: Text[] };
  /** A referral owed at closure for a high-risk person: where it went, and the receiver's acknowledgement. */
  referral?: Referral;
  /** Three no-shows in a row (functions/service-period/attendance.ts): the missed sessions, with their days. */
  attendance?: { missed: MissedSession[] };
  /** The eligibility verdict the case manager starts from (the full explanation is on the application). */
  eligibilityOutcome?: string;
  assignee?: string;
  claimedAt?: string;
  /** A review task opened when a supplement round ended: which round, and whether the citizen answered. */
  supplement?: { round: number; outcome: Extract<SupplementState, 'answered' | 'no-answer'> };
  /** The decision: written by the console before it answers the token (the task is still open), or by RecordDecision. */
  answer?: TaskAnswer;
}

/** Who answered a task, with what, why, and how it reached the workflow. */
export interface TaskAnswer {
  decision: string;
  /**
   * 'console': a signed-in case manager through the decision route, which names them;
   * 'step-functions-api': SendTaskSuccess sent straight to Step Functions by whoever holds the token,
   * whose output is believed for the decision only, never for a name.
   */
  via: 'console' | 'step-functions-api';
  /** The signed-in staff member (console only), from the verified token, never from the task output. */
  by?: StaffActor;
  /** The case manager's note (console only): personal text, shown to staff, never logged. */
  note?: string;
  /**
   * Approve only (console only): the candidate the case manager chose to be offered the place first.
   * Stored here, never in the token's output; RecordDecision proposes it on the application's match.
   */
  counsellorId?: string;
  /** Re-assessment `close` only: why the closing session or post-test could not be recorded (functions/closure). */
  closingSessionMissing?: ClosingSessionMissing;
  /**
   * Request-info only (console only): what the citizen is asked for. RecordDecision opens the
   * supplement round from it; an answer sent straight to the Step Functions API has none, and the
   * workflow then opens a fresh review task as before.
   */
  supplement?: SupplementRequest;
  /** Review `reject` only (console only): the reason, and any words to the applicant; RejectApplication carries it on. */
  rejection?: RejectionReason;
  at: string;
  /** The console's answer id, sent in the token's output so RecordDecision can tell its answer from another sender's. */
  id?: string;
}

/** A case manager's note on a decision: free text of several lines, up to 2,000 characters; blank means none. */
/**
 * The next due date after a claim at `at`: one heartbeat on, but never past the state's timeout. A
 * task opened before tasks kept their deadlines (an older local data folder) keeps its due date.
 */
export function dueAfterClaim(task: Pick<HumanTask, 'heartbeatSeconds' | 'timeoutAt' | 'dueAt'>, at: Date): string {
  if (!task.heartbeatSeconds || !task.timeoutAt) return task.dueAt;
  return new Date(Math.min(at.getTime() + task.heartbeatSeconds * 1000, Date.parse(task.timeoutAt))).toISOString();
}

export const taskKindLabels: Record<TaskKind, Text> = {
  review: { ko: '신청 검토', en: 'Application review' },
  reassessment: { ko: '재판정', en: 'Re-assessment' },
  risk: { ko: '고위험 긴급 확인', en: 'High risk: urgent follow-up' },
  referral: { ko: '종결 시 연계 의뢰', en: 'Referral at closure' },
  attendance: { ko: '연속 불참 확인', en: 'Missed sessions: follow-up' },
};

/** The decisions each kind of task accepts; the workflow's Choice states branch on these values. */
export const decisionsByKind = {
  review: ['approve', 'reject', 'request-info'],
  reassessment: ['extend', 'close'],
  /** Said with what was done (the note is required): called the person, referred them, … */
  risk: ['acknowledged'],
  /** None here: a referral is recorded as sent, then acknowledged, on routes of its own (functions/referral). */
  referral: [],
  /** What the case manager did about three no-shows in a row, said in the note too (required). */
  attendance: ['family-called', 'new-times-agreed', 'early-closure-proposed'],
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

/** What staff see of a task: never the token, nor the answer's id that binds it to the token's output. */
export function taskView(task: HumanTask) {
  const { taskToken: _token, answer, ...view } = task;
  const { id: _id, ...shownAnswer } = answer ?? {};
  return { ...view, ...(answer ? { answer: shownAnswer } : {}), kindLabel: taskKindLabels[task.kind], decisions: decisionsByKind[task.kind] };
}
