import { HttpProblem } from './problems';

/** Deeper than any form (answers.children[0].birthDate is 4 levels); shallow enough for any walk over it. */
export const MAX_JSON_DEPTH = 32;

/**
 * Parses a request body as JSON: 400 when malformed or nested deeper than `MAX_JSON_DEPTH`. The depth
 * guard comes before any code walks the value: a fingerprint, a schema or a log line would otherwise
 * recurse 10,000 levels into `[[[…]]]` and overflow the stack (a 500).
 */
export function parseJsonBody(text: string): unknown {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new HttpProblem(400, 'malformed-json', {
      ko: '본문이 올바른 JSON이 아닙니다.',
      en: 'The body is not valid JSON.',
    });
  }
  if (deeperThan(value, MAX_JSON_DEPTH)) {
    throw new HttpProblem(400, 'json-too-deep', {
      ko: `본문의 중첩이 너무 깊습니다 (최대 ${MAX_JSON_DEPTH}단계).`,
      en: `The body is nested too deeply (at most ${MAX_JSON_DEPTH} levels).`,
    });
  }
  return value;
}

/** Walks with its own stack, not recursion, so the check itself cannot overflow. */
function deeperThan(root: unknown, maxDepth: number): boolean {
  const pending: [unknown, number][] = [[root, 1]];
  while (pending.length) {
    const [value, depth] = pending.pop()!;
    if (typeof value !== 'object' || value === null) continue;
    if (depth > maxDepth) return true;
    for (const child of Object.values(value)) pending.push([child, depth + 1]);
  }
  return false;
}
