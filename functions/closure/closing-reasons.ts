/** The bodies that carry a closing reason (codes and words in closing-labels.ts). */
import * as z from 'zod';
import { message } from '../../forms/messages';
import { decisionNote } from '../review/task';
import { closingSessionMissingCodes, staffClosingReasons, withdrawalReasons } from './closing-labels';

export * from './closing-labels';

const noteRequired = message('closing-note-required', { ko: '사유를 메모에 적어 주세요', en: 'Write the reason in the note' });

/** The case manager's early closure: a reason from the list and, always, what happened in their words. */
export const staffClosureBody = z
  .object({
    reason: z.enum(staffClosingReasons, {
      error: message('closing-reason', { ko: '종결 사유를 목록에서 골라 주세요', en: 'Choose a closing reason from the list' }),
    }),
    note: z.string({ error: noteRequired }).pipe(decisionNote).refine((note) => note !== undefined, noteRequired),
  })
  .strict();

/** The citizen's withdrawal: a reason and a note are both optional. */
export const withdrawalBody = z
  .object({
    reason: z
      .enum(withdrawalReasons, { error: message('withdrawal-reason', { ko: '중단 사유를 목록에서 골라 주세요', en: 'Choose a reason from the list' }) })
      .optional(),
    note: decisionNote.optional(),
  })
  .strict();

/** On a re-assessment's `close` without the closing session or post-test: why, as a code and in words. */
export const closingSessionMissingBody = z
  .object({
    code: z.enum(closingSessionMissingCodes, {
      error: message('closing-missing-code', { ko: '종결 회기·사후 검사를 못 한 사유를 골라 주세요', en: 'Choose why the closing session or post-test could not be recorded' }),
    }),
    note: z.string({ error: noteRequired }).pipe(decisionNote).refine((note) => note !== undefined, noteRequired),
  })
  .strict();
