/**
 * The status page and the case-manager console in a real browser, against a fake API that records
 * requests (as in citizen.test.ts): what is under test is what the pages send and show.
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

const calls = (method: string, path: string) => backend.requests.filter((r) => r.method === method && r.path === path);

const applicationId = 'A01JZ8Q4M6T2V5X7Y9B3C1D0EF';
const taskId = `${applicationId}.abcdefghijklmnop`;

const eligibility = {
  outcome: 'eligible',
  reasons: [{ ko: '신청 자격 기준을 모두 충족합니다', en: 'All eligibility criteria are met' }],
  criteria: [
    { id: 'age', label: { ko: '나이', en: 'Age' }, passed: true, reason: { ko: '2026년 기준 28세(19~34세)', en: 'Aged 28 by birth year (19–34)' } },
    { id: 'no-other-counselling', label: { ko: '중복 이용', en: 'Other programmes' }, passed: true, reason: { ko: '다른 청년 상담 사업을 이용하지 않음', en: 'Not using another youth programme' } },
  ],
  copay: { tier: 'youth', ratePercent: 10, packageAmount: 60000, amountKrw: 60000 },
  ruleVersion: { programme: 'youth', definitionVersion: '2026.1', incomeTableYear: 2026 },
};

describe('status page', () => {
  const view = {
    applicationId,
    receiptNumber: 'DB-2026-7K3M9Q2X',
    programme: 'youth',
    programmeName: { ko: '청년마음건강지원사업', en: 'Youth mental-health voucher' },
    district: '11440',
    districtName: { ko: '마포구', en: 'Mapo-gu' },
    status: 'awaiting-review',
    statusLabel: { ko: '담당자 검토 중', en: 'Waiting for case-manager review' },
    period: 1,
    submittedAt: '2026-03-02T01:15:00.000Z',
    updatedAt: '2026-03-02T01:15:03.000Z',
    timeline: [
      { at: '2026-03-02T01:15:00.000Z', status: 'submitted', text: { ko: '신청이 접수되었습니다.', en: 'We received your application.' } },
      { at: '2026-03-02T01:15:03.000Z', status: 'awaiting-review', text: { ko: '담당자가 신청 내용을 검토하고 있습니다.', en: 'A case manager is reviewing your application.' } },
    ],
    next: { text: { ko: '담당 자치구의 담당자가 신청 내용을 검토합니다.', en: 'A case manager in your district reviews your application.' } },
    eligibility,
  };

  it('asks for both codes before sending anything', async () => {
    await page.goto(`${backend.url}/status.html?receipt=DB-2026-7K3M9Q2X`);
    expect(await page.inputValue('#receipt-number')).toBe('DB-2026-7K3M9Q2X');
    await page.click('#look-up');
    expect(await page.textContent('#access-code-error')).toBe('접근 코드를 입력해 주세요');
    expect(await page.getAttribute('#access-code', 'aria-invalid')).toBe('true');
    expect(backend.requests).toEqual([]);
  });

  it('shows the status, the timeline and the eligibility explanation', async () => {
    backend.on('POST', '/api/applications/lookup', () => ({ status: 200, body: view }));
    await page.goto(`${backend.url}/status.html`);
    await page.fill('#receipt-number', 'DB-2026-7K3M9Q2X');
    await page.fill('#access-code', 'R4TW-9XK2-MP7D');
    await page.click('#look-up');
    await page.locator('#status-label').waitFor();

    expect(await page.textContent('#status-label')).toBe('담당자 검토 중');
    expect(await page.locator('#timeline li').count()).toBe(2);
    expect(await page.textContent('#timeline')).toContain('신청이 접수되었습니다.');
    expect(await page.textContent('.facts')).toContain('청년마음건강지원사업');
    // The fixture still carries a rule version, as an older server sent it: the page leaves it out.
    expect(await page.locator('.rule-version').count()).toBe(0);
    for (const criterion of eligibility.criteria) {
      expect(await page.textContent(`[data-criterion="${criterion.id}"]`)).toContain(criterion.reason.ko);
    }
    expect(await page.textContent('.copay')).toBe('10% — 패키지당 60,000원');
    expect(calls('POST', '/api/applications/lookup')[0]!.body).toEqual({ receiptNumber: 'DB-2026-7K3M9Q2X', accessCode: 'R4TW-9XK2-MP7D' });
    expect(page.url()).not.toContain('R4TW');

    await page.click('#lang-toggle');
    expect(await page.textContent('#status-label')).toBe('Waiting for case-manager review');
  });

  it('says so when nothing matches', async () => {
    const message = { ko: '신청을 찾을 수 없거나 접근 코드가 맞지 않습니다.', en: 'No application matches, or the access code is wrong.' };
    backend.on('POST', '/api/applications/lookup', () => ({ status: 404, body: { error: { code: 'not-found', message } } }));
    await page.goto(`${backend.url}/status.html`);
    await page.fill('#receipt-number', 'DB-2026-7K3M9Q2X');
    await page.fill('#access-code', 'wrong');
    await page.click('#look-up');
    await page.locator('#lookup-status [role="alert"]').waitFor();
    expect(await page.textContent('#lookup-status')).toBe(message.ko);
  });
});

describe('case-manager console', () => {
  const idToken = unsignedIdToken({ sub: 'caseworker.jongno', name: '김사례 (종로구)', 'cognito:groups': ['caseworker'], 'custom:districts': '11110' });
  const supervisorToken = unsignedIdToken({ sub: 'supervisor', name: '박감독', 'cognito:groups': ['supervisor'], 'custom:districts': '11110,11440' });
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
  const secondApplicationId = 'A01JZ8Q4M6T2V5X7Y9B3C1D0EG';
  const secondTask = { ...task, taskId: `${secondApplicationId}.abcdefghijklmnop`, applicationId: secondApplicationId, dueAt: '2099-03-10T01:15:03.000Z' };
  const note = '소득 증빙 확인함.\n보호자와 통화 후 승인';
  const earlierTasks = [
    {
      ...task,
      taskId: `${applicationId}.earlier-decided0`,
      state: 'decided',
      answer: { decision: 'request-info', via: 'console', by: { kind: 'staff', userId: 'caseworker.jongno', groups: ['caseworker'] }, note, at: '2026-03-02T05:00:00.000Z' },
    },
    {
      ...task,
      taskId: `${applicationId}.earlier-by-api00`,
      state: 'decided',
      answer: { decision: 'request-info', via: 'step-functions-api', at: '2026-03-01T05:00:00.000Z' },
    },
  ];
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
    answers: {
      applicant: { name: '김청년', birthDate: '1998-04-02', phone: '010-1234-5678', district: '11110', address: '서울특별시 종로구' },
      leavingCare: true,
      referredByMentalHealthCentre: false,
      otherYouthCounselling: false,
      counsellorType: 'A',
      concerns: ['anxiety', 'stress'],
      consent: { general: { agreed: true, version: '2026.1' }, sensitive: { agreed: true, version: '2026.1' } },
    },
    eligibility: { ...eligibility, priority: { rank: 1, reason: { ko: '자립준비청년(1순위)', en: 'Leaving care (first priority)' } } },
    tasks: [task, ...earlierTasks],
  };

  async function signIn(token = idToken): Promise<void> {
    backend.on('POST', '/local/auth/sign-in', (request) =>
      (request.body as { password?: string }).password === 'dolbom-local' ? { status: 200, body: { idToken: token } } : { status: 401, body: { error: 'Unknown user or wrong password' } },
    );
    // Two pages: the first names the cursor of the second.
    backend.on('GET', '/api/staff/tasks', (request) =>
      request.query.cursor === 'page-2' ? { status: 200, body: { tasks: [secondTask] } } : { status: 200, body: { tasks: [task], next: 'page-2' } },
    );
    await page.goto(`${backend.url}/staff.html`);
    await page.fill('#username', 'caseworker.jongno');
    await page.fill('#password', 'dolbom-local');
    await page.click('#sign-in-form button[type="submit"]');
    await page.locator(`tr[data-task="${taskId}"]`).waitFor();
  }

  it('refuses a wrong password and signs in with the right one', async () => {
    backend.on('POST', '/local/auth/sign-in', () => ({ status: 401, body: { error: 'Unknown user or wrong password' } }));
    await page.goto(`${backend.url}/staff.html`);
    await page.fill('#username', 'caseworker.jongno');
    await page.fill('#password', 'nope');
    await page.click('#sign-in-form button[type="submit"]');
    await page.locator('#sign-in-status [role="alert"]').waitFor();
    expect(await page.textContent('#sign-in-status')).toBe('아이디 또는 비밀번호가 맞지 않습니다.');

    backend.reset();
    await signIn();
    expect(await page.evaluate(() => sessionStorage.getItem('dolbom.staff.idToken'))).toBe(idToken);
    expect(calls('GET', '/api/staff/tasks')[0]!.headers.authorization).toBe(`Bearer ${idToken}`);
    expect(await page.textContent(`tr[data-task="${taskId}"]`)).toContain('신청 검토');
    expect(await page.textContent('#who')).toContain('김사례');
  });

  it('shows the queue a page at a time, next and back, until there is no more', async () => {
    await signIn();
    expect(await page.locator('tr[data-task]').count()).toBe(1);
    expect(await page.isDisabled('#previous-tasks')).toBe(true);
    await page.click('#next-tasks');
    await page.locator(`tr[data-task="${secondTask.taskId}"]`).waitFor();
    expect(await page.locator('tr[data-task]').count()).toBe(1);
    expect(await page.isDisabled('#next-tasks')).toBe(true);
    await page.click('#previous-tasks');
    await page.locator(`tr[data-task="${taskId}"]`).waitFor();
    expect(await page.isDisabled('#next-tasks')).toBe(false);
    expect(calls('GET', '/api/staff/tasks').map((r) => r.query)).toEqual([{}, { cursor: 'page-2' }, {}]);
  });

  it("shows who decided each earlier task, and the case manager's note", async () => {
    await signIn();
    backend.on('GET', `/api/staff/applications/${applicationId}`, () => ({ status: 200, body: caseFile }));
    await page.click(`tr[data-task="${taskId}"] a`);
    const byConsole = `[data-task="${earlierTasks[0]!.taskId}"]`;
    await page.locator(byConsole).waitFor();
    expect(await page.textContent(`${byConsole} .decided-by`)).toBe('caseworker.jongno');
    expect(await page.innerText(`${byConsole} .note`)).toBe(`메모: ${note}`);
    const byApi = `[data-task="${earlierTasks[1]!.taskId}"]`;
    expect(await page.textContent(`${byApi} .answer`)).toContain('Step Functions API로 직접(이름 없음)');
    expect(await page.locator(`${byApi} .note`).count()).toBe(0);
  });

  it('opens an application, decides its task and reads the audit trail', async () => {
    await signIn();
    backend.on('GET', `/api/staff/applications/${applicationId}`, () => ({ status: 200, body: caseFile }));
    backend.on('POST', `/api/staff/tasks/${taskId}/decision`, (_request, n) =>
      n === 1
        ? { status: 202, body: { taskId, decision: 'approve' } }
        : { status: 409, body: { error: { code: 'task-closed', message: { ko: '이 업무는 이미 처리되었거나 기한이 지났습니다.', en: 'This task was already decided.' } } } },
    );
    backend.on('GET', `/api/staff/applications/${applicationId}/audit`, () => ({
      status: 200,
      body: {
        applicationId,
        events: [
          { at: '2026-03-02T01:15:00.000Z', actor: { kind: 'citizen', sourceIp: '203.0.113.9' }, action: 'application.submitted', status: 'submitted' },
          { at: '2026-03-02T02:00:00.000Z', actor: { kind: 'staff', userId: 'caseworker.jongno', groups: ['caseworker'] }, action: 'application.viewed-by-staff' },
          { at: '2026-03-02T05:00:01.000Z', actor: { kind: 'staff', userId: 'caseworker.jongno', groups: ['caseworker'] }, action: 'review.decided', note },
          { at: '2026-03-03T05:00:01.000Z', actor: { kind: 'step-functions-api' }, action: 'review.decided', detail: { decision: 'approve', via: 'step-functions-api' } },
        ],
      },
    }));

    await page.click(`tr[data-task="${taskId}"] a`);
    await page.locator('[data-answer="applicant.name"]').waitFor();
    expect(await page.textContent('[data-answer="applicant.name"]')).toBe('김청년');
    expect(await page.textContent('[data-answer="counsellorType"]')).toBe('A형(전문상담인력)');
    expect(await page.textContent('[data-answer="concerns"]')).toBe('불안, 스트레스');
    expect(await page.textContent('[data-answer="leavingCare"]')).toBe('예');
    expect(await page.textContent('[data-criterion="age"]')).toContain('2026년 기준 28세');

    await page.check(`#decision-${taskId.replace('.', '\\.')}-0`);
    await page.fill(`#note-${taskId.replace('.', '\\.')}`, '증빙 확인 완료');
    await page.click(`[data-task="${taskId}"] form button[type="submit"]`);
    await page.locator(`[data-task="${taskId}"] .success`).waitFor();
    expect(calls('POST', `/api/staff/tasks/${taskId}/decision`)[0]!.body).toEqual({ decision: 'approve', note: '증빙 확인 완료' });
    expect(await page.locator(`[data-task="${taskId}"] form`).count()).toBe(0);

    // Someone else was quicker: the fake still lists the task as open, the API answers 409.
    await page.click(`[data-task="${taskId}"] .decided button`);
    await page.check(`#decision-${taskId.replace('.', '\\.')}-1`);
    await page.click(`[data-task="${taskId}"] form button[type="submit"]`);
    await page.locator(`[data-task="${taskId}"] [role="alert"]`).waitFor();
    expect(await page.textContent(`[data-task="${taskId}"] [role="alert"]`)).toContain('이미 처리되었거나');

    await page.click('#show-audit');
    await page.locator('#audit tbody tr').first().waitFor();
    expect(await page.locator('#audit tbody tr').count()).toBe(4);
    expect(await page.textContent('#audit')).toContain('application.viewed-by-staff');
    expect(await page.innerText('#audit tbody tr:nth-child(3) td.note')).toBe(note);
    expect(await page.textContent('#audit tbody tr:nth-child(4)')).toContain('Step Functions API');
  });

  it("shows a supervisor the case's access log, a page at a time; a caseworker is not offered it", async () => {
    await signIn(supervisorToken);
    backend.on('GET', `/api/staff/applications/${applicationId}`, () => ({ status: 200, body: caseFile }));
    const record = (n: number) => ({
      accessId: `00000000-0000-4000-8000-00000000000${n}`,
      at: `2026-03-0${n}T02:00:00.000Z`,
      userId: 'caseworker.jongno',
      groups: ['caseworker'],
      sourceIp: '203.0.113.7',
      applicationId,
      district: '11110',
      route: 'GET /api/staff/applications/{applicationId}',
      purpose: 'application.viewed-by-staff',
    });
    backend.on('GET', '/api/staff/access-log', (request) =>
      request.query.cursor === 'older' ? { status: 200, body: { records: [record(1)] } } : { status: 200, body: { records: [record(2)], next: 'older' } },
    );
    await page.click(`tr[data-task="${taskId}"] a`);
    await page.click('#show-access-log');
    await page.locator('#access-log tbody tr').first().waitFor();
    expect(await page.textContent('#access-log tbody tr')).toContain('caseworker.jongno (caseworker)');
    expect(await page.textContent('#access-log tbody tr')).toContain('203.0.113.7');
    await page.click('#access-log button');
    await page.locator('#access-log tbody tr:nth-child(2)').waitFor();
    expect(await page.isHidden('#access-log button')).toBe(true);
    expect(calls('GET', '/api/staff/access-log').map((r) => r.query)).toEqual([
      { applicationId, limit: '50' },
      { applicationId, limit: '50', cursor: 'older' },
    ]);

    // A caseworker's case page has no such section.
    await page.evaluate(() => sessionStorage.clear());
    await signIn();
    await page.click(`tr[data-task="${taskId}"] a`);
    await page.locator('#show-audit').waitFor();
    expect(await page.locator('#show-access-log').count()).toBe(0);
  });

  it('claims a task for the signed-in caseworker', async () => {
    await signIn();
    backend.on('GET', `/api/staff/applications/${applicationId}`, () => ({ status: 200, body: caseFile }));
    backend.on('POST', `/api/staff/tasks/${taskId}/claim`, () => ({
      status: 200,
      body: { taskId, assignee: 'caseworker.jongno', claimedAt: '2026-03-03T00:30:00.000Z', dueAt: '2026-03-10T00:30:00.000Z' },
    }));
    await page.click(`tr[data-task="${taskId}"] a`);
    const dueBefore = await page.textContent(`[data-task="${taskId}"] .due`);
    await page.click(`[data-task="${taskId}"] .claim button`);
    await page.locator(`[data-task="${taskId}"] .claimed`).waitFor();
    expect(await page.textContent(`[data-task="${taskId}"] .claimed`)).toContain('caseworker.jongno');
    // The due date moves to the one the claim bought: 2026-03-10 09:30 KST.
    expect(await page.textContent(`[data-task="${taskId}"] .due`)).not.toBe(dueBefore);
    expect(await page.textContent(`[data-task="${taskId}"] .due`)).toContain('2026. 3. 10.');
    const [claim] = calls('POST', `/api/staff/tasks/${taskId}/claim`);
    expect(claim!.headers.authorization).toBe(`Bearer ${idToken}`);
  });

  it('downloads the settlement ledger of a district and month as the file the API names, and shows a refused month’s reason', async () => {
    const csv = '\uFEFF신청 ID (Application ID),금액(원) (Amount KRW)\r\n합계 (Total),0\r\n';
    backend.on('GET', '/api/staff/ledger', (request) =>
      request.query.month === '2026-10'
        ? { status: 200, text: csv, headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="dolbom-ledger-11110-2026-10.csv"' } }
        : { status: 400, body: { error: { code: 'invalid-input', message: { ko: '입력값을 확인해 주세요.', en: 'Some fields are missing or invalid.' }, fields: [{ field: 'month', code: 'ledger-month', message: { ko: '정산월을 YYYY-MM 형식으로 적어 주세요 (예: 2026-03)', en: 'Give the month as YYYY-MM (e.g. 2026-03)' } }] } } },
    );
    await signIn();
    await page.click('#ledger-link');
    await page.locator('#ledger-form').waitFor();
    // A case manager picks among their own districts only.
    expect(await page.locator('#ledger-district option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value))).toEqual(['11110']);
    await page.fill('#ledger-month', '2026-10');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#ledger-download')]);
    expect(download.suggestedFilename()).toBe('dolbom-ledger-11110-2026-10.csv');
    const { readFile } = await import('node:fs/promises');
    expect(await readFile((await download.path())!, 'utf8')).toBe(csv);
    expect(calls('GET', '/api/staff/ledger')[0]).toMatchObject({ query: { district: '11110', month: '2026-10' }, headers: { authorization: `Bearer ${idToken}` } });
    expect(await page.textContent('#ledger-status')).toContain('dolbom-ledger-11110-2026-10.csv');

    await page.fill('#ledger-month', '2026-11');
    await page.click('#ledger-download');
    await page.locator('#ledger-status [role="alert"]').waitFor();
    expect(await page.textContent('#ledger-status')).toContain('정산월을 YYYY-MM 형식으로 적어 주세요');
  });

  it('asks to sign in again when the API answers 401', async () => {
    await page.goto(`${backend.url}/staff.html`);
    await page.evaluate((token) => sessionStorage.setItem('dolbom.staff.idToken', token), idToken);
    backend.on('GET', '/api/staff/tasks', () => ({ status: 401, body: { message: 'Unauthorized' } }));
    await page.reload();
    await page.locator('#sign-in-form').waitFor();
    expect(await page.textContent('#sign-in-status')).toBe('로그인이 만료되었습니다. 다시 로그인해 주세요.');
    expect(await page.evaluate(() => sessionStorage.getItem('dolbom.staff.idToken'))).toBeNull();
  });
});
