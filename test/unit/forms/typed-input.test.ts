import { describe, expect, it } from 'vitest';
import { getProgramme, programmeIds } from '../../../forms';
import type { FieldDef } from '../../../forms/types';
import { childExample, exampleDay, parentExample, patched, seoulNoon, youthExample } from '../../support/answers';
import { errorsOf, expectOnlyError } from './helpers';

/** Someone acting for the person, with every typed answer about them given. */
const submitter = {
  submitter: { who: 'on-behalf', name: '김대리', relation: 'other', relationOther: '이웃', organisation: '사직동 주민센터', email: 'helper@example.kr' },
};

/** Valid answers with every field a person types filled in (the parent one as a facility carer, with a guardian). */
const filled: Record<string, Record<string, unknown>> = {
  'child-adolescent': patched(childExample, submitter),
  parent: patched(parentExample, {
    ...submitter,
    applicant: { email: 'jimin@example.kr' },
    guardian: { name: '박보호', relation: 'parent', phone: '01022223333' },
    basis: 'facility-carer',
    facilityName: '햇살아동센터',
  }),
  youth: patched(youthExample, { ...submitter, applicant: { email: 'minjun@example.kr' } }),
};

/** The answers with one answer replaced, by dot path ('children.0.birthDate'). */
function withAnswer(answers: Record<string, unknown>, path: string, value: unknown): Record<string, unknown> {
  const copy = structuredClone(answers);
  const keys = path.split('.');
  let node = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) node = (node[key] ??= {}) as Record<string, unknown>;
  node[keys.at(-1)!] = value;
  return copy;
}

const parse = (id: string, answers: unknown) => getProgramme(id).schemaOn(seoulNoon(exampleDay)).parse(answers) as Record<string, any>;
const answerAtPath = (answers: Record<string, any>, path: string) => path.split('.').reduce((node, key) => node?.[key], answers);

const fields = (id: string, inputs: FieldDef['input'][]) =>
  getProgramme(id)
    .sections.flatMap((s) => s.fields)
    .filter((f) => inputs.includes(f.input))
    .map((f) => f.name.replace('*', '0'));

/** Characters that hide or reorder text, or control a terminal, with what they are. */
const hidden: [string, string][] = [
  ['right-to-left override', '\u202E'],
  ['left-to-right isolate', '\u2066'],
  ['right-to-left mark', '\u200F'],
  ['zero-width space', '\u200B'],
  ['zero-width joiner', '\u200D'],
  ['zero-width no-break space (BOM)', '\uFEFF'],
  ['soft hyphen', '\u00AD'],
  ['NUL', '\u0000'],
  ['BEL', '\u0007'],
  ['tab', '\t'],
  ['ESC', '\u001B'],
  ['DEL', '\u007F'],
  ['C1 control', '\u009B'],
  ['lone surrogate', '\uD800'],
  ['Hangul filler', '\u3164'],
];

/** Line breaks other than the newline, which free text keeps. */
const otherBreaks = ['\r', '\u2028', '\u2029', '\u0085', '\v', '\f'];

describe.each(programmeIds)('what a person types in the %s form', (id) => {
  const base = filled[id]!;

  it('starts from valid answers with every typed field filled in', () => {
    expect(errorsOf(id, base, exampleDay)).toEqual([]);
    for (const name of fields(id, ['text', 'textarea', 'email'])) expect(answerAtPath(base, name), name).toBeDefined();
  });

  describe.each(fields(id, ['text', 'textarea']))('%s', (name) => {
    it.each(hidden)('refuses a %s inside, naming the field in both languages', (_what, char) => {
      const error = expectOnlyError(errorsOf(id, withAnswer(base, name, `가나${char}다`)), name, 'hidden-characters');
      expect(error.message.en).toMatch(/cannot contain invisible or control characters/);
    });

    it('keeps Korean, spaces and punctuation, in NFC, without the spaces at its ends', () => {
      const decomposed = ' 남궁 민수-Kim (O’Brien) '.normalize('NFD');
      expect(answerAtPath(parse(id, withAnswer(base, name, decomposed)), name)).toBe('남궁 민수-Kim (O’Brien)');
    });

    it('refuses 5,000 characters', () => {
      expectOnlyError(errorsOf(id, withAnswer(base, name, '가'.repeat(5000))), name, 'length');
    });
  });

  it.each(fields(id, ['text']))('keeps %s on one line', (name) => {
    for (const breakChar of ['\n', '\r\n', ...otherBreaks]) {
      expectOnlyError(errorsOf(id, withAnswer(base, name, `가나${breakChar}다`)), name, 'line-break');
    }
  });

  it.each(fields(id, ['textarea']))('keeps the newlines of %s, as LF, and no other line break', (name) => {
    expect(answerAtPath(parse(id, withAnswer(base, name, '서울시 마포구\r\n월드컵북로 212\r3층')), name)).toBe('서울시 마포구\n월드컵북로 212\n3층');
    for (const breakChar of otherBreaks.filter((c) => c !== '\r')) {
      expectOnlyError(errorsOf(id, withAnswer(base, name, `가나${breakChar}다`)), name, 'hidden-characters');
    }
  });

  it('refuses 5,000 characters in any answer at all', () => {
    for (const name of getProgramme(id).sections.flatMap((s) => s.fields).map((f) => f.name.replace('*', '0'))) {
      const fields = errorsOf(id, withAnswer(base, name, 'a'.repeat(5000))).map((e) => e.field);
      expect(fields, name).toContain(name);
    }
  });
});

describe('e-mail address', () => {
  const email = (local: string) => patched(filled.youth!, { applicant: { email: `${local}@example.kr` } });

  it('takes up to 254 characters', () => {
    expect(errorsOf('youth', email('a'.repeat(254 - '@example.kr'.length)))).toEqual([]);
    const error = expectOnlyError(errorsOf('youth', email('a'.repeat(255 - '@example.kr'.length))), 'applicant.email', 'too-long');
    expect(error.message).toEqual({ ko: '이메일은 254자 이내로 입력해 주세요', en: 'Email must be at most 254 characters' });
  });

  it('refuses the 5,011 characters once stored', () => {
    expect(errorsOf('youth', email('a'.repeat(5000))).map((e) => `${e.field}:${e.code}`)).toContain('applicant.email:too-long');
  });

  it.each(['a\u0000b', 'a\u202Eb', 'a b', 'a\nb'])('refuses %j', (local) => {
    expect(errorsOf('youth', email(local)).map((e) => e.field)).toEqual(['applicant.email']);
  });
});

describe('youth concerns', () => {
  const concerns = (list: unknown) => patched(youthExample, { concerns: list });

  it('takes any of the six, each once', () => {
    expect(errorsOf('youth', concerns(['depression', 'anxiety', 'obsession', 'stress', 'relationships', 'other']))).toEqual([]);
    expect(errorsOf('youth', concerns([]))).toEqual([]);
  });

  it.each([
    ['twice the same', ['anxiety', 'anxiety']],
    ['seven', ['depression', 'anxiety', 'obsession', 'stress', 'relationships', 'other', 'other']],
    ['5,000 copies of one', Array(5000).fill('anxiety')],
  ])('refuses %s, with one error in both languages', (_what, list) => {
    const error = expectOnlyError(errorsOf('youth', concerns(list)), 'concerns', 'choice-repeated');
    expect(error.message).toEqual({ ko: '상담 받고 싶은 어려움: 각 항목은 한 번씩만 고를 수 있습니다', en: 'What you would like help with: choose each option at most once' });
  });
});

describe('every list in every programme', () => {
  /** Minimal view of zod's internals: where the arrays are and their checks. */
  interface ZodNode {
    _zod: { def: { type: string; shape?: Record<string, ZodNode>; innerType?: ZodNode; in?: ZodNode; element?: ZodNode; checks?: { _zod: { def: { check: string } } }[] } };
  }
  function arrays(node: ZodNode, path = ''): { path: string; bounded: boolean }[] {
    const def = node._zod.def;
    if (def.type === 'object') return Object.entries(def.shape ?? {}).flatMap(([key, child]) => arrays(child, path ? `${path}.${key}` : key));
    const inner = def.innerType ?? def.in;
    if (inner) return arrays(inner, path);
    if (def.type === 'array') {
      const bounded = (def.checks ?? []).some((c) => c._zod.def.check === 'max_length');
      return [{ path, bounded }, ...arrays(def.element!, `${path}.*`)];
    }
    return [];
  }

  it.each(programmeIds)('%s: has a maximum length', (id) => {
    const lists = arrays(getProgramme(id).schema as unknown as ZodNode);
    expect(lists.filter((l) => !l.bounded)).toEqual([]);
  });
});
