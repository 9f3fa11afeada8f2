import type { Application } from '../applications/application';
import { auditEvent } from '../applications/audit';
import { auditPut, type TransactItem } from '../applications/store';
import { notificationPut } from '../notifications/outbox';
import { taskIdFor, type HumanTask } from '../review/task';
import { tasksOfApplication, taskPut } from '../review/task-store';
import { addWorkingDays, attendanceAlarm, type MissedSession } from './attendance';
import type { Session } from './session';

/** Not urgent like a risk, but a family that stopped coming is called within the week. */
const DUE_WORKING_DAYS = 3;

/**
 * The sessions already flagged in the period's attendance tasks, open or not: a run that touches one
 * of them has had its task (functions/service-period/attendance.ts `attendanceAlarm`).
 */
export async function flaggedSessions(applicationId: string, period: number): Promise<Set<string>> {
  const tasks = await tasksOfApplication(applicationId);
  return new Set(tasks.filter((t) => t.kind === 'attendance' && t.period === period).flatMap((t) => t.attendance?.missed.map((m) => m.sessionId) ?? []));
}

/**
 * Three no-shows in a row open a task for the district's case managers, in the transaction that
 * records the session, like an urgent risk task: no workflow waits on it, it is closed by being
 * acknowledged with what was done. Its id follows from the run's first session, so two records of the
 * same run at once cannot both open one (the second transaction's put fails its condition).
 */
export function attendanceTaskWrites(application: Application, period: number, missed: MissedSession[], recordedAt: string): TransactItem[] {
  const due = addWorkingDays(new Date(recordedAt), DUE_WORKING_DAYS).toISOString();
  const task: HumanTask = {
    taskId: taskIdFor(application.id, `attendance:${period}:${missed[0]!.sessionId}`),
    applicationId: application.id,
    kind: 'attendance',
    period,
    district: application.district,
    programme: application.programme,
    state: 'open',
    createdAt: recordedAt,
    dueAt: due,
    timeoutAt: due,
    heartbeatSeconds: 0,
    attendance: { missed },
  };
  return [
    taskPut(task),
    notificationPut({ applicationId: application.id, key: `attendance-${period}-${missed[0]!.sessionId}`, template: 'attendance-flagged', audience: 'case-managers', createdAt: recordedAt }),
    auditPut(
      auditEvent({
        applicationId: application.id,
        at: recordedAt,
        actor: { kind: 'system', step: 'RecordSession' },
        action: 'attendance.flagged',
        detail: { taskId: task.taskId, sessions: missed.map((m) => m.number).join(','), days: missed.map((m) => m.on).join(',') },
      }),
    ),
  ];
}

/**
 * The attendance task writes that recording `sessionId` calls for (none most of the time). The
 * period's earlier attendance tasks are read only when the record ends a run long enough to matter.
 */
export async function attendanceWritesFor(application: Application, after: readonly Session[], sessionId: string, recordedAt: string): Promise<TransactItem[]> {
  if (!attendanceAlarm(after, sessionId, new Set())) return [];
  const period = after[0]!.period;
  const missed = attendanceAlarm(after, sessionId, await flaggedSessions(application.id, period));
  return missed ? attendanceTaskWrites(application, period, missed, recordedAt) : [];
}

/**
 * What the serving agency may know of the period's attendance tasks: that the case manager was told,
 * when, and about which sessions — not what they did (that stays in the case file).
 */
export async function caseManagerToldOf(applicationId: string, period: number): Promise<{ at: string; sessions: number[] }[]> {
  const tasks = await tasksOfApplication(applicationId);
  return tasks
    .filter((t) => t.kind === 'attendance' && t.period === period)
    .map((t) => ({ at: t.createdAt, sessions: t.attendance?.missed.map((m) => m.number) ?? [] }))
    .sort((a, b) => a.at.localeCompare(b.at));
}
