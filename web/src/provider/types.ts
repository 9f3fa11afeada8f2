/** The shapes the portal's API answers: the server's own types, imported for their shape only. */
import type { CaseloadEntry, OfferCard } from '../../../functions/provider-portal/portal-views';
import type { ScreeningAnswers } from '../../../functions/screening/answers';
import type { Risk, Score } from '../../../functions/screening/score';
import type { Session, SessionEntry } from '../../../functions/service-period/session';
import type { SessionRecordBody } from '../../../functions/service-period/session-body';

export type { CaseloadEntry, OfferCard, ScreeningAnswers };

export interface OfferPage {
  offers: OfferCard[];
  /** The cursor of the next page; absent on the last. */
  next?: string;
}

/** A test session's scores and the risk the server judged from its item answers (DOMAIN.md §4). */
export interface ScreeningResult {
  phq9: Score;
  gad7: Score;
  risk: Risk;
}

/** A record as kept: a held test session's answers and scores with it. */
export type RecordEntry = SessionEntry;
export type RecordedSession = Session;

/** `GET /api/provider/applications/{applicationId}/sessions` */
export interface SessionList {
  applicationId: string;
  period: number;
  sessionsPlanned: number;
  sessionsHeld: number;
  sessions: RecordedSession[];
  /** When the case manager was told of no-shows in a row, and of which sessions. */
  caseManagerTold: { at: string; sessions: number[] }[];
}

/** What the record form sends (`sessionRecordBody`): a held test session's item answers, never a total. */
export type RecordBody = SessionRecordBody;

/** `PUT …/sessions/{sessionId}` */
export interface RecordAnswer {
  sessionId: string;
  record: RecordEntry;
  sessionsHeld: number;
  sessionsPlanned: number;
  screening?: ScreeningResult;
  /** This record made a third no-show in a row: the case manager has a task about it. */
  caseManagerTold?: true;
}
