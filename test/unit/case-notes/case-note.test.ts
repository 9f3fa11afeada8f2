import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../../../forms/errors';
import { caseNoteBody } from '../../../functions/case-notes/bodies';
import { querySchema } from '../../../functions/case-notes/list-case-notes';
import { caseNoteView, fingerprintOf, isNoteId, newCaseNote, noteIdFor, occurredAtProblem, type CaseNoteInput } from '../../../functions/case-notes/case-note';
import { contactKindLabels, contactKinds } from '../../../functions/case-notes/labels';

const APP = 'A0123456789ABCDEFGHJKMNPQR';
const caseworker = { kind: 'staff' as const, userId: 'caseworker.jongno', groups: ['caseworker'], sourceIp: '10.0.0.1' };
const valid = { kind: 'phone', occurredAt: '2026-12-03T14:30+09:00', withWhom: '어머니', text: '학교 서류를 다음 주에 보내기로 함' };

const refusal = (body: unknown) => {
  const parsed = caseNoteBody.safeParse(body);
  if (parsed.success) throw new Error('accepted');
  return fieldErrors(parsed.error);
};

describe('the case note body', () => {
  it('takes a contact with its kind, time, person and words, and gives the time in UTC', () => {
    expect(caseNoteBody.parse(valid)).toEqual({ ...valid, occurredAt: '2026-12-03T05:30:00.000Z' });
  });

  it('leaves out a blank “with whom” and trims the note', () => {
    expect(caseNoteBody.parse({ ...valid, withWhom: '  ', text: '  집에 아무도 없음 \n' })).toEqual({ kind: 'phone', occurredAt: '2026-12-03T05:30:00.000Z', text: '집에 아무도 없음' });
  });

  it('keeps the lines of a note', () => {
    expect(caseNoteBody.parse({ ...valid, text: '문자 실패\n\t사무실 번호로 아버지와 통화' }).text).toBe('문자 실패\n\t사무실 번호로 아버지와 통화');
  });

  it('refuses an empty note, in Korean and English', () => {
    expect(refusal({ ...valid, text: '   ' })).toEqual([{ field: 'text', code: 'case-note-text-required', message: { ko: '기록할 내용을 적어 주세요', en: 'Write what happened' } }]);
    expect(refusal({ kind: 'phone', occurredAt: valid.occurredAt }).map((e) => e.field)).toEqual(['text']);
  });

  it('takes 2,000 characters of note and refuses 2,001', () => {
    expect(caseNoteBody.safeParse({ ...valid, text: '가'.repeat(2000) }).success).toBe(true);
    expect(refusal({ ...valid, text: '가'.repeat(2001) }).map((e) => e.code)).toEqual(['case-note-text-too-long']);
  });

  it('refuses a kind outside the list, naming the choices', () => {
    const [error] = refusal({ ...valid, kind: 'fax' });
    expect(error!.field).toBe('kind');
    expect(error!.message.ko).toContain('전화');
  });

  it('refuses a time without its offset, a date alone and an impossible date', () => {
    for (const occurredAt of ['2026-12-03T14:30', '2026-12-03', '2026-13-03T14:30Z', 'yesterday', 1_764_000_000]) {
      expect(refusal({ ...valid, occurredAt }).map((e) => [e.field, e.code]), String(occurredAt)).toEqual([['occurredAt', 'case-note-occurred-at']]);
    }
  });

  it('refuses a long or multi-line “with whom” and hidden characters in the note', () => {
    expect(refusal({ ...valid, withWhom: '가'.repeat(101) }).map((e) => e.code)).toEqual(['case-note-with-whom-too-long']);
    expect(refusal({ ...valid, withWhom: '어머니\n아버지' }).map((e) => e.code)).toEqual(['case-note-with-whom-one-line']);
    expect(refusal({ ...valid, text: '통화\u202E함' }).map((e) => e.code)).toEqual(['case-note-hidden-characters']);
  });

  it('refuses a resident registration number in the note or “with whom”, and takes a phone number', () => {
    expect(refusal({ ...valid, text: '아버지 주민번호 880229-2123456 확인' }).map((e) => e.code)).toEqual(['case-note-rrn']);
    expect(refusal({ ...valid, withWhom: '어머니 8802292123456' }).map((e) => [e.field, e.code])).toEqual([['withWhom', 'case-note-rrn']]);
    expect(caseNoteBody.safeParse({ ...valid, text: '사무실 번호 02-2133-1234, 휴대폰 010-1234-5678로 통화' }).success).toBe(true);
  });

  it('refuses fields it does not know (an author or an id is never the caller’s to send)', () => {
    expect(refusal({ ...valid, authorName: '누군가' }).map((e) => e.field)).toEqual(['authorName']);
  });
});

describe('the notes query', () => {
  it('pages 20 notes by default, 1 to 100 when asked', () => {
    expect(querySchema.parse({})).toEqual({ limit: 20 });
    expect(querySchema.parse({ limit: '100' }).limit).toBe(100);
    expect(querySchema.safeParse({ limit: '0' }).success).toBe(false);
    expect(querySchema.safeParse({ limit: '101' }).success).toBe(false);
  });
});

describe('occurredAtProblem', () => {
  const created = '2026-12-01T03:00:30.000Z';
  const now = Date.parse('2026-12-03T06:00:00.000Z');

  it('takes a contact between the application and now', () => {
    expect(occurredAtProblem('2026-12-03T05:30:00.000Z', created, now)).toBeUndefined();
  });

  it('takes a contact in the minute the application was made (the form gives minutes)', () => {
    expect(occurredAtProblem('2026-12-01T03:00:00.000Z', created, now)).toBeUndefined();
    expect(occurredAtProblem('2026-12-01T02:59:00.000Z', created, now)).toBe('before-application');
  });

  it('takes a phone clock a few minutes ahead, and refuses a contact further in the future', () => {
    expect(occurredAtProblem('2026-12-03T06:05:00.000Z', created, now)).toBeUndefined();
    expect(occurredAtProblem('2026-12-03T06:05:01.000Z', created, now)).toBe('in-future');
    expect(occurredAtProblem('2026-12-10T09:00:00.000Z', created, now)).toBe('in-future');
  });
});

describe('note ids and fingerprints', () => {
  it('gives one person’s key on one case one note, and another person or case another', () => {
    const id = noteIdFor('caseworker.jongno', APP, 'key-0001');
    expect(isNoteId(id)).toBe(true);
    expect(noteIdFor('caseworker.jongno', APP, 'key-0001')).toBe(id);
    expect(noteIdFor('supervisor', APP, 'key-0001')).not.toBe(id);
    expect(noteIdFor('caseworker.jongno', 'A0123456789ABCDEFGHJKMNPQS', 'key-0001')).not.toBe(id);
    expect(noteIdFor('caseworker.jongno', APP, 'key-0002')).not.toBe(id);
  });

  it('tells a retry from other words sent with the same key', () => {
    const input: CaseNoteInput = { kind: 'phone', occurredAt: '2026-12-03T05:30:00.000Z', text: '통화함' };
    expect(fingerprintOf({ ...input })).toBe(fingerprintOf(input));
    expect(fingerprintOf({ ...input, text: '통화 안 됨' })).not.toBe(fingerprintOf(input));
    expect(fingerprintOf({ ...input, withWhom: '아버지' })).not.toBe(fingerprintOf(input));
    expect(fingerprintOf({ ...input, kind: 'message' })).not.toBe(fingerprintOf(input));
  });
});

describe('caseNoteView', () => {
  it('names the author and their role, never where they called from, and drops the fingerprint', () => {
    const note = newCaseNote(APP, noteIdFor('caseworker.jongno', APP, 'key-0001'), { kind: 'home-visit', occurredAt: '2026-12-03T05:30:00.000Z', text: '아이는 집에 없었음' }, caseworker, '김사례', '2026-12-03T06:00:00.000Z');
    const view = caseNoteView(note);
    expect(view.author).toEqual({ userId: 'caseworker.jongno', name: '김사례', groups: ['caseworker'] });
    expect(JSON.stringify(view)).not.toContain('10.0.0.1');
    expect(view).not.toHaveProperty('fingerprint');
    expect(view).not.toHaveProperty('withWhom');
  });
});

describe('contact kinds', () => {
  it('each have a Korean and an English label', () => {
    for (const kind of contactKinds) expect(contactKindLabels[kind].ko && contactKindLabels[kind].en).toBeTruthy();
  });
});
