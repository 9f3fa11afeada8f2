import type { AnswerCondition } from './types';

/** The answer at a dot path ('applicant.district', 'children.0.birthDate'), or undefined. */
export function answerAt(answers: unknown, path: string): unknown {
  let value: unknown = answers;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** Whether a condition (a field's `showIf`, a priority rank's `when`) holds for the answers. */
export function conditionHolds(answers: unknown, condition: AnswerCondition): boolean {
  return Object.is(answerAt(answers, condition.field), condition.equals);
}
