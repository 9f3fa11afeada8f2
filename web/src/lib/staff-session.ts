/**
 * A staff page's sign-in session: the ID token in sessionStorage (gone when the tab closes), the
 * header's "who" and sign-out, and API calls that end the session on a 401. Each page keeps its own
 * token (`tokenKey`), so one tab's console and portal never mix. How one signs in comes from
 * config.json (site-config.ts): Cognito's hosted pages in AWS (hosted-sign-in.ts), the local
 * issuer's form under `npm start` (local-sign-in.ts, loaded only then).
 */
import type { Text } from '../../../forms/i18n';
import { callApi, type ApiResult } from './api';
import { h, show } from './dom';
import { completeHostedSignIn, showHostedSignIn, signOutUrl } from './hosted-sign-in';
import { claimsOf } from './jwt-claims';
import { siteConfig, type StaffPage } from './site-config';

const ui = {
  expired: { ko: '로그인이 만료되었습니다. 다시 로그인해 주세요.', en: 'Your session has ended. Please sign in again.' },
  noConfig: {
    ko: '로그인 설정을 불러오지 못했습니다. 페이지를 새로 고쳐 주세요.',
    en: 'The sign-in settings could not be loaded. Please reload the page.',
  },
} as const;

export interface StaffSession {
  /** The current ID token, or null when signed out or expired. */
  token(): string | null;
  /** The token's claims, for display only (the API verifies the signature). */
  claims(): Record<string, unknown> | undefined;
  /**
   * Shows how to sign in in `app` (or, back from Cognito's hosted page, finishes the sign-in);
   * `onSignedIn` runs after a successful sign-in.
   */
  showSignIn(reason?: Text): Promise<void>;
  signOut(reason?: Text): void;
  /** An API call with the token (and `headers`, e.g. an Idempotency-Key); a 401 (or no token) ends the session and answers undefined. */
  api<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResult<T> | undefined>;
}

export function staffSession(options: {
  /** Which page signs in: picks its callback address in AWS. */
  page: StaffPage;
  tokenKey: string;
  app: HTMLElement;
  who: HTMLElement;
  signOutButton: HTMLButtonElement;
  onSignedIn: () => void;
  /** Name the signed-in person's groups beside their name (the console, where several groups sign in). */
  showGroups?: boolean;
}): StaffSession {
  const { page, tokenKey, app, who, signOutButton, onSignedIn, showGroups = false } = options;
  const pendingKey = `${tokenKey}.pending`;

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
    void showSignIn(reason);
  }

  function signedIn(idToken: string): void {
    sessionStorage.setItem(tokenKey, idToken);
    showWho();
    onSignedIn();
  }

  async function showSignIn(reason?: Text): Promise<void> {
    let config;
    try {
      config = (await siteConfig()).signIn;
    } catch {
      return show(app, h('p', { class: 'error', role: 'alert' }, ui.noConfig));
    }
    if (config.kind === 'local') {
      // A chunk of its own, left out of the deployed build (web/build.ts).
      const { showLocalSignIn } = await import('./local-sign-in');
      // Signed in while the form was loading (a token set by this tab): the view shown since stays.
      if (token()) return;
      return showLocalSignIn(app, reason, signedIn);
    }
    const answer = await completeHostedSignIn(config, page, pendingKey, (text) => show(app, h('p', { role: 'status' }, text)));
    if (answer.kind === 'signed-in') return signedIn(answer.idToken);
    if (token()) return;
    showHostedSignIn(app, config, page, pendingKey, answer.kind === 'refused' ? answer.reason : reason);
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

  signOutButton.addEventListener('click', async () => {
    signOut();
    // What was open (a case, a view) is not the next person's to land on.
    history.replaceState(null, '', location.pathname);
    // In AWS Cognito's own session ends too, or the next person at this desk would be let in without a password.
    const config = (await siteConfig().catch(() => undefined))?.signIn;
    if (config?.kind === 'cognito') location.assign(signOutUrl(config, page));
  });
  showWho();
  return { token, claims, showSignIn, signOut, api };
}
