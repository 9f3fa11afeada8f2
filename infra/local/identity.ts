import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { SignJWT, jwtVerify } from 'jose';
import type { StaffGroup } from '../../functions/staff-groups';

/**
 * The local stand-in for the Cognito user pool: seeded staff sign in with a password and get an ID
 * token with the same claims Cognito issues (`cognito:groups`, `custom:districts`, `custom:agency`). The
 * gateway checks it the way API Gateway's JWT authorizer does and hands the claims to the handler. As in
 * AWS, groups, districts and agency are set for the user (here by the seed) and no one can change their own.
 */
export interface LocalStaffUser {
  username: string;
  password: string;
  name: string;
  groups: StaffGroup[];
  districts: string[];
  /** A provider's agency id (`custom:agency`); Cognito leaves an unset attribute out of the token. */
  agency?: string;
}

export const ISSUER = 'dolbom-local-issuer';
export const AUDIENCE = 'dolbom-local-console';

export class LocalIdentity {
  private readonly secret: Uint8Array;

  constructor(private readonly users: LocalStaffUser[], keyFile: string) {
    if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(32).toString('hex'), { mode: 0o600 });
    this.secret = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'hex');
  }

  /** Signs a user in; undefined for an unknown user or a wrong password. */
  async signIn(username: string, password: string): Promise<string | undefined> {
    const user = this.users.find((u) => u.username === username);
    const given = Buffer.from(password);
    if (!user || given.length !== Buffer.byteLength(user.password) || !timingSafeEqual(given, Buffer.from(user.password))) return undefined;
    return new SignJWT({
      'cognito:groups': user.groups,
      'custom:districts': user.districts.join(','),
      ...(user.agency ? { 'custom:agency': user.agency } : {}),
      'cognito:username': user.username,
      name: user.name,
      token_use: 'id',
    })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.username)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime('12h')
      .sign(this.secret);
  }

  /** The claims of a valid bearer token, or undefined (the gateway then answers 401). */
  async verify(authorization: string | undefined): Promise<Record<string, unknown> | undefined> {
    const token = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return undefined;
    try {
      const { payload } = await jwtVerify(token, this.secret, { issuer: ISSUER, audience: AUDIENCE });
      return payload as Record<string, unknown>;
    } catch {
      return undefined;
    }
  }
}
