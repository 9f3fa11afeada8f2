/** What the agency sends to record a session: apart from session.ts, so what only reads sessions bundles no schema. */
import * as z from 'zod/mini';
import { message } from '../../forms/messages';
import { decisionNote } from '../review/decision-note';
import { screeningAnswersSchema } from '../screening/answers';
import { sessionOutcomes } from './session';

const isoDay = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, message('session-date', { ko: '날짜를 YYYY-MM-DD 형식으로 적어 주세요', en: 'Give the date as YYYY-MM-DD' })));

// Registered once, at load (forms/messages.ts): never while a request is parsed.
const needs = {
  durationMinutes: message('session-minutes-required', { ko: '진행한 시간을 적어 주세요', en: 'Say how long the session lasted' }),
  cancelledBy: message('session-cancelled-by', { ko: '누가 취소했는지 골라 주세요', en: 'Say who cancelled' }),
  rescheduledTo: message('session-rescheduled-to', { ko: '옮긴 날짜를 적어 주세요', en: 'Give the new date' }),
  screeningHeld: message('screening-held-only', { ko: '검사 결과는 진행한 회기에만 기록합니다', en: 'Test answers go with a session that was held' }),
  later: message('session-rescheduled-later', { ko: '옮긴 날짜는 원래 날짜보다 뒤여야 합니다', en: 'The new date must come after the old one' }),
};

/** The agency's record of a session (`PUT …/sessions/{sessionId}`). */
export const sessionRecordBody = z
  .strictObject({
    outcome: z.enum(sessionOutcomes, { error: message('session-outcome', { ko: '진행, 불참, 취소, 일정 변경 중 하나를 골라 주세요', en: 'Choose held, no-show, cancelled or rescheduled' }) }),
    on: isoDay,
    durationMinutes: z.optional(
      z
        .number({ error: message('session-minutes', { ko: '진행 시간을 분 단위 숫자로 적어 주세요', en: 'Give the duration in minutes' }) })
        .check(
          z.int(message('session-minutes-whole', { ko: '진행 시간은 분 단위 정수로 적어 주세요', en: 'Give the duration in whole minutes' })),
          z.gte(10, message('session-minutes-range', { ko: '진행 시간은 10분에서 240분 사이여야 합니다', en: 'A session lasts between 10 and 240 minutes' })),
          z.lte(240, message('session-minutes-range', { ko: '진행 시간은 10분에서 240분 사이여야 합니다', en: 'A session lasts between 10 and 240 minutes' })),
        ),
    ),
    cancelledBy: z.optional(z.enum(['applicant', 'provider'], { error: needs.cancelledBy })),
    rescheduledTo: z.optional(isoDay),
    note: z.optional(decisionNote),
    /** Item answers of a test session (pre-test, closing); totals, bands and risk are computed, never sent. */
    screening: z.optional(screeningAnswersSchema),
    /**
     * A correction names the record it corrects by its `recordedAt`, as the sender saw it: a record
     * sent by someone who never saw the one standing (two people at once, a stale page) must not
     * silently replace it.
     */
    corrects: z.optional(
      z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/, message('session-corrects', { ko: '고치려는 기록의 기록 시각이 올바르지 않습니다', en: 'Give the recordedAt of the record this one corrects' }))),
    ),
  })
  .check(z.superRefine((body, ctx) => {
    const need = (path: string, text: string) => ctx.addIssue({ code: 'custom', path: [path], message: text });
    if (body.outcome === 'held' && body.durationMinutes === undefined) need('durationMinutes', needs.durationMinutes);
    if (body.outcome === 'cancelled' && !body.cancelledBy) need('cancelledBy', needs.cancelledBy);
    if (body.outcome === 'rescheduled' && !body.rescheduledTo) need('rescheduledTo', needs.rescheduledTo);
    if (body.outcome === 'rescheduled' && body.rescheduledTo && body.rescheduledTo <= body.on) need('rescheduledTo', needs.later);
    if (body.screening && body.outcome !== 'held') need('screening', needs.screeningHeld);
  }));
export type SessionRecordBody = z.infer<typeof sessionRecordBody>;
