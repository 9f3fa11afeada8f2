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
    /** Sent with the answer, e.g. `retry-after`. */
    readonly headers: Record<string, string> = {},
  ) {
    super(text.en);
    this.name = 'HttpProblem';
  }

  toBody() {
    return { error: { code: this.code, message: this.text, ...(this.fields.length ? { fields: this.fields } : {}) } };
  }
}

/** Long enough for a stalled dependency to recover, short enough that a person waits for it. */
const RETRY_AFTER_SECONDS = 5;

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
  /** Nothing is wrong with the request: the same request, sent again after `retry-after` seconds, may succeed. */
  unavailable: (text: Text, retryAfterSeconds = RETRY_AFTER_SECONDS) =>
    new HttpProblem(503, 'temporarily-unavailable', text, [], { 'retry-after': String(retryAfterSeconds) }),
  /**
   * The handler's deadline came first. The work may still complete, so this is a 503 (retry), never
   * a 500: a retry with the same Idempotency-Key gets that one application, not a second.
   */
  deadlineReached: () =>
    problem.unavailable({
      ko: '처리 시간이 초과되었습니다. 요청이 이미 처리되었을 수 있으니 잠시 후 다시 시도해 주세요. 신청서는 같은 Idempotency-Key로 다시 보내면 한 번만 접수됩니다.',
      en: 'This took too long and may still have gone through. Please try again shortly; a submission resent with the same Idempotency-Key is accepted only once.',
    }),
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
