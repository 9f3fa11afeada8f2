/**
 * A rejection's reason in a real browser, against a fake API that records requests: the console's
 * reject sends the reason and the words to the applicant apart from the internal note; the status
 * page shows the reason, those words and how to appeal, and an eligibility box that agrees.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { rejectionReasonLabels } from '../../functions/review/rejection-reasons';
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
const taskId = `${applicationId}.abcdefghijklmnop`;
const css = (id: string) => id.replace('.', '\\.');
const words = '구 정신건강복지센터 상담을 계속 이용해 주세요';

const eligibility = {
  outcome: 'eligible',
  reasons: [{ ko: '신청 자격 기준을 모두 충족합니다', en: 'All eligibility criteria are met' }],
  criteria: [{ id: 'age', label: { ko: '나이', en: 'Age' }, passed: true, reason: { ko: '2026년 기준 28세(19~34세)', en: 'Aged 28 by birth year (19–34)' } }],
  copay: { tier: 'youth', ratePercent: 10, packageAmount: 60000, amountKrw: 60000 },
};

describe('status page: a rejected application', () => {
  it('shows the reason, the case manager’s words and how to appeal, with an eligibility box that agrees', async () => {
    const view = {
      applicationId,
      receiptNumber: 'DB-2026-7K3M9Q2X',
      programme: 'youth',
      district: '11110',
      status: 'rejected',
      statusLabel: { ko: '부적격 또는 반려', en: 'Not approved' },
      period: 1,
      submittedAt: '2026-03-02T01:15:00.000Z',
      updatedAt: '2026-03-31T20:00:00.000Z',
      timeline: [],
      eligibility: {
        ...eligibility,
        afterRules: {
          heading: { ko: '자격 기준 확인: 충족', en: 'Eligibility criteria: met' },
          note: { ko: '아래 자격 기준 확인은 통과했습니다. 그 뒤 담당자가 검토해, 위 결정에 적힌 사유로 지원하지 않기로 결정했습니다.', en: 'You met the criteria below. A case manager then reviewed…' },
        },
      },
      rejection: {
        decidedAt: '2026-03-31T20:00:00.000Z',
        decidedBy: { ko: '담당자 검토', en: 'Review by a case manager' },
        reasons: [rejectionReasonLabels['equivalent-service']],
        fromCaseManager: words,
        appeal: { office: { ko: '종로구청', en: 'the Jongno-gu Office' }, by: '2026-05-01', days: 30 },
      },
    };
    backend.on('POST', '/api/applications/lookup', () => ({ status: 200, body: view }));
    await page.goto(`${backend.url}/status.html`);
    await page.fill('#receipt-number', 'DB-2026-7K3M9Q2X');
    await page.fill('#access-code', 'R4TW-9XK2-MP7D');
    await page.click('#look-up');
    await page.locator('#rejection').waitFor();

    expect(await page.textContent('#rejection-reasons')).toBe(rejectionReasonLabels['equivalent-service'].ko);
    expect(await page.textContent('#rejection-from-case-manager')).toBe(words);
    const appeal = await page.textContent('#rejection-appeal');
    expect(appeal).toContain('2026년 5월 1일까지 종로구청에 이의신청');
    expect(await page.textContent('.eligibility .outcome')).toBe('자격 기준 확인: 충족');
    expect(await page.textContent('#eligibility-after-rules')).toContain('담당자가 검토해');
    // No withdrawal offered on a case that is over.
    expect(await page.locator('#withdrawal').count()).toBe(0);

    await page.click('#lang-toggle');
    expect(await page.textContent('#rejection-appeal')).toContain('appeal to the Jongno-gu Office by 1 May 2026');
  });
});

describe('console: rejecting with a reason', () => {
  const idToken = unsignedIdToken({ sub: 'caseworker.jongno', name: '김사례 (종로구)', 'cognito:groups': ['caseworker'], 'custom:districts': '11110' });
  const task = {
    taskId,
    applicationId,
    kind: 'review',
    kindLabel: { ko: '신청 검토', en: 'Application review' },
    period: 1,
    district: '11110',
    programme: 'youth',
    state: 'open',
    createdAt: '2026-03-02T01:15:03.000Z',
    dueAt: '2099-03-09T01:15:03.000Z',
    decisions: ['approve', 'reject', 'request-info'],
  };
  const caseFile = {
    id: applicationId,
    receiptNumber: 'DB-2026-7K3M9Q2X',
    programme: 'youth',
    district: '11110',
    status: 'awaiting-review',
    statusLabel: { ko: '담당자 검토 중', en: 'Waiting for case-manager review' },
    period: 1,
    createdAt: '2026-03-02T01:15:00.000Z',
    updatedAt: '2026-03-02T01:15:03.000Z',
    answers: { applicant: { name: '김청년', district: '11110' } },
    eligibility,
    tasks: [task],
  };

  it('offers the reasons when reject is chosen and sends them apart from the internal note', async () => {
    backend.on('POST', '/local/auth/sign-in', () => ({ status: 200, body: { idToken } }));
    backend.on('GET', '/api/staff/tasks', () => ({ status: 200, body: { tasks: [task] } }));
    backend.on('GET', `/api/staff/applications/${applicationId}`, () => ({ status: 200, body: caseFile }));
    backend.on('GET', `/api/staff/applications/${applicationId}/candidates`, () => ({ status: 200, body: { applicationId, candidates: [] } }));
    backend.on('POST', `/api/staff/tasks/${taskId}/decision`, () => ({ status: 202, body: { taskId, decision: 'reject' } }));
    await page.goto(`${backend.url}/staff.html#/applications/${applicationId}`);
    await page.fill('#username', 'caseworker.jongno');
    await page.fill('#password', 'dolbom-local');
    await page.click('#sign-in-form button[type="submit"]');
    await page.locator(`[data-task="${taskId}"] form`).waitFor();

    const reasons = page.locator(`[data-task="${taskId}"] fieldset.rejection`);
    expect(await reasons.isHidden()).toBe(true);
    await page.check(`#decision-${css(taskId)}-1`);
    expect(await reasons.isVisible()).toBe(true);
    await page.selectOption(`#rejection-reason-${css(taskId)}`, 'equivalent-service');
    await page.fill(`#rejection-to-citizen-${css(taskId)}`, words);
    await page.fill(`#note-${css(taskId)}`, '내부: 통화 기록 참조');
    await page.click(`[data-task="${taskId}"] form button[type="submit"]`);
    await page.locator(`[data-task="${taskId}"] .success`).waitFor();
    expect(backend.requests.find((r) => r.method === 'POST' && r.path === `/api/staff/tasks/${taskId}/decision`)!.body).toEqual({
      decision: 'reject',
      note: '내부: 통화 기록 참조',
      rejection: { reason: 'equivalent-service', toCitizen: words },
    });
  });
});
