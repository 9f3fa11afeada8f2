import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { fieldErrors } from '../../../forms/errors';
import { message } from '../../../forms/messages';
import { submissionSchema } from '../../../forms';

describe('fieldErrors', () => {
  it('maps a schema message to its code and Korean text', () => {
    const schema = z.string().min(3, message('test-too-short', { ko: '세 글자 이상 써 주세요', en: 'Write at least three letters' }));
    expect(fieldErrors(schema.safeParse('ab').error!)).toEqual([
      { field: '', code: 'test-too-short', message: { ko: '세 글자 이상 써 주세요', en: 'Write at least three letters' } },
    ]);
  });

  it('gives a generic bilingual message, by issue code, for issues the schemas did not word', () => {
    const [error] = fieldErrors(z.object({ a: z.object({ b: z.number() }) }).safeParse({ a: { b: 'x' } }).error!);
    expect(error).toEqual({
      field: 'a.b',
      code: 'invalid-type',
      message: { ko: '값이 없거나 형식이 맞지 않습니다(number 필요)', en: 'Missing or wrong type of value (expected number)' },
    });
    const [tooBig] = fieldErrors(z.array(z.number()).max(1).safeParse([1, 2]).error!);
    expect(tooBig).toMatchObject({ code: 'too-big', message: { en: 'Too large or long (maximum 1)' } });
  });

  it('reports a body that is not an object at all', () => {
    expect(fieldErrors(submissionSchema.safeParse('hello').error!)[0]?.code).toBe('unknown-programme');
    const missingAnswers = fieldErrors(submissionSchema.safeParse({ programme: 'youth' }).error!);
    expect(missingAnswers).toEqual([
      { field: 'answers', code: 'invalid-type', message: expect.objectContaining({ en: 'Missing or wrong type of value (expected object)' }) },
    ]);
  });
});

describe('message', () => {
  it('refuses two meanings for one English text, so the catalogue stays unambiguous', () => {
    message('test-same', { ko: '같은 말', en: 'Same words' });
    expect(() => message('test-same', { ko: '같은 말', en: 'Same words' })).not.toThrow();
    expect(() => message('test-other', { ko: '다른 말', en: 'Same words' })).toThrow(/distinct/);
  });
});
