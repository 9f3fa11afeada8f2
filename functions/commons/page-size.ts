import * as z from 'zod/mini';

/**
 * A list route's `limit` query parameter: 1 to 100 items a page, written in digits, `fallback` when
 * absent; anything else is answered with `error` (a registered message).
 */
export function pageSizeParameter(error: string, fallback: number) {
  const digits = z.pipe(z.string().check(z.regex(/^\d{1,3}$/, error)), z.transform(Number));
  return z._default(z.pipe(digits, z.int().check(z.gte(1, error), z.lte(100, error))), fallback);
}
