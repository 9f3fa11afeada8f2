/**
 * A case manager's day without signing in every hour: the console signed in through Cognito's hosted
 * pages keeps the refresh token, renews the hour-long ID token before it runs out (and, after the
 * computer slept through that, on the next action; and once on a 401), asks to sign in again in plain
 * words when the renewal is refused, and revokes the refresh token at sign-out. The fake backend
 * stands in for Cognito's `/oauth2/*` and `/logout`; the page's clock is Playwright's, so an hour
 * passes in a moment. The same with the local issuer's form, whose refresh and revoke take the same requests.
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SiteConfig } from '../../web/src/lib/site-config';
import { browserSession } from './support/browser-session';
import type { FakeBackend, RecordedRequest } from './support/fake-backend';
import { unsignedIdToken } from './support/id-token';

const session = browserSession();
let backend: FakeBackend;
let page: Page;

const MINUTE = 60_000;
const ID_TOKEN_SECONDS = 3600;

const reviewLabel = { ko: '신청 검토', en: 'Application review' };
const task = {
  taskId: 'A01JZ8Q4M6T2V5X7Y9B3C1D0E1.task000000000000',
  applicationId: 'A01JZ8Q4M6T2V5X7Y9B3C1D0E1',
  kind: 'review',
  kindLabel: reviewLabel,
  period: 1,
  district: '11110',
  programme: 'youth',
  state: 'open',
  createdAt: '2026-03-02T01:00:00.000Z',
  dueAt: '2026-03-09T01:00:00.000Z',
  decisions: ['approve', 'reject', 'request-info'],
  receiptNumber: 'DB-2026-7K3M9Q21',
  applicantName: '김청년',
  applicationStatus: 'awaiting-review',
  applicationStatusLabel: { ko: '담당자 검토 중', en: 'Waiting for case-manager review' },
  submittedAt: '2026-03-02T01:00:00.000Z',
  receivedAt: '2026-03-02T01:00:00.000Z',
  slaDueAt: '2026-03-09T01:00:00.000Z',
  sla: { state: 'on-time', label: { ko: '기한 내', en: 'On time' } },
  ageDays: 3,
  escalations: 0,
};

/** An ID token issued `at` (the page's clock) for an hour, numbered so a test can tell which one a request carried. */
const idTokenAt = (at: number, number: number, extra: Record<string, unknown> = {}) =>
  unsignedIdToken({ sub: 'u-1', name: '김사례', 'cognito:groups': ['caseworker'], 'custom:districts': '11110', iat: Math.floor(at / 1000), exp: Math.floor(at / 1000) + ID_TOKEN_SECONDS, token: number, ...extra });

const formOf = (request: RecordedRequest) => Object.fromEntries(new URLSearchParams(String(request.body)));
const numberOf = (authorization: unknown) => JSON.parse(Buffer.from(String(authorization).split('.')[1]!, 'base64url').toString('utf8')).token as number;
const taskQueries = () => backend.requests.filter((r) => r.path === '/api/staff/tasks');
const refreshes = () => backend.requests.filter((r) => r.path.endsWith('/token') && formOf(r).grant_type === 'refresh_token');

/** The refresh tokens the fake issuer has handed out, and those revoked since. */
let revoked: Set<string>;
/** The page's clock, in epoch ms, as the fake issuer reads it for the tokens it issues. */
let pageNow: () => Promise<number>;

beforeEach(async () => {
  ({ backend, page } = session);
  revoked = new Set();
  // The page's clock starts at the real time and runs on its own; tests move it forward.
  await page.clock.install({ time: Date.now() });
  pageNow = () => page.evaluate(() => Date.now());
  backend.on('GET', '/api/staff/tasks', () => ({ status: 200, body: { tasks: [task] } }));
});

/** The refresh grant as Cognito answers it: a new ID token, or invalid_grant for a revoked (or expired) refresh token. */
function answerRefresh(clientId: string, issuedAt: () => number) {
  let issued = 1;
  return (request: RecordedRequest) => {
    const form = formOf(request);
    if (form.client_id !== clientId) return { status: 400, body: { error: 'invalid_client' } };
    if (form.grant_type !== 'refresh_token' || !form.refresh_token || revoked.has(form.refresh_token)) return { status: 400, body: { error: 'invalid_grant' } };
    issued += 1;
    return { status: 200, body: { id_token: idTokenAt(issuedAt(), issued), access_token: 'a', token_type: 'Bearer', expires_in: ID_TOKEN_SECONDS } };
  };
}

describe('the console signed in through Cognito’s hosted pages', () => {
  beforeAll(async () => {
    const base = session.backend.url;
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

  /** What the page's clock reads when the fake issues a token (kept in step by each test's moves). */
  let clock: number;

  beforeEach(() => {
    clock = Date.now();
    let nonce = '';
    backend.on('GET', '/oauth2/authorize', (request) => {
      nonce = request.query.nonce ?? '';
      return { status: 302, headers: { location: `${request.query.redirect_uri}?code=one-time-code&state=${encodeURIComponent(request.query.state ?? '')}` } };
    });
    const refresh = answerRefresh('console-client', () => clock);
    backend.on('POST', '/oauth2/token', (request) => {
      const form = formOf(request);
      if (form.grant_type === 'authorization_code') {
        return { status: 200, body: { id_token: idTokenAt(clock, 1, { nonce }), access_token: 'a', refresh_token: 'refresh-1', token_type: 'Bearer', expires_in: ID_TOKEN_SECONDS } };
      }
      return refresh(request);
    });
    backend.on('POST', '/oauth2/revoke', (request) => {
      revoked.add(formOf(request).token ?? '');
      return { status: 200 };
    });
    backend.on('GET', '/logout', () => ({ status: 200, text: 'signed out', headers: { 'content-type': 'text/plain' } }));
  });

  async function signIn(): Promise<void> {
    await page.goto(`${backend.url}/staff.html`);
    await page.click('#sign-in-start');
    await page.locator(`tr[data-task="${task.taskId}"]`).waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem('dolbom.staff.idToken.refresh'))).toBe('refresh-1');
  }

  /** The next thing the case manager does: filter the queue to risk tasks (a GET of the tasks). */
  async function filterQueue(): Promise<RecordedRequest> {
    await page.selectOption('#f-kind', 'risk');
    await expect.poll(() => taskQueries().filter((r) => r.query.kind === 'risk').length).toBe(1);
    return taskQueries().find((r) => r.query.kind === 'risk')!;
  }

  it('renews the ID token a few minutes before it runs out, without a reload, and the next action carries the new one', async () => {
    await signIn();
    const loads = await page.evaluate(() => performance.getEntriesByType('navigation').length);
    clock = (await pageNow()) + 55 * MINUTE;
    // To the planned renewal and no further: the page's request timeouts run on the same fake clock.
    await page.clock.runFor(55 * MINUTE);
    await expect.poll(() => refreshes().length).toBe(1);
    expect(formOf(refreshes()[0]!)).toEqual({ grant_type: 'refresh_token', client_id: 'console-client', refresh_token: 'refresh-1' });
    await expect.poll(() => page.evaluate(() => sessionStorage.getItem('dolbom.staff.idToken')).then((t) => (t ? numberOf(`Bearer ${t}`) : 0))).toBe(2);

    const action = await filterQueue();
    expect(numberOf(action.headers.authorization)).toBe(2);
    expect(await page.locator('#sign-in-card').count()).toBe(0);
    // Same document: nothing reloaded, nothing typed again.
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(loads);
    expect(backend.requests.filter((r) => r.path === '/oauth2/authorize')).toHaveLength(1);
  });

  it('renews on the next action when the ID token ran out while the computer slept, and the action still works', async () => {
    await signIn();
    // Asleep for 70 minutes: the clock jumps, no timer ran, the ID token is out of date.
    clock = (await pageNow()) + 70 * MINUTE;
    await page.clock.setSystemTime(clock);
    const action = await filterQueue();
    await page.locator(`tr[data-task="${task.taskId}"]`).waitFor();
    expect(refreshes()).toHaveLength(1);
    // Renewed before it went: the out-of-date token never reached the API.
    expect(numberOf(action.headers.authorization)).toBe(2);
    expect(await page.locator('#sign-in-card').count()).toBe(0);
    expect(backend.requests.filter((r) => r.path === '/oauth2/authorize')).toHaveLength(1);
  });

  it('renews once on a 401 and sends the request again, still signed in', async () => {
    // The API refuses the first token (say, signing keys rotated); the renewed one is fine.
    backend.on('GET', '/api/staff/tasks', (request) => (numberOf(request.headers.authorization) === 1 ? { status: 401, body: { message: 'Unauthorized' } } : { status: 200, body: { tasks: [task] } }));
    await page.goto(`${backend.url}/staff.html`);
    await page.click('#sign-in-start');
    await page.locator(`tr[data-task="${task.taskId}"]`).waitFor();
    expect(refreshes()).toHaveLength(1);
    expect(taskQueries().map((r) => numberOf(r.headers.authorization))).toEqual([1, 2]);
    expect(await page.locator('#sign-in-card').count()).toBe(0);
  });

  it('asks to sign in again, saying why in Korean and English, when the refresh token is refused', async () => {
    await signIn();
    revoked.add('refresh-1'); // ended elsewhere (an administrator's global sign-out), or past its 12 hours
    clock = (await pageNow()) + 70 * MINUTE;
    await page.clock.setSystemTime(clock);
    await page.selectOption('#f-kind', 'risk');
    const alert = page.locator('#sign-in-card [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('로그인이 끝났습니다. 로그인은 12시간 동안 유지되며');
    expect(await page.evaluate(() => [sessionStorage.getItem('dolbom.staff.idToken'), sessionStorage.getItem('dolbom.staff.idToken.refresh')])).toEqual([null, null]);
    // The stale token never went to the API, and the request did not go without one.
    expect(taskQueries().filter((r) => r.query.kind === 'risk')).toEqual([]);
    await page.click('#lang-toggle');
    expect(await alert.textContent()).toContain('Your sign-in has ended: a sign-in lasts 12 hours');
    await page.screenshot({ path: path.join(tmpdir(), 'dolbom-renewal-refused.png') });
  });

  it('revokes the refresh token at sign-out, before going to Cognito’s logout', async () => {
    await signIn();
    await page.click('#sign-out');
    await page.waitForURL(/\/logout\?/);
    const paths = backend.requests.map((r) => r.path);
    const revoke = backend.requests.find((r) => r.path === '/oauth2/revoke')!;
    expect(formOf(revoke)).toEqual({ token: 'refresh-1', client_id: 'console-client' });
    expect(paths.indexOf('/oauth2/revoke')).toBeLessThan(paths.indexOf('/logout'));
    expect(revoked.has('refresh-1')).toBe(true);
  });
});

describe('the console signed in with the local issuer’s form (npm start)', () => {
  beforeAll(async () => {
    const config: SiteConfig = { signIn: { kind: 'local', issuer: 'dolbom-local-issuer', clientId: 'dolbom-local-console' } };
    await writeFile(path.join(session.staticDir, 'config.json'), JSON.stringify(config));
  });

  it('renews through the local issuer with the same refresh grant, and revokes at sign-out', async () => {
    let clock = Date.now();
    backend.on('POST', '/local/auth/sign-in', () => ({ status: 200, body: { idToken: idTokenAt(clock, 1), refreshToken: 'local-refresh' } }));
    backend.on('POST', '/local/auth/token', answerRefresh('dolbom-local-console', () => clock));
    backend.on('POST', '/local/auth/revoke', (request) => {
      revoked.add(formOf(request).token ?? '');
      return { status: 200 };
    });
    await page.goto(`${backend.url}/staff.html`);
    await page.fill('#username', 'caseworker.jongno');
    await page.fill('#password', 'dolbom-local');
    await page.click('#sign-in-form button[type="submit"]');
    await page.locator(`tr[data-task="${task.taskId}"]`).waitFor();

    clock = (await pageNow()) + 70 * MINUTE;
    await page.clock.setSystemTime(clock);
    await page.selectOption('#f-kind', 'risk');
    await expect.poll(() => taskQueries().filter((r) => r.query.kind === 'risk').length).toBe(1);
    expect(numberOf(taskQueries().at(-1)!.headers.authorization)).toBe(2);
    expect(formOf(refreshes()[0]!)).toEqual({ grant_type: 'refresh_token', client_id: 'dolbom-local-console', refresh_token: 'local-refresh' });

    await page.click('#sign-out');
    await page.locator('#sign-in-form').waitFor();
    await expect.poll(() => revoked.has('local-refresh')).toBe(true);
  });
});
