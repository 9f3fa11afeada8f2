/** Answer paths ('applicant.birthDate', 'children.*.relation') of a zod schema and of a value. */

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

const isObject = (value: unknown): value is object => value !== null && typeof value === 'object';

/** The leaf paths present in a value: items of a list of objects as '*'; an empty object or list is a leaf. */
export function valuePaths(value: unknown, prefix = ''): string[] {
  const join = (key: string) => (prefix ? `${prefix}.${key}` : key);
  if (Array.isArray(value)) {
    const objects = value.filter(isObject);
    return objects.length ? [...new Set(objects.flatMap((item) => valuePaths(item, join('*'))))] : [prefix];
  }
  if (isObject(value)) {
    const entries = Object.entries(value);
    return entries.length ? entries.flatMap(([key, child]) => valuePaths(child, join(key))) : [prefix];
  }
  return [prefix];
}
