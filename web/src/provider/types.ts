/** The shapes the portal's API answers: the server's own types, imported for their shape only. */
import type { Text } from '../../../forms/i18n';
import type { CaseloadEntry, OfferCard } from '../../../functions/provider-portal/portal-views';
import type { Session, SessionEntry, SessionRecordBody } from '../../../functions/service-period/session';

export type { CaseloadEntry, OfferCard };

export interface OfferPage {
  offers: OfferCard[];
  /** The cursor of the next page; absent on the last. */
  next?: string;
}

/** A questionnaire's score as the server computes it from the item answers (never typed in). */
export interface ScreeningScore {
  total: number;
  band: string;
  label: Text;
}

/** A test session's scores and the risk the server judged from them (DOMAIN.md §4). */
export interface ScreeningResult {
  phq9: ScreeningScore;
  gad7: ScreeningScore;
  risk: { high: boolean; reasons: { code: string; text: Text }[] };
}

/** The item answers, 0–3 each, in the questionnaire's order: 9 for the PHQ-9, 7 for the GAD-7. */
export interface ScreeningAnswers {
  phq9: number[];
  gad7: number[];
}

/** A record as kept: a test session's answers and scores with it. */
export type RecordEntry = SessionEntry & { screening?: ScreeningResult & { answers?: ScreeningAnswers } };

export type RecordedSession = Omit<Session, 'record' | 'history'> & { record?: RecordEntry; history: RecordEntry[] };

/** `GET /api/provider/applications/{applicationId}/sessions` */
export interface SessionList {
  applicationId: string;
  period: number;
  sessionsPlanned: number;
  sessionsHeld: number;
  sessions: RecordedSession[];
}

/** What the record form sends: the server's body, with a test session's answers. */
export type RecordBody = SessionRecordBody & { screening?: ScreeningAnswers };

/** `PUT …/sessions/{sessionId}` */
export interface RecordAnswer {
  sessionId: string;
  record: RecordEntry;
  sessionsHeld: number;
  sessionsPlanned: number;
  screening?: ScreeningResult;
}
