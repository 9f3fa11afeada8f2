/**
 * A staff page's sign-in session: the ID token and the refresh token in sessionStorage (gone when the
 * tab closes), the header's "who" and sign-out, and API calls that renew the ID token before it runs
 * out (token-renewal.ts) and end the session only when renewal is refused. Each page keeps its own
 * tokens (`tokenKey`), so one tab's console and portal never mix. How one signs in comes from
 * config.json (site-config.ts): Cognito's hosted pages in AWS (hosted-sign-in.ts), the local
 * issuer's form under `npm start` (local-sign-in.ts, loaded only then); renewal and sign-out are the
 * same requests to either.
 */
import type { Text } from '../../../forms/i18n';
import { staffTokenLifetimes } from '../../../functions/commons/staff-token-lifetimes';
import { callApi, type ApiResult, type Problem } from './api';
import { h, show } from './dom';
import { completeHostedSignIn, hostedTokenEndpoints, showHostedSignIn, signOutUrl } from './hosted-sign-in';
import { claimsOf } from './jwt-claims';
import { siteConfig, type StaffPage } from './site-config';
import { renewalDue, renewer, revokeRefreshToken, type TokenEndpoints } from './token-renewal';

const hours = staffTokenLifetimes.refreshTokenHours;

const ui = {
  expired: { ko: '로그인이 만료되었습니다. 다시 로그인해 주세요.', en: 'Your session has ended. Please sign in again.' },
  renewalRefused: {
    ko: `로그인이 끝났습니다. 로그인은 ${hours}시간 동안 유지되며, 관리자가 그 전에 끝낼 수도 있습니다. 다시 로그인해 주세요.`,
    en: `Your sign-in has ended: a sign-in lasts ${hours} hours, or less if an administrator ends it. Please sign in again.`,
  },
  noConfig: {
    ko: '로그인 설정을 불러오지 못했습니다. 페이지를 새로 고쳐 주세요.',
    en: 'The sign-in settings could not be loaded. Please reload the page.',
  },
} as const;

/** An API call's answer when the ID token is out of date and the sign-in server did not answer its renewal. */
const renewalUnreachable: Problem = {
  code: 'network',
  message: {
    ko: '로그인을 연장하지 못했습니다(로그인 서버에 연결하지 못함). 인터넷 연결을 확인하고 다시 시도해 주세요.',
    en: 'Your sign-in could not be renewed (the sign-in server did not answer). Check your connection and try again.',
  },
  fields: [],
};

export interface StaffSession {
  /** The current ID token, or null when signed out or expired. */
  token(): string | null;
  /** The token's claims, for display only (the API verifies the signature). */
  claims(): Record<string, unknown> | undefined;
  /**
   * Shows how to sign in in `app` (or, back from Cognito's hosted page, finishes the sign-in; or, with
   * a refresh token left from this tab's sign-in, renews silently); `onSignedIn` runs after a sign-in.
   */
  showSignIn(reason?: Text): Promise<void>;
  signOut(reason?: Text): void;
  /**
   * An API call with the token (and `headers`, e.g. an Idempotency-Key), renewed first when it is out
   * of date; a 401 renews once and tries again, and ends the session (answering undefined) only if
   * that fails too.
   */
  api<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResult<T> | undefined>;
  /** The same for a call `api` cannot make (a file download): `call` gets the token; `rejected` says whether its answer is a 401. */
  authorized<R>(call: (idToken: string) => Promise<R>, rejected: (answer: R) => boolean, unreachable: R): Promise<R | undefined>;
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
  // The refresh token lives where the ID token does, in this tab's sessionStorage, never localStorage:
  // localStorage outlives the tab and the browser, so a day's sign-in would stay on a shared district
  // office computer after the tab is closed, open to the next person and to every other tab of the site.
  const refreshKey = `${tokenKey}.refresh`;
  /** Counts the times the session ended, so a call that was waiting does not end a newer one. */
  let endings = 0;

  const renewal = renewer({
    store: {
      idToken: () => sessionStorage.getItem(tokenKey),
      refreshToken: () => sessionStorage.getItem(refreshKey),
      keep: (idToken) => {
        sessionStorage.setItem(tokenKey, idToken);
        showWho();
      },
    },
    endpoints: tokenEndpoints,
    onEnded: () => signOut(ui.renewalRefused),
  });

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

  /** Forgets the tab's tokens; answers the refresh token it held, for sign-out to revoke. */
  function forget(): string | null {
    const refreshToken = sessionStorage.getItem(refreshKey);
    endings += 1;
    renewal.stop();
    sessionStorage.removeItem(tokenKey);
    sessionStorage.removeItem(refreshKey);
    return refreshToken;
  }

  function signOut(reason?: Text): void {
    const refreshToken = forget();
    // Ended without the button (a refusal, a 401): the refresh token, if any, is no good to anyone now.
    if (refreshToken) void revoke(refreshToken);
    showWho();
    void showSignIn(reason);
  }

  function signedIn(idToken: string, refreshToken?: string): void {
    sessionStorage.setItem(tokenKey, idToken);
    if (refreshToken) sessionStorage.setItem(refreshKey, refreshToken);
    else sessionStorage.removeItem(refreshKey);
    renewal.schedule();
    showWho();
    onSignedIn();
  }

  async function tokenEndpoints(): Promise<TokenEndpoints> {
    const config = (await siteConfig()).signIn;
    if (config.kind === 'cognito') return hostedTokenEndpoints(config);
    const { localTokenEndpoints } = await import('./local-sign-in');
    return localTokenEndpoints(config);
  }

  async function revoke(refreshToken: string): Promise<void> {
    const endpoints = await tokenEndpoints().catch(() => undefined);
    if (endpoints) await revokeRefreshToken(endpoints, refreshToken);
  }

  async function showSignIn(reason?: Text): Promise<void> {
    let config;
    try {
      config = (await siteConfig()).signIn;
    } catch {
      return show(app, h('p', { class: 'error', role: 'alert' }, ui.noConfig));
    }
    const answerFromCognito = /[?&](code|error)=/.test(location.search);
    // Renewed while the settings loaded (the planned renewal of a computer waking up): on to the view.
    if (token() && !answerFromCognito) return onSignedIn();
    // Back to a tab whose ID token ran out (a reload, a night's sleep of the computer): renew silently
    // while its sign-in lasts; a refusal ends it and comes back here with the reason.
    if (sessionStorage.getItem(refreshKey) && !answerFromCognito) {
      const ending = endings;
      if (await renewal.renewNow()) return onSignedIn();
      // Refused: signOut has shown the sign-in with its reason. Not reached: sign in again, or retry later.
      if (ending !== endings || token()) return;
      reason ??= renewalUnreachable.message;
    }
    if (config.kind === 'local') {
      // A chunk of its own, left out of the deployed build (web/build.ts).
      const { showLocalSignIn } = await import('./local-sign-in');
      // Signed in while the form was loading (a token set by this tab): the view shown since stays.
      if (token()) return;
      return showLocalSignIn(app, reason, signedIn);
    }
    const answer = await completeHostedSignIn(config, page, pendingKey, (text) => show(app, h('p', { role: 'status' }, text)));
    if (answer.kind === 'signed-in') return signedIn(answer.idToken, answer.refreshToken);
    if (token()) return;
    showHostedSignIn(app, config, page, pendingKey, answer.kind === 'refused' ? answer.reason : reason);
  }

  /** The ID token to send now: renewed first when it is out of date or about to be; null when signed out. */
  async function freshToken(): Promise<string | null | 'unreachable'> {
    const current = sessionStorage.getItem(tokenKey);
    if (current && !renewalDue(current, Date.now())) return current;
    if (!sessionStorage.getItem(refreshKey)) return token();
    const renewed = await renewal.renewNow();
    if (renewed) return renewed;
    // Not renewed: what is left of the current token, if anything; else the server was not reached
    // (the session goes on) or the renewal was refused (the session has ended).
    return token() ?? (sessionStorage.getItem(refreshKey) ? 'unreachable' : null);
  }

  async function authorized<R>(call: (idToken: string) => Promise<R>, rejected: (answer: R) => boolean, unreachable: R): Promise<R | undefined> {
    const ending = endings;
    const endSession = () => {
      // Already ended while this call waited (a refused renewal said why): leave that reason on screen.
      if (ending === endings) signOut(ui.expired);
      return undefined;
    };
    const current = await freshToken();
    if (current === 'unreachable') return unreachable;
    if (!current) return endSession();
    const first = await call(current);
    if (!rejected(first)) return first;
    // A 401 for a token that looked good (its keys rotated, this computer's clock wrong): renew once
    // and try again. The API's authorizer answered, not a handler, so the request did nothing and may go again.
    const renewed = sessionStorage.getItem(refreshKey) ? await renewal.renewNow() : undefined;
    if (renewed) {
      const second = await call(renewed);
      if (!rejected(second)) return second;
    }
    return endSession();
  }

  function api<T>(method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResult<T> | undefined> {
    return authorized(
      (idToken) => callApi<T>(method, path, { body, headers: { ...headers, authorization: `Bearer ${idToken}` } }),
      (result) => !result.ok && result.status === 401,
      { ok: false, status: 0, problem: renewalUnreachable },
    );
  }

  signOutButton.addEventListener('click', async () => {
    const refreshToken = forget();
    showWho();
    void showSignIn();
    // What was open (a case, a view) is not the next person's to land on.
    history.replaceState(null, '', location.pathname);
    // The day's sign-in ends here: revoked before leaving, so it renews nothing even if copied.
    if (refreshToken) await revoke(refreshToken);
    // In AWS Cognito's own session ends too, or the next person at this desk would be let in without a password.
    const config = (await siteConfig().catch(() => undefined))?.signIn;
    if (config?.kind === 'cognito') location.assign(signOutUrl(config, page));
  });
  showWho();
  // A tab reloaded during its sign-in: plan the next renewal from the token it kept (one already out
  // of date is renewed by the sign-in step the page goes to).
  if (token()) renewal.schedule();
  return { token, claims, showSignIn, signOut, api, authorized };
}
