/** Every text a person reads exists in Korean and English. */
export type Text = { ko: string; en: string };

/** Formats a KRW amount or count with thousands separators, independent of the runtime's locale data. */
export function formatNumber(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/**
 * Picks the Korean subject particle 은/는 for a word: 은 after a final consonant (받침), 는 after a
 * vowel. Lets bilingual messages built from a field label read naturally in Korean.
 */
export function topicParticle(word: string): '은' | '는' {
  const last = word.trim().codePointAt(word.trim().length - 1) ?? 0;
  const isHangulSyllable = last >= 0xac00 && last <= 0xd7a3;
  return isHangulSyllable && (last - 0xac00) % 28 === 0 ? '는' : '은';
}
