import { expect } from 'vitest';
import { fieldErrors, type FieldError } from '../../../forms/errors';
import { getProgramme } from '../../../forms';
import { seoulNoon } from '../../support/answers';

/** The bilingual field errors of answers to a programme, judged on `day` (date-relative rules) or without a date. */
export function errorsOf(programmeId: string, answers: unknown, day?: string): FieldError[] {
  const programme = getProgramme(programmeId);
  const schema = day === undefined ? programme.schema : programme.schemaOn(seoulNoon(day));
  const result = schema.safeParse(answers);
  return result.success ? [] : fieldErrors(result.error);
}

/** Expects exactly one error on `field`, with `code`, in Korean and English. */
export function expectOnlyError(errors: FieldError[], field: string, code: string): FieldError {
  expect(errors.map((e) => `${e.field}:${e.code}`)).toEqual([`${field}:${code}`]);
  const [error] = errors as [FieldError];
  expect(error.message.ko).toMatch(/[가-힣]/);
  expect(error.message.en).toMatch(/^[\x20-\x7E가-힣–—]+$/);
  expect(error.message.en).not.toBe(error.message.ko);
  return error;
}
