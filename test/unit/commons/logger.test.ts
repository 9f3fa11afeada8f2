import { describe, expect, it } from 'vitest';
import { redact } from '../../../functions/commons/logger';

describe('redact', () => {
  it('hides phone numbers written with or without dashes', () => {
    expect(redact('010-1234-5678')).toBe('[phone]');
    expect(redact('{"phone":"01012345678"}')).toBe('{"phone":"[phone]"}');
    expect(redact('전화 011-123-4567로')).toBe('전화 [phone]로');
  });

  it('hides resident registration numbers written with or without the dash', () => {
    expect(redact('900101-1234567')).toBe('[rrn]');
    expect(redact('{"rrn":"9001011234567"}')).toBe('{"rrn":"[rrn]"}');
  });

  it('leaves the digits inside request ids alone', () => {
    // A v4 UUID whose 2nd–4th groups read like 010-4123-9123.
    const requestId = '8c0a4b2e-4010-4123-9123-123456789abc';
    expect(redact(JSON.stringify({ requestId }))).toBe(JSON.stringify({ requestId }));
    const applicationId = 'A01012345678ZZZZZZZZZZZZZZ';
    expect(redact(applicationId)).toBe(applicationId);
  });
});
