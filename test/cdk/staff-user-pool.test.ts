import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { environments, stageNames } from '../../infra/config';
import { synthesize } from '../../infra/synth';
import { LocalIdentity } from '../../infra/local/identity';
import { seededStaff } from '../../infra/local/seed';
import { staffUserPool } from '../support/staff-pool';

describe.each(stageNames)('the %s staff user pool', (stage) => {
  const { client, customAttributes } = staffUserPool(stage);

  it('keeps the districts a caseworker serves and the agency a provider works for in custom attributes', () => {
    expect(customAttributes).toContain('custom:districts');
    expect(customAttributes).toContain('custom:agency');
  });

  it('lets the console client write no custom attribute, so a user cannot widen their own scope', () => {
    // Absent or empty, Cognito would let the client write every attribute.
    expect(client.writeAttributes?.length).toBeGreaterThan(0);
    expect(client.writeAttributes).not.toContain('custom:districts');
    expect(client.writeAttributes).not.toContain('custom:agency');
    expect(client.writeAttributes!.filter((a) => a.startsWith('custom:'))).toEqual([]);
  });

  it('still puts the districts and the agency in the tokens the handlers read', () => {
    expect(client.readAttributes).toContain('custom:districts');
    expect(client.readAttributes).toContain('custom:agency');
  });
});

describe('the local issuer', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dolbom-identity-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('puts in its tokens only user attributes the console client may read, in Cognito’s claim shape', async () => {
    const identity = new LocalIdentity(seededStaff, path.join(dir, 'key'));
    const caseworker = seededStaff.find((u) => u.groups.includes('caseworker'))!;
    const claims = (await identity.verify(`Bearer ${(await identity.signIn(caseworker.username, caseworker.password))!.idToken}`))!;
    const tokenClaims = ['sub', 'iss', 'aud', 'iat', 'exp', 'token_use', 'cognito:groups', 'cognito:username'];
    const attributes = Object.keys(claims).filter((c) => !tokenClaims.includes(c));
    const { client } = staffUserPool('prod');
    expect(attributes.filter((a) => !client.readAttributes!.includes(a))).toEqual([]);
    // Cognito's ID token carries a custom attribute as the string stored, the groups as a list.
    expect(claims['custom:districts']).toBe(caseworker.districts.join(','));
    expect(claims['cognito:groups']).toEqual(caseworker.groups);
    expect(claims).not.toHaveProperty('custom:agency');
  });

  it("puts a provider's agency in the token as Cognito would, and only the one the seed gave", async () => {
    const identity = new LocalIdentity(seededStaff, path.join(dir, 'key'));
    const provider = seededStaff.find((u) => u.username === 'provider.maeum')!;
    const claims = (await identity.verify(`Bearer ${(await identity.signIn(provider.username, provider.password))!.idToken}`))!;
    expect(claims['custom:agency']).toBe('P-MAEUMSUP');
    const { client } = staffUserPool('prod');
    expect(client.readAttributes).toContain('custom:agency');
  });
});

describe.each(stageNames)('staff sign-in in %s', (stage) => {
  const resources = Object.values(synthesize(stage).data.Resources);
  const client = resources.find((r) => r.Type === 'AWS::Cognito::UserPoolClient')!.Properties as Record<string, any>;
  const pool = resources.find((r) => r.Type === 'AWS::Cognito::UserPool')!.Properties as Record<string, any>;
  const site = `https://${environments[stage].web.domainName}`;

  it('goes through the hosted pages with the authorization code grant and PKCE: a public client, no secret, no password flow', () => {
    expect(client.AllowedOAuthFlowsUserPoolClient).toBe(true);
    expect(client.AllowedOAuthFlows).toEqual(['code']);
    expect(client.GenerateSecret).toBe(false);
    expect(client.ExplicitAuthFlows).toEqual(['ALLOW_REFRESH_TOKEN_AUTH']);
    expect(client.AllowedOAuthScopes).toEqual(expect.arrayContaining(['openid']));
    expect(client.SupportedIdentityProviders).toEqual(['COGNITO']);
  });

  it(`sends staff back to this environment's console and portal only (${site})`, () => {
    expect(client.CallbackURLs).toEqual([`${site}/staff.html`, `${site}/provider.html`]);
    expect(client.LogoutURLs).toEqual([`${site}/staff.html`, `${site}/provider.html`]);
    for (const url of [...client.CallbackURLs, ...client.LogoutURLs]) expect(url).toMatch(/^https:\/\//);
  });

  it('asks every staff member for a TOTP code, never an SMS', () => {
    expect(pool.MfaConfiguration).toBe('ON');
    expect(pool.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA']);
  });

  it('keeps the ID token to an hour, renewed silently, and a sign-in to a revocable working day of 12 hours', () => {
    const inMinutes = (value: number, unit: string) => value * { minutes: 1, hours: 60, days: 24 * 60 }[unit]!;
    const units = client.TokenValidityUnits as Record<string, string>;
    expect(inMinutes(client.IdTokenValidity, units.IdToken!)).toBe(60);
    expect(inMinutes(client.AccessTokenValidity, units.AccessToken!)).toBe(60);
    expect(inMinutes(client.RefreshTokenValidity, units.RefreshToken!)).toBe(12 * 60);
    // The pages renew with the refresh_token grant at /oauth2/token and revoke at /oauth2/revoke.
    expect(client.ExplicitAuthFlows).toContain('ALLOW_REFRESH_TOKEN_AUTH');
    expect(client.EnableTokenRevocation).toBe(true);
    expect(client.PreventUserExistenceErrors).toBe('ENABLED');
  });
});
