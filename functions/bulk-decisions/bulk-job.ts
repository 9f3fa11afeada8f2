/**
 * A bulk decision job: one decision (with its note, and its reason to reject) taken for up to 100
 * cases, each through the single decision's path (functions/review/decide.ts), each with its own
 * result. Pure: no AWS here (the store is bulk-store.ts, the steps decide-bulk-item.ts and
 * finish-bulk-job.ts).
 */
import { createHash } from 'node:crypto';
import type { Text } from '../../forms/i18n';
import type { StaffActor } from '../applications/audit';
import type { HttpProblem } from '../commons/problems';
import type { StaffMember } from '../commons/staff';
import type { BulkDecisionBody } from './bulk-body';

/**
 * - `applied`: this job's decision is the case's (also when a retry of this job found it applied);
 * - `already-decided`: someone decided the task first (by hand, another job), or it expired;
 * - `refused`: the single decision's checks refused it (another district, not found, an override…);
 * - `not-done`: it kept failing on our side (retried, then given up): decide it on its own.
 */
export type ItemOutcome = 'pending' | 'applied' | 'already-decided' | 'refused' | 'not-done';

export interface BulkItem {
  taskId: string;
  outcome: ItemOutcome;
  /** Only of a case the creator may see (their district): a refused task of another district names nothing. */
  applicationId?: string;
  receiptNumber?: string;
  /** Why it was not applied, in the words the single decision would have answered. */
  reason?: Text;
  /** When the result was recorded. */
  at?: string;
}

export interface BulkJob {
  jobId: string;
  status: 'running' | 'done';
  createdAt: string;
  finishedAt?: string;
  /** Who decides every case: the signed-in staff member, from the verified token of the POST. */
  by: StaffActor;
  /** Their districts and groups at that moment: each case is checked against them, and the job's readers too. */
  staff: Pick<StaffMember, 'userId' | 'groups' | 'districts'>;
  request: Omit<BulkDecisionBody, 'taskIds'>;
  /** Of the request, so a repeated POST with the same idempotency key can be told from another request. */
  fingerprint: string;
  /** In the order chosen; the results are in `items`, by task id (one conditional update each). */
  taskIds: string[];
  items: Record<string, BulkItem>;
  /** Cases with a result. */
  done: number;
  total: number;
}

/**
 * The job of one person's idempotency key: the same key (a double click, a retry after a lost answer)
 * names the same job, and another person's same key another job. Usable as an execution name.
 */
export function jobIdFor(userId: string, idempotencyKey: string): string {
  return `B${createHash('sha256').update(`${userId}\u0000${idempotencyKey}`).digest('base64url').slice(0, 26)}`;
}

export const isJobId = (id: string) => /^B[A-Za-z0-9_-]{26}$/.test(id);

export function fingerprintOf(body: BulkDecisionBody): string {
  const { taskIds, decision, note, rejection } = body;
  return createHash('sha256').update(JSON.stringify([taskIds, decision, note ?? '', rejection?.reason ?? '', rejection?.toCitizen ?? ''])).digest('base64url');
}

export function newJob(jobId: string, staff: StaffMember, by: StaffActor, body: BulkDecisionBody, at: string): BulkJob {
  const { taskIds, ...request } = body;
  return {
    jobId,
    status: 'running',
    createdAt: at,
    by,
    staff: { userId: staff.userId, groups: staff.groups, districts: staff.districts },
    request,
    fingerprint: fingerprintOf(body),
    taskIds,
    items: Object.fromEntries(taskIds.map((taskId) => [taskId, { taskId, outcome: 'pending' }])),
    done: 0,
    total: taskIds.length,
  };
}

const notYourDistrict: Text = { ko: '담당 구역의 업무가 아니어서 결정하지 않았습니다', en: 'Not a task of your districts: not decided' };

/** What a refusal of the single decision's path means for one case of the job. */
export function resultOfRefusal(taskId: string, refusal: HttpProblem, seen?: { applicationId: string; receiptNumber: string }): Omit<BulkItem, 'at'> {
  const outcome: ItemOutcome = refusal.code === 'task-closed' || refusal.code === 'task-answered-differently' ? 'already-decided' : 'refused';
  // A 400 says which field: its reason is the field's (the decision is not one this kind of task takes…).
  const reason = refusal.code === 'forbidden' ? notYourDistrict : (refusal.fields[0]?.message ?? refusal.text);
  return { taskId, outcome, reason, ...(refusal.code === 'forbidden' || !seen ? {} : seen) };
}

export const givenUp: Text = {
  ko: '처리 중 오류가 반복되어 결정하지 못했습니다. 이 사례는 따로 열어 결정해 주세요',
  en: 'This kept failing on our side and was not decided. Open the case and decide it on its own',
};

/**
 * Who may follow a job: the person who started it, and a supervisor of one of its districts (who
 * answers for that team's decisions). Nobody else learns that it exists.
 */
export function mayRead(staff: StaffMember, job: Pick<BulkJob, 'staff'>): boolean {
  if (staff.userId === job.staff.userId) return true;
  return staff.groups.includes('supervisor') && job.staff.districts.some((d) => staff.districts.includes(d));
}

export const outcomeLabels: Record<ItemOutcome, Text> = {
  pending: { ko: '처리 중', en: 'In progress' },
  applied: { ko: '결정됨', en: 'Decided' },
  'already-decided': { ko: '이미 처리됨', en: 'Already decided' },
  refused: { ko: '결정 불가', en: 'Not decided' },
  'not-done': { ko: '오류로 미처리', en: 'Failed' },
};

/** What GET /api/staff/bulk-decisions/{jobId} answers: progress, and each case in the order chosen. */
export function jobView(job: BulkJob) {
  const items = job.taskIds.map((taskId) => {
    const item = job.items[taskId] ?? { taskId, outcome: 'pending' as const };
    return { ...item, outcomeLabel: outcomeLabels[item.outcome] };
  });
  const count = (outcome: ItemOutcome) => items.filter((i) => i.outcome === outcome).length;
  return {
    jobId: job.jobId,
    status: job.status,
    createdAt: job.createdAt,
    ...(job.finishedAt ? { finishedAt: job.finishedAt } : {}),
    createdBy: job.staff.userId,
    decision: job.request.decision,
    note: job.request.note,
    ...(job.request.rejection ? { rejection: job.request.rejection } : {}),
    progress: { done: job.done, total: job.total },
    counts: { applied: count('applied'), alreadyDecided: count('already-decided'), refused: count('refused'), notDone: count('not-done'), pending: count('pending') },
    items,
  };
}
export type BulkJobView = ReturnType<typeof jobView>;
