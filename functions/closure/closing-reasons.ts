/** The bodies that carry a closing reason (codes and words in closing-labels.ts). */
import * as z from 'zod/mini';
import { message } from '../../forms/messages';
import { decisionNote } from '../review/decision-note';
import { closingSessionMissingCodes, staffClosingReasons, withdrawalReasons } from './closing-labels';

export * from './closing-labels';

const noteRequired = message('closing-note-required', { ko: '사유를 메모에 적어 주세요', en: 'Write the reason in the note' });
/** A note that must say something: missing or blank, it asks for the reason. */
const requiredNote = () => z.pipe(z.string({ error: noteRequired }), decisionNote).check(z.refine((note) => note !== undefined, noteRequired));

/** The case manager's early closure: a reason from the list and, always, what happened in their words. */
export const staffClosureBody = z.strictObject({
  reason: z.enum(staffClosingReasons, {
    error: message('closing-reason', { ko: '종결 사유를 목록에서 골라 주세요', en: 'Choose a closing reason from the list' }),
  }),
  note: requiredNote(),
});

/** The citizen's withdrawal: a reason and a note are both optional. */
export const withdrawalBody = z.strictObject({
  reason: z.optional(z.enum(withdrawalReasons, { error: message('withdrawal-reason', { ko: '중단 사유를 목록에서 골라 주세요', en: 'Choose a reason from the list' }) })),
  note: z.optional(decisionNote),
});

/** On a re-assessment's `close` without the closing session or post-test: why, as a code and in words. */
export const closingSessionMissingBody = z.strictObject({
  code: z.enum(closingSessionMissingCodes, {
    error: message('closing-missing-code', { ko: '종결 회기·사후 검사를 못 한 사유를 골라 주세요', en: 'Choose why the closing session or post-test could not be recorded' }),
  }),
  note: requiredNote(),
});
