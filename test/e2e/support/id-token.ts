/**
 * An ID token as the console and the portal read it from sign-in: a JWT whose claims they show and
 * whose expiry they respect. Unsigned — the fake backend of the browser tests checks no signature;
 * the tests against a real local cloud sign in through its issuer instead.
 */
export function unsignedIdToken(claims: Record<string, unknown>, lifetimeSeconds = 3600): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return [part({ alg: 'HS256' }), part({ exp: Math.floor(Date.now() / 1000) + lifetimeSeconds, ...claims }), 'signature'].join('.');
}
