/** The refusals of the case-note routes that no schema gives, in the case manager's words. */
import { HttpProblem, problem } from '../commons/problems';
import type { OccurredAtProblem } from './case-note';

export const keyNeeded = () =>
  problem.invalidInput([
    {
      field: 'Idempotency-Key',
      code: 'idempotency-key-required',
      message: {
        ko: 'Idempotency-Key 헤더(8~128자의 영문, 숫자, _ . : -)가 필요합니다. 같은 키로 다시 보내면 같은 기록을 돌려받습니다',
        en: 'An Idempotency-Key header (8–128 letters, digits or _ . : -) is needed: sent again with the same key, you get the same note back',
      },
    },
  ]);

export const keyUsedForAnotherNote = () =>
  new HttpProblem(409, 'idempotency-key-reused', {
    ko: '이 Idempotency-Key로 다른 사례 기록을 이미 남겼습니다. 새 기록에는 새 키를 쓰세요.',
    en: 'This Idempotency-Key already wrote a different case note. Use a new key for a new note.',
  });

const occurredAtTexts: Record<OccurredAtProblem, { ko: string; en: string }> = {
  'in-future': { ko: '연락한 때는 지금보다 뒤일 수 없습니다. 있었던 일만 기록해 주세요', en: 'The contact cannot be in the future: record what has happened' },
  'before-application': { ko: '연락한 때는 신청일보다 앞설 수 없습니다', en: 'The contact cannot be before the application was made' },
};

export const occurredAtRefused = (why: OccurredAtProblem) =>
  problem.invalidInput([{ field: 'occurredAt', code: `case-note-${why}`, message: occurredAtTexts[why] }]);
