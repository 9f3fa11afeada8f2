const UNIT_MS: Record<string, number> = {
  s: 1000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 7 * 86_400_000,
};

/** Parses a clock advance such as `+30d`, `12h`, `+1w`, `90m` into milliseconds. */
export function parseAdvance(text: string): number {
  const match = /^\+?(\d+(?:\.\d+)?)([smhdw])$/.exec(text.trim());
  if (!match) throw new RangeError(`"${text}" is not a duration: use +30d, +12h, +90m, +45s or +2w`);
  return Math.round(Number(match[1]) * UNIT_MS[match[2]!]!);
}
