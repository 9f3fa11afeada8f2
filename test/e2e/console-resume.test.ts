/**
 * Resuming an application stopped on a processing error, in a real browser on a 375 px phone against
 * a fake API: a supervisor on the case page, an operator on the page they get (no case file), and a
 * caseworker, who is told whom to ask. Screenshots go to /tmp/resume-shots.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { browserSession } from './support/browser-session';
import type { FakeBackend } from './support/fake-backend';
import { unsignedIdToken } from './support/id-token';

const session = browserSession({ failOnConsoleErrors: true });
let backend: FakeBackend;
let page: Page;

beforeEach(() => {
  ({ backend, page } = session);
});

const PHONE = { width: 375, height: 812 };
const applicationId = 'A01JZ8Q4M6T2V5X7Y9B3C1D0EF';
const receiptNumber = 'DB-2026-7K3M9Q2X';
const path = `/api/staff/applications/${applicationId}/resume`;

const failedCase = {
  id: applicationId,
  receiptNumber,
  programme: 'youth',
  district: '11110',
  status: 'failed',
  statusLabel: { ko: '처리 오류 (담당자 확인 중)', en: 'Processing error (staff are looking into it)' },
  period: 1,
  createdAt: '2026-03-02T01:15:00.000Z',
  updatedAt: '2026-03-04T01:15:03.000Z',
  answers: { applicant: { name: '김청년', district: '11110' } },
  tasks: [],
  supervision: [],
  failure: { at: '2026-03-04T01:15:03.000Z', from: 'awaiting-review', period: 1, execution: applicationId, error: 'Dolbom.RegistryDown' },
};

const resumed = {
  applicationId,
  status: 'awaiting-review',
  statusLabel: { ko: '담당자 검토 중', en: 'Waiting for case-manager review' },
  stage: 'review',
  stageLabel: { ko: '사례관리자 검토', en: 'Case-manager review' },
  execution: `${applicationId}-h1`,
  resumedAt: '2026-03-04T02:00:00.000Z',
};

const invalid = {
  status: 400,
  body: {
    error: {
      code: 'invalid-input',
      message: { ko: '입력값을 확인해 주세요.', en: 'Some fields are missing or invalid.' },
      fields: [{ field: 'reason', code: 'resume-reason-required', message: { ko: '무엇을 고쳤는지(재개하는 이유)를 적어 주세요', en: 'Write what was fixed (why the application may go on)' } }],
    },
  },
};

async function signIn(username: string, groups: string[]) {
  backend.on('POST', '/local/auth/sign-in', () => ({ status: 200, body: { idToken: unsignedIdToken({ sub: username, name: username, 'cognito:groups': groups, 'custom:districts': '11110' }) } }));
  await page.goto(`${backend.url}/staff.html#/applications/${applicationId}`);
  await page.fill('#username', username);
  await page.fill('#password', 'dolbom-local');
  await page.click('#sign-in-form button[type="submit"]');
}

/** The fake route: the 400 the real one gives without a reason; with one, 202 once and 409 after. */
function resumeRoute() {
  let resumedOnce = false;
  backend.on('POST', path, (request) => {
    if (!(request.body as { reason?: string } | undefined)?.reason) return invalid;
    if (resumedOnce) return { status: 409, body: { error: { code: 'application-not-failed', message: { ko: '처리 오류로 멈춘 신청만 재개할 수 있습니다.', en: 'Only a stopped application can be resumed.' } } } };
    resumedOnce = true;
    return { status: 202, body: resumed };
  });
}

describe('resuming a failed application in the console', () => {
  beforeEach(() => {
    backend.on('GET', `/api/staff/applications/${applicationId}`, () => ({ status: 200, body: failedCase }));
    backend.on('GET', `/api/staff/applications/${applicationId}/lifecycle`, () => ({ status: 503, body: { error: { code: 'unavailable', message: { ko: '잠시 후', en: 'Later' } } } }));
    resumeRoute();
  });

  it('lets a supervisor resume it from the case page with what was fixed, and shows where it goes on — on a phone', async () => {
    await page.setViewportSize(PHONE);
    await signIn('supervisor', ['supervisor']);
    await page.locator('#resume').waitFor();
    // What stopped, in labels: the status it was in, never its code.
    const facts = await page.textContent('#failure-facts');
    expect(facts).toContain('담당자 검토 중');
    expect(facts).not.toContain('awaiting-review');

    // Without a reason: the field's reason, and nothing resumed.
    await page.click('#resume button[type="submit"]');
    await page.locator('#resume [role="alert"]').waitFor();
    expect(await page.textContent('#resume [role="alert"]')).toContain('무엇을 고쳤는지');
    expect(await page.locator('#resume-result').count()).toBe(0);

    await page.fill('#resume-reason', '운영팀이 기관 목록 읽기 오류를 고쳤습니다 (3월 4일 배포).');
    await page.click('#resume button[type="submit"]');
    await page.locator('#resume-result').waitFor();
    expect(await page.textContent('#resume-result')).toContain('사례관리자 검토 단계부터 다시 진행합니다');
    expect(backend.requests.filter((r) => r.method === 'POST' && r.path === path).at(-1)!.body).toEqual({ reason: '운영팀이 기관 목록 읽기 오류를 고쳤습니다 (3월 4일 배포).' });
    // The button is gone: a second click cannot resume it twice.
    expect(await page.locator('#resume button[type="submit"]').isHidden()).toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.locator('#resume').screenshot({ path: '/tmp/resume-shots/case-page-resumed-375.png' });
  });

  it('tells a caseworker whom to ask, and offers no form', async () => {
    await page.setViewportSize(PHONE);
    await signIn('caseworker.jongno', ['caseworker']);
    await page.locator('#resume').waitFor();
    expect(await page.textContent('#resume')).toContain('감독자나 운영 담당자가 재개할 수 있습니다');
    expect(await page.locator('#resume-reason').count()).toBe(0);
  });

  it('gives an operator, who opens no case file, the resume on a page of its own', async () => {
    await page.setViewportSize(PHONE);
    await signIn('operator', ['operator']);
    await page.locator('#resume-reason').waitFor();
    expect(backend.requests.some((r) => r.method === 'GET' && r.path === `/api/staff/applications/${applicationId}`)).toBe(false);
    expect(await page.textContent('h1')).toContain(applicationId);
    await page.fill('#resume-reason', 'Registry read fixed in release 2026.03.04');
    await page.click('#resume button[type="submit"]');
    await page.locator('#resume-result').waitFor();
    expect(await page.textContent('#resume-result')).toContain('다시 진행합니다');
    await page.screenshot({ path: '/tmp/resume-shots/operator-page-375.png', fullPage: true });
  });
});
