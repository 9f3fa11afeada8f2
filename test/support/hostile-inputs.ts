/**
 * Hostile input generated from a route's zod schema (issue 12, drill 4): for a body, a query string or
 * a path parameter, what a careless or hostile client sends — wrong types, huge strings, hidden and
 * broken characters, prototype-pollution keys, deep nesting, missing and extra fields, oversized and
 * malformed bodies, bad ids. The schema is read through its JSON Schema (zod's `toJSONSchema`, the
 * input side), walked beside a valid example, so a field added to a schema gets its hostile inputs
 * without anyone writing them.
 *
 * Each input says what the answer must name. The schema itself is asked first: an input it accepts
 * is still sent (the handler must refuse it, or at least store nothing), and the caller hears of it,
 * so a schema that lets hidden characters or unbounded text through is seen.
 */
import fc from 'fast-check';
import * as z from 'zod';

/** In every hostile text, key and id, so a scan of the table finds any of them that was stored. */
export const MARK = 'xHOSTILEx';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  not?: JsonSchema;
  maxLength?: number;
  pattern?: string;
  minimum?: number;
  maximum?: number;
}

/** One hostile request part and what its answer must say. */
export interface Hostile {
  what: string;
  /** The field the input is hostile in (`''`: the body as a whole), when there is one. */
  field?: string;
  /**
   * The fields a 400 must name, when the schema refuses the input: those the schema itself names
   * (usually `field`; a rule across fields may name another). Undefined when only a 4xx with a reason
   * is owed (a body too large, malformed or too deep; an input the schema lets through for the handler).
   */
  named?: string[];
  /** The schema accepted it: the handler must refuse it or store nothing. */
  schemaAccepts?: boolean;
}

export interface HostileBody extends Hostile {
  text: string;
  contentType?: string;
}

export interface HostileQuery extends Hostile {
  /** The query string, encoded, without `?`. */
  query: string;
}

/**
 * Characters no typed text may hold (forms/hidden-characters.ts: controls, format characters, lone
 * surrogates, separators, Hangul fillers), and the line breaks and tab a note may hold.
 */
const hiddenCharacters = ['\u0000', '\u0007', '\u007F', '\u0085', '\u200B', '\u202E', '\u2066', '\uFEFF', '\uD800', '\u2028', '\u3164'];
const lineBreaks = ['\n', '\r\n', '\t'];

const pollutionKeys = ['__proto__', 'constructor', 'prototype'];

function typesOf(schema: JsonSchema): Set<string> | 'any' {
  if (schema.not && Object.keys(schema.not).length === 0) return new Set();
  const options = schema.anyOf ?? schema.oneOf;
  if (options) {
    const all = options.map(typesOf);
    return all.includes('any') ? 'any' : new Set(all.flatMap((t) => [...(t as Set<string>)]));
  }
  if (schema.allOf) return typesOf(schema.allOf[0]!);
  if (schema.enum) return new Set(schema.enum.map((v) => (v === null ? 'null' : typeof v)));
  if (schema.const !== undefined) return new Set([schema.const === null ? 'null' : typeof schema.const]);
  if (schema.type === undefined) return 'any';
  const types = new Set([schema.type].flat());
  if (types.has('integer')) types.add('number');
  return types;
}

/** The object schema of a node, through a union or an intersection (the first that is one). */
function objectOf(schema: JsonSchema): JsonSchema | undefined {
  if (schema.properties) return schema;
  for (const option of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) {
    const found = objectOf(option);
    if (found) return found;
  }
  return undefined;
}

const isText = (schema: JsonSchema) => {
  const types = typesOf(schema);
  return types !== 'any' && types.has('string') && !schema.enum && schema.const === undefined;
};

function nested(depth: number): Json {
  let value: Json = MARK;
  for (let i = 0; i < depth; i++) value = [value];
  return value;
}

/** A value of each JSON type, each carrying the mark where it can. */
const valueOfType: Record<string, Json> = {
  string: MARK,
  number: 123456789,
  boolean: true,
  null: null,
  array: [MARK],
  object: { [MARK]: MARK },
};

/** A copy of `root` with the value at `path` replaced (or removed, for `undefined`). */
function replaced(root: Json, path: (string | number)[], value: Json | undefined): Json {
  if (path.length === 0) return value ?? null;
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = [...root];
    if (rest.length === 0 && value === undefined) copy.splice(head as number, 1);
    else copy[head as number] = replaced(root[head as number] ?? null, rest, value);
    return copy;
  }
  const copy: Record<string, Json> = { ...(root as Record<string, Json>) };
  if (rest.length === 0 && value === undefined) delete copy[head as string];
  else copy[head as string] = replaced((root as Record<string, Json>)?.[head as string] ?? null, rest, value);
  return copy;
}

/** A copy of the object at `path` with an own `key` (even `__proto__`, which an object literal would not make). */
function withKey(root: Json, path: (string | number)[], key: string, value: Json): Json {
  const target = path.reduce<Json>((node, p) => (node as Record<string, Json>)[p as string]!, root);
  const copy: Record<string, Json> = { ...(target as Record<string, Json>) };
  Object.defineProperty(copy, key, { value, enumerable: true, configurable: true, writable: true });
  return path.length === 0 ? copy : replaced(root, path, copy);
}

interface Slot {
  path: (string | number)[];
  schema: JsonSchema;
  value: Json | undefined;
  required: boolean;
}

/** Every field the schema declares under `value` (and the example's array items), with its schema. */
function slotsOf(schema: JsonSchema, value: Json | undefined, path: (string | number)[] = []): { slots: Slot[]; objects: { path: (string | number)[]; schema: JsonSchema }[] } {
  const slots: Slot[] = [];
  const objects: { path: (string | number)[]; schema: JsonSchema }[] = [];
  const object = objectOf(schema);
  if (object && value !== null && typeof value === 'object' && !Array.isArray(value)) {
    objects.push({ path, schema: object });
    for (const [key, child] of Object.entries(object.properties ?? {})) {
      const childValue = (value as Record<string, Json>)[key];
      slots.push({ path: [...path, key], schema: child, value: childValue, required: (object.required ?? []).includes(key) });
      if (childValue !== undefined) {
        const below = slotsOf(child, childValue, [...path, key]);
        slots.push(...below.slots);
        objects.push(...below.objects);
      }
    }
  }
  const items = schema.items ?? (schema.anyOf ?? []).find((s) => s.items)?.items;
  if (items && Array.isArray(value) && value.length > 0) {
    // An item is not a field a body can leave out: without it the list is only shorter.
    slots.push({ path: [...path, 0], schema: items, value: value[0], required: false });
    const below = slotsOf(items, value[0], [...path, 0]);
    slots.push(...below.slots);
    objects.push(...below.objects);
  }
  return { slots, objects };
}

const dotted = (path: readonly PropertyKey[]) => path.map(String).join('.');

/** The fields a schema's refusal names, as the API names them (forms/errors.ts: an unknown key at its own path). */
function namedBy(error: z.core.$ZodError): string[] {
  return [...new Set(error.issues.flatMap((issue) => (issue.code === 'unrecognized_keys' ? issue.keys.map((key) => dotted([...issue.path, key])) : [dotted(issue.path)])))];
}

interface Mutation {
  what: string;
  path: (string | number)[];
  /** The new value at `path` (undefined: the field left out), or, for an extra field, the whole body. */
  value: Json | undefined;
  extra?: boolean;
  /** Inputs a schema may rightly accept (a line break in a note): skipped when it does. */
  mayBeValid?: boolean;
}

/** Hostile mutations of the valid `example` at each of the schema's fields. */
function mutations(schema: JsonSchema, example: Json, seed: number): Mutation[] {
  const { slots, objects } = slotsOf(schema, example);
  const out: Mutation[] = [];
  const picks = fc.sample(fc.shuffledSubarray(hiddenCharacters, { minLength: 3, maxLength: 3 }), { seed, numRuns: slots.length + 1 });
  slots.forEach((slot, i) => {
    const at = dotted(slot.path);
    const types = typesOf(slot.schema);
    if (types !== 'any') {
      const wrong = Object.keys(valueOfType).filter((t) => !types.has(t));
      for (const type of wrong) out.push({ what: `${at}: ${type} instead of ${[...types].join(' or ') || 'nothing'}`, path: slot.path, value: valueOfType[type]! });
      if (!types.has('array') || (slot.schema.items && typesOf(slot.schema.items) !== 'any')) {
        out.push({ what: `${at}: arrays nested 20 deep`, path: slot.path, value: nested(20) });
      }
    }
    if (slot.required && slot.value !== undefined) out.push({ what: `${at}: left out`, path: slot.path, value: undefined });
    if (isText(slot.schema)) {
      const base = typeof slot.value === 'string' && slot.value ? slot.value : 'a';
      out.push({ what: `${at}: 10,000 characters`, path: slot.path, value: `${MARK}${'ㄱ'.repeat(10_000)}` });
      for (const c of picks[i]!) out.push({ what: `${at}: with U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, path: slot.path, value: `${base}${c}${MARK}` });
      for (const c of lineBreaks) out.push({ what: `${at}: with ${JSON.stringify(c)}`, path: slot.path, value: `${base}${c}${MARK}`, mayBeValid: true });
    }
    if (types !== 'any' && types.has('number')) {
      if (slot.schema.maximum !== undefined) out.push({ what: `${at}: 1e308`, path: slot.path, value: 1e308 });
      if (slot.schema.minimum !== undefined) out.push({ what: `${at}: -1e308`, path: slot.path, value: -1e308 });
      if ([slot.schema.type].flat().includes('integer')) out.push({ what: `${at}: 0.5`, path: slot.path, value: 0.5 });
    }
  });
  for (const object of objects) {
    const at = dotted(object.path);
    if (object.schema.additionalProperties === false) {
      for (const key of [`unexpected${MARK}`, ...pollutionKeys]) {
        out.push({ what: `${at || 'body'}: an extra field "${key}"`, path: [...object.path, key], value: withKey(example, object.path, key, { polluted: MARK, isAdmin: true }), extra: true });
      }
      continue;
    }
    // An object that drops what it does not name (a decision's body): the pollution keys go with a
    // field it refuses, so the answer must still be that field's 400 — never a 500, nothing stored.
    if (object.path.length > 0) continue;
    const target = (object.schema.required ?? []).find((key) => key in (example as Record<string, Json>));
    if (target === undefined) continue;
    for (const key of pollutionKeys) {
      const broken = replaced(example, [...object.path, target], 123456789);
      out.push({ what: `${at || 'body'}: an extra field "${key}", and ${target} a number`, path: [...object.path, target], value: withKey(broken, object.path, key, { polluted: MARK, isAdmin: true }), extra: true });
    }
  }
  return out;
}

/**
 * Hostile bodies for a route whose body `schema` accepts `example`: each field mutated in turn, then
 * the body as a whole. A mutation the schema refuses must be refused naming its field.
 */
export function hostileBodies(schema: z.core.$ZodType, example: Json, seed: number): HostileBody[] {
  if (!z.safeParse(schema, example).success) throw new Error(`the example is not valid: ${JSON.stringify(z.safeParse(schema, example).error?.issues)}`);
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const bodies: HostileBody[] = [];
  for (const m of mutations(json, example, seed)) {
    const body = m.extra ? m.value : replaced(example, m.path, m.value);
    const text = JSON.stringify(body);
    const verdict = z.safeParse(schema, JSON.parse(text));
    if (verdict.success && m.mayBeValid) continue;
    bodies.push({ what: m.what, text, field: dotted(m.path), ...(verdict.success ? { schemaAccepts: true } : { named: namedBy(verdict.error) }) });
  }
  const whole = (what: string, value: Json) => ({ what: `body: ${what}`, text: JSON.stringify(value), field: '', named: [''] });
  bodies.push(whole('JSON null', null), whole('an array', [example]), whole('a string', MARK), whole('a number', 42));
  bodies.push({ what: 'body: arrays nested 40 deep', text: JSON.stringify(nested(40)) });
  bodies.push({ what: 'body: malformed JSON', text: `{"${MARK}":` });
  bodies.push({ what: 'body: over 64 KB', text: JSON.stringify(withKey(example, [], `padding${MARK}`, 'ㄱ'.repeat(25_000))) });
  bodies.push({ what: 'body: sent as text/plain', text: JSON.stringify(example), contentType: 'text/plain' });
  return bodies;
}

/** Percent-encodes a value for a URL; a lone surrogate (which encodeURIComponent refuses) as its raw bytes. */
export function encoded(value: string): string {
  return [...value].map((c) => (/[\uD800-\uDFFF]/.test(c) ? '%ED%A0%80' : encodeURIComponent(c))).join('');
}

const queryOf = (params: [string, string][]) => params.map(([k, v]) => `${encoded(k)}=${encoded(v)}`).join('&');

/**
 * Hostile query strings for a route whose query `schema` (undefined: it reads none) accepts `example`:
 * each parameter long, with hidden characters, of the wrong form, empty; and parameters it does not
 * read (prototype keys among them).
 */
export function hostileQueries(schema: z.core.$ZodType | undefined, example: Record<string, string>, seed: number): HostileQuery[] {
  const json = schema ? (z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema) : { properties: {} };
  const base = Object.entries(example);
  const out: HostileQuery[] = [];
  const push = (what: string, field: string, params: [string, string][], mayBeValid = false) => {
    // Judged as it arrives: the gateway decodes the bytes (a lone surrogate's become U+FFFD).
    const verdict = (schema ? z.safeParse(schema, Object.fromEntries(new URLSearchParams(queryOf(params)))) : undefined);
    const accepted = !verdict || verdict.success;
    if (accepted && mayBeValid) return;
    out.push({ what, query: queryOf(params), field, ...(accepted ? { schemaAccepts: true } : { named: namedBy(verdict.error!) }) });
  };
  const names = Object.keys(json.properties ?? {});
  const picks = fc.sample(fc.shuffledSubarray(hiddenCharacters, { minLength: 2, maxLength: 2 }), { seed, numRuns: names.length + 1 });
  names.forEach((name, i) => {
    const others = base.filter(([k]) => k !== name);
    const given = example[name] ?? 'a';
    // As long as a request line goes (Node's HTTP server stops at 16 KB of headers, with its own 431).
    push(`${name}: 4,000 characters`, name, [...others, [name, `${MARK}${'a'.repeat(4_000)}`]]);
    for (const c of picks[i]!) push(`${name}: with U+${c.charCodeAt(0).toString(16).toUpperCase()}`, name, [...others, [name, `${given}${c}${MARK}`]]);
    for (const wrong of ['-1', '1e3', `${MARK}`, '', '0x10']) push(`${name}: "${wrong}"`, name, [...others, [name, wrong]], true);
  });
  for (const key of [`unexpected${MARK}`, ...pollutionKeys, 'toString', 'hasOwnProperty']) push(`an extra parameter "${key}"`, key, [...base, [key, MARK]]);
  return out;
}

/** Hostile values for a path parameter, encoded for the path; `valid` is a real id of the same kind. */
export function hostilePathIds(valid: string): { what: string; segment: string; dotSegment?: boolean }[] {
  const ids: [string, string][] = [
    ['the mark', MARK],
    ['3,000 characters', `${MARK}${'A'.repeat(3_000)}`],
    ['a NUL', `${valid}\u0000${MARK}`],
    ['a right-to-left override', `\u202E${MARK}`],
    ['a lone surrogate', `${MARK}\uD800`],
    ['Hangul', `돌봄${MARK}`],
    ['__proto__', '__proto__'],
    ['constructor', 'constructor'],
    ['toString', 'toString'],
    ['hasOwnProperty', 'hasOwnProperty'],
    ['a valid id and more', `${valid}.${MARK}`],
    ['a valid id in lower case', valid.toLowerCase() === valid ? `${valid}${MARK}` : valid.toLowerCase()],
    ['an SQL fragment', `' OR '1'='1${MARK}`],
    ['a template', `\${7*7}{{7*7}}${MARK}`],
  ];
  const raw: [string, string][] = [
    ['an encoded slash', `${MARK}%2F..%2F..`],
    ['a percent sign', `${MARK}%`],
  ];
  return [
    ...ids.map(([what, id]) => ({ what, segment: encoded(id) })),
    ...raw.map(([what, segment]) => ({ what, segment })),
    // A URL parser resolves it away (the gateway's own 404 or 405 may answer: no route is reached).
    { what: 'an encoded dot-dot', segment: '%2E%2E', dotSegment: true },
  ];
}
