/**
 * Lambda event filtering for the local event source mappings: a record passes a pattern when every
 * field the pattern names matches one of the values listed for it (nested objects name nested
 * fields). Only exact values and prefixes (`{ "prefix": "NOTIFICATION#" }`) are supported — the
 * rules Dolbom's template uses. Any other rule (numeric, anything-but…) is refused when the pattern
 * is compiled, so the local cloud never silently passes records the deployed mapping would drop.
 *
 * @example
 * const isNewApplication = compileFilter({ eventName: ['INSERT'], dynamodb: { Keys: { sk: { S: ['APPLICATION'] } } } });
 * isNewApplication(record); // true for an INSERT of an application item
 */
export type RecordFilter = (record: unknown) => boolean;

type Literal = string | number | boolean | null;

type Prefix = { prefix: string };

function isLiteral(rule: unknown): rule is Literal {
  return rule === null || ['string', 'number', 'boolean'].includes(typeof rule);
}

/** Lambda's prefix rule: `{ "prefix": "…" }` and nothing else in the object, matching strings only. */
function isPrefix(rule: unknown): rule is Prefix {
  return typeof rule === 'object' && rule !== null && Object.keys(rule).length === 1 && typeof (rule as Prefix).prefix === 'string';
}

function ruleMatches(rule: Literal | Prefix, value: unknown): boolean {
  return isPrefix(rule) ? typeof value === 'string' && value.startsWith(rule.prefix) : rule === value;
}

export function compileFilter(pattern: unknown, path = ''): RecordFilter {
  if (Array.isArray(pattern)) {
    const unsupported = pattern.find((rule) => !isLiteral(rule) && !isPrefix(rule));
    if (unsupported !== undefined) throw new Error(`The local cloud cannot apply the filter rule ${JSON.stringify(unsupported)} at ${path || 'the top'}`);
    const rules = pattern as (Literal | Prefix)[];
    // An event field that is a list matches if any of its elements does.
    return (value) => (Array.isArray(value) ? value : [value]).some((v) => rules.some((rule) => ruleMatches(rule, v)));
  }
  if (pattern && typeof pattern === 'object') {
    const fields = Object.entries(pattern).map(([name, rule]) => [name, compileFilter(rule, path ? `${path}.${name}` : name)] as const);
    return (value) => typeof value === 'object' && value !== null && fields.every(([name, matches]) => matches((value as Record<string, unknown>)[name]));
  }
  throw new Error(`A filter pattern holds objects and lists of values; found ${JSON.stringify(pattern)} at ${path || 'the top'}`);
}

/** Passes a record that matches any of the patterns; with no pattern, every record. */
export function compileFilters(patterns: unknown[]): RecordFilter {
  const filters = patterns.map((pattern) => compileFilter(pattern));
  return (record) => filters.length === 0 || filters.some((matches) => matches(record));
}
