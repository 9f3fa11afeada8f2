import { httpHandler } from '../commons/http';
import { problem } from '../commons/problems';
import { staffMember } from '../commons/staff';
import { openForStaff } from '../status/staff-access';
import { cursorInvalid, querySchema } from './bodies';
import { caseNoteView } from './case-note';
import { isNoteCursor, notesOf } from './note-store';

/**
 * GET /api/staff/applications/{applicationId}/notes[?limit=20][&cursor=…] — the case notes, newest
 * contact first, a page at a time; `next` is the cursor of the following page, absent on the last.
 * Notes tell of a person in the case manager's words: reading them is a read of the case
 * (`case-notes.viewed` on the access log and the audit trail), for the case's district team only.
 */
export const handler = httpHandler(async (event) => {
  staffMember(event); // the door first: a caller the route refuses learns nothing of its query
  const query = querySchema.parse(event.queryStringParameters ?? {});
  if (query.cursor !== undefined && !isNoteCursor(query.cursor)) {
    throw problem.invalidInput([{ field: 'cursor', code: 'case-note-cursor', message: cursorInvalid }]);
  }
  const application = await openForStaff(event, 'case-notes.viewed');
  const page = await notesOf(application.id, query.cursor, query.limit);
  return { status: 200, body: { applicationId: application.id, notes: page.notes.map(caseNoteView), ...(page.next ? { next: page.next } : {}) } };
});
