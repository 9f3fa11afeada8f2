/**
 * The dashboard in a real browser (issue 9, item 8), against a fake API that answers with figures
 * built by the server's own `dashboardFigures`: a supervisor of two districts opens it from the work
 * queue on a phone (375 px) and at desktop width; every chart is drawn (SVG bars) with its table
 * beside it for screen readers; choosing one district asks for that district; the chart library is
 * loaded only on the dashboard, and the Content-Security-Policy holds (checked by browserSession).
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { dashboardFigures } from '../../functions/dashboard/figures';
import { browserSession } from './support/browser-session';
import type { FakeBackend } from './support/fake-backend';
import { unsignedIdToken } from './support/id-token';

const session = browserSession({ failOnConsoleErrors: true });
let backend: FakeBackend;
let page: Page;

beforeEach(() => {
  ({ backend, page } = session);
});

const figures = (districts: string[]) =>
  dashboardFigures({
    now: new Date('2026-04-20T03:00:00Z'),
    districts,
    counters: [
      { sk: 'application#youth#awaiting-review', count: 7 },
      { sk: 'application#parent#awaiting-review', count: 3 },
      { sk: 'application#child-adolescent#in-service', count: 12 },
      { sk: 'application#youth#in-service', count: 9 },
      { sk: 'application#youth#waitlisted', count: 2 },
      { sk: 'application#parent#closed', count: 5 },
      { sk: 'application#youth#rejected', count: 1 },
      { sk: 'sessions#2026-04#held', count: 31 },
      { sk: 'sessions#2026-04#no-show', count: 4 },
      { sk: 'sessions#2026-04#cancelled', count: 2 },
      { sk: 'sessions#2026-03#held', count: 44 },
      { sk: 'sessions#2026-02#held', count: 38 },
    ],
    overdue: [
      { kind: 'review', programme: 'youth' },
      { kind: 'review', programme: 'youth' },
      { kind: 'reassessment', programme: 'child-adolescent' },
    ],
    waiting: [
      { programme: 'youth', waitingSince: '2026-04-02T00:00:00Z' },
      { programme: 'youth', waitingSince: '2026-04-15T00:00:00Z' },
    ],
  });

async function signIn() {
  const token = unsignedIdToken({ sub: 'supervisor', name: 'supervisor', 'cognito:groups': ['supervisor'], 'custom:districts': '11110 11440' });
  backend.on('POST', '/local/auth/sign-in', () => ({ status: 200, body: { idToken: token } }));
  backend.on('GET', '/api/staff/tasks', () => ({ status: 200, body: { tasks: [] } }));
  backend.on('GET', '/api/staff/tasks/counts', () => ({ status: 200, body: { at: '2026-04-20T03:00:00Z', districts: [] } }));
  backend.on('GET', '/api/staff/dashboard', (request) => ({ status: 200, body: figures(request.query.district ? [request.query.district] : ['11110', '11440']) }));
  await page.goto(`${backend.url}/staff.html`);
  await page.fill('#username', 'supervisor');
  await page.fill('#password', 'dolbom-local');
  await page.click('#sign-in-form button[type="submit"]');
  // Signed in before the caller moves on: a hash set while the sign-in is answered would route twice
  // (once from the sign-in, once from the queued hashchange) and ask for the dashboard twice.
  await page.locator('#sign-out').waitFor();
}

const charts = ['dash-applications', 'dash-overdue', 'dash-waitlist', 'dash-sessions', 'dash-held'];

async function expectDashboard() {
  for (const id of charts) {
    // Bars of zero are lines of no length: attached, not visible.
    await page.locator(`#${id}-chart svg .ct-bar`).first().waitFor({ state: 'attached' });
    expect(await page.getAttribute(`#${id}-chart`, 'role')).toBe('img');
    expect(await page.getAttribute(`#${id}-chart`, 'aria-label')).toContain('아래 표');
    expect(await page.locator(`#${id}-table caption`).textContent()).toContain('(표)');
  }
  // Stacked bars: one per programme and status (13 × 3), the rest one per row.
  expect(await page.locator('#dash-applications-chart .ct-bar').count()).toBe(39);
  expect(await page.locator('#dash-overdue-chart .ct-bar').count()).toBe(5);
  const rows = await page.locator('#dash-applications-table tbody tr').allTextContents();
  // 아동·청소년 12, 부모 0, 청년 9, 합계 21.
  const inService = await page.locator('#dash-applications-table tbody tr', { hasText: '서비스 중' }).locator('td').allTextContents();
  expect(inService).toEqual(['12', '0', '9', '21']);
  expect(rows).toHaveLength(13);
  expect(await page.textContent('#dash-waitlist-table')).toContain('18일');
  expect(await page.textContent('#dash-overdue .summary')).toBe('3건 기한 지남');
  expect(await page.textContent('#dash-sessions .summary')).toBe('2026-04 · 37회기');
}

describe('the dashboard', () => {
  it('is opened from the work queue and loads its chart library only then', async () => {
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.url().endsWith('.js')) scripts.push(new URL(request.url()).pathname);
    });
    await signIn();
    await page.locator('#dashboard-link').waitFor();
    expect(scripts.some((s) => s.includes('dashboard-page'))).toBe(false);
    await page.click('#dashboard-link');
    await page.locator('#dash-applications-chart svg').waitFor();
    expect(scripts.some((s) => s.includes('dashboard-page'))).toBe(true);
    expect(page.url()).toMatch(/#\/dashboard$/);
  });

  it('draws every chart with its table on a phone, and asks for one district when chosen', async () => {
    await page.setViewportSize({ width: 375, height: 812 });
    await signIn();
    await page.goto(`${backend.url}/staff.html#/dashboard`);
    await expectDashboard();
    // Nothing wider than the phone: the charts fit, the tables scroll inside their own frame.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: '/tmp/dashboard-phone.png', fullPage: true });

    // The previous district's charts are still drawn: wait for the new district's answer, not for an svg.
    const answered = page.waitForResponse((response) => new URL(response.url()).searchParams.get('district') === '11440');
    await page.selectOption('#dashboard-district', '11440');
    await page.waitForURL(/#\/dashboard\/11440$/);
    await answered;
    await page.locator('#dash-applications-chart svg').waitFor();
    expect(backend.requests.filter((r) => r.path === '/api/staff/dashboard').map((r) => r.query.district ?? '')).toEqual(['', '11440']);
    expect(await page.inputValue('#dashboard-district')).toBe('11440');
  });

  it('lays the cards out side by side at desktop width, and redraws the charts in English', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn();
    await page.goto(`${backend.url}/staff.html#/dashboard`);
    await expectDashboard();
    const [a, b] = await Promise.all(['#dash-overdue', '#dash-waitlist'].map((s) => page.locator(s).boundingBox()));
    expect(a!.y).toBe(b!.y);
    await page.screenshot({ path: '/tmp/dashboard-desktop.png', fullPage: true });
    await page.click('#lang-toggle');
    await page.locator('#dash-applications-chart .ct-label', { hasText: 'In service' }).waitFor();
    expect(await page.textContent('#dash-overdue .summary')).toBe('3 overdue');
    await page.screenshot({ path: '/tmp/dashboard-desktop-en.png', fullPage: true });
  });
});
