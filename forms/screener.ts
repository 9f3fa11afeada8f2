/**
 * The screener's questions ("which service fits me"), drawn from the registry: for each programme the
 * form questions its eligibility rules read (`eligibilitySchema`), nothing else — so never a name, a
 * contact or the resident registration number, and a programme added to the registry is screened
 * with no change to the page. The build writes this as `screener-questions.json` (web/build.ts), so
 * the page downloads plain data, not the definitions and zod; the judgement is the server's pre-check
 * (POST /api/eligibility/check), the same rules the workflow applies.
 */
import type { AnyProgramme } from './index';
import type { Text } from './i18n';
import { schemaPaths } from './schema-paths';
import type { FieldDef } from './types';

export interface ScreenerProgramme {
  id: string;
  name: Text;
  summary: Text;
  /** The form's questions the rules read, in the form's order ('children.*.birthDate' for each child). */
  questions: FieldDef[];
}

export interface ScreenerQuestions {
  programmes: ScreenerProgramme[];
}

export function screenerQuestions(registry: readonly AnyProgramme[]): ScreenerQuestions {
  return {
    programmes: registry.map((programme) => {
      const reads = new Set(schemaPaths(programme.eligibilitySchema));
      const questions = programme.sections.flatMap((section) => section.fields).filter((field) => reads.has(field.name) && field.input !== 'rrn');
      return { id: programme.id, name: programme.name, summary: programme.summary, questions };
    }),
  };
}
