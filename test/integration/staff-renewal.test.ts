/**
 * The local issuer behind the gateway as the pages use it: a sign-in's refresh token renews the ID
 * token with the same form-encoded request Cognito's `/oauth2/token` takes, the renewed token opens
 * the API, the refresh token itself does not, and once revoked it renews nothing.
 */
import { describe, expect, it } from 'vitest';
import { cloud, local } from '../support/cloud-test';

const CLIENT_ID = 'dolbom-local-console';

function post(path: string, form: Record<string, string>) {
  return fetch(`${cloud.api}${path}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) });
}

const tasksWith = (token: string) => local.http('GET', '/api/staff/tasks', undefined, { authorization: `Bearer ${token}` });

describe('renewing a staff sign-in on the local cloud', () => {
  it('renews with the refresh token, refuses it as a bearer token, and renews nothing once it is revoked', async () => {
    const { status, body } = await local.http('POST', '/local/auth/sign-in', { username: 'caseworker.jongno', password: 'dolbom-local' });
    expect(status).toBe(200);
    const { idToken, refreshToken } = body as { idToken: string; refreshToken: string };
    expect(typeof refreshToken).toBe('string');
    expect((await tasksWith(idToken)).status).toBe(200);
    expect((await tasksWith(refreshToken)).status).toBe(401);

    const renewed = await post('/local/auth/token', { grant_type: 'refresh_token', client_id: CLIENT_ID, refresh_token: refreshToken });
    expect(renewed.status).toBe(200);
    const tokens = (await renewed.json()) as { id_token: string; token_type: string };
    expect(tokens.token_type).toBe('Bearer');
    expect((await tasksWith(tokens.id_token)).status).toBe(200);

    const revoked = await post('/local/auth/revoke', { token: refreshToken, client_id: CLIENT_ID });
    expect(revoked.status).toBe(200);
    expect(await revoked.text()).toBe('');
    const refused = await post('/local/auth/token', { grant_type: 'refresh_token', client_id: CLIENT_ID, refresh_token: refreshToken });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: 'invalid_grant' });
  });
});
