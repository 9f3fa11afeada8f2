import { describe, expect, it } from 'vitest';
import { applicantNameOf, nameHash, normaliseName } from '../../../functions/applications/applicant-name';

const key = Buffer.alloc(32, 7);

describe('the applicant-name index', () => {
  it('finds a name however its spaces, case and composition were typed', () => {
    expect(normaliseName(' 홍 길동 ')).toBe('홍길동');
    expect(normaliseName('\u1112\u1169\u11BC\u1100\u1175\u11AF\u1103\u1169\u11BC')).toBe('홍길동'); // decomposed jamo
    expect(normaliseName('Kim  Min-su')).toBe(normaliseName('kim min-su'));
    expect(normaliseName('ＫＩＭ')).toBe('kim'); // full-width letters
  });

  it('keeps no readable name: a keyed hash, different under another key, equal for the same name', () => {
    const hash = nameHash(key, '홍길동');
    expect(hash).toBe(nameHash(key, '홍 길동'));
    expect(hash).not.toBe(nameHash(key, '홍길순'));
    expect(hash).not.toBe(nameHash(Buffer.alloc(32, 8), '홍길동'));
    expect(hash).not.toContain('홍');
    expect(hash).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('reads the name every programme keeps as applicant.name', () => {
    expect(applicantNameOf({ applicant: { name: '김청년' } })).toBe('김청년');
    expect(applicantNameOf({ applicant: {} })).toBeUndefined();
    expect(applicantNameOf(undefined)).toBeUndefined();
  });
});
