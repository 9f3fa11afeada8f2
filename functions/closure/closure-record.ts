/**
 * How a case closed, and what is kept of it (issue 8 item 6). Pure functions of the application's
 * sessions and the closing reason: no AWS, so the rules can be read and tested on their own.
 */
import type { Text } from '../../forms/i18n';
import type { Session } from '../service-period/session';
import { changeOf, type Change, type Score } from '../screening/score';
import { earlyReasonLabels, closingSessionMissingLabels, type ClosingRequest, type ClosingSessionMissing } from './closing-labels';

/** Completed: the plan was done, the period ran out, or the programme's cap allowed no extension. */
export const completedBases = ['plan-complete', 'period-end', 'cap-reached'] as const;
export type CompletedBasis = (typeof completedBases)[number];

const completedLabels: Record<CompletedBasis, Text> = {
  'plan-complete': { ko: '계획한 회기를 모두 마쳐 종결했습니다', en: 'Closed after every planned session was held' },
  'period-end': { ko: '서비스 기간이 끝나 종결했습니다', en: 'Closed at the end of the service period' },
  'cap-reached': { ko: '연장할 수 있는 최대 기간에 이르러 종결했습니다', en: 'Closed at the longest time the programme allows' },
};

/** What the pre- and post-tests say: totals, bands and their change, per instrument. */
export interface OutcomeSummary {
  /** The first test of the case (the pre-test), if its answers were recorded. */
  pre?: { sessionId: string; phq9: Score; gad7: Score };
  /** The last closing test of the case (the post-test), if its answers were recorded. */
  post?: { sessionId: string; phq9: Score; gad7: Score };
  /** Only when both tests are there. */
  change?: { phq9: Change; gad7: Change };
}

export interface ClosureRecord {
  kind: 'completed' | 'early';
  /** completed: plan-complete | period-end | cap-reached; early: the request's reason. */
  reason: { code: string; label: Text; note?: string };
  /** Early only: who asked (a citizen's withdrawal or a case manager), and when. */
  requested?: Pick<ClosingRequest, 'by' | 'at'>;
  closedAt: string;
  period: number;
  /** Whether the period's closing session and its post-test were recorded, or why they could not be. */
  closingSession: { held: boolean; postTest: boolean; missing?: ClosingSessionMissing & { label: Text } };
  outcome: OutcomeSummary;
  /**
   * Sessions held over the whole case, as the sessions stood at closure (absent on records closed
   * before it was kept). A session record races a closure safely: it is in before the closing request
   * and counted here, or refused (functions/provider-portal/record-session.ts).
   */
  sessionsHeld?: number;
  /** A screening of the case was high risk (DOMAIN.md §4): the case manager owes a referral. */
  highRisk: boolean;
  referralTaskId?: string;
  /** Service records are kept 5 years from closure (DOMAIN.md §3 and §7), then destroyed. */
  retainUntil: string;
}

const SEOUL_OFFSET_MS = 9 * 60 * 60 * 1000;

/**
 * The last day service records must be kept: the closure's Seoul day, five years on (DOMAIN.md §7:
 * "provider service records 5 years"). A closure on 29 February keeps them to 1 March — a day longer
 * rather than a day short.
 */
export function retainUntil(closedAt: string): string {
  const day = new Date(Date.parse(closedAt) + SEOUL_OFFSET_MS);
  const kept = new Date(Date.UTC(day.getUTCFullYear() + 5, day.getUTCMonth(), day.getUTCDate()));
  return kept.toISOString().slice(0, 10);
}

/** Every screening of the case, current records and corrected ones, in the order of the plan. */
function screenings(sessions: readonly Session[]) {
  const ordered = [...sessions].sort((a, b) => a.period - b.period || a.number - b.number);
  return ordered.flatMap((s) => (s.record?.screening ? [{ session: s, screening: s.record.screening }] : []));
}

/**
 * Pre vs post: the first test of the case against its last closing test. A correction's earlier
 * answers are not scores any more; only current records count here.
 */
export function outcomeSummary(sessions: readonly Session[]): OutcomeSummary {
  const tests = screenings(sessions);
  const first = tests[0];
  const closing = tests.filter((t) => t.session.kind === 'closing').at(-1);
  const pre = first && first.session.kind !== 'closing' ? { sessionId: first.session.sessionId, phq9: first.screening.phq9, gad7: first.screening.gad7 } : undefined;
  const post = closing ? { sessionId: closing.session.sessionId, phq9: closing.screening.phq9, gad7: closing.screening.gad7 } : undefined;
  return {
    ...(pre ? { pre } : {}),
    ...(post ? { post } : {}),
    ...(pre && post ? { change: { phq9: changeOf(pre.phq9, post.phq9), gad7: changeOf(pre.gad7, post.gad7) } } : {}),
  };
}

/**
 * Whether any screening of the case was high risk — corrected answers included: the urgent task
 * was raised on them, so the referral is owed even when a later correction scores lower.
 */
export function wasHighRisk(sessions: readonly Session[]): boolean {
  return sessions.some((s) => [s.record, ...s.history].some((entry) => entry?.screening?.risk.high));
}

/** The period's closing session: held, with its post-test answers? */
export function closingSessionOf(sessions: readonly Session[], period: number): { held: boolean; postTest: boolean } {
  const closing = sessions.find((s) => s.period === period && s.kind === 'closing');
  const held = closing?.record?.outcome === 'held';
  return { held, postTest: held && Boolean(closing?.record?.screening) };
}

export interface ClosureFacts {
  closedAt: string;
  period: number;
  /** Sessions of every period of the case. */
  sessions: readonly Session[];
  /** The closing request, when the case closes early. */
  request?: ClosingRequest;
  /** How a completed case ended (ignored when `request` is there). */
  basis: CompletedBasis;
  /** Why the closing session or post-test could not be recorded, as the case manager said on closing. */
  missing?: ClosingSessionMissing;
  referralTaskId?: string;
}

/**
 * The closure record. An early closure explains a missing closing session by itself; a completed one
 * takes the case manager's reason, or says none was given (a decision sent straight to Step Functions).
 */
export function closureRecord(facts: ClosureFacts): ClosureRecord {
  const closing = closingSessionOf(facts.sessions, facts.period);
  const complete = closing.held && closing.postTest;
  const missing: ClosingSessionMissing | undefined = complete
    ? undefined
    : facts.request
      ? { code: 'closed-early' }
      : (facts.missing ?? { code: 'not-given' });
  const reason = facts.request
    ? { code: facts.request.reason, label: earlyReasonLabels[facts.request.reason], ...(facts.request.note ? { note: facts.request.note } : {}) }
    : { code: facts.basis, label: completedLabels[facts.basis] };
  return {
    kind: facts.request ? 'early' : 'completed',
    reason,
    ...(facts.request ? { requested: { by: facts.request.by, at: facts.request.at } } : {}),
    closedAt: facts.closedAt,
    period: facts.period,
    closingSession: { ...closing, ...(missing ? { missing: { ...missing, label: closingSessionMissingLabels[missing.code] } } : {}) },
    outcome: outcomeSummary(facts.sessions),
    sessionsHeld: facts.sessions.filter((s) => s.record?.outcome === 'held').length,
    highRisk: wasHighRisk(facts.sessions),
    ...(facts.referralTaskId ? { referralTaskId: facts.referralTaskId } : {}),
    retainUntil: retainUntil(facts.closedAt),
  };
}

/** What the citizen sees of the closure: when, and why in plain words — never a code or a staff note. */
export function citizenClosure(record: ClosureRecord, request?: ClosingRequest): { closedAt: string; reason: Text; yourNote?: string } {
  // The person's own words come back to them; a case manager's note is for staff only.
  const yourNote = request?.by.kind === 'citizen' ? request.note : undefined;
  return { closedAt: record.closedAt, reason: record.reason.label, ...(yourNote ? { yourNote } : {}) };
}
