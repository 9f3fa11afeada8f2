import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { SignJWT, jwtVerify, type JWTPayload } from 'jose';
import type { StaffGroup } from '../../functions/staff-groups';
import { staffTokenLifetimes } from '../../functions/commons/staff-token-lifetimes';

/**
 * The local stand-in for the Cognito user pool: seeded staff sign in with a password and get an ID
 * token with the same claims Cognito issues (`cognito:groups`, `custom:districts`, `custom:agency`). The
 * gateway checks it the way API Gateway's JWT authorizer does and hands the claims to the handler. As in
 * AWS, groups, districts and agency are set for the user (here by the seed) and no one can change their own.
 *
 * Sign-in also hands out a refresh token, which renews the ID token and can be revoked, on Cognito's
 * clock (functions/commons/staff-token-lifetimes.ts): the pages renew and sign out here as they do in AWS.
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

export interface LocalTokens {
  idToken: string;
  refreshToken: string;
}

export const ISSUER = 'dolbom-local-issuer';
export const AUDIENCE = 'dolbom-local-console';

export class LocalIdentity {
  private readonly secret: Uint8Array;
  /** The `jti` of each refresh token signed out. */
  private readonly revoked = new Set<string>();

  constructor(private readonly users: LocalStaffUser[], keyFile: string) {
    if (!existsSync(keyFile)) writeFileSync(keyFile, randomBytes(32).toString('hex'), { mode: 0o600 });
    this.secret = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'hex');
  }

  /** Signs a user in: their ID token and a refresh token; undefined for an unknown user or a wrong password. */
  async signIn(username: string, password: string): Promise<LocalTokens | undefined> {
    const user = this.users.find((u) => u.username === username);
    const given = Buffer.from(password);
    if (!user || given.length !== Buffer.byteLength(user.password) || !timingSafeEqual(given, Buffer.from(user.password))) return undefined;
    const refreshToken = await new SignJWT({ token_use: 'refresh' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(user.username)
      .setJti(randomBytes(16).toString('hex'))
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(`${staffTokenLifetimes.refreshTokenHours}h`)
      .sign(this.secret);
    return { idToken: await this.idTokenOf(user), refreshToken };
  }

  /**
   * A new ID token for the holder of a refresh token, with the user's groups and scope as they are now
   * (as Cognito's refresh grant gives); undefined for a refresh token that is expired, revoked, not
   * one of ours, or not a refresh token at all.
   */
  async refresh(refreshToken: string): Promise<string | undefined> {
    const claims = await this.refreshClaims(refreshToken);
    const user = claims && this.users.find((u) => u.username === claims.sub);
    return user ? this.idTokenOf(user) : undefined;
  }

  /** Revokes a refresh token (sign-out): it renews nothing after. Anything else is ignored, as RFC 7009 asks. */
  async revoke(refreshToken: string): Promise<void> {
    const claims = await this.refreshClaims(refreshToken);
    // Kept in memory: a restart of the local cloud forgets it, which only matters to a test that restarts.
    if (claims?.jti) this.revoked.add(claims.jti);
  }

  private async refreshClaims(refreshToken: string): Promise<JWTPayload | undefined> {
    try {
      const { payload } = await jwtVerify(refreshToken, this.secret, { issuer: ISSUER, audience: AUDIENCE });
      if (payload.token_use !== 'refresh' || !payload.jti || this.revoked.has(payload.jti)) return undefined;
      return payload;
    } catch {
      return undefined;
    }
  }

  private idTokenOf(user: LocalStaffUser): Promise<string> {
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
      .setExpirationTime(`${staffTokenLifetimes.idTokenMinutes}m`)
      .sign(this.secret);
  }

  /** The claims of a valid bearer token, or undefined (the gateway then answers 401). */
  async verify(authorization: string | undefined): Promise<Record<string, unknown> | undefined> {
    const token = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
    if (!token) return undefined;
    try {
      const { payload } = await jwtVerify(token, this.secret, { issuer: ISSUER, audience: AUDIENCE });
      // Signed with the same key, a refresh token is still no key to the API (nor is it in AWS).
      return payload.token_use === 'id' ? (payload as Record<string, unknown>) : undefined;
    } catch {
      return undefined;
    }
  }
}
