import * as z from 'zod/mini';
import { message } from '../../forms/messages';
import { httpHandler } from '../commons/http';
import { pageSizeParameter } from '../commons/page-size';
import { problem } from '../commons/problems';
import { staffMember } from '../commons/staff';
import { openForStaff } from '../status/staff-access';
import { caseNoteView } from './case-note';
import { isNoteCursor, notesOf } from './note-store';

const cursorInvalid = {
  ko: '사례 기록 목록 위치 값이 올바르지 않습니다. 목록을 처음부터 다시 불러 주세요',
  en: 'Not a valid position in the case notes. Load the notes again from the start',
};

// Here, not beside the note's body: the list's bundle carries no schema of a note.
export const querySchema = z.object({
  cursor: z.optional(z.string().check(z.maxLength(200, message('case-note-cursor', cursorInvalid)))),
  limit: pageSizeParameter(message('case-note-page-size', { ko: '사례 기록은 한 번에 1~100건까지 볼 수 있습니다', en: 'A page holds 1 to 100 case notes' }), 20),
});

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
