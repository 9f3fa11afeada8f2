import * as z from 'zod/mini';
import { message } from '../../forms/messages';
import type { FieldProblem } from '../commons/problems';
import { closingSessionMissingBody } from '../closure/closing-reasons';
import { supplementRequestBody } from '../supplements/request-body';
import { rejectionReasonCodes } from './rejection-reasons';
import { decisionNote } from './decision-note';

/** A counsellor id as the registry writes them: letters, digits, '.', '_' and '-', at most 64. */
const counsellorId = z
  .string({ error: message('counsellor-id-type', { ko: '상담사는 후보 목록의 ID로 보내 주세요', en: 'Send the counsellor as an id from the candidate list' }) })
  .check(z.regex(/^[A-Za-z0-9._-]{1,64}$/, message('counsellor-id-format', { ko: '상담사 ID 형식이 올바르지 않습니다', en: 'The counsellor id is not in a valid format' })));

const toCitizenRequired = message('rejection-to-citizen-required', {
  ko: "'기타' 사유는 신청인에게 전할 설명을 적어 주세요",
  en: "With the reason 'other', write the explanation for the applicant",
});

/**
 * Why the application is rejected: a code from the list and, optionally, words written *to the
 * applicant* (shown on their status page and sent to them) — required for `other`, which says
 * nothing on its own. The decision's `note` stays the case manager's internal note: never shown to
 * the applicant.
 */
export const rejectionBody = z
  .strictObject({
    reason: z.enum(rejectionReasonCodes, {
      error: message('rejection-reason', { ko: '반려 사유를 목록에서 골라 주세요', en: 'Choose the reason for the rejection from the list' }),
    }),
    toCitizen: z.optional(decisionNote).check(z.describe('words to the applicant: shown on the status page and sent with the notification')),
  })
  .check(
    z.superRefine((rejection, ctx) => {
      if (rejection.reason === 'other' && !rejection.toCitizen) ctx.addIssue({ code: 'custom', path: ['toCitizen'], message: toCitizenRequired });
    }),
  );

/**
 * The body of a case manager's decision. With `approve` they may name the counsellor to offer the
 * place to first (`counsellorId`, one of the live candidates); no other decision takes one.
 */
export const decisionBody = z
  .object({
    decision: z
      .string()
      .check(
        z.minLength(1, message('decision-required', { ko: '결정을 선택해 주세요', en: 'Choose a decision' })),
        z.describe('review: approve, reject or request-info; reassessment: extend or close'),
      ),
    note: z.optional(decisionNote),
    counsellorId: z
      .optional(counsellorId)
      .check(z.describe('approve only: the candidate to offer the place to first, one of GET /api/staff/applications/{applicationId}/candidates')),
    closingSessionMissing: z
      .optional(closingSessionMissingBody)
      .check(z.describe('close only: why the closing session or post-test could not be recorded; required when they were not')),
    supplement: z
      .optional(supplementRequestBody)
      .check(z.describe('request-info only, and then required: the checklist documents and form fields that are missing, and a message to the applicant')),
    rejection: z
      .optional(rejectionBody)
      .check(z.describe('reject only, and required with it: the reason from the list and, optionally (required for other), words to the applicant')),
  })
  .check(z.superRefine((body, ctx) => {
    if (body.decision === 'reject' && body.rejection === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['rejection', 'reason'],
        message: message('rejection-required', {
          ko: '반려하려면 사유를 목록에서 골라 주세요. 신청인에게 사유와 이의신청 방법이 안내됩니다',
          en: 'To reject, choose a reason from the list: the applicant is told it, with how to appeal',
        }),
      });
    }
    if (body.rejection !== undefined && body.decision !== 'reject') {
      ctx.addIssue({
        code: 'custom',
        path: ['rejection'],
        message: message('rejection-only-on-reject', {
          ko: '반려 사유는 반려할 때만 적습니다. 사유를 빼고 다시 보내 주세요',
          en: 'A rejection reason goes only with rejecting: leave it out and send again',
        }),
      });
    }
    if (body.counsellorId !== undefined && body.decision !== 'approve') {
      ctx.addIssue({
        code: 'custom',
        path: ['counsellorId'],
        message: message('counsellor-only-on-approve', {
          ko: '상담사는 승인할 때만 선택할 수 있습니다. 상담사 선택을 빼고 다시 보내 주세요',
          en: 'A counsellor can be chosen only when approving: leave it out and send again',
        }),
      });
    }
    if (body.closingSessionMissing !== undefined && body.decision !== 'close') {
      ctx.addIssue({
        code: 'custom',
        path: ['closingSessionMissing'],
        message: message('closing-missing-only-on-close', {
          ko: '종결 회기를 못 한 사유는 종결할 때만 적습니다. 사유를 빼고 다시 보내 주세요',
          en: 'A reason for a missing closing session goes only with closing: leave it out and send again',
        }),
      });
    }
    if (body.decision === 'request-info' && body.supplement === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['supplement'],
        message: message('supplement-required', {
          ko: '보완 요청에는 필요한 서류나 고칠 항목, 신청인에게 보낼 안내 문구가 있어야 합니다',
          en: 'A request for information says which documents or answers are missing, with a message to the applicant',
        }),
      });
    }
    if (body.supplement !== undefined && body.decision !== 'request-info') {
      ctx.addIssue({
        code: 'custom',
        path: ['supplement'],
        message: message('supplement-only-on-request-info', {
          ko: '보완 내용은 보완 요청을 할 때만 보낼 수 있습니다. 빼고 다시 보내 주세요',
          en: 'A supplement goes only with a request for information: leave it out and send again',
        }),
      });
    }
  }));
export type DecisionBody = z.infer<typeof decisionBody>;

/** Why the chosen counsellor cannot be proposed, or undefined when they are one of the live candidates. */
export function notACandidate(chosen: string, candidates: readonly { counsellorId: string }[]): FieldProblem | undefined {
  if (candidates.some((c) => c.counsellorId === chosen)) return undefined;
  return {
    field: 'counsellorId',
    code: 'counsellor-not-a-candidate',
    message: {
      ko: '선택한 상담사는 지금 이 신청의 후보가 아닙니다(자리가 찼거나 조건이 바뀌었을 수 있습니다). 후보 목록을 새로 고쳐 다시 선택해 주세요',
      en: 'The counsellor chosen is no longer a candidate for this application (their places may have filled, or something changed). Refresh the candidates and choose again',
    },
  };
}
