/**
 * Silent renewal of a staff member's ID token with the refresh token their sign-in handed out: the
 * OAuth 2.0 `refresh_token` grant at the token endpoint, and revocation (RFC 7009) at sign-out. Cognito's
 * `/oauth2/token` and `/oauth2/revoke` in AWS; the local issuer answers the same requests under
 * `npm start` (token-endpoint.ts beside the local issuer), so this is the one code path for both.
 *
 * The refresh token lasts a working day (functions/commons/staff-token-lifetimes.ts); the ID token an hour, and the
 * page renews it a few minutes before it runs out, so a case manager signs in once a day.
 */
import { claimsOf } from './jwt-claims';

/** Where a page renews and revokes, and as which client (a public client: no secret). */
export interface TokenEndpoints {
  token: string;
  revoke: string;
  clientId: string;
}

export type Renewal =
  | { kind: 'renewed'; idToken: string }
  /** The refresh token is no longer good (expired at the end of the day, revoked, or unknown): sign in again. */
  | { kind: 'refused' }
  /** No answer, or a server error: the refresh token may still be good; try again shortly. */
  | { kind: 'unreachable' };

/** Renew this much before the ID token runs out, so a request on its way never carries a stale one. */
export const RENEW_BEFORE_EXPIRY_MS = 5 * 60 * 1000;
/** After an unanswered renewal, try again this much later (while the ID token still works). */
export const RETRY_AFTER_MS = 30 * 1000;
/**
 * The least time between two planned renewals: a token that looks out of date as soon as it arrives
 * (this computer's clock far ahead of the server's) is renewed on use, not in a tight loop.
 */
export const MIN_RENEWAL_GAP_MS = 10 * 1000;
/** A renewal or revocation that takes longer is given up (a sign-out should not hang on it). */
const REQUEST_TIMEOUT_MS = 10 * 1000;

/**
 * `grant_type=refresh_token` at the token endpoint: a new ID token, or why not. A 4xx is a refusal
 * (Cognito answers `400 invalid_grant` for an expired or revoked refresh token); anything else is
 * treated as not reached, so a passing outage does not end the day's sign-in.
 */
export async function renewIdToken(endpoints: TokenEndpoints, refreshToken: string): Promise<Renewal> {
  let response: Response;
  try {
    response = await fetch(endpoints.token, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', client_id: endpoints.clientId, refresh_token: refreshToken }),
      cache: 'no-store',
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
  } catch {
    return { kind: 'unreachable' };
  }
  if (response.status >= 400 && response.status < 500) return { kind: 'refused' };
  if (!response.ok) return { kind: 'unreachable' };
  const body = (await response.json().catch(() => undefined)) as { id_token?: unknown } | undefined;
  const idToken = typeof body?.id_token === 'string' ? body.id_token : undefined;
  if (!idToken || !expiryOf(idToken)) return { kind: 'unreachable' };
  return { kind: 'renewed', idToken };
}

/**
 * Revokes the refresh token at sign-out (and with it the tokens it issued, as far as Cognito's own APIs
 * are concerned). `keepalive` lets it finish while the page goes on to Cognito's logout. Best effort:
 * the tab forgets the token whatever the answer. Like the renewal, a form POST with no header of its
 * own: a CORS "simple" request, sent without a preflight, so it reaches Cognito even should an
 * answer come back that the page may not read.
 */
export async function revokeRefreshToken(endpoints: TokenEndpoints, refreshToken: string): Promise<boolean> {
  try {
    const response = await fetch(endpoints.revoke, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: refreshToken, client_id: endpoints.clientId }),
      cache: 'no-store',
      keepalive: true,
      signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
    });
    return response.ok;
  } catch {
    return false;
  }
}

/** The ID token's expiry in epoch milliseconds, or undefined when it has none. */
export function expiryOf(idToken: string): number | undefined {
  const exp = claimsOf(idToken)?.exp;
  return typeof exp === 'number' ? exp * 1000 : undefined;
}

/**
 * How long from `now` until the ID token should be renewed: a few minutes before it runs out (half its
 * life, for a token shorter than twice that), or at once when that time has passed. A token of unknown
 * expiry is not scheduled.
 */
export function renewalDelayMs(idToken: string, now: number): number | undefined {
  const claims = claimsOf(idToken);
  const expiry = expiryOf(idToken);
  if (expiry === undefined) return undefined;
  const issued = typeof claims?.iat === 'number' ? claims.iat * 1000 : undefined;
  const margin = issued !== undefined && issued < expiry ? Math.min(RENEW_BEFORE_EXPIRY_MS, (expiry - issued) / 2) : RENEW_BEFORE_EXPIRY_MS;
  return Math.max(0, expiry - margin - now);
}

/** Whether the ID token is due for renewal before it is sent (out of date, or about to be). */
export function renewalDue(idToken: string, now: number): boolean {
  return renewalDelayMs(idToken, now) === 0;
}

/** Where the tab keeps its tokens (sessionStorage in the pages, a map in the unit tests). */
export interface TokenStore {
  idToken(): string | null;
  refreshToken(): string | null;
  keep(idToken: string): void;
}

export interface Renewer {
  /**
   * A renewal now; concurrent callers share one request. Answers the new ID token, or undefined when the
   * refresh token is missing or refused (then `onEnded` has run) or the endpoint cannot be reached.
   */
  renewNow(): Promise<string | undefined>;
  /** Plans the next renewal from the current ID token's expiry (replaces any planned one). */
  schedule(): void;
  /** Cancels the planned renewal (sign-out). */
  stop(): void;
}

/**
 * Renews the tab's ID token before it runs out, and on demand (a 401, a token found out of date after
 * the computer slept through the planned renewal). A refusal calls `onEnded`: the page then asks to
 * sign in again, with a reason.
 */
export function renewer(options: {
  store: TokenStore;
  endpoints: () => Promise<TokenEndpoints>;
  onEnded: () => void;
  now?: () => number;
}): Renewer {
  const { store, endpoints, onEnded, now = Date.now } = options;
  let inFlight: Promise<string | undefined> | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function stop(): void {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  }

  function planIn(delay: number): void {
    stop();
    timer = setTimeout(() => {
      timer = undefined;
      void renewNow().then((idToken) => {
        // Not reached: again shortly, while the current token still works (after that, the next call renews on demand).
        if (!idToken && store.refreshToken() && timer === undefined) {
          const current = store.idToken();
          const expiry = current ? expiryOf(current) : undefined;
          if (expiry !== undefined && expiry > now() + RETRY_AFTER_MS) planIn(RETRY_AFTER_MS);
        }
      });
    }, delay);
  }

  function schedule(afterRenewal = false): void {
    const current = store.idToken();
    const delay = current && store.refreshToken() ? renewalDelayMs(current, now()) : undefined;
    if (delay === undefined) return stop();
    planIn(afterRenewal ? Math.max(delay, MIN_RENEWAL_GAP_MS) : delay);
  }

  async function renew(): Promise<string | undefined> {
    const refreshToken = store.refreshToken();
    if (!refreshToken) return undefined;
    const where = await endpoints().catch(() => undefined);
    const answer: Renewal = where ? await renewIdToken(where, refreshToken) : { kind: 'unreachable' };
    // Signed out (or signed in again) while the request was out: its answer belongs to no one now.
    if (store.refreshToken() !== refreshToken) return undefined;
    if (answer.kind === 'refused') {
      stop();
      onEnded();
      return undefined;
    }
    if (answer.kind === 'unreachable') return undefined;
    store.keep(answer.idToken);
    schedule(true);
    return answer.idToken;
  }

  function renewNow(): Promise<string | undefined> {
    inFlight ??= renew().finally(() => {
      inFlight = undefined;
    });
    return inFlight;
  }

  return { renewNow, schedule: () => schedule(), stop };
}
