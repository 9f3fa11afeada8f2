/**
 * Supervision in a real browser, against a fake API that records requests: a caseworker asks from
 * the case page; a supervisor takes the open request on from the supervision page as an in-office
 * session, then records the advice, which the case page shows.
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
const requestId = `${applicationId}-S1`;
const token = (sub: string, groups: string[]) =>
  unsignedIdToken({ sub, name: sub, 'cognito:groups': groups, 'custom:districts': '11110' });

const ask = { question: '치료를 거부하는 정신질환 가구, 개입 순서는?', tried: '정신건강복지센터 연계 2회 (거부)', urgency: 'urgent', preferredForm: 'in-office' };
const open = {
  requestId,
  applicationId,
  sequence: 1,
  receiptNumber: 'DB-2026-7K3M9Q2X',
  district: '11110',
  programme: 'youth',
  state: 'open',
  ask,
  askedBy: 'caseworker.jongno',
  askedAt: '2026-03-02T01:15:00.000Z',
};
const acceptance = { form: 'in-office', sessionOn: '2026-03-10', place: '3층 회의실 14시', by: 'supervisor', at: '2026-03-03T01:00:00.000Z' };
const advice = { advice: '자녀 안전부터.\n아버지는 동기강화 면담으로.', agreedActions: ['학교와 주 1회 등교 확인', '상담센터 동행 제안'], followUpOn: '2026-04-10', by: 'supervisor', at: '2026-03-10T06:00:00.000Z' };

const caseFile = (supervision: unknown[]) => ({
  id: applicationId,
  receiptNumber: 'DB-2026-7K3M9Q2X',
  programme: 'youth',
  district: '11110',
  status: 'in-service',
  statusLabel: { ko: '서비스 중', en: 'In service' },
  period: 1,
  createdAt: '2026-03-02T01:15:00.000Z',
  updatedAt: '2026-03-02T01:15:03.000Z',
  answers: { applicant: { name: '김청년', district: '11110' } },
  tasks: [],
  supervision,
});

async function signIn(username: string, groups: string[], at: string) {
  backend.on('POST', '/local/auth/sign-in', () => ({ status: 200, body: { idToken: token(username, groups) } }));
  await page.goto(`${backend.url}/staff.html${at}`);
  await page.fill('#username', username);
  await page.fill('#password', 'dolbom-local');
  await page.click('#sign-in-form button[type="submit"]');
}

describe('supervision in the console', () => {
  it('lets a caseworker ask from the case page, and names the missing fields', async () => {
    let asked = false;
    backend.on('GET', `/api/staff/applications/${applicationId}`, () => ({ status: 200, body: caseFile(asked ? [open] : []) }));
    backend.on('POST', `/api/staff/applications/${applicationId}/supervision`, (request) => {
      if (!(request.body as { tried?: string }).tried) {
        return { status: 400, body: { error: { code: 'invalid-input', message: { ko: '입력값을 확인해 주세요.', en: 'x' }, fields: [{ field: 'tried', code: 'supervision-tried-required', message: { ko: '지금까지 해 본 개입을 적어 주세요', en: 'y' } }] } } };
      }
      asked = true;
      return { status: 201, body: open };
    });
    await signIn('caseworker.jongno', ['caseworker'], `#/applications/${applicationId}`);
    await page.locator('#supervision form.supervision-ask').waitFor();
    expect(await page.textContent('#supervision')).toContain('이 사례에 요청한 슈퍼비전이 없습니다');

    await page.fill('#supervision-question', ask.question);
    await page.selectOption('#supervision-urgency', 'urgent');
    await page.selectOption('#supervision-preferred-form', 'in-office');
    await page.click('#ask-supervision');
    await page.locator('#supervision [role="alert"]').waitFor();
    expect(await page.textContent('#supervision [role="alert"]')).toContain('지금까지 해 본 개입을 적어 주세요');

    await page.fill('#supervision-tried', ask.tried);
    await page.click('#ask-supervision');
    await page.locator(`[data-supervision="${requestId}"]`).waitFor();
    expect(backend.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/supervision')).at(-1)!.body).toEqual(ask);
    expect(await page.textContent(`[data-supervision="${requestId}"] h3`)).toContain('접수 대기');
  });

  it('lets a supervisor take an open request on, then record the advice the case page shows', async () => {
    let state: 'open' | 'accepted' | 'advised' = 'open';
    const current = () => (state === 'open' ? open : state === 'accepted' ? { ...open, state, acceptance } : { ...open, state, acceptance, advice });
    backend.on('GET', '/api/staff/tasks', () => ({ status: 200, body: { tasks: [] } }));
    backend.on('GET', '/api/staff/supervision', (request) => ({ status: 200, body: { requests: request.query.state === state ? [current()] : [] } }));
    backend.on('POST', `/api/staff/supervision/${requestId}/acceptance`, () => ((state = 'accepted'), { status: 200, body: current() }));
    backend.on('POST', `/api/staff/supervision/${requestId}/advice`, () => ((state = 'advised'), { status: 200, body: current() }));
    backend.on('GET', `/api/staff/applications/${applicationId}`, () => ({ status: 200, body: caseFile([current()]) }));

    await signIn('supervisor', ['supervisor'], '#/tasks');
    await page.click('#supervision-link');
    const card = page.locator(`[data-supervision="${requestId}"]`);
    await card.locator('form.supervision-accept').waitFor();
    expect(await card.textContent()).toContain(ask.question);
    expect(await card.textContent()).toContain('긴급');
    await page.fill(`#accept-day-${requestId}`, '2026-03-10');
    await page.fill(`#accept-place-${requestId}`, acceptance.place);
    await card.locator('form.supervision-accept button[type="submit"]').click();
    await page.locator('#supervision-list').getByText('이 상태의 요청이 없습니다').waitFor();
    expect(backend.requests.find((r) => r.path.endsWith('/acceptance'))!.body).toEqual({ form: 'in-office', sessionOn: '2026-03-10', place: acceptance.place });

    await page.click('a[href="#/supervision/accepted"]');
    await card.locator('form.supervision-advise').waitFor();
    await page.fill(`#advice-text-${requestId}`, advice.advice);
    await page.fill(`#advice-actions-${requestId}`, `${advice.agreedActions[0]}\n\n ${advice.agreedActions[1]} \n`);
    await page.fill(`#advice-follow-up-${requestId}`, advice.followUpOn);
    await card.locator('form.supervision-advise button[type="submit"]').click();
    await page.locator('#supervision-list').getByText('이 상태의 요청이 없습니다').waitFor();
    expect(backend.requests.find((r) => r.path.endsWith('/advice'))!.body).toEqual({ advice: advice.advice, agreedActions: advice.agreedActions, followUpOn: advice.followUpOn });

    await page.goto(`${backend.url}/staff.html#/applications/${applicationId}`);
    await page.locator(`#supervision [data-supervision="${requestId}"] .supervision-advice`).waitFor();
    expect(await page.textContent('#supervision .supervision-advice')).toBe(advice.advice);
    expect(await page.locator('#supervision li').allTextContents()).toEqual(advice.agreedActions);
    expect(await page.textContent('#supervision .supervision-session')).toContain('2026년 3월 10일');
    // A supervisor does not ask; the caseworker's form is theirs.
    expect(await page.locator('#supervision form.supervision-ask').count()).toBe(0);
  });
});
