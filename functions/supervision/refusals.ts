import type { Text } from '../../forms/i18n';
import { HttpProblem, problem } from '../commons/problems';
import type { Refusal } from './supervision';

const conflict = (code: string, text: Text) => () => problem.conflict(code, text);
// A date the rules refuse is the field's fault: a 400 naming it, like any other invalid field.
const onField = (field: string, code: string, text: Text) => () => problem.invalidInput([{ field, code, message: text }]);

/** How each refusal of supervision.ts is answered, in the caller's words. */
export const refusalProblems: Record<Refusal, () => HttpProblem> = {
  'taken-by-another': conflict('supervision-taken', {
    ko: '다른 감독자가 이미 이 슈퍼비전 요청을 맡았습니다. 목록을 새로 고쳐 주세요.',
    en: 'Another supervisor has already taken this request on. Refresh the list.',
  }),
  'already-accepted': conflict('supervision-already-accepted', {
    ko: '이미 다른 날짜나 방식으로 맡은 요청입니다. 일정은 바꿀 수 없으니 사례관리자와 따로 조율해 주세요.',
    en: 'You already took this request on with another day or form. The arrangement cannot be changed here: agree a new one with the caseworker directly.',
  }),
  'already-advised': conflict('supervision-already-advised', {
    ko: '이미 자문 내용이 기록된 요청입니다. 기록은 바꿀 수 없습니다.',
    en: 'The advice on this request is already recorded, and it cannot be changed.',
  }),
  'not-accepted': conflict('supervision-not-accepted', {
    ko: '아직 아무도 맡지 않은 요청입니다. 먼저 슈퍼비전 일정을 잡아 주세요.',
    en: 'Nobody has taken this request on yet. Arrange the session first.',
  }),
  'accepted-by-another': conflict('supervision-accepted-by-another', {
    ko: '이 요청을 맡은 감독자만 자문 내용을 기록할 수 있습니다.',
    en: 'Only the supervisor who took this request on can record its advice.',
  }),
  'before-session': conflict('supervision-before-session', {
    ko: '슈퍼비전 날짜가 아직 오지 않았습니다. 슈퍼비전을 한 뒤에 자문 내용을 기록해 주세요.',
    en: 'The session day has not come yet. Record the advice after the session.',
  }),
  'session-in-past': onField('sessionOn', 'supervision-session-in-past', {
    ko: '슈퍼비전 날짜는 오늘이나 그 뒤여야 합니다',
    en: 'The session day must be today or later',
  }),
  'session-too-far': onField('sessionOn', 'supervision-session-too-far', {
    ko: '슈퍼비전 날짜는 90일 안으로 잡아 주세요',
    en: 'Arrange the session within 90 days',
  }),
  'follow-up-in-past': onField('followUpOn', 'supervision-follow-up-in-past', {
    ko: '다시 볼 날짜는 오늘 뒤여야 합니다',
    en: 'The follow-up day must come after today',
  }),
};

export const tooManyRequests = () =>
  problem.conflict('supervision-too-many', {
    ko: '이 사례의 슈퍼비전 요청이 너무 많습니다. 운영자에게 문의해 주세요.',
    en: 'This case has too many supervision requests. Ask an operator.',
  });
