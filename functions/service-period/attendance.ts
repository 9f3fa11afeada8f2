import type { Session } from './session';

/** No-shows in a row, in planned order, that call for the case manager (issue 8). */
export const NO_SHOWS_IN_A_ROW = 3;

/** A missed session as the case manager's task names it: which one, and the day it was missed. */
export interface MissedSession {
  sessionId: string;
  number: number;
  on: string;
}

/**
 * The no-shows at the end of the record, in planned order: sessions not recorded yet are skipped (an
 * agency may record late), anything else recorded — held, cancelled, rescheduled — ends the run.
 */
export function trailingNoShowRun(sessions: readonly Session[]): Session[] {
  const recorded = sessions.filter((s) => s.record).sort((a, b) => a.number - b.number);
  let start = recorded.length;
  while (start > 0 && recorded[start - 1]!.record!.outcome === 'no-show') start -= 1;
  return recorded.slice(start);
}

/**
 * Whether recording `sessionId` (the sessions as they are after the record) calls for an attendance
 * task, and for which missed sessions. Only a no-show that is part of a run of three or more at the
 * end of the record does: a correction to held never does, nor a no-show recorded behind a later
 * session that was attended. One run opens one task: a run that shares a session with one already
 * flagged (`flagged`, the sessions of earlier attendance tasks of the period) is that run, grown or
 * re-recorded — a retried request, a correction back and forth, a fourth no-show.
 */
export function attendanceAlarm(after: readonly Session[], sessionId: string, flagged: ReadonlySet<string>): MissedSession[] | undefined {
  const run = trailingNoShowRun(after);
  if (run.length < NO_SHOWS_IN_A_ROW || !run.some((s) => s.sessionId === sessionId)) return undefined;
  if (run.some((s) => flagged.has(s.sessionId))) return undefined;
  return run.map((s) => ({ sessionId: s.sessionId, number: s.number, on: s.record!.on }));
}

const SEOUL_OFFSET_MS = 9 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * `days` working days after `from`, at the same time of day: Saturdays and Sundays (in Seoul) are
 * skipped. Public holidays are not: Dolbom keeps no holiday calendar yet, so a due date may fall on
 * one — earlier, never later, than a person would count.
 */
export function addWorkingDays(from: Date, days: number): Date {
  let at = from.getTime();
  for (let left = days; left > 0; ) {
    at += DAY_MS;
    const weekday = new Date(at + SEOUL_OFFSET_MS).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return new Date(at);
}
