/*
 * Characters no typed text may hold: controls (C0, DEL, C1), format characters (zero-width spaces
 * and joiners, bidi overrides, embeddings and isolates, the BOM, the soft hyphen), lone surrogates,
 * line and paragraph separators, and the Hangul fillers that show as nothing. Korean and the other
 * scripts people type here need none of them; each can hide text or reorder what a case manager reads.
 */
const HIDDEN = String.raw`[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}\u115F\u1160\u3164\uFFA0]`;

/** The hidden characters but those `kept` (e.g. the line breaks a one-line field reports on its own). */
export function hiddenCharactersBut(kept: string): RegExp {
  return new RegExp(`(?![${kept}])${HIDDEN}`, 'u');
}
