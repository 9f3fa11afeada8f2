import type * as z from 'zod/mini';
import { answerAt } from '../../forms/answers';
import { fieldErrors } from '../../forms/errors';
import type { FieldProblem } from '../commons/problems';
import type { FieldCorrection } from './supplement';

interface Form {
  schemaOn(applicationDate: Date): z.ZodMiniType<unknown>;
}

function setAt(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (typeof node[part] !== 'object' || node[part] === null) node[part] = {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts.at(-1)!] = value;
}

const notAsked = {
  code: 'supplement-field-not-asked',
  message: { ko: '보완 요청에 없는 항목입니다. 빼고 다시 보내 주세요', en: 'This answer was not asked for: leave it out and send again' },
};

/**
 * The citizen's corrected answers, checked by the form's own schema (as on the application date) on
 * the whole corrected form: a problem counts when it is at a corrected answer or inside it, so a
 * correction is judged with its neighbours (a birth date with the guardian rule) but an answer the
 * store no longer holds in plain text (the sealed registration number) is not reported against it.
 */
export function checkCorrections(
  form: Form,
  stored: Record<string, unknown>,
  corrections: Record<string, unknown>,
  asked: readonly string[],
  applicationDate: Date,
): { problems: FieldProblem[]; corrected: FieldCorrection[]; answers: Record<string, unknown> } {
  const names = Object.keys(corrections);
  const unasked: FieldProblem[] = names.filter((name) => !asked.includes(name)).map((name) => ({ field: `fields.${name}`, ...notAsked }));
  const answers = structuredClone(stored);
  for (const name of names) setAt(answers, name, corrections[name]);
  const parsed = form.schemaOn(applicationDate).safeParse(answers);
  const problems = parsed.success
    ? []
    : fieldErrors(parsed.error)
        .filter((e) => names.some((name) => e.field === name || e.field.startsWith(`${name}.`)))
        .map((e) => ({ ...e, field: `fields.${e.field}` }));
  // Stored as the schema reads them (trimmed, normalised) when the whole form parses.
  const final = parsed.success ? (parsed.data as Record<string, unknown>) : answers;
  for (const name of names) setAt(answers, name, answerAt(final, name));
  const corrected = names.map((name) => ({ name, before: answerAt(stored, name) ?? null, after: answerAt(answers, name) ?? null }));
  return { problems: [...unasked, ...problems], corrected, answers };
}
