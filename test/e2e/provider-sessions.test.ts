/**
 * Recording sessions in the provider portal, on a phone-sized screen: against the recording fake API
 * (what the page sends, what it shows of the answers, the crisis line on high risk), and end to end
 * against a local cloud of its own, where agency staff record a session and the citizen's status page
 * then counts it.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { getProgramme } from '../../forms';
import type { Application } from '../../functions/applications/application';
import { caseloadEntry } from '../../functions/provider-portal/portal-views';
import { screen } from '../../functions/screening/score';
import { sessionSchedule } from '../../functions/service-period/schedule';
import type { RecordAnswer, RecordBody, RecordEntry, RecordedSession, SessionList } from '../../web/src/provider/types';
import { youthExample } from '../support/answers';
import { startDrillCloud, type DrillCloud } from '../support/drill-cloud';
import { providerWork } from '../support/provider-offers';
import { browserSession } from './support/browser-session';
import type { FakeBackend } from './support/fake-backend';
import { unsignedIdToken } from './support/id-token';

const session = browserSession({ failOnConsoleErrors: true });
let backend: FakeBackend;
let page: Page;

const PHONE = { width: 375, height: 812 };

beforeEach(async () => {
  ({ backend, page } = session);
  await page.setViewportSize(PHONE);
});

/** Whether the page scrolls sideways: it must not on a phone. */
const sidewaysScroll = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const focused = () => page.evaluate(() => document.activeElement?.closest('[id]')?.id ?? document.activeElement?.tagName);

const youthId = 'A01JZ8Q4M6T2V5X7Y9B3C1D0EG';
const sessionsPath = `/api/provider/applications/${youthId}/sessions`;
const DAY_MS = 24 * 60 * 60 * 1000;

function youthApplication(): Application {
  return {
    id: youthId,
    receiptNumber: 'DB-2026-7K3M9Q2X',
    programme: 'youth',
    programmeVersion: '2026.1',
    district: '11110',
    status: 'in-service',
    period: 1,
    createdAt: '2026-03-02T01:15:00.000Z',
    updatedAt: '2026-03-02T01:15:03.000Z',
    answers: { ...youthExample, applicant: { ...(youthExample.applicant as object), phone: '010-1234-5678' } },
    consents: { general: { version: '2026.1', agreedAt: '2026-03-02T01:15:00.000Z' }, sensitive: { version: '2026.1', agreedAt: '2026-03-02T01:15:00.000Z' } },
    servicePeriod: { period: 1, startsAt: new Date(Date.now() - 8 * DAY_MS).toISOString(), endsAt: new Date(Date.now() + 80 * DAY_MS).toISOString(), sessionsPlanned: 10 },
    providerId: 'P-MAEUMSUP',
    counsellorId: 'C-0001',
    accessCodeHash: 'hash',
  };
}

const serving = caseloadEntry(
  { agencyId: 'P-MAEUMSUP', counsellorId: 'C-0001', applicationId: youthId, programme: 'youth', state: 'serving', reservedAt: '2026-02-01T00:00:00.000Z', servingSince: '2026-02-02T00:00:00.000Z' },
  youthApplication(),
  '정상담',
  { serviceType: 'youth-counselling' },
);

/** The agency's sessions, kept by the fake as the server keeps them: a correction moves the record to the history. */
function fakeSessions() {
  const plan = sessionSchedule(getProgramme('youth').plan, 1, new Date(Date.now() - 8 * DAY_MS));
  const sessions: RecordedSession[] = plan.map((s) => ({ ...s, applicationId: youthId, period: 1, agencyId: 'P-MAEUMSUP', counsellorId: 'C-0001', history: [] }));
  const list = (): SessionList => ({
    applicationId: youthId,
    period: 1,
    sessionsPlanned: sessions.length,
    sessionsHeld: sessions.filter((s) => s.record?.outcome === 'held').length,
    sessions,
    caseManagerTold: [],
  });
  backend.on('GET', sessionsPath, () => ({ status: 200, body: list() }));
  for (const s of sessions) {
    backend.on('PUT', `${sessionsPath}/${s.sessionId}`, (request) => {
      // Scored as the server scores (functions/screening/score.ts): the page only ever shows what comes back.
      const { screening: answers, corrects, ...body } = request.body as RecordBody;
      // As the server: a correction names the record it corrects (functions/provider-portal/record-session.ts).
      if (s.record && corrects !== s.record.recordedAt) {
        return { status: 409, body: { error: { code: 'session-changed', message: { ko: '그사이 다른 사람이 이 회기 기록을 바꿨습니다.', en: 'Someone changed it.' } } } };
      }
      const screening = answers ? screen(answers) : undefined;
      const record: RecordEntry = {
        ...body,
        ...(answers && screening ? { screening: { answers, ...screening } } : {}),
        recordedAt: new Date().toISOString(),
        recordedBy: { kind: 'staff', userId: 'provider.maeum', groups: ['provider'] },
      };
      if (s.record) s.history.push(s.record);
      s.record = record;
      const answer: RecordAnswer = { sessionId: s.sessionId, record, sessionsHeld: list().sessionsHeld, sessionsPlanned: sessions.length, ...(screening ? { screening } : {}) };
      return { status: 200, body: answer };
    });
  }
  return sessions;
}

const idToken = unsignedIdToken({ sub: 'provider.maeum', name: '마음숲 상담센터', 'cognito:groups': ['provider'], 'custom:agency': 'P-MAEUMSUP' });

const card = (sessionId: string) => `[data-session="${sessionId}"]`;

/** Signs in, opens the person's sessions from the caseload row. */
async function openSessions(caseloadShot?: string): Promise<RecordedSession[]> {
  backend.on('POST', '/local/auth/sign-in', () => ({ status: 200, body: { idToken } }));
  backend.on('GET', '/api/provider/offers', () => ({ status: 200, body: { offers: [] } }));
  backend.on('GET', '/api/provider/caseload', () => ({ status: 200, body: { cases: [serving] } }));
  const sessions = fakeSessions();
  await page.goto(`${backend.url}/provider.html`);
  await page.fill('#username', 'provider.maeum');
  await page.fill('#password', 'dolbom-local');
  await page.click('#sign-in-form button[type="submit"]');
  const open = `tr[data-case="${youthId}"] [data-action="open-sessions"]`;
  await page.locator(open).waitFor();
  if (caseloadShot) await page.screenshot({ path: caseloadShot, fullPage: true });
  await page.click(open);
  await page.locator(card('1-10')).waitFor();
  return sessions;
}

/** Answers every item of a questionnaire in the open form (the values in order). */
async function answer(sessionId: string, questionnaire: 'phq9' | 'gad7', values: number[]): Promise<void> {
  for (const [i, value] of values.entries()) {
    await page.check(`${card(sessionId)} input[name$="-${questionnaire}-${i + 1}"][value="${value}"]`);
  }
}

describe('recording sessions in the provider portal (fake API)', () => {
  it('lists the plan from the caseload, records the pre-test with its answers and shows the scores the server computed', async () => {
    await openSessions('/tmp/sessions-caseload-375.png');
    expect(await page.evaluate(() => location.hash)).toBe(`#/sessions/${youthId}`);
    expect(await page.textContent('h1')).toBe(`${serving.person.name} 님 회기 기록`);
    expect(await focused()).toBe('sessions-heading');
    expect(await page.textContent('#sessions-count')).toBe('10회 중 0회 진행 · 10회 남음');
    expect(await page.locator('.session').count()).toBe(10);
    expect(await page.innerText(card('1-01'))).toContain('사전검사');
    expect(await page.innerText(card('1-01'))).toContain('90분');
    expect(await page.innerText(card('1-01'))).toContain('기록 필요');
    expect(await page.innerText(card('1-10'))).toContain('종결·사후검사');
    // Counselling sessions have no test questions; the pre-test has all sixteen.
    await page.click(`${card('1-02')} [data-action="open-record"]`);
    expect(await page.locator(`${card('1-02')} .screening`).count()).toBe(0);
    await page.click(`${card('1-02')} .session-form button.secondary`);

    await page.click('#jump-to-next');
    const form = `${card('1-01')} form`;
    expect(await page.locator(`${form} fieldset.question`).count()).toBe(16);
    expect(await page.isChecked(`${form} input[value="held"]`)).toBe(true);
    expect(await page.inputValue(`${form} input[name="durationMinutes"]`)).toBe('90');
    await answer('1-01', 'phq9', [1, 2, 1, 1, 0, 1, 1, 0, 0]);
    await answer('1-01', 'gad7', [1, 1, 2, 0, 1, 1, 0]);
    expect(await page.textContent(`${form} .screening-bar p.hint`)).toBe('16문항 중 16문항 답함');
    await page.fill(`${form} textarea`, '사전검사 실시');
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: '/tmp/sessions-pretest-form-375.png', fullPage: true });
    await page.click(`${form} [data-action="save-session"]`);

    const said = `${card('1-01')} .session-result .success`;
    await page.locator(said).waitFor();
    const sent = backend.requests.find((r) => r.method === 'PUT')!;
    expect(sent.body).toEqual({
      outcome: 'held',
      on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      durationMinutes: 90,
      screening: { phq9: [1, 2, 1, 1, 0, 1, 1, 0, 0], gad7: [1, 1, 2, 0, 1, 1, 0] },
      note: '사전검사 실시',
    });
    expect(await page.textContent(said)).toContain('PHQ-9 7점(경도) · GAD-7 6점(경도)');
    expect(await page.evaluate(() => document.activeElement?.classList.contains('success'))).toBe(true);
    expect(await page.textContent('#sessions-count')).toBe('10회 중 1회 진행 · 9회 남음');
    expect(await page.innerText(card('1-01'))).toContain('수정');
    expect(await page.locator('#crisis').count()).toBe(0);
    // The answers are kept with the record, item by item.
    await page.click(`${card('1-01')} details.answers summary`);
    expect(await page.innerText(`${card('1-01')} details.answers`)).toContain('기분이 가라앉거나, 우울하거나, 희망이 없음 — 2 7일 이상');
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: '/tmp/sessions-pretest-saved-375.png', fullPage: true });

    // Back to the caseload the person was opened from, not to the top of the offers.
    await page.click('#back-to-caseload');
    await page.locator(`tr[data-case="${youthId}"]`).waitFor();
    expect(await focused()).toBe('caseload-heading');
  });

  it('puts the crisis line first, and takes the focus there, when the test comes back high risk', async () => {
    await openSessions();
    await page.click(`${card('1-01')} [data-action="open-record"]`);
    await answer('1-01', 'phq9', [1, 1, 1, 1, 0, 1, 0, 0, 1]);
    await answer('1-01', 'gad7', [0, 0, 0, 0, 0, 0, 0]);
    await page.click(`${card('1-01')} [data-action="save-session"]`);
    await page.locator('#crisis').waitFor();
    expect(await page.getAttribute('#crisis', 'role')).toBe('alert');
    expect(await focused()).toBe('crisis');
    const crisis = await page.innerText('#crisis');
    expect(crisis).toContain('자살예방상담전화 109 (24시간)');
    expect(crisis).toContain('담당 사례관리자에게 긴급 과제로 알렸습니다');
    expect(crisis).toContain('PHQ-9 9번 문항');
    expect(await page.getAttribute('#crisis a', 'href')).toBe('tel:109');
    // It comes before the plan, right under the heading.
    expect(await page.evaluate(() => document.querySelector('#crisis')!.getBoundingClientRect().top < document.querySelector('#sessions')!.getBoundingClientRect().top)).toBe(true);
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: '/tmp/sessions-crisis-375.png' });

    // Still there when the page is opened again later: the latest test decides.
    await page.reload();
    await page.locator('#crisis').waitFor();
    await page.click('#lang-toggle');
    expect(await page.innerText('#crisis')).toContain('Suicide prevention line 109 (24 hours)');
  });

  it('asks for what each outcome needs before sending, and for every answer once one is given', async () => {
    await openSessions();
    const form = `${card('1-01')} form`;
    await page.click(`${card('1-01')} [data-action="open-record"]`);
    await answer('1-01', 'phq9', [0, 0, 0]);
    await page.click(`${form} [data-action="save-session"]`);
    expect(await page.textContent(`${form} .screening .error`)).toContain('PHQ-9 4번 문항의 답을 골라 주세요');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).name)).toMatch(/-phq9-4$/);
    await page.click(`${form} .screening button.link`);
    // Held with no answers at all: only with the reason in the note, never by oversight.
    await page.click(`${form} [data-action="save-session"]`);
    expect(await page.textContent(`${form} .screening .error`)).toBe('검사 답을 고르거나, 검사를 하지 못했다면 그 이유를 메모에 적어 주세요.');

    await page.check(`${form} input[value="cancelled"]`);
    expect(await page.isVisible(`${form} .screening`)).toBe(false);
    expect(await page.isVisible(`${form} input[name="durationMinutes"]`)).toBe(false);
    await page.click(`${form} [data-action="save-session"]`);
    expect(await page.innerText(form)).toContain('누가 취소했는지 골라 주세요.');

    await page.check(`${form} input[value="rescheduled"]`);
    expect(await page.textContent(`${form} label[for$="-on"]`)).toBe('원래 날짜');
    await page.fill(`${form} input[name="on"]`, '2026-03-10');
    await page.fill(`${form} input[name="rescheduledTo"]`, '2026-03-09');
    await page.click(`${form} [data-action="save-session"]`);
    expect(await page.innerText(form)).toContain('옮긴 날짜는 원래 날짜보다 뒤여야 합니다.');
    expect(await page.getAttribute(`${form} input[name="rescheduledTo"]`, 'aria-invalid')).toBe('');
    expect(backend.requests.filter((r) => r.method === 'PUT')).toEqual([]);
    await page.screenshot({ path: '/tmp/sessions-errors-375.png', fullPage: true });
  });

  it('corrects a record and keeps the earlier one under 이전 기록; says so when someone changed it meanwhile', async () => {
    await openSessions();
    const form = `${card('1-02')} form`;
    await page.click(`${card('1-02')} [data-action="open-record"]`);
    await page.check(`${form} input[value="no-show"]`);
    await page.click(`${form} [data-action="save-session"]`);
    await page.locator(`${card('1-02')} .success`).waitFor();
    expect(await page.innerText(card('1-02'))).toContain('불참');

    await page.click(`${card('1-02')} [data-action="open-record"]`);
    expect(await page.isChecked(`${form} input[value="no-show"]`)).toBe(true);
    await page.check(`${form} input[value="held"]`);
    await page.fill(`${form} input[name="durationMinutes"]`, '45');
    await page.click(`${form} [data-action="save-session"]`);
    await page.locator(`${card('1-02')} .success`).waitFor();
    expect(await page.innerText(`${card('1-02')} .record`)).toContain('45분');
    await page.click(`${card('1-02')} details.history summary`);
    expect(await page.innerText(`${card('1-02')} details.history`)).toContain('이전 기록 (1)');
    expect(await page.innerText(`${card('1-02')} details.history`)).toContain('불참');

    backend.on('PUT', `${sessionsPath}/1-02`, () => ({
      status: 409,
      body: { error: { code: 'session-changed', message: { ko: '그사이 다른 사람이 이 회기 기록을 바꿨습니다. 새로 고친 뒤 다시 기록해 주세요.', en: 'Someone changed it.' } } },
    }));
    await page.click(`${card('1-02')} [data-action="open-record"]`);
    await page.click(`${form} [data-action="save-session"]`);
    await page.locator(`${form} [role="alert"]`).waitFor();
    expect(await page.textContent(`${form} [role="alert"]`)).toContain('그사이 다른 사람이');
    expect(await page.locator(`${form} .status button`).count()).toBe(1);
  });

  it('switches to English in place', async () => {
    await openSessions();
    await page.click('#lang-toggle');
    expect(await page.textContent('#sessions-count')).toBe('0 of 10 sessions held · 10 left');
    await page.click(`${card('1-01')} [data-action="open-record"]`);
    expect(await page.innerText(`${card('1-01')} form`)).toContain('Little interest or pleasure in doing things');
    expect(await page.innerText(card('1-01'))).toContain('Pre-test');
  });
});

describe('recording a session against a local cloud', () => {
  let cloud: DrillCloud | undefined;
  beforeAll(async () => {
    cloud = await startDrillCloud('provider-sessions');
  }, 180_000);
  afterAll(() => cloud?.dispose(), 60_000);

  it('agency staff record the pre-test with its answers on a phone, see the scores and, on high risk, the crisis line; the citizen’s status page counts the session', async () => {
    const { http, signIn } = cloud!.clients;
    const work = providerWork(cloud!.clients);
    const receipt = await work.submitYouth();
    await work.approveOfferingTo(receipt, 'P-MAEUMSUP');
    const token = await signIn('provider.maeum');
    const offer = await work.untilPortalOffer(token, receipt.applicationId);
    const accepted = await http('POST', `/api/provider/offers/${encodeURIComponent(offer.offerId)}/decision`, { decision: 'accept' }, work.bearer(token));
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(202);
    await work.untilStatus(receipt, 'in-service');

    await page.goto(`${cloud!.process.api}/provider.html`);
    await page.fill('#username', 'provider.maeum');
    await page.fill('#password', 'dolbom-local');
    await page.click('#sign-in-form button[type="submit"]');
    await page.click(`tr[data-case="${receipt.applicationId}"] [data-action="open-sessions"]`);
    await page.locator(card('1-10')).waitFor();
    expect(await page.textContent('#sessions-count')).toBe('10회 중 0회 진행 · 10회 남음');

    // The pre-test, held today for the planned 90 minutes, with the client's answers: the server scores them.
    await page.click('#jump-to-next');
    const form = `${card('1-01')} form`;
    expect(await page.inputValue(`${form} input[name="durationMinutes"]`)).toBe('90');
    await answer('1-01', 'phq9', [1, 2, 1, 1, 0, 1, 1, 0, 0]);
    await answer('1-01', 'gad7', [1, 1, 2, 0, 1, 1, 0]);
    await page.click(`${form} [data-action="save-session"]`);
    await page.locator(`${card('1-01')} .success`).waitFor();
    expect(await page.textContent('#sessions-count')).toBe('10회 중 1회 진행 · 9회 남음');
    const recorded = await page.innerText(`${card('1-01')} .record`);
    expect(recorded).toContain('90분');
    expect(recorded).toContain('PHQ-9 7점(경도) · GAD-7 6점(경도)');
    expect(await page.locator('#crisis').count()).toBe(0);
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: '/tmp/sessions-cloud-recorded-375.png', fullPage: true });

    // Corrected: the client did say they think of hurting themselves (item 9). The crisis line comes
    // first at once, and the district's case manager has an urgent task.
    await page.click(`${card('1-01')} [data-action="open-record"]`);
    await page.check(`${form} input[name$="-phq9-9"][value="1"]`);
    await page.click(`${form} [data-action="save-session"]`);
    await page.locator('#crisis').waitFor();
    expect(await focused()).toBe('crisis');
    expect(await page.innerText('#crisis')).toContain('자살예방상담전화 109 (24시간)');
    expect(await page.innerText(`${card('1-01')} .record`)).toContain('PHQ-9 8점(경도)');
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: '/tmp/sessions-cloud-crisis-375.png' });
    const caseworker = await signIn('caseworker.jongno');
    const riskTask = await work.untilOpenTask(caseworker, receipt.applicationId, 'risk');
    expect(riskTask.kind).toBe('risk');

    await page.goto(`${cloud!.process.api}/status.html`);
    await page.fill('#receipt-number', receipt.receiptNumber);
    await page.fill('#access-code', receipt.accessCode);
    await page.click('#look-up');
    await page.locator('#sessions-used').waitFor();
    expect(await page.textContent('#sessions-used')).toBe('10회 중 1회 이용 · 9회 남음');
    const service = await page.innerText('#service');
    expect(service).toContain('마음숲 상담센터');
    expect(await page.getAttribute('#service a[href^="tel:"]', 'href')).toMatch(/^tel:0\d/);
    expect(await page.textContent('#next-session')).toMatch(/\d{4}년 \d{1,2}월 \d{1,2}일/);
    // This month's copay, from the ledger: the pre-test of a type A package, 600,000 / 10 = 60,000, at 10 %.
    expect(await page.textContent('#copay-due')).toBe('6,000원 (이번 달 1회 이용분, 이용 금액의 10%)');
    // Never the counsellor's name.
    expect(await page.innerText('body')).not.toContain(offer.counsellor.name!);
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: '/tmp/sessions-status-375.png', fullPage: true });
  }, 120_000);
});
