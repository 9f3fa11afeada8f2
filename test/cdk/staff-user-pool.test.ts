import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stageNames } from '../../infra/config';
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
    const claims = (await identity.verify(`Bearer ${await identity.signIn(caseworker.username, caseworker.password)}`))!;
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
    const claims = (await identity.verify(`Bearer ${await identity.signIn(provider.username, provider.password)}`))!;
    expect(claims['custom:agency']).toBe('P-MAEUMSUP');
    const { client } = staffUserPool('prod');
    expect(client.readAttributes).toContain('custom:agency');
  });
});
