import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import type { Text } from '../../forms/i18n';
import { message } from '../../forms/messages';
import type { StaffActor } from '../applications/audit';
import { isApplicationId } from '../applications/identifiers';
import { decisionNote } from '../review/decision-note';
import { declineReasons, type DeclineReason } from './decline-reasons';

/**
 * An offer of a reserved place to the counsellor's agency: a task holding the workflow's token
 * (`ProviderOffer` state). The place is already reserved when the offer opens; accepting starts the
 * service period with that counsellor, declining (with a reason) or letting it lapse releases the
 * place and the next candidate gets an offer.
 */
/** `cancelled`: the case closed early while the offer was open. */
export type OfferState = 'open' | 'accepted' | 'declined' | 'expired' | 'cancelled';

export const offerDecisions = ['accept', 'decline'] as const;
export type OfferDecision = (typeof offerDecisions)[number];

// In a module of their own, without AWS or node:crypto, so the provider portal's page can show them.
export { declineReasons, type DeclineReason } from './decline-reasons';

/** Who answered an offer, with what and why. */
export interface OfferAnswer {
  decision: OfferDecision;
  reason?: DeclineReason;
  note?: string;
  /** 'portal': signed-in agency staff; 'step-functions-api': SendTaskSuccess from whoever holds the token (believed for the decision only). */
  via: 'portal' | 'step-functions-api' | 'timeout';
  by?: StaffActor;
  at: string;
  /** Binds the portal's stored answer to the token's output (see functions/review/decide-task.ts). */
  id?: string;
}

export interface ProviderOffer {
  offerId: string;
  applicationId: string;
  period: number;
  agencyId: string;
  counsellorId: string;
  programme: string;
  serviceType: string;
  /** The applicant's district (the application's), for the case manager's side. */
  district: string;
  state: OfferState;
  createdAt: string;
  /** When the offer lapses unless the agency acknowledges it (heartbeat), never after `timeoutAt`. */
  dueAt: string;
  timeoutAt: string;
  heartbeatSeconds: number;
  taskToken: string;
  /** Why this counsellor: the candidate's score and reason when the place was reserved. */
  score: number;
  reason: Text;
  acknowledgedAt?: string;
  answer?: OfferAnswer;
}

// Registered at module load, never while parsing: two texts sharing one English text must clash at
// start-up (test/unit/forms/messages-one-catalogue.test.ts), not as a 500 on the first bad request.
const declineReasonRequired = message('decline-reason-required', { ko: '거절 사유를 골라 주세요', en: 'Say why you decline' });
const declineNoteRequired = message('decline-note-required', { ko: '기타 사유를 메모에 적어 주세요', en: 'Write the other reason for declining in the note' });
const acceptNoReason = message('accept-no-reason', { ko: '수락에는 거절 사유를 넣지 않습니다', en: 'An acceptance has no reason for declining' });

/** The body of the agency's answer: decline needs a reason from the list (and a note when 'other'). */
export const offerAnswerBody = z
  .strictObject({
    decision: z.enum(offerDecisions, { error: message('offer-decision', { ko: '수락 또는 거절을 선택해 주세요', en: 'Choose accept or decline' }) }),
    reason: z.optional(
      z.enum(declineReasons.map((r) => r.id) as [DeclineReason, ...DeclineReason[]], {
        error: message('decline-reason', { ko: '거절 사유를 목록에서 골라 주세요', en: 'Choose a reason for declining from the list' }),
      }),
    ),
    note: z.optional(decisionNote),
  })
  .check(z.superRefine((body, ctx) => {
    if (body.decision === 'decline' && !body.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: declineReasonRequired });
    }
    if (body.reason === 'other' && !body.note) {
      ctx.addIssue({ code: 'custom', path: ['note'], message: declineNoteRequired });
    }
    if (body.decision === 'accept' && body.reason) {
      ctx.addIssue({ code: 'custom', path: ['reason'], message: acceptNoReason });
    }
  }));

/** Derived from the token (a retried step finds its offer) and the application id (the partition). */
export function offerIdFor(applicationId: string, taskToken: string): string {
  return `${applicationId}.${createHash('sha256').update(`offer:${taskToken}`).digest('base64url').slice(0, 16)}`;
}

export function applicationIdOfOffer(offerId: string): string | undefined {
  const parts = offerId.split('.');
  return parts.length === 2 && isApplicationId(parts[0]!) && /^[A-Za-z0-9_-]{16}$/.test(parts[1]!) ? parts[0] : undefined;
}

/** What agency staff see of an offer: never the token, nor the answer id. */
export function offerView(offer: ProviderOffer) {
  const { taskToken: _token, answer, ...view } = offer;
  const { id: _id, ...shown } = answer ?? {};
  return { ...view, ...(answer ? { answer: shown } : {}) };
}
