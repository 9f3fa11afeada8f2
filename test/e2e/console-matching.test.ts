/**
 * The case manager's side of matching in a real browser, against a fake API that records requests:
 * the live candidates with their reasons, choosing whom to offer first with 승인, and what happened
 * after (offers and their answers, exclusions, the waiting list). Screenshots go to /tmp/console-*.png.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { browserSession } from './support/browser-session';
import type { FakeBackend } from './support/fake-backend';
import { unsignedIdToken } from './support/id-token';

const session = browserSession({ failOnConsoleErrors: false });
let backend: FakeBackend;
let page: Page;

beforeEach(() => {
  ({ backend, page } = session);
});

const calls = (method: string, path: string) => backend.requests.filter((r) => r.method === method && r.path === path);
const shot = (name: string) => page.screenshot({ path: `/tmp/console-${name}.png`, fullPage: true });

const applicationId = 'A01JZ8Q4M6T2V5X7Y9B3C1D0EF';
const taskId = `${applicationId}.abcdefghijklmnop`;
const escapedTaskId = taskId.replace('.', '\\.');

const idToken = unsignedIdToken({ sub: 'caseworker.jongno', name: '김사례 (종로구)', 'cognito:groups': ['caseworker'] });

const candidates = [
  {
    counsellorId: 'C-0001',
    counsellorFirstName: '지은',
    agencyId: 'AG-MAEUM',
    agencyName: { ko: '마음숲 상담센터', en: 'Maeumsup Counselling Centre' },
    agencyDistrict: '11110',
    agencyDistrictName: { ko: '종로구', en: 'Jongno-gu' },
    score: 87,
    parts: [
      { factor: 'distance', points: 40, reason: { ko: '같은 구', en: 'Same district' } },
      { factor: 'time', points: 25, reason: { ko: '야간 가능', en: 'Evenings possible' } },
      { factor: 'gender', points: 22, reason: { ko: '여성 상담사 희망 충족', en: 'Female counsellor as wished' } },
    ],
    reason: { ko: '같은 구, 야간 가능, 여성 상담사 희망 충족', en: 'Same district, evenings possible, female counsellor as wished' },
  },
  {
    counsellorId: 'C-0002',
    counsellorFirstName: '서연',
    agencyId: 'AG-HANUL',
    agencyName: { ko: '하늘 청년상담소', en: 'Hanul Youth Counselling' },
    agencyDistrict: '11140',
    agencyDistrictName: { ko: '중구', en: 'Jung-gu' },
    score: 71,
    parts: [
      { factor: 'distance', points: 30, reason: { ko: '이웃 구(중구)', en: 'Neighbouring district (Jung-gu)' } },
      { factor: 'language', points: 25, reason: { ko: '영어 상담 가능', en: 'Counselling in English' } },
      { factor: 'load', points: 16, reason: { ko: '여유 있는 상담사', en: 'Counsellor with room' } },
    ],
    reason: { ko: '이웃 구(중구), 영어 상담 가능, 여유 있는 상담사', en: 'Neighbouring district (Jung-gu), counselling in English, counsellor with room' },
  },
  {
    counsellorId: 'C-0003',
    counsellorFirstName: '민수',
    agencyId: 'AG-SOOP',
    agencyName: { ko: '숲속 심리상담소', en: 'Soop Psychology Clinic' },
    agencyDistrict: '11290',
    agencyDistrictName: { ko: '성북구', en: 'Seongbuk-gu' },
    score: 52,
    parts: [{ factor: 'distance', points: 20, reason: { ko: '가까운 구(성북구)', en: 'Nearby district (Seongbuk-gu)' } }],
    reason: { ko: '가까운 구(성북구)', en: 'Nearby district (Seongbuk-gu)' },
  },
];

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
  programmeVersion: '2026.1',
  district: '11110',
  status: 'awaiting-review',
  statusLabel: { ko: '담당자 검토 중', en: 'Waiting for case-manager review' },
  period: 1,
  createdAt: '2026-03-02T01:15:00.000Z',
  updatedAt: '2026-03-02T01:15:03.000Z',
  answers: { applicant: { name: '김청년', district: '11110' }, counsellorType: 'A' },
  tasks: [task],
  offers: [],
};

async function openCaseFile(file: object): Promise<void> {
  backend.on('GET', `/api/staff/applications/${applicationId}`, () => ({ status: 200, body: file }));
  await page.goto(`${backend.url}/staff.html`);
  await page.evaluate((token) => sessionStorage.setItem('dolbom.staff.idToken', token), idToken);
  await page.goto(`${backend.url}/staff.html#/applications/${applicationId}`);
  await page.locator('#matching').waitFor();
}

async function noSidewaysScroll(): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

describe('provider matching while the application is in review', () => {
  it('shows the candidates with their reasons and approves proposing the second one', async () => {
    backend.on('GET', `/api/staff/applications/${applicationId}/candidates`, () => ({ status: 200, body: { applicationId, rankedAt: '2026-03-03T00:30:00.000Z', candidates } }));
    backend.on('POST', `/api/staff/tasks/${taskId}/decision`, () => ({ status: 202, body: { taskId, decision: 'approve' } }));
    await page.setViewportSize({ width: 1280, height: 900 });
    await openCaseFile(caseFile);
    await page.locator('#matching li.candidate').first().waitFor();

    const items = page.locator('#matching li.candidate');
    expect(await items.count()).toBe(3);
    for (const [i, c] of candidates.entries()) {
      const text = await items.nth(i).textContent();
      expect(text).toContain(`${c.counsellorFirstName} 상담사`);
      expect(text).toContain(c.agencyName.ko);
      expect(text).toContain(c.agencyDistrictName.ko);
      expect(text).toContain(`점수 ${c.score}`);
      expect(text).toContain(c.reason.ko);
    }
    // The first candidate is chosen until someone picks another, and 승인 says so.
    expect(await page.isChecked('#candidate-0')).toBe(true);
    await page.check(`#decision-${escapedTaskId}-0`);
    expect(await page.textContent('#proposal-summary')).toBe('지은 상담사 · 마음숲 상담센터');
    await shot('review-desktop');

    await page.check('#candidate-1');
    expect(await page.textContent('#proposal-summary')).toBe('서연 상담사 · 하늘 청년상담소');
    // A decision other than 승인 proposes nobody, and hides the line.
    await page.check(`#decision-${escapedTaskId}-1`);
    expect(await page.isHidden('.proposal')).toBe(true);
    await page.check(`#decision-${escapedTaskId}-0`);
    await page.click(`[data-task="${taskId}"] form button[type="submit"]`);
    await page.locator(`[data-task="${taskId}"] .success`).waitFor();

    const [decision] = calls('POST', `/api/staff/tasks/${taskId}/decision`);
    expect(decision!.body).toEqual({ decision: 'approve', counsellorId: 'C-0002' });
    expect(calls('GET', `/api/staff/applications/${applicationId}/candidates`)[0]!.headers.authorization).toBe(`Bearer ${idToken}`);

    // Switching language keeps the choice and shows the English reason.
    await page.click('#lang-toggle');
    expect(await items.nth(1).textContent()).toContain(candidates[1]!.reason.en);
    expect(await page.isChecked('#candidate-1')).toBe(true);
    await page.locator('#matching').screenshot({ path: '/tmp/console-review-panel-en.png' });
    await page.click('#lang-toggle');
  });

  it('fits a phone: no sideways scroll, the reasons readable, the choice reachable from 승인', async () => {
    // Ten candidates, as the route answers at most: three show, the rest fold away.
    const firstNames = ['지은', '서연', '민수', '하늘', '도윤', '예린', '준호', '수아', '현우', '다은'];
    const ten = firstNames.map((counsellorFirstName, i) => ({ ...candidates[i % 3]!, counsellorId: `C-10${i}`, counsellorFirstName, score: 90 - i * 5 }));
    backend.on('GET', `/api/staff/applications/${applicationId}/candidates`, () => ({ status: 200, body: { applicationId, rankedAt: '2026-03-03T00:30:00.000Z', candidates: ten } }));
    await page.setViewportSize({ width: 375, height: 812 });
    await openCaseFile(caseFile);
    await page.locator('#matching li.candidate').first().waitFor();
    expect(await page.locator('#matching li.candidate:visible').count()).toBe(3);
    expect(await page.textContent('#more-candidates')).toBe('후보 7명 더 보기');
    await page.locator('#matching li.candidate').nth(1).locator('details summary').click();
    await page.check(`#decision-${escapedTaskId}-0`);
    await noSidewaysScroll();
    await shot('review-phone');
    await page.locator('#matching').screenshot({ path: '/tmp/console-review-phone-panel.png' });
    await page.locator(`[data-task="${taskId}"]`).screenshot({ path: '/tmp/console-review-phone-task.png' });
    // "Choose another candidate" takes the focus to the chosen one.
    await page.click('.proposal button.link');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('candidate-0');
    await page.click('#more-candidates');
    expect(await page.locator('#matching li.candidate:visible').count()).toBe(10);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('candidate-3');
    await page.check('#candidate-9');
    expect(await page.textContent('#proposal-summary')).toBe('다은 상담사 · 마음숲 상담센터');
    await noSidewaysScroll();
  });

  it('says when the chosen counsellor is no longer a candidate, and ranks again', async () => {
    backend.on('GET', `/api/staff/applications/${applicationId}/candidates`, (_request, n) => ({
      status: 200,
      body: { applicationId, rankedAt: '2026-03-03T00:30:00.000Z', candidates: n === 1 ? candidates : [candidates[0], candidates[2]] },
    }));
    const message = { ko: '선택한 상담사는 지금 이 신청의 후보가 아닙니다', en: 'The counsellor chosen is no longer a candidate' };
    backend.on('POST', `/api/staff/tasks/${taskId}/decision`, () => ({
      status: 400,
      body: { error: { code: 'invalid-input', message: { ko: '입력값을 확인해 주세요.', en: 'Some fields are missing or invalid.' }, fields: [{ field: 'counsellorId', code: 'counsellor-not-a-candidate', message }] } },
    }));
    await openCaseFile(caseFile);
    await page.locator('#candidate-1').waitFor();
    await page.check('#candidate-1');
    await page.check(`#decision-${escapedTaskId}-0`);
    await page.click(`[data-task="${taskId}"] form button[type="submit"]`);
    await page.locator(`[data-task="${taskId}"] [role="alert"]`).waitFor();
    expect(await page.textContent(`[data-task="${taskId}"] [role="alert"]`)).toContain(message.ko);
    await expect.poll(() => calls('GET', `/api/staff/applications/${applicationId}/candidates`).length).toBe(2);
    await expect.poll(() => page.locator('#matching li.candidate').count()).toBe(2);
    // 서연 is gone: the choice falls back to the first candidate, and the line says so.
    expect(await page.isChecked('#candidate-0')).toBe(true);
    expect(await page.textContent('#proposal-summary')).toBe('지은 상담사 · 마음숲 상담센터');
  });

  it('says that an approval with nobody free waits on the waiting list', async () => {
    backend.on('GET', `/api/staff/applications/${applicationId}/candidates`, () => ({ status: 200, body: { applicationId, rankedAt: '2026-03-03T00:30:00.000Z', candidates: [] } }));
    backend.on('POST', `/api/staff/tasks/${taskId}/decision`, () => ({ status: 202, body: { taskId, decision: 'approve' } }));
    await openCaseFile(caseFile);
    await page.locator('#no-candidates').waitFor();
    await page.check(`#decision-${escapedTaskId}-0`);
    expect(await page.textContent('.proposal')).toContain('대기자 명단');
    await page.click(`[data-task="${taskId}"] form button[type="submit"]`);
    await page.locator(`[data-task="${taskId}"] .success`).waitFor();
    expect(calls('POST', `/api/staff/tasks/${taskId}/decision`)[0]!.body).toEqual({ decision: 'approve' });
  });
});

describe('provider matching after review', () => {
  const waiting = {
    ...caseFile,
    status: 'waitlisted',
    statusLabel: { ko: '제공기관 대기 중', en: 'On the provider waiting list' },
    tasks: [
      {
        ...task,
        state: 'decided',
        answer: { decision: 'approve', via: 'console', by: { kind: 'staff', userId: 'caseworker.jongno' }, counsellorId: 'C-0002', at: '2026-03-03T00:31:00.000Z' },
      },
    ],
    match: {
      candidates,
      rankedAt: '2026-03-03T00:31:05.000Z',
      proposedCounsellorId: 'C-0002',
      excludedCounsellorIds: ['C-0002', 'C-0001'],
      waitingSince: '2026-03-06T00:00:00.000Z',
    },
    offers: [
      {
        offerId: `${applicationId}.offer00000000001`,
        agencyId: 'AG-HANUL',
        agencyName: candidates[1]!.agencyName,
        counsellorId: 'C-0002',
        counsellorFirstName: '서연',
        state: 'declined',
        createdAt: '2026-03-03T00:31:10.000Z',
        dueAt: '2026-03-05T00:31:10.000Z',
        timeoutAt: '2026-03-06T00:31:10.000Z',
        score: 71,
        reason: candidates[1]!.reason,
        answer: { decision: 'decline', reason: 'schedule', note: '평일 저녁 일정이 모두 찼습니다', via: 'portal', at: '2026-03-04T02:00:00.000Z' },
        declineReasonLabel: { ko: '일정이 맞지 않음', en: 'Schedules do not fit' },
      },
      {
        offerId: `${applicationId}.offer00000000002`,
        agencyId: 'AG-MAEUM',
        agencyName: candidates[0]!.agencyName,
        counsellorId: 'C-0001',
        counsellorFirstName: '지은',
        state: 'expired',
        createdAt: '2026-03-04T02:00:05.000Z',
        dueAt: '2026-03-06T00:00:00.000Z',
        timeoutAt: '2026-03-06T00:00:00.000Z',
        score: 87,
        reason: candidates[0]!.reason,
        answer: { decision: 'decline', via: 'timeout', at: '2026-03-06T00:00:00.000Z' },
      },
    ],
    counsellorFirstNames: { 'C-0001': '지은', 'C-0002': '서연', 'C-0003': '민수' },
  };

  it('shows who was offered, how they answered, who is excluded and since when the application waits', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await openCaseFile(waiting);
    const offers = page.locator('#matching li.offer');
    expect(await offers.count()).toBe(2);
    expect(await offers.nth(0).textContent()).toContain('서연 상담사');
    expect(await offers.nth(0).textContent()).toContain('거절(일정이 맞지 않음)');
    expect(await offers.nth(0).locator('.note').textContent()).toBe('기관 메모: 평일 저녁 일정이 모두 찼습니다');
    expect(await offers.nth(1).textContent()).toContain('기한 만료');
    expect(await page.textContent('#matching .excluded')).toBe('서연 상담사지은 상담사');
    expect(await page.textContent('#waiting-state')).toMatch(/^대기 중 · \d+일째$/);
    expect(await page.textContent('#matching')).toContain('2026. 3. 6.');
    expect(await page.textContent('#proposed-counsellor')).toBe('서연 상담사');
    expect(await page.textContent(`[data-task="${taskId}"] .answer-counsellor`)).toContain('서연 상담사');
    expect(await page.locator('#matching li.candidate').count()).toBe(3);
    expect(await page.locator('#matching li.candidate.excluded').count()).toBe(2);
    // The ranking says who was asked and how it went: 서연 (chosen, declined), 지은 (lapsed), 민수 (not asked).
    expect(await page.textContent('#matching li.candidate[data-counsellor="C-0002"] .badges')).toBe('사례관리자 선택1차 제안 · 거절(일정이 맞지 않음)');
    expect(await page.textContent('#matching li.candidate[data-counsellor="C-0001"] .badges')).toBe('2차 제안 · 기한 만료');
    expect(await page.textContent('#matching li.candidate[data-counsellor="C-0003"] .badges')).toBe('');
    expect(await offers.nth(1).textContent()).toContain('만료 2026. 3. 6.');
    expect(await page.locator('input[name="proposed-counsellor"]').count()).toBe(0);
    expect(calls('GET', `/api/staff/applications/${applicationId}/candidates`)).toEqual([]);
    await shot('history-desktop');

    await page.setViewportSize({ width: 375, height: 812 });
    await noSidewaysScroll();
    await shot('history-phone');
    await page.locator('#matching').screenshot({ path: '/tmp/console-history-phone-panel.png' });
  });

  it('shows an offer waiting for its agency, with its due date', async () => {
    const open = {
      ...waiting,
      status: 'matching',
      statusLabel: { ko: '제공기관 연결 중', en: 'Matching a provider' },
      match: { ...waiting.match, excludedCounsellorIds: ['C-0002'], waitingSince: undefined },
      offers: [waiting.offers[0], { ...waiting.offers[1], state: 'open', answer: undefined }],
    };
    await openCaseFile(open);
    const pending = page.locator('#matching li.offer').nth(1);
    expect(await pending.locator('.badge').textContent()).toBe('2차 제안 · 대기');
    expect(await pending.textContent()).toContain('응답 기한');
    expect(await page.locator('#waiting-state').count()).toBe(0);
  });
});
