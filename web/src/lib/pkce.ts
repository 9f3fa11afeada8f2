/**
 * The pieces of an authorization code grant with PKCE (RFC 7636) that the browser computes itself:
 * a secret verifier kept in the tab, its SHA-256 challenge sent with the redirect, and the `state`
 * that ties the answer to the request this tab made (so a code planted by another site is refused).
 */

/** Base64url without padding (RFC 4648 §5), as PKCE and JWTs use it. */
export function base64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** A random value of `bytes` bytes, base64url: 32 bytes give the 43 characters RFC 7636 asks of a verifier. */
export function randomToken(bytes = 32): string {
  return base64Url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** `code_challenge` for the S256 method: base64url(SHA-256(ASCII(verifier))). */
export async function codeChallengeOf(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64Url(new Uint8Array(digest));
}

/**
 * Whether the `state` that came back is the one this tab sent. Missing on either side is a
 * mismatch: an answer this tab never asked for, or asked for in another tab, is not taken.
 */
export function stateMatches(sent: string | null | undefined, received: string | null | undefined): boolean {
  if (!sent || !received || sent.length !== received.length) return false;
  let difference = 0;
  for (let i = 0; i < sent.length; i++) difference |= sent.charCodeAt(i) ^ received.charCodeAt(i);
  return difference === 0;
}
