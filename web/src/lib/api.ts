/** Calls to the Dolbom HTTP API and the shape of its answers when something is wrong. */
import type { Text } from '../../../forms/i18n';

export interface ProblemField {
  field: string;
  code: string;
  message: Text;
}

/** `{ error: { code, message: {ko,en}, fields? } }`, as every 4xx of the API answers. */
export interface Problem {
  code: string;
  message: Text;
  fields: ProblemField[];
}

export type ApiResult<T> =
  | { ok: true; status: number; body: T }
  | { ok: false; status: number; problem: Problem }
  /** No answer at all (offline, server down): the request may or may not have arrived. */
  | { ok: false; status: 0; problem: Problem };

const networkProblem: Problem = {
  code: 'network',
  message: {
    ko: '서버에 연결하지 못했습니다. 인터넷 연결을 확인하고 다시 시도해 주세요.',
    en: 'Could not reach the server. Check your connection and try again.',
  },
  fields: [],
};

function isText(value: unknown): value is Text {
  return typeof value === 'object' && value !== null && typeof (value as Text).ko === 'string' && typeof (value as Text).en === 'string';
}

/** Reads a problem body; anything unexpected becomes a generic message with the status. */
export function problemOf(status: number, body: unknown): Problem {
  const error = (body as { error?: unknown } | null)?.error;
  if (typeof error === 'object' && error !== null) {
    const e = error as { code?: unknown; message?: unknown; fields?: unknown };
    const fields = Array.isArray(e.fields)
      ? e.fields.filter((f): f is ProblemField => typeof f?.field === 'string' && isText(f?.message))
      : [];
    if (isText(e.message)) return { code: typeof e.code === 'string' ? e.code : String(status), message: e.message, fields };
  }
  if (typeof error === 'string') return { code: String(status), message: { ko: error, en: error }, fields: [] };
  return {
    code: String(status),
    message:
      status >= 500
        ? { ko: `일시적인 서버 오류입니다(${status}). 잠시 후 다시 시도해 주세요.`, en: `A temporary server error (${status}). Please try again shortly.` }
        : { ko: `요청을 처리하지 못했습니다(${status}).`, en: `The request could not be processed (${status}).` },
    fields: [],
  };
}

export async function callApi<T>(
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  options: { body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResult<T>> {
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers: {
        accept: 'application/json',
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...options.headers,
      },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    return { ok: false, status: 0, problem: networkProblem };
  }
  const text = await response.text().catch(() => '');
  let body: unknown = undefined;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (response.ok) return { ok: true, status: response.status, body: body as T };
  return { ok: false, status: response.status, problem: problemOf(response.status, body) };
}
