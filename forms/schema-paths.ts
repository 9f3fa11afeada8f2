/** The answer paths ('applicant.birthDate', 'children.*.relation') a zod schema accepts. */

/** Minimal view of zod's internals to list the answer paths a schema accepts. */
interface ZodNode {
  _zod: { def: { type: string; shape?: Record<string, ZodNode>; innerType?: ZodNode; in?: ZodNode; element?: ZodNode } };
}

/** The leaf paths a schema accepts; an object with no fields is a leaf itself. */
export function schemaPaths(schema: unknown, prefix = ''): string[] {
  const def = (schema as ZodNode)._zod.def;
  const join = (key: string) => (prefix ? `${prefix}.${key}` : key);
  if (def.type === 'object' && def.shape) {
    const entries = Object.entries(def.shape);
    return entries.length ? entries.flatMap(([key, child]) => schemaPaths(child, join(key))) : [prefix];
  }
  const inner = def.innerType ?? def.in;
  if (inner) return schemaPaths(inner, prefix);
  if (def.type === 'array' && def.element && def.element._zod.def.type === 'object') return schemaPaths(def.element, join('*'));
  return [prefix];
}
