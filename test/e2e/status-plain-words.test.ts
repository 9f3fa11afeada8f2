/**
 * Issue 10 item 5 in a real browser on a phone-sized screen: the status page tells the citizen what
 * happened in plain sentences (no event code, no rule version, a review reopened after escalations
 * said once), what happens next and by when, and lets them copy or print the two codes. The API is
 * faked, but its timeline and "what next" come from the server's own functions, so the words are
 * the ones a real lookup returns.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../functions/applications/audit';
import { rejectionReasonLabels } from '../../functions/review/rejection-reasons';
import { citizenTimeline } from '../../functions/status/citizen-timeline';
import { whatNext } from '../../functions/status/what-next';
import { seriousViolations } from './support/axe';
import { browserSession } from './support/browser-session';
import type { FakeBackend } from './support/fake-backend';

const session = browserSession({ failOnConsoleErrors: true });
let backend: FakeBackend;
let page: Page;

const PHONE = { width: 375, height: 812 };
const SHOTS = '/tmp/e2e-shots';
const receiptNumber = 'DB-2026-7K3M9Q2X';
const accessCode = 'R4TW-9XK2-MP7D';
const applicationId = 'A01JZ8Q4M6T2V5X7Y9B3C1D0EF';

beforeAll(() => mkdirSync(SHOTS, { recursive: true }));
beforeEach(async () => {
  ({ backend, page } = session);
  await page.setViewportSize(PHONE);
});

const shot = (name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
const sidewaysScroll = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

let n = 0;
const audit = (action: string, at: string, fields: Partial<AuditEvent> = {}): AuditEvent => ({
  eventId: `e${++n}`,
  applicationId,
  at,
  actor: { kind: 'system', step: 'Test' },
  action,
  visibleToApplicant: true,
  ...fields,
});

/** A review that escalated twice: the audit trail as the workflow writes it. */
const escalatedTwice = [
  audit('application.submitted', '2026-03-02T01:15:00.000Z', { status: 'submitted', detail: { programme: 'youth', programmeVersion: '2026.1' } }),
  audit('eligibility.checked', '2026-03-02T01:15:02.000Z', { status: 'screened', detail: { outcome: 'eligible', ruleVersion: 'youth@2026.1/2026' } }),
  audit('task.opened', '2026-03-02T01:15:03.000Z', { status: 'awaiting-review', detail: { kind: 'review', dueAt: '2026-03-09T01:15:03.000Z' } }),
  audit('task.escalated', '2026-03-09T01:15:03.000Z', { visibleToApplicant: false, detail: { kind: 'review' } }),
  audit('task.opened', '2026-03-09T01:15:04.000Z', { status: 'awaiting-review', detail: { kind: 'review' } }),
  audit('task.escalated', '2026-03-16T01:15:04.000Z', { visibleToApplicant: false, detail: { kind: 'review' } }),
  audit('task.opened', '2026-03-16T01:15:05.000Z', { status: 'awaiting-review', detail: { kind: 'review' } }),
];

const eligibility = {
  outcome: 'eligible',
  reasons: [{ ko: '신청 자격 기준을 모두 충족합니다', en: 'All eligibility criteria are met' }],
  criteria: [{ id: 'age', label: { ko: '나이', en: 'Age' }, passed: true, reason: { ko: '2026년 기준 28세(19~34세)', en: 'Aged 28 by birth year (19–34)' } }],
  copay: { tier: 'youth', ratePercent: 10, packageAmount: 60000, amountKrw: 60000 },
};

const base = {
  applicationId,
  receiptNumber,
  programme: 'youth',
  programmeName: { ko: '청년마음건강지원사업', en: 'Youth mental-health voucher' },
  district: '11110',
  districtName: { ko: '종로구', en: 'Jongno-gu' },
  period: 1,
  submittedAt: '2026-03-02T01:15:00.000Z',
  eligibility,
};

async function lookUp(view: object) {
  backend.on('POST', '/api/applications/lookup', () => ({ status: 200, body: view }));
  await page.goto(`${backend.url}/status.html`);
  expect(await seriousViolations(page), 'the lookup form').toEqual([]);
  await page.fill('#receipt-number', receiptNumber);
  await page.fill('#access-code', accessCode);
  await page.click('#look-up');
  await page.locator('#status-label').waitFor();
}

/** Words that look like codes: `service-period.ended`, `youth 2026`, a rule version. */
async function codeLikeText(selector: string): Promise<string[]> {
  const text = (await page.textContent(selector)) ?? '';
  return [...text.matchAll(/[a-z]+\.[a-z-]+|youth 2026|\d{4}\.\d|적용 기준|awaiting-review|[a-z]+-[a-z]+-[a-z]+/g)].map((m) => m[0]);
}

describe('status page in plain words, on a phone', () => {
  it('tells the steps once each in sentences, what happens next and by when, and copies the two codes', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: backend.url });
    const view = {
      ...base,
      status: 'awaiting-review',
      statusLabel: { ko: '담당자 검토 중', en: 'Waiting for case-manager review' },
      updatedAt: '2026-03-16T01:15:05.000Z',
      timeline: citizenTimeline(escalatedTwice),
      next: whatNext({ status: 'awaiting-review' }, { today: '2026-03-05', taskDueOn: '2026-03-09' }),
    };
    await lookUp(view);

    const steps = await page.locator('#timeline li .step').allTextContents();
    expect(steps).toEqual(['신청이 접수되었습니다.', '신청 자격 기준을 확인했습니다.', '담당자가 신청 내용을 검토하고 있습니다.']);
    expect(await page.locator('#timeline li time').count()).toBe(3);
    expect(await codeLikeText('#timeline')).toEqual([]);
    expect(await codeLikeText('#result')).toEqual([]);
    expect(await page.locator('.rule-version').count()).toBe(0);

    expect(await page.textContent('#what-next-text')).toContain('담당자가 신청 내용을 검토합니다');
    expect(await page.textContent('#what-next-when')).toBe('검토 예정일: 2026년 3월 9일');
    expect(await sidewaysScroll()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await shot('status-plain-words-review');

    // The two codes, copied, with a confirmation a screen reader hears (a status region).
    expect(await page.textContent('#kept-receipt-number')).toBe(receiptNumber);
    expect(await page.textContent('#kept-access-code')).toBe(accessCode);
    await page.click('#copy-codes');
    await page.locator('#copy-status:has-text("복사했습니다")').waitFor();
    expect(await page.getAttribute('#copy-status', 'role')).toBe('status');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`접수번호: ${receiptNumber}\n접근 코드: ${accessCode}`);
    expect(page.url()).not.toContain(accessCode);
    await page.locator('#receipt-keeper').screenshot({ path: `${SHOTS}/status-plain-words-copied.png` });

    // On paper: the codes, the status and the steps; no form, no buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.isVisible('#lookup-form')).toBe(false);
    expect(await page.isVisible('#copy-codes')).toBe(false);
    expect(await page.isVisible('#kept-access-code')).toBe(true);
    expect(await page.isVisible('#timeline')).toBe(true);
    await shot('status-plain-words-print');
    await page.emulateMedia({ media: 'screen' });

    await page.click('#lang-toggle');
    expect(await page.locator('#timeline li .step').allTextContents()).toEqual([
      'We received your application.',
      'We checked the eligibility criteria.',
      'A case manager is reviewing your application.',
    ]);
    expect(await page.textContent('#what-next-when')).toBe('Review due by: 9 March 2026');
    expect(await codeLikeText('#timeline')).toEqual([]);
  });

  it('says a late review is late instead of giving a date gone by', async () => {
    await lookUp({
      ...base,
      status: 'awaiting-review',
      statusLabel: { ko: '담당자 검토 중', en: 'Waiting for case-manager review' },
      updatedAt: '2026-03-16T01:15:05.000Z',
      timeline: citizenTimeline(escalatedTwice),
      next: whatNext({ status: 'awaiting-review' }, { today: '2026-03-17', taskDueOn: '2026-03-09' }),
    });
    expect(await page.textContent('#what-next-text')).toContain('늦어지고 있습니다');
    expect(await page.locator('#what-next-when').count()).toBe(0);
  });

  it('after a rejection, points to the appeal with the same last day as the rejection', async () => {
    const rejectedTrail = [
      ...escalatedTwice.slice(0, 3),
      audit('review.decided', '2026-03-04T02:00:00.000Z', { detail: { decision: 'reject' } }),
      audit('application.rejected', '2026-03-04T02:00:01.000Z', { status: 'rejected', detail: { basis: 'review' } }),
    ];
    await lookUp({
      ...base,
      status: 'rejected',
      statusLabel: { ko: '부적격 또는 반려', en: 'Not approved' },
      updatedAt: '2026-03-04T02:00:01.000Z',
      timeline: citizenTimeline(rejectedTrail),
      next: whatNext({ status: 'rejected' }, { today: '2026-03-05', appealBy: '2026-04-03' }),
      rejection: {
        decidedAt: '2026-03-04T02:00:00.000Z',
        decidedBy: { ko: '담당자 검토', en: 'Review by a case manager' },
        reasons: [rejectionReasonLabels['equivalent-service']],
        appeal: { office: { ko: '종로구청', en: 'the Jongno-gu Office' }, by: '2026-04-03', days: 30 },
      },
    });
    expect(await page.locator('#timeline li .step').allTextContents()).toEqual([
      '신청이 접수되었습니다.',
      '신청 자격 기준을 확인했습니다.',
      '담당자가 신청 내용을 검토하고 있습니다.',
      '지원 대상으로 결정되지 않았습니다.',
    ]);
    expect(await page.textContent('#what-next-text')).toContain('이의신청');
    expect(await page.textContent('#what-next-when')).toBe('이의신청 기한: 2026년 4월 3일');
    expect(await page.textContent('#rejection-appeal')).toContain('2026년 4월 3일까지 종로구청에 이의신청');
    expect(await codeLikeText('#result')).toEqual([]);
    expect(await sidewaysScroll()).toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await shot('status-plain-words-rejected');
  });
});
