import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { claimsOf } from '../../../web/src/lib/jwt-claims';
import {
  MIN_RENEWAL_GAP_MS,
  RETRY_AFTER_MS,
  renewalDelayMs,
  renewalDue,
  renewer,
  renewIdToken,
  revokeRefreshToken,
  type TokenEndpoints,
  type TokenStore,
} from '../../../web/src/lib/token-renewal';

const MINUTE = 60_000;
const endpoints: TokenEndpoints = { token: 'https://sign-in.example/oauth2/token', revoke: 'https://sign-in.example/oauth2/revoke', clientId: 'console-client' };

/** An ID token as the page reads it (claims only; the API checks signatures). */
function idToken(issuedAt: number, lifeMs: number, claims: Record<string, unknown> = {}): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return [part({ alg: 'RS256' }), part({ iat: Math.floor(issuedAt / 1000), exp: Math.floor((issuedAt + lifeMs) / 1000), ...claims }), 'signature'].join('.');
}

interface Call {
  url: string;
  form: URLSearchParams;
  keepalive?: boolean;
}

/** Stands in for the token endpoint: records each request and answers with `answer`. */
function fakeFetch(answer: (call: Call) => Response | Promise<Response>) {
  const calls: Call[] = [];
  const fetch = vi.fn(async (url: string | URL, init?: RequestInit) => {
    const call = { url: String(url), form: new URLSearchParams(String(init?.body)), keepalive: init?.keepalive };
    calls.push(call);
    return answer(call);
  });
  vi.stubGlobal('fetch', fetch);
  return calls;
}

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
});

describe('renewIdToken', () => {
  it('asks the token endpoint for a new ID token with the refresh_token grant, as a public client', async () => {
    const fresh = idToken(Date.now(), 60 * MINUTE);
    const calls = fakeFetch(() => json(200, { id_token: fresh, access_token: 'a', token_type: 'Bearer', expires_in: 3600 }));
    expect(await renewIdToken(endpoints, 'refresh-1')).toEqual({ kind: 'renewed', idToken: fresh });
    expect(calls).toHaveLength(1);
    expect(calls[0]!.url).toBe(endpoints.token);
    expect(Object.fromEntries(calls[0]!.form)).toEqual({ grant_type: 'refresh_token', client_id: 'console-client', refresh_token: 'refresh-1' });
  });

  it('takes invalid_grant (a refresh token expired at the end of the day, or revoked) as a refusal', async () => {
    fakeFetch(() => json(400, { error: 'invalid_grant' }));
    expect(await renewIdToken(endpoints, 'revoked')).toEqual({ kind: 'refused' });
  });

  it('takes no answer, a server error or an answer without an ID token as not reached, so the sign-in is kept', async () => {
    fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await renewIdToken(endpoints, 'r')).toEqual({ kind: 'unreachable' });
    fakeFetch(() => json(503, { message: 'Service Unavailable' }));
    expect(await renewIdToken(endpoints, 'r')).toEqual({ kind: 'unreachable' });
    fakeFetch(() => json(200, { access_token: 'a' }));
    expect(await renewIdToken(endpoints, 'r')).toEqual({ kind: 'unreachable' });
  });
});

describe('revokeRefreshToken', () => {
  it('posts the token and the client id to the revocation endpoint, and lets the request outlive the page', async () => {
    const calls = fakeFetch(() => new Response(null, { status: 200 }));
    expect(await revokeRefreshToken(endpoints, 'refresh-1')).toBe(true);
    expect(calls[0]!.url).toBe(endpoints.revoke);
    expect(Object.fromEntries(calls[0]!.form)).toEqual({ token: 'refresh-1', client_id: 'console-client' });
    expect(calls[0]!.keepalive).toBe(true);
  });

  it('answers false, without throwing, when the endpoint cannot be reached', async () => {
    fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await revokeRefreshToken(endpoints, 'refresh-1')).toBe(false);
  });
});

describe('renewalDelayMs', () => {
  const now = Date.parse('2026-11-27T09:00:00Z');

  it('renews an hour-long ID token five minutes before it runs out', () => {
    expect(renewalDelayMs(idToken(now, 60 * MINUTE), now)).toBe(55 * MINUTE);
    expect(renewalDue(idToken(now, 60 * MINUTE), now + 54 * MINUTE)).toBe(false);
    expect(renewalDue(idToken(now, 60 * MINUTE), now + 55 * MINUTE)).toBe(true);
  });

  it('renews at once a token that has run out (a computer that slept through the planned renewal)', () => {
    expect(renewalDelayMs(idToken(now - 2 * 60 * MINUTE, 60 * MINUTE), now)).toBe(0);
  });

  it('renews a token shorter than ten minutes half-way through its life, not at once', () => {
    expect(renewalDelayMs(idToken(now, 2 * MINUTE), now)).toBe(MINUTE);
  });

  it('plans nothing for a token without an expiry', () => {
    expect(renewalDelayMs('not-a-jwt', now)).toBeUndefined();
  });
});

describe('renewer', () => {
  const start = Date.parse('2026-11-27T09:00:00Z');
  let store: TokenStore & { id: string | null; refresh: string | null };
  let ended: number;

  beforeEach(() => {
    vi.useFakeTimers({ now: start });
    store = {
      id: idToken(start, 60 * MINUTE),
      refresh: 'refresh-1',
      idToken: () => store.id,
      refreshToken: () => store.refresh,
      keep: (token) => void (store.id = token),
    };
    ended = 0;
  });

  const make = () => renewer({ store, endpoints: async () => endpoints, onEnded: () => void (ended += 1) });
  const renewed = () => json(200, { id_token: idToken(Date.now(), 60 * MINUTE, { renewed: true }) });

  it('renews the ID token five minutes before it runs out, then plans the next renewal from the new one', async () => {
    const calls = fakeFetch(renewed);
    make().schedule();
    await vi.advanceTimersByTimeAsync(55 * MINUTE - 1);
    expect(calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(1);
    expect(claimsOf(store.id!)?.renewed).toBe(true);
    await vi.advanceTimersByTimeAsync(55 * MINUTE);
    expect(calls).toHaveLength(2);
  });

  it('sends one request for renewals asked at the same time (a 401 on three calls at once)', async () => {
    const calls = fakeFetch(renewed);
    const renewal = make();
    const answers = await Promise.all([renewal.renewNow(), renewal.renewNow(), renewal.renewNow()]);
    expect(calls).toHaveLength(1);
    expect(new Set(answers).size).toBe(1);
    expect(answers[0]).toBe(store.id);
  });

  it('ends the session once when the renewal is refused, and plans nothing more', async () => {
    const calls = fakeFetch(() => json(400, { error: 'invalid_grant' }));
    const renewal = make();
    renewal.schedule();
    await vi.advanceTimersByTimeAsync(55 * MINUTE);
    expect(ended).toBe(1);
    store.refresh = null; // what onEnded does in the page
    await vi.advanceTimersByTimeAsync(120 * MINUTE);
    expect(calls).toHaveLength(1);
    expect(ended).toBe(1);
  });

  it('tries again shortly when the token endpoint does not answer, while the ID token still works', async () => {
    let down = true;
    const calls = fakeFetch(() => (down ? Promise.reject(new TypeError('Failed to fetch')) : renewed()));
    make().schedule();
    await vi.advanceTimersByTimeAsync(55 * MINUTE);
    expect(calls).toHaveLength(1);
    expect(ended).toBe(0);
    down = false;
    await vi.advanceTimersByTimeAsync(RETRY_AFTER_MS);
    expect(calls).toHaveLength(2);
    expect(claimsOf(store.id!)?.renewed).toBe(true);
  });

  it('drops an answer that arrives after sign-out', async () => {
    let answer: (response: Response) => void = () => {};
    fakeFetch(() => new Promise<Response>((resolve) => (answer = resolve)));
    const before = store.id;
    const pending = make().renewNow();
    await vi.advanceTimersByTimeAsync(0);
    store.refresh = null;
    answer(await renewed());
    expect(await pending).toBeUndefined();
    expect(store.id).toBe(before);
  });

  it('does not renew in a loop a token that looks out of date on arrival (a clock far ahead)', async () => {
    const calls = fakeFetch(() => json(200, { id_token: idToken(Date.now() - 3 * 60 * MINUTE, 60 * MINUTE) }));
    store.id = idToken(start - 3 * 60 * MINUTE, 60 * MINUTE);
    make().schedule();
    await vi.advanceTimersByTimeAsync(MIN_RENEWAL_GAP_MS * 3 - 1);
    // At once, then every MIN_RENEWAL_GAP_MS: three in the first 30 seconds, not thousands.
    expect(calls).toHaveLength(3);
  });
});
