/**
 * The console signing in the way it does in AWS (config.json says `cognito`): to the hosted page with
 * a PKCE challenge, back with a code, the code and verifier traded for tokens, the state checked.
 * The fake backend stands in for Cognito's `/oauth2/authorize`, `/oauth2/token` and `/logout`.
 */
import { createHash } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SiteConfig } from '../../web/src/lib/site-config';
import { browserSession } from './support/browser-session';
import { unsignedIdToken } from './support/id-token';

const session = browserSession();

describe('console sign-in through Cognito’s hosted pages', () => {
  let base: string;
  beforeAll(async () => {
    base = session.backend.url;
    const config: SiteConfig = {
      signIn: {
        kind: 'cognito',
        issuer: 'https://cognito-idp.ap-northeast-2.amazonaws.com/ap-northeast-2_TEST',
        domain: base,
        clientId: 'console-client',
        redirectUris: { staff: `${base}/staff.html`, provider: `${base}/provider.html` },
      },
    };
    await writeFile(path.join(session.staticDir, 'config.json'), JSON.stringify(config));
  });

  let authorizeQuery: Record<string, string>;
  beforeEach(() => {
    authorizeQuery = {};
    const { backend } = session;
    backend.on('GET', '/oauth2/authorize', (request) => {
      authorizeQuery = request.query;
      // Cognito, once the password and the TOTP code are right: back to the page with a code.
      return { status: 302, headers: { location: `${request.query.redirect_uri}?code=one-time-code&state=${encodeURIComponent(request.query.state ?? '')}` } };
    });
    backend.on('POST', '/oauth2/token', (request) => {
      const form = new URLSearchParams(String(request.body));
      const verifier = form.get('code_verifier') ?? '';
      const proven = createHash('sha256').update(verifier).digest('base64url') === authorizeQuery.code_challenge;
      if (!proven || form.get('code') !== 'one-time-code' || form.get('grant_type') !== 'authorization_code') return { status: 400, body: { error: 'invalid_grant' } };
      const idToken = unsignedIdToken({ sub: 'u-1', name: '김사례', 'cognito:groups': ['caseworker'], 'custom:districts': '11110', nonce: authorizeQuery.nonce });
      return { status: 200, body: { id_token: idToken, access_token: 'a', refresh_token: 'r', token_type: 'Bearer', expires_in: 3600 } };
    });
    backend.on('GET', '/logout', () => ({ status: 200, text: 'signed out', headers: { 'content-type': 'text/plain' } }));
  });

  it('redirects with a PKCE challenge, trades the code with its verifier, and lands on the view that was open', async () => {
    const { page, backend } = session;
    await page.goto(`${base}/staff.html#/ledger`);
    await page.locator('#sign-in-card').waitFor();
    expect(await page.locator('#sign-in-form').count()).toBe(0); // no local form in this environment
    await page.click('#sign-in-start');
    await page.waitForFunction(() => document.querySelector('#who')?.textContent?.includes('김사례'));

    expect(authorizeQuery).toMatchObject({
      response_type: 'code',
      client_id: 'console-client',
      redirect_uri: `${base}/staff.html`,
      code_challenge_method: 'S256',
    });
    expect(authorizeQuery.scope?.split(' ')).toContain('openid');
    expect(authorizeQuery.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(authorizeQuery.state).toMatch(/^[A-Za-z0-9_-]{16,}$/);
    const token = backend.requests.find((r) => r.path === '/oauth2/token')!;
    const form = new URLSearchParams(String(token.body));
    expect(form.get('client_id')).toBe('console-client');
    expect(form.get('redirect_uri')).toBe(`${base}/staff.html`);
    expect(form.has('client_secret')).toBe(false);
    // The code has left the address bar; the view that was open is back.
    expect(new URL(page.url()).search).toBe('');
    expect(new URL(page.url()).hash).toBe('#/ledger');
    expect(await page.evaluate(() => sessionStorage.getItem('dolbom.staff.idToken'))).toMatch(/^ey/);
    expect(await page.evaluate(() => sessionStorage.getItem('dolbom.staff.idToken.pending'))).toBeNull();
  });

  it('refuses a code that comes back with a state this tab did not send, without trading it', async () => {
    const { page, backend } = session;
    await page.goto(`${base}/staff.html`);
    await page.locator('#sign-in-card').waitFor();
    await page.goto(`${base}/staff.html?code=one-time-code&state=planted-by-another-site`);
    await page.locator('#sign-in-card [role="alert"]').waitFor();
    expect(await page.textContent('#sign-in-card [role="alert"]')).toContain('이 창에서 시작한 로그인이 아니어서');
    expect(backend.requests.filter((r) => r.path === '/oauth2/token')).toEqual([]);
    expect(await page.evaluate(() => sessionStorage.getItem('dolbom.staff.idToken'))).toBeNull();
    expect(new URL(page.url()).search).toBe('');
  });

  it('signs out of Cognito too, back to the console', async () => {
    const { page, backend } = session;
    await page.goto(`${base}/staff.html#/ledger`);
    await page.click('#sign-in-start');
    await page.waitForFunction(() => document.querySelector('#who')?.textContent?.includes('김사례'));
    await page.click('#sign-out');
    await page.waitForURL(/\/logout\?/);
    const logout = backend.requests.find((r) => r.path === '/logout')!;
    expect(logout.query).toEqual({ client_id: 'console-client', logout_uri: `${base}/staff.html` });
    expect(await page.evaluate(() => sessionStorage.getItem('dolbom.staff.idToken'))).toBeNull();
  });
});
