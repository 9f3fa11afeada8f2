import type { StaffActor } from '../applications/audit';
import type { ScreeningAnswers } from '../screening/answers';
import type { Risk, Score } from '../screening/score';
import { trailingNoShowRun } from './attendance';
import type { ScheduledSession } from './schedule';
import type { SessionRecordBody } from './session-body';

/** What happened to a planned session, as the agency records it. */
export const sessionOutcomes = ['held', 'no-show', 'cancelled', 'rescheduled'] as const;
export type SessionOutcome = (typeof sessionOutcomes)[number];

/** One record of a session: the first, or a correction (the earlier ones are kept in `history`). */
export interface SessionEntry {
  outcome: SessionOutcome;
  /** The day it was held, missed, cancelled or moved from (Seoul calendar, YYYY-MM-DD). */
  on: string;
  durationMinutes?: number;
  cancelledBy?: 'applicant' | 'provider';
  rescheduledTo?: string;
  note?: string;
  /** A held test session's PHQ-9 and GAD-7: the item answers as given, and what Dolbom computed from them. */
  screening?: { answers: ScreeningAnswers; phq9: Score; gad7: Score; risk: Risk };
  recordedAt: string;
  recordedBy: StaffActor;
}

/** A planned session of an application's period and what the agency recorded of it. */
export interface Session extends ScheduledSession {
  applicationId: string;
  period: number;
  agencyId: string;
  counsellorId: string;
  /** The latest record, if any. */
  record?: SessionEntry;
  /** Earlier records this one corrected, oldest first: a correction never erases what was said. */
  history: SessionEntry[];
}


/**
 * Whether a record sent says exactly what the session's record already says — the same outcome, day,
 * length, who cancelled, new day, note and test answers — so sending it again (a double click, a retry
 * after a lost answer) is the same record, not a correction.
 */
export function saysTheSame(record: SessionEntry | undefined, body: SessionRecordBody): boolean {
  if (!record) return false;
  return (
    record.outcome === body.outcome &&
    record.on === body.on &&
    record.durationMinutes === body.durationMinutes &&
    record.cancelledBy === body.cancelledBy &&
    record.rescheduledTo === body.rescheduledTo &&
    (record.note ?? '') === (body.note ?? '') &&
    sameItems(record.screening?.answers.phq9, body.screening?.phq9) &&
    sameItems(record.screening?.answers.gad7, body.screening?.gad7)
  );
}

function sameItems(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  return a === b || (a !== undefined && b !== undefined && a.length === b.length && a.every((x, i) => x === b[i]));
}

/** Sessions the plan counts as used: held ones. */
export function heldCount(sessions: readonly Session[]): number {
  return sessions.filter((s) => s.record?.outcome === 'held').length;
}

/** No-shows at the end of the record, in planned order (three in a row call for the case manager: attendance.ts). */
export function trailingNoShows(sessions: readonly Session[]): number {
  return trailingNoShowRun(sessions).length;
}

/**
 * A session as the agency's staff see it: who recorded each entry by user id, not from which address
 * (the audit trail keeps that). The same view for the record the API answers with.
 */
export function sessionView(session: Session) {
  return { ...session, ...(session.record ? { record: entryView(session.record) } : {}), history: session.history.map(entryView) };
}

export function entryView(entry: SessionEntry) {
  const { sourceIp: _ip, ...by } = entry.recordedBy;
  return { ...entry, recordedBy: by };
}
