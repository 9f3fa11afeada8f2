import { nowMs } from '../commons/clock';
import { httpHandler, type HttpEvent } from '../commons/http';
import { problem } from '../commons/problems';
import { requireDistrict, staffActor, staffMember, type StaffMember } from '../commons/staff';
import type { Application } from '../applications/application';
import { auditEvent } from '../applications/audit';
import { isApplicationId } from '../applications/identifiers';
import { getApplication } from '../applications/store';
import { idempotencyKeySchema } from '../submission/idempotency';
import { caseNoteBody } from './bodies';
import { caseNoteView, newCaseNote, noteIdFor, occurredAtProblem } from './case-note';
import { noteOfKey, putNewNote } from './note-store';
import { keyNeeded, keyUsedForAnotherNote, occurredAtRefused } from './refusals';

/**
 * The case a note is written on, for its district's caseworker or supervisor; 404 for an unknown id.
 * Writing shows nothing of the case but what the author sent, so it is audited as the note it adds
 * (`case-note.added`), not as a read of the case file.
 */
async function caseForNote(event: HttpEvent, staff: StaffMember): Promise<Application> {
  const applicationId = event.pathParameters?.applicationId ?? '';
  const application = isApplicationId(applicationId) ? await getApplication(applicationId, false) : undefined;
  if (!application) throw problem.notFound({ ko: '신청', en: 'Application' });
  requireDistrict(staff, application.district);
  return application;
}

/**
 * POST /api/staff/applications/{applicationId}/notes — a case manager of the case's district writes
 * down a contact: how (phone, visit…), when, with whom, and what happened. 201 with the note. Sent
 * again with the same Idempotency-Key (a double click, a resend after a lost answer), 200 with the
 * note it wrote; the same key with other words, 409. A note is never changed: a correction is a new note.
 */
export const handler = httpHandler(async (event) => {
  const staff = staffMember(event);
  const application = await caseForNote(event, staff);
  const body = caseNoteBody.parse(event.jsonBody);
  const key = idempotencyKeySchema.safeParse(event.headers?.['idempotency-key']);
  if (!key.success || !key.data) throw keyNeeded();
  const why = occurredAtProblem(body.occurredAt, application.createdAt, nowMs());
  if (why) throw occurredAtRefused(why);
  const by = staffActor(staff, event);
  const claims = event.requestContext.authorizer?.jwt?.claims;
  const authorName = typeof claims?.name === 'string' && claims.name.trim() ? claims.name.trim().slice(0, 100) : undefined;
  const recordedAt = new Date(nowMs()).toISOString();
  const note = newCaseNote(application.id, noteIdFor(staff.userId, application.id, key.data), body, by, authorName, recordedAt);
  const audit = auditEvent({ applicationId: application.id, at: recordedAt, actor: by, action: 'case-note.added', detail: { noteId: note.noteId, kind: note.kind } });
  if (await putNewNote(note, audit)) {
    return { status: 201, body: caseNoteView(note), headers: { location: `/api/staff/applications/${application.id}/notes` } };
  }
  const written = await noteOfKey(application.id, note.noteId);
  if (!written || written.fingerprint !== note.fingerprint) throw keyUsedForAnotherNote();
  return { status: 200, body: caseNoteView(written) };
});
