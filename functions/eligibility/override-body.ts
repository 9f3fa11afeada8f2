/** The body of a supervisor's eligibility override (the rules of it are in override.ts). */
import * as z from 'zod/mini';
import { message } from '../../forms/messages';
import { rejectionReasonCodes } from '../review/rejection-reasons';
import { decisionNote } from '../review/decision-note';

const noteRequired = message('override-note-required', {
  ko: '자격 판정을 바꾸는 이유를 적어 주세요',
  en: 'Write why the eligibility outcome is changed',
});

export const eligibilityOverrideBody = z
  .strictObject({
    outcome: z
      .enum(['eligible', 'ineligible'], {
        error: message('override-outcome', { ko: '바꿀 판정(지원 대상 / 지원 대상 아님)을 골라 주세요', en: 'Choose the outcome: eligible or not eligible' }),
      })
      .check(z.describe('the outcome that counts from now on')),
    note: z
      .pipe(z.string({ error: noteRequired }), decisionNote)
      .check(
        z.refine((note) => note !== undefined, noteRequired),
        z.describe("the supervisor's reason: for staff and the audit trail, never shown to the applicant"),
      ),
    rejectionReason: z
      .optional(
        z.enum(rejectionReasonCodes, {
          error: message('override-rejection-reason', { ko: '반려 사유를 목록에서 골라 주세요(담당자 결정에 미리 채워집니다)', en: "Choose the rejection reason from the list (it pre-fills the case manager's decision)" }),
        }),
      )
      .check(z.describe("ineligible only, and required with it: the reason the case manager's reject starts from")),
  })
  .check(z.superRefine((body, ctx) => {
    if (body.outcome === 'ineligible' && !body.rejectionReason) {
      ctx.addIssue({
        code: 'custom',
        path: ['rejectionReason'],
        message: message('override-rejection-reason-required', {
          ko: '지원 대상이 아니라고 바꾸려면 반려 사유를 골라 주세요',
          en: 'To change the outcome to not eligible, choose the rejection reason',
        }),
      });
    }
    if (body.outcome === 'eligible' && body.rejectionReason) {
      ctx.addIssue({
        code: 'custom',
        path: ['rejectionReason'],
        message: message('override-rejection-reason-only-ineligible', {
          ko: '반려 사유는 지원 대상이 아니라고 바꿀 때만 고릅니다. 빼고 다시 보내 주세요',
          en: 'A rejection reason goes only with not eligible: leave it out and send again',
        }),
      });
    }
  }));
export type EligibilityOverrideBody = z.infer<typeof eligibilityOverrideBody>;
