/**
 * The local cloud's sign-in form (infra/local/identity.ts issues Cognito-shaped ID tokens for the
 * seeded staff). Loaded only when config.json names the local issuer, into a chunk of its own that
 * the deployed build leaves out (web/build.ts `target: 'aws'`): no page in AWS knows these paths.
 * The sign-in answers an ID token and a refresh token; renewal and sign-out then go through the same
 * code as in AWS (token-renewal.ts), to the local issuer's Cognito-shaped endpoints.
 */
import type { Text } from '../../../forms/i18n';
import { callApi } from './api';
import { h, show, txt } from './dom';
import type { LocalSignIn } from './site-config';
import type { TokenEndpoints } from './token-renewal';

const SIGN_IN_PATH = '/local/auth/sign-in';

/** The local issuer's stand-ins for `/oauth2/token` and `/oauth2/revoke` (infra/local/token-endpoint.ts). */
export function localTokenEndpoints(config: LocalSignIn): TokenEndpoints {
  return { token: '/local/auth/token', revoke: '/local/auth/revoke', clientId: config.clientId };
}

const ui = {
  signIn: { ko: '로그인', en: 'Sign in' },
  username: { ko: '아이디', en: 'Username' },
  password: { ko: '비밀번호', en: 'Password' },
  signingIn: { ko: '로그인하는 중입니다…', en: 'Signing in…' },
  badCredentials: { ko: '아이디 또는 비밀번호가 맞지 않습니다.', en: 'Unknown user or wrong password.' },
  fillBoth: { ko: '아이디와 비밀번호를 입력해 주세요.', en: 'Enter your username and password.' },
} as const;

/** Shows the form in `app`; `onTokens` gets the ID token (and refresh token) of a successful sign-in. */
export function showLocalSignIn(app: HTMLElement, reason: Text | undefined, onTokens: (idToken: string, refreshToken?: string) => void): void {
  const username = h('input', { id: 'username', name: 'username', type: 'text', autocomplete: 'username', 'aria-required': 'true', spellcheck: 'false', autocapitalize: 'none' });
  const password = h('input', { id: 'password', name: 'password', type: 'password', autocomplete: 'current-password', 'aria-required': 'true' });
  const status = h('div', { role: 'status', id: 'sign-in-status' }, reason ? h('p', { class: 'error' }, reason) : null);
  const form = h(
    'form',
    { id: 'sign-in-form', class: 'card narrow', novalidate: true },
    txt('h1', ui.signIn),
    h('div', { class: 'field' }, h('label', { for: 'username' }, ui.username), username),
    h('div', { class: 'field' }, h('label', { for: 'password' }, ui.password), password),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, ui.signIn)),
    status,
  );
  let busy = false;
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (busy) return;
    if (!username.value.trim() || !password.value) return show(status, h('p', { class: 'error' }, ui.fillBoth));
    busy = true;
    show(status, ui.signingIn);
    const result = await callApi<{ idToken?: string; refreshToken?: string }>('POST', SIGN_IN_PATH, { body: { username: username.value.trim(), password: password.value } });
    busy = false;
    if (result.ok && result.body.idToken) return onTokens(result.body.idToken, result.body.refreshToken);
    password.value = '';
    show(status, h('p', { class: 'error', role: 'alert' }, result.ok || result.status === 401 ? ui.badCredentials : result.problem.message));
  });
  show(app, form);
  username.focus();
}
