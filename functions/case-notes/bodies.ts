/** The body of POST …/notes (the rules it feeds are in case-note.ts). */
import * as z from 'zod/mini';
import { hiddenCharactersBut } from '../../forms/hidden-characters';
import { message } from '../../forms/messages';
import { contactKinds } from './labels';

/** Long enough for a home visit written up; a longer account belongs in a document, not a note. */
export const NOTE_MAX_CHARACTERS = 2000;
export const WITH_WHOM_MAX_CHARACTERS = 100;

// A note has several lines, possibly indented; "with whom" is one line. No other hidden character.
const UNSAFE_IN_TEXT = hiddenCharactersBut(String.raw`\n\t`);
const UNSAFE_IN_LINE = hiddenCharactersBut('');

// A resident registration number has a legal basis only where the application keeps it, sealed (PIPA
// art. 24-2; DOMAIN.md §7): a note is free text read by the whole case team, so none is written there.
const RRN_SHAPED = /(?<![0-9A-Za-z])\d{6}-?[1-8]\d{6}(?![0-9A-Za-z])/;
const noRrn = message('case-note-rrn', {
  ko: '주민등록번호는 사례 기록에 적지 마세요. 신청서에 암호화되어 보관됩니다',
  en: 'Do not write a resident registration number in a case note: the application keeps it, encrypted',
});

const textRequired = message('case-note-text-required', { ko: '기록할 내용을 적어 주세요', en: 'Write what happened' });
const whenInvalid = message('case-note-occurred-at', {
  ko: '연락한 때를 날짜와 시각(예: 2026-12-03T14:30+09:00)으로 적어 주세요',
  en: 'Give when the contact happened as a date and time (e.g. 2026-12-03T14:30+09:00)',
});

// A date-time with its offset, to the minute at least: the form's local time, converted by the browser.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/;

export const caseNoteBody = z.strictObject({
  kind: z
    .enum(contactKinds, {
      error: message('case-note-kind', {
        ko: '연락 방법을 골라 주세요 (전화, 가정방문, 내방 면담, 문자·이메일, 유관기관 연락, 기타)',
        en: 'Choose how the contact happened (phone call, home visit, office meeting, text or e-mail, another agency, other)',
      }),
    })
    .check(z.describe('how the contact happened')),
  occurredAt: z
    .pipe(
      z.string({ error: whenInvalid }).check(z.refine((text) => DATE_TIME.test(text) && !Number.isNaN(Date.parse(text)), whenInvalid)),
      z.transform((text) => new Date(text).toISOString()),
    )
    .check(z.describe('when it happened, with its offset: not in the future, not before the application')),
  withWhom: z
    .optional(
      z.pipe(
        z
          .string({ error: message('case-note-with-whom-text', { ko: '누구와 연락했는지는 글자로 적어 주세요', en: 'Write with whom as text' }) })
          .check(
            z.trim(),
            z.maxLength(WITH_WHOM_MAX_CHARACTERS, message('case-note-with-whom-too-long', { ko: '누구와는 100자 이내로 적어 주세요', en: 'Keep “with whom” within 100 characters' })),
            z.refine((text) => !UNSAFE_IN_LINE.test(text), message('case-note-with-whom-one-line', { ko: '누구와는 한 줄로 적어 주세요', en: 'Write “with whom” on one line' })),
            z.refine((text) => !RRN_SHAPED.test(text), noRrn),
          ),
        z.transform((text) => text || undefined),
      ),
    )
    .check(z.describe('with whom (the mother, the school social worker), optional')),
  text: z
    .string({ error: textRequired })
    .check(
      z.trim(),
      z.minLength(1, textRequired),
      z.maxLength(NOTE_MAX_CHARACTERS, message('case-note-text-too-long', { ko: '사례 기록은 2000자 이내로 적어 주세요', en: 'Keep the case note within 2000 characters' })),
      z.refine(
        (text) => !UNSAFE_IN_TEXT.test(text),
        message('case-note-hidden-characters', { ko: '기록에는 제어 문자나 글자 방향 제어 문자를 넣을 수 없습니다', en: 'A case note cannot contain control or text-direction characters' }),
      ),
      z.refine((text) => !RRN_SHAPED.test(text), noRrn),
      z.describe('what happened, in the case manager’s words'),
    ),
});
export type CaseNoteBody = z.infer<typeof caseNoteBody>;
