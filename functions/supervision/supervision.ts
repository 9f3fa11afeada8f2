/**
 * Supervision of hard cases (통합사례관리 슈퍼비전, issue 9 item 5; seed 001). A caseworker stuck on a
 * case asks for supervision: the question, what was tried, how urgent, and whether they would rather
 * have the supervisor come to the district office (찾아가는 슈퍼비전, visiting) or go to the supervisor
 * (찾아오는 슈퍼비전, in-office). A supervisor takes the request on as a session on a day, holds it, and
 * records the advice, which joins the case file.
 *
 *   open ──accept──▶ accepted ──advise──▶ advised
 *
 * Each step is planned here from the request as stored, so a retry (the same supervisor, the same
 * words) is answered as done instead of failing, and the store's conditional writes decide races.
 * Pure: no AWS.
 */
import type { StaffActor } from '../applications/audit';
import { isApplicationId } from '../applications/identifiers';
import type { SessionForm, SupervisionState, SupervisionUrgency } from './labels';

/** What the caseworker asks. */
export interface SupervisionAsk {
  question: string;
  /** What was tried so far (interventions, referrals, who was involved) and how it went. */
  tried: string;
  urgency: SupervisionUrgency;
  preferredForm: SessionForm;
}

export interface SupervisionAcceptance {
  form: SessionForm;
  /** The session's day, Seoul calendar (YYYY-MM-DD). */
  sessionOn: string;
  /** Where and when on the day, in the supervisor's words (optional). */
  place?: string;
  by: StaffActor;
  at: string;
}

export interface SupervisionAdvice {
  advice: string;
  /** What the caseworker and the supervisor agreed the caseworker does next, one line each. */
  agreedActions: string[];
  /** When to look at the case again (Seoul calendar), if a follow-up was agreed. */
  followUpOn?: string;
  by: StaffActor;
  at: string;
}

export interface SupervisionRequest {
  /** `<applicationId>-S<sequence>`: names its application, so a route with the id alone finds the item by key. */
  requestId: string;
  applicationId: string;
  /** The case's n-th request, from 1. */
  sequence: number;
  /** Copied from the application when asked: the supervisors' list shows them without reading each case. */
  receiptNumber: string;
  district: string;
  programme: string;
  state: SupervisionState;
  ask: SupervisionAsk;
  askedBy: StaffActor;
  askedAt: string;
  acceptance?: SupervisionAcceptance;
  advice?: SupervisionAdvice;
}

/** A case holds at most this many requests (three digits in the id); far above any real case. */
export const MAX_REQUESTS_PER_CASE = 999;

export function supervisionRequestId(applicationId: string, sequence: number): string {
  return `${applicationId}-S${sequence}`;
}

/** The application id and sequence of a request id, or undefined when the text is not one. */
export function parseSupervisionRequestId(requestId: string): { applicationId: string; sequence: number } | undefined {
  const match = /^(A[0-9A-Z]{25})-S([1-9]\d{0,2})$/.exec(requestId);
  if (!match || !isApplicationId(match[1]!)) return undefined;
  return { applicationId: match[1]!, sequence: Number(match[2]) };
}

export type AskPlan = { kind: 'new'; sequence: number } | { kind: 'repeat'; request: SupervisionRequest } | { kind: 'refused'; why: 'too-many' };

/**
 * Whether an ask makes a new request. The same caseworker sending the same ask while it is still
 * open is a retry (a lost answer, a double click) and gets the request it made.
 */
export function planAsk(existing: readonly SupervisionRequest[], ask: SupervisionAsk, userId: string): AskPlan {
  const repeat = existing.find((r) => r.state === 'open' && r.askedBy.userId === userId && sameAsk(r.ask, ask));
  if (repeat) return { kind: 'repeat', request: repeat };
  const last = Math.max(0, ...existing.map((r) => r.sequence));
  return last >= MAX_REQUESTS_PER_CASE ? { kind: 'refused', why: 'too-many' } : { kind: 'new', sequence: last + 1 };
}

function sameAsk(a: SupervisionAsk, b: SupervisionAsk): boolean {
  return a.question === b.question && a.tried === b.tried && a.urgency === b.urgency && a.preferredForm === b.preferredForm;
}

/** Why a step is refused: each is answered with a 409 or, for dates, a 400 on the field. */
export type Refusal =
  | 'taken-by-another'
  | 'already-accepted'
  | 'already-advised'
  | 'not-accepted'
  | 'accepted-by-another'
  | 'before-session'
  | 'session-in-past'
  | 'session-too-far'
  | 'follow-up-in-past';

export type StepPlan = { kind: 'apply' } | { kind: 'standing' } | { kind: 'refused'; why: Refusal };

/** How far ahead a session may be arranged: a hard case waits no longer than this. */
export const LATEST_SESSION_DAYS = 90;

/**
 * A supervisor takes the request on. Only an open request is taken; the supervisor who took it,
 * sending the same again, is told it stands; anyone else is told it was taken. A changed day is
 * refused rather than silently moved: the caseworker planned around the first.
 */
export function planAcceptance(request: SupervisionRequest, wanted: Pick<SupervisionAcceptance, 'form' | 'sessionOn' | 'place'>, userId: string, today: string): StepPlan {
  if (request.state === 'open') {
    if (wanted.sessionOn < today) return refused('session-in-past');
    if (wanted.sessionOn > addDays(today, LATEST_SESSION_DAYS)) return refused('session-too-far');
    return { kind: 'apply' };
  }
  const acceptance = request.acceptance!;
  if (acceptance.by.userId !== userId) return refused('taken-by-another');
  if (request.state === 'advised') return refused('already-advised');
  const same = acceptance.form === wanted.form && acceptance.sessionOn === wanted.sessionOn && (acceptance.place ?? '') === (wanted.place ?? '');
  return same ? { kind: 'standing' } : refused('already-accepted');
}

/**
 * The supervisor who took the request records the advice, once the session's day has come. The
 * same advice sent again is told it stands; other words after it are refused (the record of what
 * was advised does not change under the caseworker's feet).
 */
export function planAdvice(request: SupervisionRequest, wanted: Pick<SupervisionAdvice, 'advice' | 'agreedActions' | 'followUpOn'>, userId: string, today: string): StepPlan {
  if (request.state === 'open') return refused('not-accepted');
  const acceptance = request.acceptance!;
  if (acceptance.by.userId !== userId) return refused('accepted-by-another');
  if (request.state === 'advised') {
    const advice = request.advice!;
    const same = advice.advice === wanted.advice && advice.agreedActions.join('\n') === wanted.agreedActions.join('\n') && advice.followUpOn === wanted.followUpOn;
    return same ? { kind: 'standing' } : refused('already-advised');
  }
  if (today < acceptance.sessionOn) return refused('before-session');
  if (wanted.followUpOn !== undefined && wanted.followUpOn <= today) return refused('follow-up-in-past');
  return { kind: 'apply' };
}

function refused(why: Refusal): StepPlan {
  return { kind: 'refused', why };
}

/** Open requests come most urgent first, then oldest first. */
const urgencyRank: Record<SupervisionUrgency, number> = { urgent: 0, soon: 1, routine: 2 };

/**
 * The request's place in its state's list (GSI1 sort key): open ones by urgency then age, arranged
 * ones by session day, advised ones by when the advice was recorded (listed newest first). Ends with
 * the request id, which keeps keys unique and lets a page's last key rebuild the table key.
 */
export function listingKey(request: SupervisionRequest): string {
  switch (request.state) {
    case 'open':
      return `${urgencyRank[request.ask.urgency]}#${request.askedAt}#${request.requestId}`;
    case 'accepted':
      return `${request.acceptance!.sessionOn}#${request.requestId}`;
    case 'advised':
      return `${request.advice!.at}#${request.requestId}`;
  }
}

const ISO_INSTANT = String.raw`\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z`;
const listingKeyShapes: Record<SupervisionState, RegExp> = {
  open: new RegExp(String.raw`^[0-2]#${ISO_INSTANT}#([^#]+)$`),
  accepted: /^\d{4}-\d{2}-\d{2}#([^#]+)$/,
  advised: new RegExp(String.raw`^${ISO_INSTANT}#([^#]+)$`),
};

/**
 * The request id at the end of a listing key of `state` (a page's cursor), or undefined when the text
 * is not one: a cursor of another list, or made up, is refused rather than read from a wrong place.
 */
export function requestIdOfListingKey(state: SupervisionState, key: string): string | undefined {
  const requestId = listingKeyShapes[state].exec(key)?.[1];
  return requestId && parseSupervisionRequestId(requestId) ? requestId : undefined;
}

function addDays(isoDate: string, days: number): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
