/**
 * A staff page's sign-in session: the local issuer's sign-in form, the ID token in sessionStorage
 * (gone when the tab closes), the header's "who" and sign-out, and API calls that end the session on
 * a 401. Each page keeps its own token (`tokenKey`), so one tab's console and portal never mix.
 */
import type { Text } from '../../../forms/i18n';
import { callApi, type ApiResult } from './api';
import { h, show, txt } from './dom';

/** Local cloud sign-in (the local issuer of Cognito-shaped ID tokens). */
const SIGN_IN_PATH = '/local/auth/sign-in';

const ui = {
  signIn: { ko: '로그인', en: 'Sign in' },
  username: { ko: '아이디', en: 'Username' },
  password: { ko: '비밀번호', en: 'Password' },
  signingIn: { ko: '로그인하는 중입니다…', en: 'Signing in…' },
  badCredentials: { ko: '아이디 또는 비밀번호가 맞지 않습니다.', en: 'Unknown user or wrong password.' },
  expired: { ko: '로그인이 만료되었습니다. 다시 로그인해 주세요.', en: 'Your session has ended. Please sign in again.' },
  fillBoth: { ko: '아이디와 비밀번호를 입력해 주세요.', en: 'Enter your username and password.' },
} as const;

export interface StaffSession {
  /** The current ID token, or null when signed out or expired. */
  token(): string | null;
  /** The token's claims, for display only (the API verifies the signature). */
  claims(): Record<string, unknown> | undefined;
  /** Shows the sign-in form in `app`; `onSignedIn` runs after a successful sign-in. */
  showSignIn(reason?: Text): void;
  signOut(reason?: Text): void;
  /** An API call with the token (and `headers`, e.g. an Idempotency-Key); a 401 (or no token) ends the session and answers undefined. */
  api<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResult<T> | undefined>;
}

function claimsOf(jwt: string): Record<string, unknown> | undefined {
  try {
    const payload = jwt.split('.')[1] ?? '';
    const binary = atob(payload.replace(/-/g, '+').replace(/_/g, '/'));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(binary, (c) => c.charCodeAt(0)))) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

export function staffSession(options: {
  tokenKey: string;
  app: HTMLElement;
  who: HTMLElement;
  signOutButton: HTMLButtonElement;
  onSignedIn: () => void;
  /** Name the signed-in person's groups beside their name (the console, where several groups sign in). */
  showGroups?: boolean;
}): StaffSession {
  const { tokenKey, app, who, signOutButton, onSignedIn, showGroups = false } = options;

  function token(): string | null {
    const value = sessionStorage.getItem(tokenKey);
    if (!value) return null;
    const exp = claimsOf(value)?.exp;
    if (typeof exp === 'number' && exp * 1000 < Date.now()) {
      sessionStorage.removeItem(tokenKey);
      return null;
    }
    return value;
  }

  function claims() {
    const current = token();
    return current ? claimsOf(current) : undefined;
  }

  function showWho(): void {
    const current = claims();
    signOutButton.hidden = !current;
    const groups = current?.['cognito:groups'];
    const groupNames = showGroups && Array.isArray(groups) ? ` · ${groups.join(', ')}` : '';
    who.textContent = current ? `${String(current.name ?? current.sub ?? '')}${groupNames}` : '';
  }

  function signOut(reason?: Text): void {
    sessionStorage.removeItem(tokenKey);
    showWho();
    showSignIn(reason);
  }

  function showSignIn(reason?: Text): void {
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
      const result = await callApi<{ idToken?: string }>('POST', SIGN_IN_PATH, { body: { username: username.value.trim(), password: password.value } });
      busy = false;
      if (result.ok && result.body.idToken) {
        sessionStorage.setItem(tokenKey, result.body.idToken);
        showWho();
        onSignedIn();
        return;
      }
      password.value = '';
      show(status, h('p', { class: 'error', role: 'alert' }, result.ok || result.status === 401 ? ui.badCredentials : result.problem.message));
    });
    show(app, form);
    username.focus();
  }

  async function api<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResult<T> | undefined> {
    const current = token();
    if (!current) {
      signOut(ui.expired);
      return undefined;
    }
    const result = await callApi<T>(method, path, { body, headers: { ...headers, authorization: `Bearer ${current}` } });
    if (!result.ok && result.status === 401) {
      signOut(ui.expired);
      return undefined;
    }
    return result;
  }

  signOutButton.addEventListener('click', () => {
    signOut();
    // What was open (a case, a view) is not the next person's to land on.
    history.replaceState(null, '', location.pathname);
  });
  showWho();
  return { token, claims, showSignIn, signOut, api };
}
