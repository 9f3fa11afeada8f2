import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { AUDIENCE, LocalIdentity } from '../../../infra/local/identity';
import { seededStaff } from '../../../infra/local/seed';
import { answerTokenRequest, LOCAL_REVOKE_PATH, LOCAL_TOKEN_PATH } from '../../../infra/local/token-endpoint';
import { staffTokenLifetimes } from '../../../functions/commons/staff-token-lifetimes';

const dir = mkdtempSync(path.join(tmpdir(), 'dolbom-token-endpoint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const claimsOf = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString('utf8')) as Record<string, unknown>;
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe("the local issuer's refresh and revoke endpoints", () => {
  const caseworker = seededStaff.find((u) => u.username === 'caseworker.jongno')!;
  let identity: LocalIdentity;
  let refreshToken: string;
  beforeEach(async () => {
    identity = new LocalIdentity(seededStaff, path.join(dir, 'key'));
    ({ refreshToken } = (await identity.signIn(caseworker.username, caseworker.password))!);
  });
  const renew = (fields: Record<string, string>) => answerTokenRequest(identity, LOCAL_TOKEN_PATH, form(fields));

  it('signs in for an hour-long ID token and a refresh token of a working day, as the Cognito client does', async () => {
    const { idToken } = (await identity.signIn(caseworker.username, caseworker.password))!;
    const id = claimsOf(idToken);
    const refresh = claimsOf(refreshToken);
    expect((id.exp as number) - (id.iat as number)).toBe(staffTokenLifetimes.idTokenMinutes * 60);
    expect((refresh.exp as number) - (refresh.iat as number)).toBe(staffTokenLifetimes.refreshTokenHours * 3600);
  });

  it('renews the ID token with the refresh_token grant, in Cognito’s answer shape', async () => {
    const answer = (await renew({ grant_type: 'refresh_token', client_id: AUDIENCE, refresh_token: refreshToken }))!;
    expect(answer.status).toBe(200);
    const body = answer.body as { id_token: string; token_type: string; expires_in: number };
    expect(body.token_type).toBe('Bearer');
    expect(body.expires_in).toBeGreaterThan(staffTokenLifetimes.idTokenMinutes * 60 - 5);
    const claims = (await identity.verify(`Bearer ${body.id_token}`))!;
    expect(claims).toMatchObject({ sub: caseworker.username, 'cognito:groups': caseworker.groups, 'custom:districts': caseworker.districts.join(','), token_use: 'id' });
  });

  it('never lets a refresh token through the gateway as a bearer token', async () => {
    expect(await identity.verify(`Bearer ${refreshToken}`)).toBeUndefined();
  });

  it('refuses an ID token offered as a refresh token', async () => {
    const { idToken } = (await identity.signIn(caseworker.username, caseworker.password))!;
    expect(await renew({ grant_type: 'refresh_token', client_id: AUDIENCE, refresh_token: idToken })).toEqual({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('revokes a refresh token: it renews nothing after, as Cognito answers invalid_grant', async () => {
    expect(await answerTokenRequest(identity, LOCAL_REVOKE_PATH, form({ token: refreshToken, client_id: AUDIENCE }))).toEqual({ status: 200 });
    expect(await renew({ grant_type: 'refresh_token', client_id: AUDIENCE, refresh_token: refreshToken })).toEqual({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('answers a request for another client, another grant or without a token with the OAuth error Cognito gives', async () => {
    expect(await renew({ grant_type: 'refresh_token', client_id: 'someone-else', refresh_token: refreshToken })).toEqual({ status: 400, body: { error: 'invalid_client' } });
    expect(await renew({ grant_type: 'password', client_id: AUDIENCE, username: 'supervisor', password: 'dolbom-local' })).toEqual({ status: 400, body: { error: 'unsupported_grant_type' } });
    expect(await answerTokenRequest(identity, LOCAL_REVOKE_PATH, form({ client_id: AUDIENCE }))).toEqual({ status: 400, body: { error: 'invalid_request' } });
    expect(await answerTokenRequest(identity, '/local/auth/other', '')).toBeUndefined();
  });
});
