import type { Session, SessionOutcome } from '../service-period/session';
import type { SessionKind } from '../service-period/schedule';

/** How one period's planned sessions went, as the agency recorded them. */
export interface Attendance {
  period: number;
  planned: number;
  held: number;
  noShow: number;
  cancelledByApplicant: number;
  cancelledByProvider: number;
  /** Moved to a later day and not yet recorded again. */
  rescheduled: number;
  notRecorded: number;
  /**
   * held ÷ (held + no-show + cancelled by the applicant), 0–1: the sessions the person was due at
   * and came to. A cancellation by the provider, a session moved, or one not yet recorded says
   * nothing of the person, so none of them counts. Null while no session counts.
   */
  rate: number | null;
}

/** One planned session as the case manager reads it at the re-assessment. */
export interface SessionLine {
  sessionId: string;
  number: number;
  kind: SessionKind;
  plannedOn: string;
  outcome?: SessionOutcome;
  /** The day it was held, missed, cancelled or moved from. */
  on?: string;
  durationMinutes?: number;
  cancelledBy?: 'applicant' | 'provider';
  rescheduledTo?: string;
  /** Whether PHQ-9 and GAD-7 answers were recorded with it. */
  screened: boolean;
  /** Corrections made to the record (the earlier records are kept). */
  corrections: number;
}

/** Counts one period's sessions (all of them must be of `period`). */
export function attendanceOf(period: number, sessions: readonly Session[]): Attendance {
  const count = (test: (s: Session) => boolean) => sessions.filter(test).length;
  const outcome = (s: Session) => s.record?.outcome;
  const held = count((s) => outcome(s) === 'held');
  const noShow = count((s) => outcome(s) === 'no-show');
  const cancelledByApplicant = count((s) => outcome(s) === 'cancelled' && s.record?.cancelledBy === 'applicant');
  const due = held + noShow + cancelledByApplicant;
  return {
    period,
    planned: sessions.length,
    held,
    noShow,
    cancelledByApplicant,
    cancelledByProvider: count((s) => outcome(s) === 'cancelled' && s.record?.cancelledBy === 'provider'),
    rescheduled: count((s) => outcome(s) === 'rescheduled'),
    notRecorded: count((s) => !s.record),
    rate: due === 0 ? null : held / due,
  };
}

export function sessionLine(session: Session): SessionLine {
  const record = session.record;
  return {
    sessionId: session.sessionId,
    number: session.number,
    kind: session.kind,
    plannedOn: session.plannedOn,
    ...(record
      ? {
          outcome: record.outcome,
          on: record.on,
          ...(record.durationMinutes !== undefined ? { durationMinutes: record.durationMinutes } : {}),
          ...(record.cancelledBy ? { cancelledBy: record.cancelledBy } : {}),
          ...(record.rescheduledTo ? { rescheduledTo: record.rescheduledTo } : {}),
        }
      : {}),
    screened: Boolean(record?.screening),
    corrections: session.history.length,
  };
}
