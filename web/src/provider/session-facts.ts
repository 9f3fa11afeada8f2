/**
 * What a session is, in words: its kind, where it stands, what was recorded. Pure functions of the
 * API's answer (no DOM), so the unit tests read them as the specification of the sessions view.
 */
import type { Text } from '../../../forms/i18n';
import type { SessionKind } from '../../../functions/service-period/schedule';
import type { SessionOutcome } from '../../../functions/service-period/session';
import type { RecordedSession, ScreeningResult } from './types';

const SEOUL_OFFSET_MS = 9 * 60 * 60 * 1000;

/** Today on the Seoul calendar (YYYY-MM-DD), whatever the phone's time zone. */
export function seoulToday(at: Date = new Date()): string {
  return new Date(at.getTime() + SEOUL_OFFSET_MS).toISOString().slice(0, 10);
}

/** A calendar day with its weekday, short enough for a list on a phone: "3월 16일 (월)", "Mon 16 Mar". */
export function dayText(isoDay: string): Text {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) return { ko: isoDay, en: isoDay };
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  const part = (locale: string, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { timeZone: 'UTC', ...options }).format(date);
  return {
    ko: `${part('ko-KR', { month: 'long', day: 'numeric' })} (${part('ko-KR', { weekday: 'short' })})`,
    en: part('en-GB', { weekday: 'short', day: 'numeric', month: 'short' }),
  };
}

export const kindLabels: Record<SessionKind, Text> = {
  'pre-test': { ko: '사전검사', en: 'Pre-test' },
  counselling: { ko: '상담', en: 'Counselling' },
  closing: { ko: '종결·사후검사', en: 'Closing and post-test' },
};

/** The first and the last session measure where the person is: PHQ-9 and GAD-7 are asked there. */
export function isTestSession(kind: SessionKind): boolean {
  return kind === 'pre-test' || kind === 'closing';
}

export const outcomeLabels: Record<SessionOutcome, Text> = {
  held: { ko: '진행', en: 'Held' },
  'no-show': { ko: '불참', en: 'No-show' },
  cancelled: { ko: '취소', en: 'Cancelled' },
  rescheduled: { ko: '일정 변경', en: 'Rescheduled' },
};

export const cancelledByLabels: Record<'applicant' | 'provider', Text> = {
  applicant: { ko: '이용자', en: 'the client' },
  provider: { ko: '기관', en: 'the agency' },
};

/** Where a session stands: planned, past its day with nothing recorded, or what was recorded. */
export type SessionState = 'planned' | 'to-record' | SessionOutcome;

export function sessionState(session: RecordedSession, today: string): SessionState {
  if (session.record) return session.record.outcome;
  return session.plannedOn < today ? 'to-record' : 'planned';
}

export const stateLabels: Record<SessionState, Text> = {
  planned: { ko: '예정', en: 'Planned' },
  'to-record': { ko: '기록 필요', en: 'To record' },
  ...outcomeLabels,
};

/** A session still to take place: nothing recorded yet, or moved to another day. */
export function stillToHappen(session: RecordedSession): boolean {
  return !session.record || session.record.outcome === 'rescheduled';
}

/** The session to record next: the first, in planned order, still to take place. */
export function nextToRecord(sessions: readonly RecordedSession[]): RecordedSession | undefined {
  return sessions.find(stillToHappen);
}

/** The day the session takes place if it is still to: the day it was moved to, else its planned day. */
export function expectedDay(session: RecordedSession): string {
  return session.record?.outcome === 'rescheduled' && session.record.rescheduledTo ? session.record.rescheduledTo : session.plannedOn;
}

/** One record in a line: "진행 · 3월 2일 (월) · 50분", "취소(이용자) · …", "일정 변경 · 3월 2일 (월) → 3월 4일 (수)". */
export function recordText(record: NonNullable<RecordedSession['record']>): Text {
  const on = dayText(record.on);
  switch (record.outcome) {
    case 'held':
      return { ko: `진행 · ${on.ko} · ${record.durationMinutes ?? '?'}분`, en: `Held · ${on.en} · ${record.durationMinutes ?? '?'} min` };
    case 'no-show':
      return { ko: `불참 · ${on.ko}`, en: `No-show · ${on.en}` };
    case 'cancelled': {
      const by = cancelledByLabels[record.cancelledBy ?? 'applicant'];
      return { ko: `취소(${by.ko}) · ${on.ko}`, en: `Cancelled by ${by.en} · ${on.en}` };
    }
    case 'rescheduled': {
      const to = record.rescheduledTo ? dayText(record.rescheduledTo) : { ko: '?', en: '?' };
      return { ko: `일정 변경 · ${on.ko} → ${to.ko}`, en: `Rescheduled · ${on.en} → ${to.en}` };
    }
  }
}

/** The count at the top of the view: "10회 중 1회 진행 · 9회 남음". */
export function countText(held: number, planned: number): Text {
  const left = Math.max(0, planned - held);
  return { ko: `${planned}회 중 ${held}회 진행 · ${left}회 남음`, en: `${held} of ${planned} sessions held · ${left} left` };
}

/** The server's scores of a test session in a line: "PHQ-9 12점(중등도) · GAD-7 8점(경도)". */
export function screeningText(screening: Pick<ScreeningResult, 'phq9' | 'gad7'>): Text {
  const { phq9, gad7 } = screening;
  return {
    ko: `PHQ-9 ${phq9.total}점(${phq9.label.ko}) · GAD-7 ${gad7.total}점(${gad7.label.ko})`,
    en: `PHQ-9 ${phq9.total} (${phq9.label.en}) · GAD-7 ${gad7.total} (${gad7.label.en})`,
  };
}
