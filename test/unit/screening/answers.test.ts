import { describe, expect, it } from 'vitest';
import { fieldErrors } from '../../../forms/errors';
import { gad7ItemsSchema, phq9ItemsSchema, screeningAnswersSchema } from '../../../functions/screening/answers';

const phq9 = [1, 2, 0, 3, 1, 0, 2, 1, 0];
const gad7 = [2, 1, 0, 3, 1, 0, 2];

const errorsOf = (body: unknown) => {
  const result = screeningAnswersSchema.safeParse(body);
  return result.success ? [] : fieldErrors(result.error);
};

describe('screeningAnswersSchema', () => {
  it('accepts nine PHQ-9 and seven GAD-7 answers, each an integer 0–3', () => {
    expect(screeningAnswersSchema.parse({ phq9, gad7 })).toEqual({ phq9, gad7 });
    expect(phq9ItemsSchema.parse([3, 3, 3, 3, 3, 3, 3, 3, 3])).toHaveLength(9);
    expect(gad7ItemsSchema.parse([0, 0, 0, 0, 0, 0, 0])).toHaveLength(7);
  });

  it('names the item out of range, counted as on the questionnaire (item 9 is phq9.8)', () => {
    expect(errorsOf({ phq9: [1, 2, 0, 3, 1, 0, 2, 1, 4], gad7 })).toEqual([
      {
        field: 'phq9.8',
        code: 'range',
        message: { ko: 'PHQ-9 9번 문항은 0 이상 3 이하의 정수여야 합니다', en: 'PHQ-9 item 9 must be a whole number from 0 to 3' },
      },
    ]);
  });

  it('refuses a fraction, a negative, a string and a null, each at its own item', () => {
    const errors = errorsOf({ phq9: [1.5, -1, '2', null, 1, 0, 2, 1, 0], gad7 });
    expect(errors.map((e) => [e.field, e.code])).toEqual([
      ['phq9.0', 'range'],
      ['phq9.1', 'range'],
      ['phq9.2', 'range'],
      ['phq9.3', 'range'],
    ]);
    expect(errors[2]?.message.en).toBe('PHQ-9 item 3 must be a whole number from 0 to 3');
  });

  it('refuses too few or too many answers with the number expected', () => {
    const count = {
      field: 'gad7',
      code: 'screening-item-count',
      message: { ko: 'GAD-7 답은 7개 문항 각각 0~3점의 목록이어야 합니다', en: 'GAD-7 answers must be a list of 7 items, each scored 0 to 3' },
    };
    expect(errorsOf({ phq9, gad7: [1, 1, 1, 1, 1, 1] })).toEqual([count]);
    expect(errorsOf({ phq9, gad7: [1, 1, 1, 1, 1, 1, 1, 1] })).toEqual([count]);
    expect(errorsOf({ phq9, gad7: '1111111' })).toEqual([count]);
  });

  it('says which questionnaire is missing', () => {
    expect(errorsOf({ gad7 })).toEqual([
      { field: 'phq9', code: 'required', message: { ko: 'PHQ-9 검사 답은 필수 항목입니다', en: 'The PHQ-9 questionnaire is required' } },
    ]);
    expect(errorsOf(null)[0]).toMatchObject({ field: '', code: 'screening-answers' });
  });
});
