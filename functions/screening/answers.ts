/**
 * The item answers a provider enters for a test session: exactly one integer 0–3 per item, in the
 * questionnaire's order. A wrong answer names its item (path `phq9.8` is item 9) in Korean and English.
 */
import * as z from 'zod/mini';
import { requiredOr, wholeNumber } from '../../forms/common';
import type { Text } from '../../forms/i18n';
import { message } from '../../forms/messages';
import { gad7, phq9, type Instrument } from './instruments';

/** One item: its label says which, so "PHQ-9 9번 문항은 0 이상 3 이하의 정수여야 합니다". */
function item(instrument: Instrument, number: number) {
  const label: Text = { ko: `${instrument.short} ${number}번 문항`, en: `${instrument.short} item ${number}` };
  return wholeNumber(label, 0, instrument.itemMax);
}

/** For the whole list: missing, not a list, or the wrong number of items all say what is expected. */
function listError(instrument: Instrument) {
  const count = message('screening-item-count', {
    ko: `${instrument.short} 답은 ${instrument.items}개 문항 각각 0~${instrument.itemMax}점의 목록이어야 합니다`,
    en: `${instrument.short} answers must be a list of ${instrument.items} items, each scored 0 to ${instrument.itemMax}`,
  });
  const whole: Text = { ko: `${instrument.short} 검사 답`, en: `The ${instrument.short} questionnaire` };
  return { error: requiredOr(whole, count) };
}

const p = (n: number) => item(phq9, n);
const g = (n: number) => item(gad7, n);

/** Written out item by item, so the type is a tuple of exactly nine (seven) numbers. */
export const phq9ItemsSchema = z.tuple([p(1), p(2), p(3), p(4), p(5), p(6), p(7), p(8), p(9)], listError(phq9));
export const gad7ItemsSchema = z.tuple([g(1), g(2), g(3), g(4), g(5), g(6), g(7)], listError(gad7));

/** The nine PHQ-9 answers in order, each 0–3. */
export type Phq9Items = z.output<typeof phq9ItemsSchema>;
/** The seven GAD-7 answers in order, each 0–3. */
export type Gad7Items = z.output<typeof gad7ItemsSchema>;

/**
 * A test session's answers: both questionnaires, as the pre- and post-tests give both (DOMAIN.md §4).
 * Compose it into the session body: `{ ..., screening: screeningAnswersSchema.optional() }`.
 */
// Totals, bands and risk are Dolbom's to compute: a typed-in total is refused by name.
export const screeningAnswersSchema = z.strictObject(
  { phq9: phq9ItemsSchema, gad7: gad7ItemsSchema },
  {
    error: message('screening-answers', {
      ko: '검사 답은 PHQ-9와 GAD-7 문항 점수로 보내 주세요',
      en: 'Test answers must be sent as PHQ-9 and GAD-7 item scores',
    }),
  },
);
export type ScreeningAnswers = z.output<typeof screeningAnswersSchema>;
