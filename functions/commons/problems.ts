import type { Text } from '../../forms/i18n';

/** One invalid input field, named by its dot path, with the reason in Korean and English. */
export interface FieldProblem {
  field: string;
  code: string;
  message: Text;
}

/**
 * An answer to a person that something they sent or asked for is wrong: carries the HTTP status,
 * a stable code for programs and a bilingual message for people.
 */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly text: Text,
    readonly fields: FieldProblem[] = [],
    /** Response headers that belong to the answer (e.g. Retry-After). */
    readonly headers: Record<string, string> = {},
  ) {
    super(text.en);
    this.name = 'HttpProblem';
  }

  toBody() {
    return { error: { code: this.code, message: this.text, ...(this.fields.length ? { fields: this.fields } : {}) } };
  }
}

function waitText(seconds: number): Text {
  if (seconds < 120) return { ko: `${seconds}초`, en: `${seconds} second${seconds === 1 ? '' : 's'}` };
  const minutes = Math.ceil(seconds / 60);
  return { ko: `${minutes}분`, en: `${minutes} minutes` };
}

export const problem = {
  invalidInput: (fields: FieldProblem[]) =>
    new HttpProblem(400, 'invalid-input', {
      ko: '입력값을 확인해 주세요.',
      en: 'Some fields are missing or invalid.',
    }, fields),
  unauthorized: () =>
    new HttpProblem(401, 'unauthorized', { ko: '로그인이 필요합니다.', en: 'Sign-in is required.' }),
  forbidden: () =>
    new HttpProblem(403, 'forbidden', {
      ko: '이 정보에 접근할 권한이 없습니다.',
      en: 'You are not allowed to access this.',
    }),
  notFound: (what: Text) =>
    new HttpProblem(404, 'not-found', { ko: `${what.ko}을(를) 찾을 수 없습니다.`, en: `${what.en} not found.` }),
  conflict: (code: string, text: Text) => new HttpProblem(409, code, text),
  tooLarge: (maxBytes: number) =>
    new HttpProblem(413, 'payload-too-large', {
      ko: `요청 본문이 너무 큽니다 (최대 ${maxBytes} 바이트).`,
      en: `The request body is too large (at most ${maxBytes} bytes).`,
    }),
  unsupportedMediaType: () =>
    new HttpProblem(415, 'unsupported-media-type', {
      ko: '본문은 application/json 형식이어야 합니다.',
      en: 'The body must be application/json.',
    }),
  unavailable: (text: Text) => new HttpProblem(503, 'temporarily-unavailable', text),
  tooManyAttempts: (retryAfterSeconds: number) => {
    const wait = waitText(retryAfterSeconds);
    return new HttpProblem(
      429,
      'too-many-attempts',
      {
        ko: `잘못된 시도가 너무 많습니다. ${wait.ko} 후에 다시 시도해 주세요.`,
        en: `Too many wrong attempts. Please try again in ${wait.en}.`,
      },
      [],
      { 'retry-after': String(retryAfterSeconds) },
    );
  },
};
