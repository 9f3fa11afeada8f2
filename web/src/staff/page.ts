/** Where the console's views are drawn, and how a refused request is shown there. */
import type { ApiResult } from '../lib/api';
import { byId, h } from '../lib/dom';

export const app = byId('app');

export function problemView(result: Extract<ApiResult<unknown>, { ok: false }>): HTMLElement {
  return h('p', { class: 'error', role: 'alert' }, result.problem.message);
}

/** A refused request with the reason for each field it names (a 400's `fields`). */
export function problemWithFields(result: Extract<ApiResult<unknown>, { ok: false }>): HTMLElement {
  const fieldMessages = result.status === 400 ? result.problem.fields.map((f) => h('span', {}, f.message)) : [];
  return h('p', { class: 'error', role: 'alert' }, result.problem.message, ...fieldMessages.flatMap((m) => [h('br'), m]));
}
