/** The body of an operator's resume of a failed application (the rule is in resume.ts). */
import * as z from 'zod/mini';
import { message } from '../../forms/messages';
import { decisionNote } from '../review/decision-note';

const reasonRequired = message('resume-reason-required', {
  ko: '무엇을 고쳤는지(재개하는 이유)를 적어 주세요',
  en: 'Write what was fixed (why the application may go on)',
});

export const resumeBody = z.strictObject({
  reason: z
    .pipe(z.string({ error: reasonRequired }), decisionNote)
    .check(
      z.refine((reason) => reason !== undefined, reasonRequired),
      z.describe('what was fixed so the failed step can run again: for staff and the audit trail, never shown to the applicant'),
    ),
});
export type ResumeBody = z.infer<typeof resumeBody>;
