/**
 * The case page's lifecycle picture and the failed-notifications view, in a real browser on a 375 px
 * phone (and the picture across on a wide screen), against a fake API. Screenshots go to /tmp/life-shots.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import type { LifecyclePicture } from '../../functions/lifecycle/lifecycle-picture';
import { stageLabels, stages } from '../../functions/lifecycle/stages';
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
const shot = (name: string) => page.screenshot({ path: `/tmp/life-shots/${name}.png`, fullPage: true });
const applicationId = 'A01JZ8Q4M6T2V5X7Y9B3C1D0EF';
const receiptNumber = 'DB-2026-7K3M9Q2X';

const caseFile = {
  id: applicationId,
  receiptNumber,
  programme: 'youth',
  district: '11110',
  status: 'in-service',
  statusLabel: { ko: '서비스 중', en: 'In service' },
  period: 1,
  createdAt: '2026-03-02T01:15:00.000Z',
  updatedAt: '2026-03-20T01:15:03.000Z',
  answers: { applicant: { name: '김청년', district: '11110' } },
  tasks: [],
  supervision: [],
};

const at = (day: number) => new Date(Date.UTC(2026, 2, day, 1, 15)).toISOString();
const picture: LifecyclePicture = {
  current: 'service',
  partial: false,
  executions: [{ name: applicationId, status: 'RUNNING', startedAt: at(2) }],
  stages: stages.map((stage, i) => ({
    stage,
    label: stageLabels[stage],
    progress: i < 4 ? 'done' : i === 4 ? 'current' : 'upcoming',
    ...(i <= 4 ? { firstAt: at(2 + i * 3), lastAt: at(2 + i * 3 + (stage === 'review' ? 2 : 0)) } : {}),
    notes: stage === 'review' ? [{ ko: '보완 요청 1회', en: '1 supplement request' }] : stage === 'matching' ? [{ ko: '기관 제안 2회', en: '2 offers to agencies' }] : [],
  })),
};

async function signIn(username: string, groups: string[], hash: string) {
  backend.on('POST', '/local/auth/sign-in', () => ({ status: 200, body: { idToken: unsignedIdToken({ sub: username, name: username, 'cognito:groups': groups, 'custom:districts': '11110' }) } }));
  await page.goto(`${backend.url}/staff.html${hash}`);
  await page.fill('#username', username);
  await page.fill('#password', 'dolbom-local');
  await page.click('#sign-in-form button[type="submit"]');
}

describe('the lifecycle picture on the case page', () => {
  beforeEach(() => {
    backend.on('GET', `/api/staff/applications/${applicationId}`, () => ({ status: 200, body: caseFile }));
    backend.on('GET', `/api/staff/applications/${applicationId}/lifecycle`, () => ({ status: 200, body: { applicationId, ...picture } }));
  });

  it('shows the stages in order, passed ones done, the current one marked as the step, those ahead muted — on a phone', async () => {
    await page.setViewportSize(PHONE);
    await signIn('caseworker.jongno', ['caseworker'], `#/applications/${applicationId}`);
    const steps = page.locator('#lifecycle-stages > li');
    await steps.first().waitFor();
    expect(await steps.count()).toBe(7);
    expect(await steps.evaluateAll((items) => items.map((li) => li.className))).toEqual([
      'stage done', 'stage done', 'stage done', 'stage done', 'stage current', 'stage upcoming', 'stage upcoming',
    ]);
    const current = page.locator('#lifecycle-stages [aria-current="step"]');
    expect(await current.count()).toBe(1);
    expect(await current.getAttribute('data-stage')).toBe('service');
    expect(await current.textContent()).toContain('서비스 제공');
    // A screen reader hears each stage's state, not only its colour.
    expect(await steps.nth(0).textContent()).toContain('완료');
    expect(await steps.nth(6).textContent()).toContain('예정');
    expect(await page.textContent('#lifecycle')).toContain('보완 요청 1회');
    // The status shows its label only, never the code.
    expect(await page.textContent('#status-label')).toBe('서비스 중');
    expect(await page.textContent('.facts')).not.toContain('in-service');
    // Readable at 375 px: nothing runs off the side.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await page.locator('#lifecycle').screenshot({ path: '/tmp/life-shots/lifecycle-375.png' });
    await shot('case-page-375');
  });

  it("fits the supervision request's dropdowns on a phone: each choice is read whole, what it means written beneath", async () => {
    await page.setViewportSize(PHONE);
    await signIn('caseworker.jongno', ['caseworker'], `#/applications/${applicationId}`);
    await page.locator('#supervision-preferred-form').waitFor();
    for (const [id, value] of [['#supervision-preferred-form', 'visiting'], ['#supervision-preferred-form', 'in-office'], ['#supervision-urgency', 'urgent']] as const) {
      await page.selectOption(id, value);
      // The chosen option's words, set in the select's own font, against the room the select gives them (less its arrow).
      const room = await page.$eval(id, (select) => {
        const s = select as HTMLSelectElement;
        const style = getComputedStyle(s);
        const probe = document.createElement('span');
        probe.style.font = style.font;
        probe.style.whiteSpace = 'nowrap';
        probe.style.position = 'absolute';
        probe.textContent = s.selectedOptions[0]!.textContent;
        document.body.append(probe);
        const text = probe.getBoundingClientRect().width;
        probe.remove();
        return { text, box: s.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - 24 };
      });
      expect(room.text, `${id}=${value}`).toBeLessThanOrEqual(room.box);
    }
    expect(await page.getAttribute('#supervision-preferred-form', 'aria-describedby')).toBe('supervision-preferred-form-help');
    expect(await page.textContent('#supervision-preferred-form-help')).toContain('감독자가 구청');
    await page.locator('form.supervision-ask').screenshot({ path: '/tmp/life-shots/supervision-ask-375.png' });
  });

  it('runs across on a wide screen, and says how it ended', async () => {
    backend.on('GET', `/api/staff/applications/${applicationId}/lifecycle`, () => ({
      status: 200,
      body: {
        applicationId,
        ...picture,
        current: 'closure',
        ended: 'rejected',
        stages: picture.stages.map((s, i) => ({ ...s, progress: i < 3 ? 'done' : i === 6 ? 'current' : 'skipped', notes: i === 6 ? [{ ko: '반려', en: 'Rejected' }] : s.notes })),
      },
    }));
    await page.setViewportSize({ width: 1280, height: 900 });
    await signIn('supervisor', ['supervisor'], `#/applications/${applicationId}`);
    await page.locator('#lifecycle-stages [aria-current="step"]').waitFor();
    expect(await page.textContent('#lifecycle')).toContain('반려로 종결');
    const tops = await page.locator('#lifecycle-stages > li').evaluateAll((items) => items.map((li) => Math.round(li.getBoundingClientRect().top)));
    expect(new Set(tops).size).toBe(1);
    await page.locator('#lifecycle').screenshot({ path: '/tmp/life-shots/lifecycle-wide-rejected.png' });
  });

  it('says so when the picture cannot be read, and the case page still opens', async () => {
    backend.on('GET', `/api/staff/applications/${applicationId}/lifecycle`, () => ({ status: 503, body: { error: { code: 'unavailable', message: { ko: '잠시 후 다시 시도해 주세요.', en: 'Try again shortly.' } } } }));
    await page.setViewportSize(PHONE);
    await signIn('caseworker.jongno', ['caseworker'], `#/applications/${applicationId}`);
    await page.locator('#lifecycle [role="alert"]').waitFor();
    expect(await page.textContent('#lifecycle')).toContain('잠시 후 다시 시도해 주세요');
    expect(await page.textContent('h1')).toContain(receiptNumber);
  });
});

describe('failed notifications in the console', () => {
  const failed = [
    {
      applicationId,
      receiptNumber,
      key: 'received',
      template: 'application-received',
      audience: 'applicant',
      district: '11110',
      channel: 'sms',
      reason: 'send-failed',
      attempts: 4,
      lastError: 'Throttling',
      createdAt: '2026-03-02T01:15:00.000Z',
      failedAt: '2026-03-02T01:15:09.000Z',
    },
    {
      applicationId: 'A01JZ8Q4M6T2V5X7Y9B3C1D0EG',
      receiptNumber: 'DB-2026-9P2R4T6W',
      key: 'received-submitter',
      template: 'application-received',
      audience: 'submitter',
      district: '11110',
      channel: null,
      reason: 'no-contact',
      attempts: 0,
      lastError: null,
      createdAt: '2026-03-01T05:00:00.000Z',
      failedAt: '2026-03-01T05:00:01.000Z',
    },
  ];

  it('lists failures with the case, channel, tries and last error, no contact details, and sends one again — on a phone', async () => {
    let retried = false;
    backend.on('GET', '/api/staff/tasks', () => ({ status: 200, body: { tasks: [] } }));
    backend.on('GET', '/api/staff/tasks/counts', () => ({ status: 200, body: { districts: [] } }));
    backend.on('GET', '/api/staff/notifications', () => ({ status: 200, body: { notifications: retried ? failed.slice(1) : failed } }));
    backend.on('POST', `/api/staff/notifications/${applicationId}/received/retry`, (_request, calls) =>
      calls === 1
        ? ((retried = true), { status: 202, body: { applicationId, key: 'received-retry1', retryOf: 'received', delivery: 'pending' } })
        : { status: 409, body: { error: { code: 'notification-not-failed', message: { ko: '실패한 알림만 다시 보낼 수 있습니다.', en: 'Only a failed notification can be sent again.' } } } },
    );
    await page.setViewportSize(PHONE);
    await signIn('supervisor', ['supervisor'], '#/tasks');
    await page.click('#notifications-link');
    const rows = page.locator('#notifications tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(2);
    expect(backend.requests.find((r) => r.path === '/api/staff/notifications')!.query).toEqual({ state: 'failed', limit: '100' });
    const first = rows.nth(0);
    const text = await first.textContent();
    for (const words of ['접수 안내', '신청인', '문자', '4회', '발송 거부', 'Throttling', receiptNumber]) expect(text).toContain(words);
    expect(await first.locator('a.case-link').getAttribute('href')).toBe(`#/applications/${applicationId}`);
    // For want of a contact: not offered again (it would fail again), and what to do instead is said.
    const noContact = rows.nth(1);
    for (const words of ['접수 안내', '대신 신청한 분', '연락처 없음', '다시 보내도 실패합니다', '다른 연락처로 전화']) expect(await noContact.textContent()).toContain(words);
    expect(await noContact.locator('button').count()).toBe(0);
    expect(await page.textContent('#app')).toContain('연락처는 여기에 표시하지 않습니다');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await shot('notifications-375');

    await first.locator('button.retry').click();
    await first.getByText('다시 보냈습니다').waitFor();
    expect(await first.locator('button.retry').count()).toBe(0);
    expect(backend.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/retry'))).toHaveLength(1);
    await shot('notifications-retried-375');
  });

  it('is linked for operators but not for caseworkers; an operator sees receipt numbers without a case link', async () => {
    backend.on('GET', '/api/staff/tasks', () => ({ status: 403, body: { error: { code: 'forbidden', message: { ko: '권한이 없습니다.', en: 'Not allowed.' } } } }));
    backend.on('GET', '/api/staff/notifications', () => ({ status: 200, body: { notifications: failed } }));
    await signIn('caseworker.jongno', ['caseworker'], '#/tasks');
    await page.locator('#ledger-link').waitFor();
    expect(await page.locator('#notifications-link').count()).toBe(0);

    await page.evaluate(() => sessionStorage.clear());
    await signIn('operator', ['operator'], '#/notifications');
    const rows = page.locator('#notifications tbody tr');
    await rows.first().waitFor();
    expect(await rows.nth(0).locator('a.case-link').count()).toBe(0);
    expect(await rows.nth(0).textContent()).toContain(receiptNumber);
    expect(await rows.nth(0).locator('button.retry').count()).toBe(1);
    expect(await rows.nth(1).locator('button').count()).toBe(0);
    expect(await rows.nth(1).textContent()).toContain('다시 보내도 실패합니다');
  });
});
