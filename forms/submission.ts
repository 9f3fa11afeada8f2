import * as z from 'zod/mini';
import type { ProgrammeDefinition } from './types';

/**
 * The body `{ programme, answers }` of one programme, its answers checked by `answers` (the
 * programme's `schema`, `schemaOn(date)` or `eligibilitySchemaOn(date)`). The registry joins these
 * into one union per use; a page about one programme builds only its own, without the others.
 */
export function submissionFor(programme: Pick<ProgrammeDefinition, 'id'>, answers: z.ZodMiniType) {
  return z.object({ programme: z.literal(programme.id), answers });
}
