/**
 * The languages counselling can be asked in: the form's language question (common.ts) and each
 * counsellor's languages in the provider registry (functions/providers/registry.ts) read this one
 * list. Kept apart from common.ts so the registry does not bundle zod with it.
 */
import type { Text } from './i18n';

export const languages = ['ko', 'en', 'zh', 'vi', 'ja', 'ru', 'mn'] as const;
export type Language = (typeof languages)[number];

export const languageOptions: { value: Language; label: Text }[] = [
  { value: 'ko', label: { ko: '한국어', en: 'Korean' } },
  { value: 'en', label: { ko: '영어', en: 'English' } },
  { value: 'zh', label: { ko: '중국어', en: 'Chinese' } },
  { value: 'vi', label: { ko: '베트남어', en: 'Vietnamese' } },
  { value: 'ja', label: { ko: '일본어', en: 'Japanese' } },
  { value: 'ru', label: { ko: '러시아어', en: 'Russian' } },
  { value: 'mn', label: { ko: '몽골어', en: 'Mongolian' } },
];

