/**
 * Sign-in through Cognito's hosted pages (AWS): the page redirects to `/oauth2/authorize` with a PKCE
 * challenge, `state` and `nonce`; Cognito asks for the password and the authenticator app's code
 * (MFA is required for staff) and sends the browser back to the page with `?code=…&state=…`; the page
 * checks `state`, trades the code and its verifier for tokens at `/oauth2/token` (a public client:
 * no secret, the verifier proves it is the same tab) and keeps the ID token and the refresh token,
 * which renews the ID token through the day (token-renewal.ts) until sign-out revokes it.
 */
import type { Text } from '../../../forms/i18n';
import { h, show, txt } from './dom';
import { claimsOf } from './jwt-claims';
import { codeChallengeOf, randomToken, stateMatches } from './pkce';
import type { HostedSignIn, StaffPage } from './site-config';
import type { TokenEndpoints } from './token-renewal';

const ui = {
  signIn: { ko: '로그인', en: 'Sign in' },
  how: {
    ko: '돌봄 직원 로그인 화면으로 이동합니다. 비밀번호와 인증 앱의 6자리 코드가 필요합니다.',
    en: "You will go to the Dolbom staff sign-in page. You need your password and the 6-digit code from your authenticator app.",
  },
  checking: { ko: '로그인을 마무리하는 중입니다…', en: 'Finishing sign-in…' },
  stateMismatch: {
    ko: '이 창에서 시작한 로그인이 아니어서 받지 않았습니다. 다시 로그인해 주세요.',
    en: 'That sign-in was not started in this window, so it was not accepted. Please sign in again.',
  },
  denied: { ko: '로그인이 취소되었거나 거부되었습니다. 다시 시도해 주세요.', en: 'Sign-in was cancelled or refused. Please try again.' },
  exchangeFailed: {
    ko: '로그인을 마무리하지 못했습니다. 잠시 후 다시 로그인해 주세요.',
    en: 'Sign-in could not be finished. Please sign in again shortly.',
  },
} as const satisfies Record<string, Text>;

/** What the tab keeps between leaving for the hosted page and coming back (sessionStorage: this tab only). */
interface PendingSignIn {
  verifier: string;
  state: string;
  nonce: string;
  /** The view that was open (`#/applications/…`), to land on again. */
  hash: string;
}

export type SignInAnswer =
  | { kind: 'none' }
  | { kind: 'signed-in'; idToken: string; refreshToken?: string }
  | { kind: 'refused'; reason: Text };

/** Shows the sign-in card; its button leaves for the hosted page. */
export function showHostedSignIn(app: HTMLElement, config: HostedSignIn, page: StaffPage, pendingKey: string, reason?: Text): void {
  const button = h('button', { type: 'button', id: 'sign-in-start' }, ui.signIn);
  button.addEventListener('click', () => void redirectToSignIn(config, page, pendingKey));
  show(
    app,
    h(
      'section',
      { id: 'sign-in-card', class: 'card narrow' },
      txt('h1', ui.signIn),
      reason ? h('p', { class: 'error', role: 'alert' }, reason) : null,
      txt('p', ui.how),
      h('div', { class: 'actions' }, button),
    ),
  );
  button.focus();
}

/** The address of the hosted page for a fresh sign-in; the tab remembers the verifier, state and nonce. */
export async function authorizeUrl(config: HostedSignIn, page: StaffPage, pendingKey: string): Promise<string> {
  const pending: PendingSignIn = { verifier: randomToken(32), state: randomToken(16), nonce: randomToken(16), hash: location.hash };
  sessionStorage.setItem(pendingKey, JSON.stringify(pending));
  const url = new URL('/oauth2/authorize', config.domain);
  url.search = new URLSearchParams({
    response_type: 'code',
    client_id: config.clientId,
    redirect_uri: config.redirectUris[page],
    scope: 'openid email profile',
    state: pending.state,
    nonce: pending.nonce,
    code_challenge: await codeChallengeOf(pending.verifier),
    code_challenge_method: 'S256',
  }).toString();
  return url.toString();
}

async function redirectToSignIn(config: HostedSignIn, page: StaffPage, pendingKey: string): Promise<void> {
  location.assign(await authorizeUrl(config, page, pendingKey));
}

/**
 * On the way back from the hosted page: checks `state`, trades the code for tokens and returns the
 * ID token; `none` when the address carries no answer. The code and state leave the address bar
 * (and the history) whatever the outcome: a code is good once, and never for another tab.
 */
export async function completeHostedSignIn(config: HostedSignIn, page: StaffPage, pendingKey: string, showWaiting: (text: Text) => void): Promise<SignInAnswer> {
  const params = new URLSearchParams(location.search);
  const code = params.get('code');
  const error = params.get('error');
  if (!code && !error) return { kind: 'none' };
  const pending = readPending(pendingKey);
  sessionStorage.removeItem(pendingKey);
  history.replaceState(null, '', location.pathname + (pending?.hash ?? ''));
  if (!pending || !stateMatches(pending.state, params.get('state'))) return { kind: 'refused', reason: ui.stateMismatch };
  if (error || !code) return { kind: 'refused', reason: ui.denied };
  showWaiting(ui.checking);
  let tokens: { id_token?: unknown; refresh_token?: unknown } | undefined;
  try {
    const response = await fetch(new URL('/oauth2/token', config.domain), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: config.clientId,
        code,
        redirect_uri: config.redirectUris[page],
        code_verifier: pending.verifier,
      }),
    });
    if (response.ok) tokens = (await response.json()) as typeof tokens;
  } catch {
    tokens = undefined;
  }
  const idToken = typeof tokens?.id_token === 'string' ? tokens.id_token : undefined;
  // The nonce ties the ID token to this sign-in, as the state ties the code to it.
  if (!idToken || claimsOf(idToken)?.nonce !== pending.nonce) return { kind: 'refused', reason: ui.exchangeFailed };
  return { kind: 'signed-in', idToken, refreshToken: typeof tokens?.refresh_token === 'string' ? tokens.refresh_token : undefined };
}

/** Where the ID token is renewed and the refresh token revoked: the Cognito domain's OAuth endpoints. */
export function hostedTokenEndpoints(config: HostedSignIn): TokenEndpoints {
  return {
    token: new URL('/oauth2/token', config.domain).toString(),
    revoke: new URL('/oauth2/revoke', config.domain).toString(),
    clientId: config.clientId,
  };
}

/** Where "sign out" goes: Cognito ends its own session too, then sends the browser back to the page. */
export function signOutUrl(config: HostedSignIn, page: StaffPage): string {
  const url = new URL('/logout', config.domain);
  url.search = new URLSearchParams({ client_id: config.clientId, logout_uri: config.redirectUris[page] }).toString();
  return url.toString();
}

function readPending(key: string): PendingSignIn | undefined {
  try {
    const value = JSON.parse(sessionStorage.getItem(key) ?? 'null') as Partial<PendingSignIn> | null;
    if (value && typeof value.verifier === 'string' && typeof value.state === 'string' && typeof value.nonce === 'string') {
      return { verifier: value.verifier, state: value.state, nonce: value.nonce, hash: typeof value.hash === 'string' ? value.hash : '' };
    }
  } catch {
    /* a damaged entry is no pending sign-in */
  }
  return undefined;
}
