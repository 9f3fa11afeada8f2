/**
 * The console's attendance task (three no-shows in a row) and an escalated review, in a real browser
 * against a fake API: what the cards show and what acknowledging sends.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { browserSession } from './support/browser-session';
import type { FakeBackend } from './support/fake-backend';
import { unsignedIdToken } from './support/id-token';

const session = browserSession();
let backend: FakeBackend;
let page: Page;

beforeEach(() => {
  ({ backend, page } = session);
});

const applicationId = 'A01JZ8Q4M6T2V5X7Y9B3C1D0EF';
const attendanceId = `${applicationId}.attendance000000`;
const reviewId = `${applicationId}.review0000000000`;
const idToken = unsignedIdToken({ sub: 'caseworker.jongno', name: '김사례 (종로구)', 'cognito:groups': ['caseworker'] });

const common = { applicationId, period: 1, district: '11110', programme: 'youth', state: 'open', dueAt: '2099-03-12T01:00:00.000Z' };
const attendance = {
  ...common,
  taskId: attendanceId,
  kind: 'attendance',
  kindLabel: { ko: '연속 불참 확인', en: 'Missed sessions: follow-up' },
  createdAt: '2026-03-09T01:00:00.000Z',
  heartbeatSeconds: 0,
  decisions: ['family-called', 'new-times-agreed', 'early-closure-proposed'],
  attendance: {
    missed: [
      { sessionId: '1-02', number: 2, on: '2026-02-23' },
      { sessionId: '1-03', number: 3, on: '2026-03-02' },
      { sessionId: '1-04', number: 4, on: '2026-03-09' },
    ],
  },
};
const review = {
  ...common,
  taskId: reviewId,
  kind: 'review',
  kindLabel: { ko: '신청 검토', en: 'Application review' },
  createdAt: '2026-12-28T01:00:00.000Z',
  firstOpenedAt: '2026-01-05T01:00:00.000Z',
  escalations: 51,
  decisions: ['approve', 'reject', 'request-info'],
};

describe('console: attendance and escalated tasks', () => {
  it('shows the three missed days, and acknowledges with what was done', async () => {
    backend.on('POST', '/local/auth/sign-in', () => ({ status: 200, body: { idToken } }));
    backend.on('GET', '/api/staff/tasks', () => ({ status: 200, body: { tasks: [attendance, review] } }));
    backend.on('GET', `/api/staff/applications/${applicationId}`, () => ({
      status: 200,
      body: {
        id: applicationId,
        receiptNumber: 'DB-2026-7K3M9Q2X',
        programme: 'youth',
        programmeVersion: '2026.1',
        district: '11110',
        status: 'in-service',
        statusLabel: { ko: '서비스 이용 중', en: 'In service' },
        period: 1,
        createdAt: '2026-01-05T01:00:00.000Z',
        updatedAt: '2026-03-09T01:00:00.000Z',
        answers: { applicant: { name: '김청년', district: '11110' } },
        tasks: [attendance, review],
      },
    }));
    backend.on('POST', `/api/staff/tasks/${attendanceId}/decision`, () => ({ status: 202, body: { taskId: attendanceId, decision: 'family-called' } }));

    await page.goto(`${backend.url}/staff.html`);
    await page.fill('#username', 'caseworker.jongno');
    await page.fill('#password', 'dolbom-local');
    await page.click('#sign-in-form button[type="submit"]');
    // The queue dates an escalated review by its first task: the case's age.
    const row = page.locator(`tr[data-task="${reviewId}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('2026. 1. 5.');
    expect(await row.textContent()).toContain('51회');

    await page.click(`tr[data-task="${attendanceId}"] a`);
    const card = page.locator(`section[data-task="${attendanceId}"]`);
    await card.waitFor();
    expect(await card.locator('.attendance li').allTextContents()).toEqual(['2회기 · 2026년 2월 23일', '3회기 · 2026년 3월 2일', '4회기 · 2026년 3월 9일']);
    expect(await card.locator('.choice label').allTextContents()).toEqual(['가족과 통화함', '새 일정 합의함', '조기 종결 제안']);
    expect(await page.locator(`section[data-task="${reviewId}"] .first-opened`).textContent()).toContain('51회');

    await card.locator('.choice input').first().check();
    await card.locator('textarea').fill('어머니와 통화, 다음 주 재개');
    await card.locator('form button[type="submit"]').click();
    await card.locator('.success').waitFor();
    expect(backend.requests.find((r) => r.method === 'POST' && r.path === `/api/staff/tasks/${attendanceId}/decision`)!.body).toEqual({
      decision: 'family-called',
      note: '어머니와 통화, 다음 주 재개',
    });
  });
});
