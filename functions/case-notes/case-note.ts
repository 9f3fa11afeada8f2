/**
 * Case notes (사례 기록 / 상담 기록): what happened on a case outside a decision — a phone call with a
 * parent, a home visit when nobody was in, a message that failed and the other way the person was
 * reached. Append-only: a note is never edited or deleted; a correction is a new note that says so,
 * as a paper case file is kept. Staff only: no citizen's route or provider reads them.
 *
 * Pure: no AWS. The store is note-store.ts, the routes add-case-note.ts and list-case-notes.ts.
 */
import { createHash } from 'node:crypto';
import type { StaffActor } from '../applications/audit';
import type { ContactKind } from './labels';

export interface CaseNote {
  /** Of the author's idempotency key (noteIdFor): a retried POST names the same note. */
  noteId: string;
  applicationId: string;
  kind: ContactKind;
  /** When the contact happened (UTC ISO); the notes are listed by it, newest first. */
  occurredAt: string;
  /** With whom, in the author's words (optional, one line). */
  withWhom?: string;
  text: string;
  by: StaffActor;
  /** The author's name as their sign-in said when they wrote it; a case file keeps who wrote, as it was. */
  authorName?: string;
  /** When it was written down. */
  recordedAt: string;
  /** Of the body, so a retry with the same key can be told from another note sent with it. */
  fingerprint: string;
}

/** What the author sends, as the body's schema parsed it. */
export interface CaseNoteInput {
  kind: ContactKind;
  occurredAt: string;
  withWhom?: string;
  text: string;
}

/**
 * The note of one person's idempotency key on one case: the same key (a double click, a resend after
 * a lost answer) names the same note, another person's same key another note.
 */
export function noteIdFor(userId: string, applicationId: string, idempotencyKey: string): string {
  return `N${createHash('sha256').update(`${userId}\u0000${applicationId}\u0000${idempotencyKey}`).digest('base64url').slice(0, 26)}`;
}

export const isNoteId = (id: string) => /^N[A-Za-z0-9_-]{26}$/.test(id);

export function fingerprintOf(input: CaseNoteInput): string {
  return createHash('sha256').update(JSON.stringify([input.kind, input.occurredAt, input.withWhom ?? '', input.text])).digest('base64url');
}

/**
 * A phone's clock may run a little ahead of the server's: "now" on the form is accepted up to this
 * much later than the server's now. Anything further ahead is a mistake (a note records what happened).
 */
export const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

export type OccurredAtProblem = 'in-future' | 'before-application';

/**
 * Whether the contact time can stand: not in the future (beyond the tolerance), and not before the
 * application was made — compared to the minute, as the form gives the time to the minute.
 */
export function occurredAtProblem(occurredAt: string, applicationCreatedAt: string, nowMs: number): OccurredAtProblem | undefined {
  const at = Date.parse(occurredAt);
  if (at > nowMs + FUTURE_TOLERANCE_MS) return 'in-future';
  const created = Date.parse(applicationCreatedAt);
  if (at < created - (created % 60_000)) return 'before-application';
  return undefined;
}

export function newCaseNote(applicationId: string, noteId: string, input: CaseNoteInput, by: StaffActor, authorName: string | undefined, recordedAt: string): CaseNote {
  return {
    noteId,
    applicationId,
    kind: input.kind,
    occurredAt: input.occurredAt,
    ...(input.withWhom ? { withWhom: input.withWhom } : {}),
    text: input.text,
    by,
    ...(authorName ? { authorName } : {}),
    recordedAt,
    fingerprint: fingerprintOf(input),
  };
}

/**
 * A note as staff read it: who wrote it by name and role, never where they called from (the audit
 * trail keeps that), and not the fingerprint.
 */
export function caseNoteView(note: CaseNote) {
  const { by, authorName, fingerprint: _f, ...rest } = note;
  return { ...rest, author: { userId: by.userId, ...(authorName ? { name: authorName } : {}), groups: by.groups } };
}
export type CaseNoteView = ReturnType<typeof caseNoteView>;
