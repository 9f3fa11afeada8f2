import type { Section } from './report';

/** What every section gets from `bench/run.ts`. */
export interface BenchContext {
  root: string;
  /** Progress for the terminal (the report holds the figures). */
  log: (line: string) => void;
}

/** A section (or, for the lifecycle and its cost, two) measured in one go. */
export type SectionRunner = (ctx: BenchContext) => Promise<Section[]>;

/** A whole number from the environment, or the default: how each section is scaled up. */
export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0) throw new Error(`${name}=${raw} is not a whole number`);
  return n;
}
