/**
 * The dashboard's figures from what the reads found: counters summed over the caller's districts,
 * overdue tasks tallied by kind and programme, the waiting list by programme with its longest wait,
 * and sessions of this Seoul month by outcome beside the held sessions of the months before. Pure,
 * so the arithmetic is tested without a table.
 */
import { applicationStatuses, type ApplicationStatus } from '../applications/application';
import { seoulMonth } from '../ledger/month';
import { programmeIds, type ProgrammeId } from '../providers/registry';
import type { TaskKind } from '../review/task';
import { sessionOutcomes, type SessionOutcome } from '../service-period/session';
import { parseCounterKey } from './counters';

/** The task kinds in the order the console lists them. */
export const taskKinds: readonly TaskKind[] = ['review', 'reassessment', 'risk', 'referral', 'attendance'];

/** How many months of held sessions the dashboard shows, this one included. */
export const SESSION_MONTHS = 6;

export interface DashboardInputs {
  now: Date;
  districts: readonly string[];
  /** Counter items of the caller's districts (any district: they are summed). */
  counters: readonly { sk: string; count: number }[];
  /** Open tasks past the due date their case is measured against. */
  overdue: readonly { kind: TaskKind; programme: string }[];
  /** Waiting applications of the caller's districts, not yet given a place. */
  waiting: readonly { programme: string; waitingSince: string }[];
}

type ByProgramme = Record<ProgrammeId, number>;
const zeroByProgramme = (): ByProgramme => Object.fromEntries(programmeIds.map((p) => [p, 0])) as ByProgramme;
const isProgramme = (p: string): p is ProgrammeId => (programmeIds as readonly string[]).includes(p);
const DAY_MS = 86_400_000;

/** The `n` Seoul months up to and including `month`, oldest first ('YYYY-MM'). */
export function monthsUpTo(month: string, n: number): string[] {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return Array.from({ length: n }, (_, i) => {
    const index = year * 12 + (m - 1) - (n - 1 - i);
    return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  });
}

export function dashboardFigures(inputs: DashboardInputs) {
  const month = seoulMonth(inputs.now);
  const months = monthsUpTo(month, SESSION_MONTHS);

  const byStatus = new Map<ApplicationStatus, ByProgramme>(applicationStatuses.map((s) => [s, zeroByProgramme()]));
  const sessions = new Map<string, Record<SessionOutcome, number>>(
    months.map((m) => [m, Object.fromEntries(sessionOutcomes.map((o) => [o, 0])) as Record<SessionOutcome, number>]),
  );
  for (const { sk, count } of inputs.counters) {
    const key = parseCounterKey(sk);
    if (key?.kind === 'application' && isProgramme(key.programme)) {
      const row = byStatus.get(key.status);
      if (row) row[key.programme] += count;
    }
    if (key?.kind === 'sessions') {
      const row = sessions.get(key.month);
      if (row && key.outcome in row) row[key.outcome] += count;
    }
  }
  const statusRows = applicationStatuses.map((status) => {
    const counts = byStatus.get(status)!;
    return { status, total: programmeIds.reduce((sum, p) => sum + counts[p], 0), byProgramme: counts };
  });

  const overdueByKind = Object.fromEntries(taskKinds.map((k) => [k, 0])) as Record<TaskKind, number>;
  const overdueByProgramme = zeroByProgramme();
  for (const task of inputs.overdue) {
    if (task.kind in overdueByKind) overdueByKind[task.kind]++;
    if (isProgramme(task.programme)) overdueByProgramme[task.programme]++;
  }

  const waiting = programmeIds.map((programme) => {
    const entries = inputs.waiting.filter((w) => w.programme === programme);
    const longest = entries.reduce((oldest, w) => (w.waitingSince < oldest ? w.waitingSince : oldest), '9999');
    return { programme, waiting: entries.length, longestWaitDays: entries.length ? Math.max(0, Math.floor((inputs.now.getTime() - Date.parse(longest)) / DAY_MS)) : null };
  });

  const thisMonth = sessions.get(month)!;
  return {
    at: inputs.now.toISOString(),
    month,
    districts: [...inputs.districts],
    applications: {
      total: statusRows.reduce((sum, r) => sum + r.total, 0),
      byStatus: statusRows,
      byProgramme: programmeIds.map((programme) => ({ programme, total: statusRows.reduce((sum, r) => sum + r.byProgramme[programme], 0) })),
    },
    overdue: {
      total: inputs.overdue.length,
      byKind: taskKinds.map((kind) => ({ kind, count: overdueByKind[kind] })),
      byProgramme: programmeIds.map((programme) => ({ programme, count: overdueByProgramme[programme] })),
    },
    waitlist: { total: waiting.reduce((sum, w) => sum + w.waiting, 0), byProgramme: waiting },
    sessions: {
      month,
      recorded: sessionOutcomes.reduce((sum, o) => sum + thisMonth[o], 0),
      byOutcome: sessionOutcomes.map((outcome) => ({ outcome, count: thisMonth[outcome] })),
      heldByMonth: months.map((m) => ({ month: m, held: sessions.get(m)!.held })),
    },
  };
}

export type DashboardFigures = ReturnType<typeof dashboardFigures>;
