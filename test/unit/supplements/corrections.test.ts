import { describe, expect, it } from 'vitest';
import { getProgramme } from '../../../forms';
import { checkCorrections } from '../../../functions/supplements/corrections';
import { startsAsDeclared, uploadKey } from '../../../functions/supplements/supplement';
import { youthExample } from '../../support/answers';

const youth = getProgramme('youth');
const on = new Date('2026-03-02T00:00:00Z');

describe('checkCorrections', () => {
  it('applies an asked-for correction and keeps what it said before', () => {
    const stored = structuredClone(youthExample) as Record<string, unknown>;
    const result = checkCorrections(youth, stored, { 'applicant.phone': '010-9876-5432' }, ['applicant.phone'], on);
    expect(result.problems).toEqual([]);
    expect(result.corrected).toEqual([{ name: 'applicant.phone', before: (youthExample as any).applicant.phone, after: expect.stringContaining('9876') }]);
    expect((result.answers.applicant as Record<string, unknown>).phone).toEqual(result.corrected[0]!.after);
    expect((stored.applicant as Record<string, unknown>).phone).toBe((youthExample as any).applicant.phone);
  });

  it("refuses a value the form's schema refuses, on that answer, in Korean and English", () => {
    const result = checkCorrections(youth, structuredClone(youthExample) as Record<string, unknown>, { 'applicant.birthDate': '2000-02-31' }, ['applicant.birthDate'], on);
    expect(result.problems).toEqual([expect.objectContaining({ field: 'fields.applicant.birthDate', message: { ko: expect.any(String), en: expect.any(String) } })]);
  });

  it('refuses an answer that was not asked for', () => {
    const result = checkCorrections(youth, structuredClone(youthExample) as Record<string, unknown>, { 'applicant.name': '홍길동' }, ['applicant.phone'], on);
    expect(result.problems).toEqual([expect.objectContaining({ field: 'fields.applicant.name', code: 'supplement-field-not-asked' })]);
  });
});

describe('uploads', () => {
  it('tells a real PDF, JPEG and PNG from a file that only claims to be one', () => {
    expect(startsAsDeclared('application/pdf', new TextEncoder().encode('%PDF-1.7\n'))).toBe(true);
    expect(startsAsDeclared('application/pdf', new TextEncoder().encode('MZ\x90\x00'))).toBe(false);
    expect(startsAsDeclared('image/jpeg', new Uint8Array([0xff, 0xd8, 0xff, 0xe0]))).toBe(true);
    expect(startsAsDeclared('image/png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(startsAsDeclared('image/png', new Uint8Array([0xff, 0xd8, 0xff]))).toBe(false);
  });

  it("keeps every upload under its application's own prefix", () => {
    expect(uploadKey('A1', 2, 'identity', 'u-1')).toBe('applications/A1/supplements/r2/identity/u-1');
  });
});
