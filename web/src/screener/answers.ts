/**
 * The screener's answers: one value per question path, shared by the programmes that read it, and
 * shaped per programme into the answers its pre-check takes. Pure, so the judgements can be tested
 * with the eligibility engine itself (test/unit/citizen/screener.test.ts).
 */
import { conditionHolds } from '../../../forms/answers';
import type { ScreenerProgramme } from '../../../forms/screener';
import type { FieldDef } from '../../../forms/types';

/** What a person typed or chose, by question path ('children.*.birthDate' stands for one child). */
export type ScreenerValues = Record<string, string | string[]>;

/** Questions more than one programme reads are asked once, first; then each programme's own. */
export function questionGroups(programmes: ScreenerProgramme[]): { shared: FieldDef[]; own: { programme: ScreenerProgramme; questions: FieldDef[] }[] } {
  const readers = new Map<string, number>();
  for (const p of programmes) for (const q of p.questions) readers.set(q.name, (readers.get(q.name) ?? 0) + 1);
  const shared: FieldDef[] = [];
  for (const p of programmes) for (const q of p.questions) if (readers.get(q.name)! > 1 && !shared.some((s) => s.name === q.name)) shared.push(q);
  return { shared, own: programmes.map((programme) => ({ programme, questions: programme.questions.filter((q) => readers.get(q.name) === 1) })) };
}

/** A typed value as the answers hold it: whole numbers as numbers, 예/아니오 as booleans. */
function typed(question: FieldDef, value: string | string[]): unknown {
  if (Array.isArray(value)) return value;
  if (question.input === 'yesno') return value === 'true' ? true : value === 'false' ? false : value;
  if (question.input === 'number') return /^\d+$/.test(value.replace(/[,\s]/g, '')) ? Number(value.replace(/[,\s]/g, '')) : value;
  return value.trim();
}

function put(answers: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node: Record<string, unknown> = answers;
  keys.slice(0, -1).forEach((key, i) => {
    const nextIsIndex = /^\d+$/.test(keys[i + 1]!);
    node[key] ??= nextIsIndex ? [] : {};
    node = node[key] as Record<string, unknown>;
  });
  node[keys.at(-1)!] = value;
}

/**
 * One programme's answers from the screener's values: only the questions it reads, each answered and
 * shown (a question whose `showIf` does not hold is left out, as the form leaves it out). A repeated
 * question ('children.*.birthDate') is the first item. Empty answers are left out: the pre-check then
 * names what is missing.
 */
export function answersFor(programme: ScreenerProgramme, values: ScreenerValues): Record<string, unknown> {
  const answers: Record<string, unknown> = {};
  const asAnswers: Record<string, unknown> = {};
  for (const q of programme.questions) {
    const value = values[q.name];
    if (value !== undefined && value !== '' && !(Array.isArray(value) && !value.length)) put(asAnswers, q.name.replaceAll('*', '0'), typed(q, value));
  }
  for (const q of programme.questions) {
    if (q.showIf && !conditionHolds(asAnswers, q.showIf)) continue;
    const path = q.name.replaceAll('*', '0');
    const value = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], asAnswers);
    if (value !== undefined) put(answers, path, value);
  }
  return answers;
}
