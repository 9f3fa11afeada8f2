/**
 * The work queue in a real browser against a fake API: its columns, a filter and a search sent as the
 * API reads them, a case found by receipt number with no task open, the supervisor's counts, and a
 * phone-sized screen without sideways scrolling.
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

const tokenFor = (sub: string, groups: string[], districts?: string) =>
  unsignedIdToken({ sub, name: sub, 'cognito:groups': groups, ...(districts ? { 'custom:districts': districts } : {}) });

const reviewLabel = { ko: '신청 검토', en: 'Application review' };
function row(n: number, extra: Record<string, unknown> = {}) {
  const applicationId = `A01JZ8Q4M6T2V5X7Y9B3C1D0E${n}`;
  return {
    taskId: `${applicationId}.task000000000000`,
    applicationId,
    kind: 'review',
    kindLabel: reviewLabel,
    period: 1,
    district: '11110',
    programme: 'youth',
    state: 'open',
    createdAt: '2026-03-02T01:00:00.000Z',
    dueAt: '2026-03-09T01:00:00.000Z',
    decisions: ['approve', 'reject', 'request-info'],
    receiptNumber: `DB-2026-7K3M9Q2${n}`,
    applicantName: `김청년${n}`,
    applicationStatus: 'awaiting-review',
    applicationStatusLabel: { ko: '담당자 검토 중', en: 'Waiting for case-manager review' },
    submittedAt: '2026-03-02T01:00:00.000Z',
    receivedAt: '2026-03-02T01:00:00.000Z',
    slaDueAt: '2026-03-09T01:00:00.000Z',
    sla: { state: 'on-time', label: { ko: '기한 내', en: 'On time' } },
    ageDays: 3,
    escalations: 0,
    ...extra,
  };
}
const escalated = row(2, {
  receivedAt: '2026-02-01T01:00:00.000Z',
  firstOpenedAt: '2026-02-01T01:00:00.000Z',
  slaDueAt: '2026-02-08T01:00:00.000Z',
  firstDueAt: '2026-02-08T01:00:00.000Z',
  dueAt: '2026-03-15T01:00:00.000Z',
  sla: { state: 'overdue', label: { ko: '기한 지남', en: 'Overdue' } },
  ageDays: 32,
  escalations: 4,
  assignee: 'caseworker.jongno',
});

async function signIn(token: string): Promise<void> {
  backend.on('POST', '/local/auth/sign-in', () => ({ status: 200, body: { idToken: token } }));
  await page.goto(`${backend.url}/staff.html`);
  await page.fill('#username', 'someone');
  await page.fill('#password', 'dolbom-local');
  await page.click('#sign-in-form button[type="submit"]');
}

const queries = () => backend.requests.filter((r) => r.method === 'GET' && r.path === '/api/staff/tasks').map((r) => r.query);

describe('console: the work queue', () => {
  it('shows the columns, each link named by its case, and the escalated case overdue', async () => {
    backend.on('GET', '/api/staff/tasks', () => ({ status: 200, body: { tasks: [escalated, row(1)] } }));
    await signIn(tokenFor('caseworker.jongno', ['caseworker'], '11110'));
    const late = page.locator(`tr[data-task="${escalated.taskId}"]`);
    await late.waitFor();
    // The first column ticks tasks for a bulk decision: its header box selects the page's review tasks.
    expect(await page.locator('table.queue th').allTextContents()).toEqual(['이 쪽의 검토 업무 모두 선택', '접수번호', '신청인', '업무', '사업', '상태', '담당', '접수', '기한', '경과', '처리기한', '상향']);
    expect(await page.locator('table.queue a.case-link').allTextContents()).toEqual(['DB-2026-7K3M9Q22', 'DB-2026-7K3M9Q21']);
    const text = await late.textContent();
    for (const shown of ['김청년2', '담당자 검토 중', 'caseworker.jongno', '2026. 2. 1.', '2026. 2. 8.', '32일', '기한 지남', '4회']) expect(text).toContain(shown);
    expect(await late.getAttribute('class')).toBe('overdue');
    expect(await page.textContent(`tr[data-task="${row(1).taskId}"]`)).toContain('미배정');
    // A caseworker chooses among their own districts only, and sees no supervisor counts.
    expect(await page.locator('#f-district option').allTextContents()).toEqual(['모든 담당 자치구', '종로구']);
    expect(await page.locator('#task-counts').count()).toBe(0);
  });

  it('sends a filter as the API reads it, and finds a task by receipt number', async () => {
    backend.on('GET', '/api/staff/tasks', (request) => {
      if (request.query.q) return { status: 200, body: { tasks: [escalated] } };
      if (request.query.kind === 'risk') return { status: 200, body: { tasks: [] } };
      return { status: 200, body: { tasks: [row(1), escalated] } };
    });
    await signIn(tokenFor('caseworker.jongno', ['caseworker'], '11110'));
    await page.locator('tr[data-task]').first().waitFor();
    await page.selectOption('#f-kind', 'risk');
    await page.locator('#tasks p').filter({ hasText: '처리할 업무가 없습니다' }).waitFor();
    await page.check('#f-overdue');
    await page.locator('#tasks p').filter({ hasText: '처리할 업무가 없습니다' }).waitFor();
    await page.selectOption('#f-kind', '');
    await page.uncheck('#f-overdue');
    await page.fill('#f-q', escalated.receiptNumber);
    await page.press('#f-q', 'Enter');
    await page.locator('#tasks .hint').waitFor();
    expect(await page.locator('tr[data-task]').count()).toBe(1);
    expect(await page.isDisabled('#next-tasks')).toBe(true);
    const sent = queries();
    expect(sent[0]).toEqual({});
    expect(sent).toContainEqual({ kind: 'risk' });
    expect(sent).toContainEqual({ kind: 'risk', overdue: 'true' });
    expect(sent.at(-1)).toEqual({ q: escalated.receiptNumber });
  });

  it('looks up a case by receipt number though no task is open, and opens it', async () => {
    const found = {
      applicationId: 'A01JZ8Q4M6T2V5X7Y9B3C1D0E9',
      receiptNumber: 'DB-2026-7K3M9Q29',
      applicantName: '이시민',
      programme: 'youth',
      district: '11110',
      status: 'in-service',
      statusLabel: { ko: '서비스 이용 중', en: 'Receiving the service' },
      period: 1,
      submittedAt: '2026-01-05T01:00:00.000Z',
      updatedAt: '2026-02-05T01:00:00.000Z',
      openTasks: [],
    };
    backend.on('GET', '/api/staff/tasks', () => ({ status: 200, body: { tasks: [] } }));
    backend.on('GET', '/api/staff/cases', (request) =>
      request.query.receipt === found.receiptNumber
        ? { status: 200, body: { cases: [found] } }
        : { status: 403, body: { error: { code: 'forbidden', message: { ko: '이 작업을 할 권한이 없습니다.', en: 'Not allowed.' } } } },
    );
    backend.on('GET', `/api/staff/applications/${found.applicationId}`, () => ({
      status: 200,
      body: { id: found.applicationId, receiptNumber: found.receiptNumber, programme: 'youth', programmeVersion: '2026.1', district: '11110', status: 'in-service', statusLabel: found.statusLabel, period: 1, createdAt: found.submittedAt, updatedAt: found.updatedAt, answers: { applicant: { name: '이시민' } }, tasks: [] },
    }));
    await signIn(tokenFor('caseworker.jongno', ['caseworker'], '11110'));
    await page.fill('#lookup-receipt', 'DB-2026-0000000X');
    await page.click('#case-lookup button[type="submit"]');
    await page.locator('#lookup-result [role="alert"]').waitFor();
    await page.fill('#lookup-receipt', found.receiptNumber);
    await page.click('#case-lookup button[type="submit"]');
    const card = page.locator(`#lookup-result [data-application="${found.applicationId}"]`);
    await card.waitFor();
    expect(await card.textContent()).toContain('열린 업무 없음');
    expect(await card.textContent()).toContain('이시민');
    await card.locator('a').click();
    await page.locator('h1').filter({ hasText: found.receiptNumber }).waitFor();
  });

  it('shows a supervisor the counts across districts, and fits a phone', async () => {
    backend.on('GET', '/api/staff/tasks', () => ({ status: 200, body: { tasks: [escalated, row(1)], next: 'page-2' } }));
    backend.on('GET', '/api/staff/tasks/counts', () => ({
      status: 200,
      body: {
        at: '2026-03-05T01:00:00.000Z',
        districts: [
          { district: '11110', byKind: { review: { open: 2, overdue: 1, unassigned: 1 } }, total: { open: 2, overdue: 1, unassigned: 1 } },
          { district: '11440', byKind: {}, total: { open: 0, overdue: 0, unassigned: 0 } },
        ],
      },
    }));
    await page.setViewportSize({ width: 375, height: 812 });
    await signIn(tokenFor('supervisor', ['supervisor']));
    await page.locator('#task-counts tr[data-district="11110"]').waitFor();
    expect(await page.locator('#task-counts tbody tr').count()).toBe(1);
    expect(await page.textContent('#task-counts tr[data-district="11110"] [data-kind="review"]')).toBe('2 / 1 / 1');
    expect(await page.locator('#f-district option').count()).toBe(26);
    await page.locator('tr[data-task]').first().waitFor();
    // On a phone each task is a card whose cells name themselves.
    expect(await page.locator(`tr[data-task="${escalated.taskId}"] .cell-label`).first().isVisible()).toBe(true);
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
    await page.screenshot({ path: '/tmp/console-queue-phone.png', fullPage: true });
  });
});
