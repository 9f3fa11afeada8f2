import { formatNumber, topicParticle, type Text } from './i18n';

/** A validation message: a stable code for programs and the text for people. */
export interface Message {
  code: string;
  text: Text;
}

/**
 * Zod keeps only a string message per issue, so schemas use the English text as that string and
 * this catalogue maps it back to the code and the Korean text. Messages are registered while the
 * schemas are built (module load), never during parsing, so the catalogue is fixed and deterministic.
 */
const catalogue = new Map<string, Message>();

/** Registers a bilingual message and returns the string to hand to zod. */
export function message(code: string, text: Text): string {
  const known = catalogue.get(text.en);
  if (known && (known.code !== code || known.text.ko !== text.ko)) {
    throw new Error(`two messages share the English text "${text.en}"; make them distinct`);
  }
  catalogue.set(text.en, { code, text });
  return text.en;
}

export function lookupMessage(zodMessage: string): Message | undefined {
  return catalogue.get(zodMessage);
}

/** Messages derived from a field's label, so every field says which one is wrong. */
export const fieldMessages = {
  required: (label: Text) =>
    message('required', {
      ko: `${label.ko}${topicParticle(label.ko)} 필수 항목입니다`,
      en: `${label.en} is required`,
    }),
  length: (label: Text, min: number, max: number) =>
    message('length', {
      ko: `${label.ko}${topicParticle(label.ko)} ${min}~${max}자로 입력해 주세요`,
      en: `${label.en} must be ${min}–${max} characters`,
    }),
  tooLong: (label: Text, max: number) =>
    message('too-long', {
      ko: `${label.ko}${topicParticle(label.ko)} ${formatNumber(max)}자 이내로 입력해 주세요`,
      en: `${label.en} must be at most ${formatNumber(max)} characters`,
    }),
  oneLine: (label: Text) =>
    message('line-break', {
      ko: `${label.ko}${topicParticle(label.ko)} 줄을 바꾸지 말고 한 줄로 입력해 주세요`,
      en: `${label.en} must be on one line`,
    }),
  hidden: (label: Text) =>
    message('hidden-characters', {
      ko: `${label.ko}에 보이지 않는 문자나 제어 문자(글자 방향 바꾸기, 폭 없는 공백 등)는 쓸 수 없습니다`,
      en: `${label.en} cannot contain invisible or control characters (such as text-direction marks or zero-width spaces)`,
    }),
  eachOnce: (label: Text) =>
    message('choice-repeated', {
      ko: `${label.ko}: 각 항목은 한 번씩만 고를 수 있습니다`,
      en: `${label.en}: choose each option at most once`,
    }),
  choice: (label: Text) =>
    message('choice', {
      ko: `${label.ko}: 목록에 있는 값 중 하나를 선택해 주세요`,
      en: `${label.en}: choose one of the listed options`,
    }),
  yesNoMissing: (label: Text) =>
    message('required', {
      ko: `${label.ko}: 예 또는 아니오로 답해 주세요`,
      en: `${label.en}: please answer yes or no`,
    }),
  yesNo: (label: Text) =>
    message('yes-no', {
      ko: `${label.ko}: 예(true) 또는 아니오(false)만 쓸 수 있습니다`,
      en: `${label.en}: the answer must be true or false`,
    }),
  wholeNumber: (label: Text, min: number, max: number) =>
    message('range', {
      ko: `${label.ko}${topicParticle(label.ko)} ${formatNumber(min)} 이상 ${formatNumber(max)} 이하의 정수여야 합니다`,
      en: `${label.en} must be a whole number from ${formatNumber(min)} to ${formatNumber(max)}`,
    }),
};
