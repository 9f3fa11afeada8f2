/**
 * A re-assessment in the console, in a real browser against a fake API: the evidence (computed by
 * the server's own function from hand-made sessions), and extend disabled with the reason at the
 * programme's cap. Screenshots go to /tmp/console-reassessment-*.png.
 */
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { getProgramme } from '../../forms';
import { reassessmentEvidence } from '../../functions/reassessment/evidence';
import { sessionSchedule } from '../../functions/service-period/schedule';
import type { Session } from '../../functions/service-period/session';
import { screen } from '../../functions/screening/score';
import { browserSession } from './support/browser-session';
import type { FakeBackend } from './support/fake-backend';
import { unsignedIdToken } from './support/id-token';

const session = browserSession({ failOnConsoleErrors: false });
let backend: FakeBackend;
let page: Page;

beforeEach(() => {
  ({ backend, page } = session);
});

const applicationId = 'A01JZ8Q4M6T2V5X7Y9B3C1D0EF';
const taskId = `${applicationId}.abcdefghijklmnop`;
const escapedTaskId = taskId.replace('.', '\\.');
const idToken = unsignedIdToken({ sub: 'caseworker.jongno', name: '김사례 (종로구)', 'cognito:groups': ['caseworker'] });
const by = { kind: 'staff' as const, userId: 'provider.maeum', groups: ['provider'] };

/** A youth period: pre-test PHQ-9 18, a no-show, six held, closing PHQ-9 9. */
function sessionsOf(period: number): Session[] {
  const planned = sessionSchedule(getProgramme('youth').plan, period, new Date('2026-01-05T00:00:00Z'));
  return planned.map((s, i) => {
    const base = { ...s, applicationId, period, agencyId: 'P-MAEUMSUP', counsellorId: 'C-MAEUMSUP-01', history: [] };
    const at = { on: s.plannedOn, recordedAt: '2026-02-01T00:00:00Z', recordedBy: by };
    if (i === 0) return { ...base, record: { ...at, outcome: 'held' as const, durationMinutes: 90, screening: withScores([2, 2, 2, 2, 2, 2, 2, 2, 2], [2, 2, 2, 2, 2, 2, 0]) } };
    if (i === 1) return { ...base, record: { ...at, outcome: 'no-show' as const } };
    if (i === 2) return base;
    if (i === 9) return { ...base, record: { ...at, outcome: 'held' as const, durationMinutes: 50, screening: withScores([1, 1, 1, 1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 0, 0, 0]) } };
    return { ...base, record: { ...at, outcome: 'held' as const, durationMinutes: 50 } };
  });
}

function withScores(phq9: number[], gad7: number[]) {
  const answers = { phq9, gad7 } as Parameters<typeof screen>[0];
  return { answers, ...screen(answers) };
}

async function openReassessment(period: number) {
  const servicePeriod = { period, startsAt: '2026-01-05T00:00:00.000Z', endsAt: '2026-04-05T00:00:00.000Z', sessionsPlanned: 10 };
  const evidence = reassessmentEvidence({ id: applicationId, programme: 'youth', period, servicePeriod }, sessionsOf(period));
  const task = {
    taskId,
    applicationId,
    kind: 'reassessment',
    kindLabel: { ko: '재판정', en: 'Re-assessment' },
    period,
    district: '11110',
    programme: 'youth',
    state: 'open',
    createdAt: '2026-04-05T01:15:03.000Z',
    dueAt: '2099-04-12T01:15:03.000Z',
    decisions: ['extend', 'close'],
  };
  const file = {
    id: applicationId,
    receiptNumber: 'DB-2026-7K3M9Q2X',
    programme: 'youth',
    programmeVersion: '2026.1',
    district: '11110',
    status: 'reassessment',
    statusLabel: { ko: '재판정 중', en: 'Re-assessment' },
    period,
    createdAt: '2026-01-02T01:15:00.000Z',
    updatedAt: '2026-04-05T01:15:03.000Z',
    answers: { applicant: { name: '김청년', district: '11110' }, counsellorType: 'A' },
    tasks: [task],
    offers: [],
    providerId: 'P-MAEUMSUP',
    counsellorId: 'C-MAEUMSUP-01',
    counsellorFirstNames: {},
    agencyNames: {},
  };
  backend.on('GET', `/api/staff/applications/${applicationId}`, () => ({ status: 200, body: file }));
  backend.on('GET', `/api/staff/applications/${applicationId}/evidence`, () => ({ status: 200, body: evidence }));
  backend.on('POST', `/api/staff/tasks/${taskId}/decision`, () => ({ status: 202, body: { taskId, decision: 'close' } }));
  await page.goto(`${backend.url}/staff.html`);
  await page.evaluate((token) => sessionStorage.setItem('dolbom.staff.idToken', token), idToken);
  await page.goto(`${backend.url}/staff.html#/applications/${applicationId}`);
  await page.locator('#evidence').waitFor();
  return evidence;
}

describe('a re-assessment in the console', () => {
  it('shows the plan, attendance, sessions and the pre/post change, and lets the case manager extend within the cap', async () => {
    await page.setViewportSize({ width: 1280, height: 900 });
    await openReassessment(1);
    const text = (await page.textContent('#evidence'))!;
    expect(text).toContain('1기 / 최대 4기');
    // 8 held of 9 due (8 held + 1 no-show); one not recorded.
    expect(await page.getAttribute('#evidence .attendance strong', 'data-rate')).toBe(String(8 / 9));
    expect(text).toContain('89%');
    expect(await page.locator('#evidence table.sessions tbody tr').count()).toBe(10);
    expect(await page.textContent('#evidence tr[data-session="1-02"]')).toContain('불참');
    expect(await page.locator('#evidence .changes li').allTextContents()).toEqual(['PHQ-9 18 → 9, 중등도-고도 → 경도, 개선', 'GAD-7 12 → 4, 중등도 → 최소, 개선']);
    expect(await page.textContent('#extension-cap')).toBe('2기로 연장할 수 있습니다(모두 6개월).');
    expect(await page.isDisabled(`#decision-${escapedTaskId}-0`)).toBe(false);
    await page.screenshot({ path: '/tmp/console-reassessment-within-cap.png', fullPage: true });
  });

  it('disables extend with the reason at the cap, and closes', async () => {
    const evidence = await openReassessment(4);
    const reason = evidence.extension.allowed ? '' : evidence.extension.reason.ko;
    expect(reason).toContain('최대 3회');
    expect(await page.textContent('#extension-cap')).toBe(reason);
    const extend = `#decision-${escapedTaskId}-0`;
    expect(await page.isDisabled(extend)).toBe(true);
    const why = await page.getAttribute(extend, 'aria-describedby');
    expect(await page.textContent(`#${why!.replace('.', '\\.')}`)).toBe(reason);
    await page.screenshot({ path: '/tmp/console-reassessment-at-cap.png', fullPage: true });

    await page.check(`#decision-${escapedTaskId}-1`);
    await page.click(`[data-task="${taskId}"] form button[type="submit"]`);
    await page.locator(`[data-task="${taskId}"] .success`).waitFor();
    const decisions = backend.requests.filter((r) => r.method === 'POST' && r.path === `/api/staff/tasks/${taskId}/decision`);
    expect(decisions.map((d) => d.body)).toEqual([{ decision: 'close' }]);
  });
});
