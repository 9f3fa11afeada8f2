/** The bodies of the supervision routes (the rules they feed are in supervision.ts). */
import * as z from 'zod/mini';
import { parseIsoDate } from '../../forms/dates';
import { hiddenCharactersBut } from '../../forms/hidden-characters';
import { message } from '../../forms/messages';
import { sessionForms, supervisionUrgencies } from './labels';

// Several lines, possibly indented; no other hidden character (the rule of every typed text).
const UNSAFE_IN_TEXT = hiddenCharactersBut(String.raw`\n\t`);
const UNSAFE_IN_LINE = hiddenCharactersBut('');

const hidden = message('supervision-hidden-characters', {
  ko: '제어 문자나 글자 방향 제어 문자는 넣을 수 없습니다',
  en: 'Supervision texts cannot contain control or text-direction characters',
});

/** Free text of several lines, `min`–`max` characters after trimming, with its own messages. */
function longText(max: number, required: string, tooLong: string) {
  return z
    .string({ error: required })
    .check(
      z.trim(),
      z.minLength(1, required),
      z.maxLength(max, tooLong),
      z.refine((text) => !UNSAFE_IN_TEXT.test(text), hidden),
    );
}

const isoDay = (text: string) => z.string({ error: text }).check(z.refine((day) => parseIsoDate(day) !== null, text));

export const supervisionAskBody = z.strictObject({
  question: longText(
    2000,
    message('supervision-question-required', { ko: '슈퍼비전에서 묻고 싶은 것을 적어 주세요', en: 'Write what you want to ask the supervisor' }),
    message('supervision-question-too-long', { ko: '질문은 2000자 이내로 적어 주세요', en: 'Keep the question within 2000 characters' }),
  ).check(z.describe('what the caseworker wants the supervisor to help with')),
  tried: longText(
    2000,
    message('supervision-tried-required', {
      ko: '지금까지 해 본 개입(상담, 연계, 함께한 기관)과 그 결과를 적어 주세요',
      en: 'Write what has been tried so far (counselling, referrals, who was involved) and how it went',
    }),
    message('supervision-tried-too-long', { ko: '해 본 개입은 2000자 이내로 적어 주세요', en: 'Keep what was tried within 2000 characters' }),
  ).check(z.describe('what was tried so far and how it went')),
  urgency: z
    .enum(supervisionUrgencies, { error: message('supervision-urgency', { ko: '긴급, 2주 이내, 일반 중 하나를 골라 주세요', en: 'Choose urgent, within two weeks or routine' }) })
    .check(z.describe('urgent: a safety concern; soon: within two weeks; routine')),
  preferredForm: z
    .enum(sessionForms, {
      error: message('supervision-preferred-form', { ko: '방문 또는 내방 중 원하는 방식을 골라 주세요', en: 'Choose the session you would rather have: visiting or in-office' }),
    })
    .check(z.describe('visiting: the supervisor comes to the district office (찾아가는); in-office: the caseworker goes to the supervisor (찾아오는)')),
});
export type SupervisionAskBody = z.infer<typeof supervisionAskBody>;

export const supervisionAcceptanceBody = z.strictObject({
  form: z
    .enum(sessionForms, { error: message('supervision-form', { ko: '방문 또는 내방 중 하나를 골라 주세요', en: 'Choose the session form: visiting or in-office' }) })
    .check(z.describe('how the session is held')),
  sessionOn: isoDay(message('supervision-session-date', { ko: '슈퍼비전 날짜를 YYYY-MM-DD 형식의 실제 날짜로 적어 주세요', en: 'Give the session day as a real date, YYYY-MM-DD' })).check(
    z.describe('the session day, Seoul calendar: from today, at most 90 days ahead'),
  ),
  place: z
    .optional(
      z.pipe(
        z
          .string()
          .check(
            z.trim(),
            z.maxLength(200, message('supervision-place-too-long', { ko: '장소와 시간은 200자 이내로 적어 주세요', en: 'Keep the place and time within 200 characters' })),
            z.refine((text) => !UNSAFE_IN_LINE.test(text), message('supervision-place-one-line', { ko: '장소와 시간은 한 줄로 적어 주세요', en: 'Write the place and time on one line' })),
          ),
        z.transform((text) => text || undefined),
      ),
    )
    .check(z.describe('where and when on the day (optional)')),
});
export type SupervisionAcceptanceBody = z.infer<typeof supervisionAcceptanceBody>;

const actionRequired = message('supervision-action-required', { ko: '합의한 조치를 한 가지 이상 적어 주세요', en: 'Write at least one agreed action' });

export const supervisionAdviceBody = z.strictObject({
  advice: longText(
    4000,
    message('supervision-advice-required', { ko: '자문 내용을 적어 주세요', en: 'Write the advice given' }),
    message('supervision-advice-too-long', { ko: '자문 내용은 4000자 이내로 적어 주세요', en: 'Keep the advice within 4000 characters' }),
  ).check(z.describe('the advice, in the supervisor’s words')),
  agreedActions: z
    .array(
      z
        .string({ error: actionRequired })
        .check(
          z.trim(),
          z.minLength(1, message('supervision-action-blank', { ko: '빈 조치는 뺀 뒤 다시 보내 주세요', en: 'Leave out blank actions and send again' })),
          z.maxLength(300, message('supervision-action-too-long', { ko: '조치 하나는 300자 이내로 적어 주세요', en: 'Keep each agreed action within 300 characters' })),
          z.refine((text) => !UNSAFE_IN_LINE.test(text), message('supervision-action-one-line', { ko: '조치는 한 줄에 하나씩 적어 주세요', en: 'Write each agreed action on one line' })),
        ),
      { error: actionRequired },
    )
    .check(
      z.minLength(1, actionRequired),
      z.maxLength(10, message('supervision-actions-too-many', { ko: '합의한 조치는 10가지까지 적을 수 있습니다', en: 'Write at most 10 agreed actions' })),
      z.describe('what the caseworker does next, one line each'),
    ),
  followUpOn: z
    .optional(isoDay(message('supervision-follow-up-date', { ko: '다시 볼 날짜를 YYYY-MM-DD 형식의 실제 날짜로 적어 주세요', en: 'Give the follow-up day as a real date, YYYY-MM-DD' })))
    .check(z.describe('when to look at the case again (Seoul calendar, after today), if agreed')),
});
export type SupervisionAdviceBody = z.infer<typeof supervisionAdviceBody>;
