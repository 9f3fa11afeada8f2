/** Answer paths ('applicant.birthDate', 'children.*.relation') of a zod schema and of a value. */

export { schemaPaths } from '../../forms/schema-paths';

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
