/**
 * The local issuer's stand-ins for Cognito's `/oauth2/token` (the `refresh_token` grant only: the local
 * sign-in form posts the password itself) and `/oauth2/revoke`, with the same form-encoded requests
 * and the same answers, so the pages renew and sign out through one code path in both places
 * (web/src/lib/token-renewal.ts). Paths under `/local/auth/`, which no deployed page knows.
 */
import { AUDIENCE, type LocalIdentity } from './identity';

export const LOCAL_TOKEN_PATH = '/local/auth/token';
export const LOCAL_REVOKE_PATH = '/local/auth/revoke';

export interface TokenEndpointAnswer {
  status: number;
  /** JSON, or nothing (a revocation answers 200 with an empty body, as Cognito's does). */
  body?: unknown;
}

/** The answer to a POST of `form` (the request body, `application/x-www-form-urlencoded`) to `path`; undefined for another path. */
export async function answerTokenRequest(identity: LocalIdentity, path: string, form: string): Promise<TokenEndpointAnswer | undefined> {
  if (path !== LOCAL_TOKEN_PATH && path !== LOCAL_REVOKE_PATH) return undefined;
  const params = new URLSearchParams(form);
  // Cognito's public client is named by client_id in the body; a request for another client is refused.
  if (params.get('client_id') !== AUDIENCE) return { status: 400, body: { error: 'invalid_client' } };
  if (path === LOCAL_REVOKE_PATH) {
    const token = params.get('token');
    if (!token) return { status: 400, body: { error: 'invalid_request' } };
    await identity.revoke(token);
    return { status: 200 };
  }
  if (params.get('grant_type') !== 'refresh_token') return { status: 400, body: { error: 'unsupported_grant_type' } };
  const idToken = await identity.refresh(params.get('refresh_token') ?? '');
  // Expired, revoked or forged: Cognito answers invalid_grant, and the page asks to sign in again.
  if (!idToken) return { status: 400, body: { error: 'invalid_grant' } };
  return { status: 200, body: { id_token: idToken, token_type: 'Bearer', expires_in: expiresIn(idToken) } };
}

function expiresIn(idToken: string): number {
  const { exp } = JSON.parse(Buffer.from(idToken.split('.')[1] ?? '', 'base64url').toString('utf8')) as { exp: number };
  return exp - Math.floor(Date.now() / 1000);
}
