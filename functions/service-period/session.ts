import * as z from 'zod';
import { message } from '../../forms/messages';
import type { StaffActor } from '../applications/audit';
import { decisionNote } from '../review/task';
import { screeningAnswersSchema, type ScreeningAnswers } from '../screening/answers';
import type { Risk, Score } from '../screening/score';
import { trailingNoShowRun } from './attendance';
import type { ScheduledSession } from './schedule';

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

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, message('session-date', { ko: '날짜를 YYYY-MM-DD 형식으로 적어 주세요', en: 'Give the date as YYYY-MM-DD' }));

// Registered once, at load (forms/messages.ts): never while a request is parsed.
const needs = {
  durationMinutes: message('session-minutes-required', { ko: '진행한 시간을 적어 주세요', en: 'Say how long the session lasted' }),
  cancelledBy: message('session-cancelled-by', { ko: '누가 취소했는지 골라 주세요', en: 'Say who cancelled' }),
  rescheduledTo: message('session-rescheduled-to', { ko: '옮긴 날짜를 적어 주세요', en: 'Give the new date' }),
  screeningHeld: message('screening-held-only', { ko: '검사 결과는 진행한 회기에만 기록합니다', en: 'Test answers go with a session that was held' }),
  later: message('session-rescheduled-later', { ko: '옮긴 날짜는 원래 날짜보다 뒤여야 합니다', en: 'The new date must come after the old one' }),
};

/** The agency's record of a session (`PUT …/sessions/{sessionId}`). */
export const sessionRecordBody = z
  .object({
    outcome: z.enum(sessionOutcomes, { error: message('session-outcome', { ko: '진행, 불참, 취소, 일정 변경 중 하나를 골라 주세요', en: 'Choose held, no-show, cancelled or rescheduled' }) }),
    on: isoDay,
    durationMinutes: z
      .number({ error: message('session-minutes', { ko: '진행 시간을 분 단위 숫자로 적어 주세요', en: 'Give the duration in minutes' }) })
      .int(message('session-minutes-whole', { ko: '진행 시간은 분 단위 정수로 적어 주세요', en: 'Give the duration in whole minutes' }))
      .min(10, message('session-minutes-range', { ko: '진행 시간은 10분에서 240분 사이여야 합니다', en: 'A session lasts between 10 and 240 minutes' }))
      .max(240, message('session-minutes-range', { ko: '진행 시간은 10분에서 240분 사이여야 합니다', en: 'A session lasts between 10 and 240 minutes' }))
      .optional(),
    cancelledBy: z.enum(['applicant', 'provider'], { error: needs.cancelledBy }).optional(),
    rescheduledTo: isoDay.optional(),
    note: decisionNote.optional(),
    /** Item answers of a test session (pre-test, closing); totals, bands and risk are computed, never sent. */
    screening: screeningAnswersSchema.optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    const need = (path: string, text: string) => ctx.addIssue({ code: 'custom', path: [path], message: text });
    if (body.outcome === 'held' && body.durationMinutes === undefined) need('durationMinutes', needs.durationMinutes);
    if (body.outcome === 'cancelled' && !body.cancelledBy) need('cancelledBy', needs.cancelledBy);
    if (body.outcome === 'rescheduled' && !body.rescheduledTo) need('rescheduledTo', needs.rescheduledTo);
    if (body.outcome === 'rescheduled' && body.rescheduledTo && body.rescheduledTo <= body.on) need('rescheduledTo', needs.later);
    if (body.screening && body.outcome !== 'held') need('screening', needs.screeningHeld);
  });
export type SessionRecordBody = z.infer<typeof sessionRecordBody>;

/**
 * Whether a record says exactly what the session's record already says: the agency's request sent
 * again (its first answer lost), which changes nothing — never a correction to audit and keep.
 */
export function sameRecord(entry: SessionEntry, body: SessionRecordBody): boolean {
  return (
    entry.outcome === body.outcome &&
    entry.on === body.on &&
    entry.durationMinutes === body.durationMinutes &&
    entry.cancelledBy === body.cancelledBy &&
    entry.rescheduledTo === body.rescheduledTo &&
    (entry.note ?? '') === (body.note ?? '') &&
    JSON.stringify(entry.screening?.answers ?? null) === JSON.stringify(body.screening ?? null)
  );
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
