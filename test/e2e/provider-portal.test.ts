/**
 * The provider portal in a real browser, on a phone-sized screen: against the recording fake API
 * (what the page sends and shows, as in status-and-staff.test.ts; its answers built by the server's
 * own view functions so the two cannot drift), and end to end against a local cloud of its own,
 * where agency staff accept an offer and the application goes into service.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Application } from '../../functions/applications/application';
import type { ProviderOffer } from '../../functions/matching/offer';
import { caseloadEntry, offerCard } from '../../functions/provider-portal/portal-views';
import { childExample, youthExample } from '../support/answers';
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

const calls = (method: string, path: string) => backend.requests.filter((r) => r.method === method && r.path === path);

const childId = 'A01JZ8Q4M6T2V5X7Y9B3C1D0EF';
const youthId = 'A01JZ8Q4M6T2V5X7Y9B3C1D0EG';

function application(id: string, programme: Application['programme'], answers: Record<string, unknown>): Application {
  return {
    id,
    receiptNumber: 'DB-2026-7K3M9Q2X',
    programme,
    programmeVersion: '2026.1',
    district: '11110',
    status: 'matching',
    period: 1,
    createdAt: '2026-03-02T01:15:00.000Z',
    updatedAt: '2026-03-02T01:15:03.000Z',
    answers: { ...answers, applicant: { ...(answers.applicant as object), phone: '010-1234-5678' } },
    consents: { general: { version: '2026.1', agreedAt: '2026-03-02T01:15:00.000Z' }, sensitive: { version: '2026.1', agreedAt: '2026-03-02T01:15:00.000Z' } },
    accessCodeHash: 'hash',
  };
}

function offer(applicationId: string, fields: Partial<ProviderOffer>): ProviderOffer {
  return {
    offerId: `${applicationId}.abcdefghijklmnop`,
    applicationId,
    period: 1,
    agencyId: 'P-MAEUMSUP',
    counsellorId: 'C-0001',
    programme: 'child-adolescent',
    serviceType: 'play-therapy',
    district: '11110',
    state: 'open',
    createdAt: '2026-03-03T00:00:00.000Z',
    dueAt: '2099-03-05T00:00:00.000Z',
    timeoutAt: '2099-03-10T00:00:00.000Z',
    heartbeatSeconds: 172800,
    taskToken: 'token',
    score: 87,
    reason: { ko: '같은 구, 야간 가능, 여성 상담사 희망 충족', en: 'Same district, evenings possible, female counsellor as wished' },
    ...fields,
  };
}

const childApp = application(childId, 'child-adolescent', childExample);
const youthApp = application(youthId, 'youth', youthExample);
const childOffer = offerCard(offer(childId, {}), '정상담', childApp);
const youthOffer = offerCard(
  offer(youthId, { programme: 'youth', serviceType: 'youth-counselling', counsellorId: 'C-0002', dueAt: '2099-03-06T00:00:00.000Z', reason: { ko: '인접 구, 평일 주간 가능', en: 'Next district, weekday daytime' } }),
  undefined,
  youthApp,
);
const serving = caseloadEntry(
  { agencyId: 'P-MAEUMSUP', counsellorId: 'C-0001', applicationId: youthId, programme: 'youth', state: 'serving', reservedAt: '2026-02-01T00:00:00.000Z', servingSince: '2026-02-02T00:00:00.000Z' },
  { ...youthApp, status: 'in-service', servicePeriod: { period: 1, startsAt: '2026-02-02T00:00:00.000Z', endsAt: '2026-05-02T00:00:00.000Z' } },
  '정상담',
  { serviceType: 'youth-counselling' },
);

const idToken = unsignedIdToken({ sub: 'provider.maeum', name: '마음숲 상담센터', 'cognito:groups': ['provider'], 'custom:agency': 'P-MAEUMSUP' });

const card = (offerId: string) => `[data-offer="${offerId}"]`;

async function signIn(): Promise<void> {
  backend.on('POST', '/local/auth/sign-in', (request) =>
    (request.body as { password?: string }).password === 'dolbom-local' ? { status: 200, body: { idToken } } : { status: 401, body: { error: 'Unknown user' } },
  );
  backend.on('GET', '/api/provider/offers', () => ({ status: 200, body: { offers: [childOffer, youthOffer] } }));
  backend.on('GET', '/api/provider/caseload', () => ({ status: 200, body: { cases: [serving] } }));
  await page.goto(`${backend.url}/provider.html`);
  await page.fill('#username', 'provider.maeum');
  await page.fill('#password', 'dolbom-local');
  await page.click('#sign-in-form button[type="submit"]');
  await page.locator(card(childOffer.offerId)).waitFor();
  await page.locator('tr[data-case]').waitFor();
}

/** Whether the page scrolls sideways: it must not on a phone. */
const sidewaysScroll = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

describe('the provider portal (fake API)', () => {
  it('shows each waiting offer — who, what, which counsellor, why, by when — and the caseload, without sideways scrolling', async () => {
    await signIn();
    expect(calls('GET', '/api/provider/offers')[0]).toMatchObject({ query: { state: 'open' }, headers: { authorization: `Bearer ${idToken}` } });
    const child = await page.innerText(card(childOffer.offerId));
    for (const shown of ['이하준', '김서연', '010-1234-5678', '놀이심리', '월 4회, 회당 50분', '종로구', '정상담', '같은 구, 야간 가능, 여성 상담사 희망 충족', '2099']) {
      expect(child, shown).toContain(shown);
    }
    // A counsellor missing from the registry is shown by id.
    expect(await page.innerText(card(youthOffer.offerId))).toContain('C-0002');
    expect(await page.innerText('tr[data-case]')).toContain('서비스 중');
    expect(await page.getAttribute(`${card(childOffer.offerId)} a[href^="tel:"]`, 'href')).toBe('tel:010-1234-5678');
    expect(await page.textContent('#who')).toBe('마음숲 상담센터');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: '/tmp/portal-fake-375.png', fullPage: true });
  });

  it('accepts an offer: the card leaves the list and the confirmation takes the focus', async () => {
    await signIn();
    backend.on('POST', `/api/provider/offers/${childOffer.offerId}/decision`, () => ({ status: 202, body: { offerId: childOffer.offerId, decision: 'accept' } }));
    await page.click(`${card(childOffer.offerId)} [data-action="accept"]`);
    await page.locator('#offers-confirmation .success').waitFor();
    expect(calls('POST', `/api/provider/offers/${childOffer.offerId}/decision`)[0]!.body).toEqual({ decision: 'accept' });
    expect(await page.locator(card(childOffer.offerId)).count()).toBe(0);
    expect(await page.textContent('#offers-confirmation')).toContain('이하준 님 제안을 수락했습니다');
    expect(await page.evaluate(() => document.activeElement?.closest('#offers-confirmation') !== null)).toBe(true);
    expect(await page.locator(card(youthOffer.offerId)).count()).toBe(1);
  });

  it('declines with a reason, and asks for a note when the reason is "other"', async () => {
    await signIn();
    backend.on('POST', `/api/provider/offers/${youthOffer.offerId}/decision`, () => ({ status: 202, body: { offerId: youthOffer.offerId, decision: 'decline' } }));
    const youth = card(youthOffer.offerId);
    await page.click(`${youth} [data-action="decline"]`);
    expect(await page.getAttribute(`${youth} [data-action="decline"]`, 'aria-expanded')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('SELECT');

    await page.click(`${youth} [data-action="send-decline"]`);
    expect(await page.textContent(`${youth} .decline .error`)).toBe('거절 사유를 골라 주세요.');
    expect(await page.getAttribute(`${youth} select`, 'aria-invalid')).toBe('true');

    await page.selectOption(`${youth} select`, 'other');
    expect(await page.textContent(`${youth} label[for$="-note"]`)).toBe('메모(기타 사유는 필수)');
    await page.click(`${youth} [data-action="send-decline"]`);
    expect(await page.textContent(`${youth} .decline`)).toContain('기타 사유를 메모에 적어 주세요.');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    expect(calls('POST', `/api/provider/offers/${youthOffer.offerId}/decision`)).toEqual([]);

    await page.fill(`${youth} textarea`, '담당 상담사 장기 휴가');
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: '/tmp/portal-decline-375.png', fullPage: true });
    await page.click(`${youth} [data-action="send-decline"]`);
    await page.locator('#offers-confirmation .success').waitFor();
    expect(calls('POST', `/api/provider/offers/${youthOffer.offerId}/decision`)[0]!.body).toEqual({ decision: 'decline', reason: 'other', note: '담당 상담사 장기 휴가' });
    expect(await page.textContent('#offers-confirmation')).toContain('제안을 거절했습니다');
    expect(await page.locator(youth).count()).toBe(0);
  });

  it('says so when the offer closed meanwhile, and moves the due date when the agency is looking at it', async () => {
    await signIn();
    const closed = { ko: '이 제안은 이미 응답되었거나 기한이 지나 닫혔습니다. 제안 목록을 새로 고쳐 주세요.', en: 'This offer was already answered or has lapsed.' };
    backend.on('POST', `/api/provider/offers/${childOffer.offerId}/decision`, () => ({ status: 409, body: { error: { code: 'offer-closed', message: closed } } }));
    backend.on('POST', `/api/provider/offers/${youthOffer.offerId}/acknowledge`, () => ({
      status: 200,
      body: { offerId: youthOffer.offerId, acknowledgedAt: '2099-03-04T00:00:00.000Z', dueAt: '2099-03-08T00:00:00.000Z' },
    }));
    await page.click(`${card(childOffer.offerId)} [data-action="accept"]`);
    await page.locator(`${card(childOffer.offerId)} [role="alert"]`).waitFor();
    expect(await page.textContent(`${card(childOffer.offerId)} [role="alert"]`)).toBe(closed.ko);
    expect(await page.locator(`${card(childOffer.offerId)} [data-action="accept"]`).count()).toBe(0);

    await page.click(`${card(youthOffer.offerId)} [data-action="acknowledge"]`);
    await page.locator(`${card(youthOffer.offerId)} .success`).waitFor();
    expect(await page.getAttribute(`${card(youthOffer.offerId)} time`, 'datetime')).toBe('2099-03-08T00:00:00.000Z');
  });

  it('switches to English in place', async () => {
    await signIn();
    await page.click('#lang-toggle');
    expect(await page.textContent('#offers-heading')).toBe('Offers waiting');
    expect(await page.textContent(`${card(childOffer.offerId)} [data-action="accept"]`)).toBe('Accept');
    expect(await page.innerText(card(childOffer.offerId))).toContain('Play therapy');
    expect(await page.textContent('#caseload-heading')).toBe('Current caseload');
  });
});

describe('the provider portal against a local cloud', () => {
  let cloud: DrillCloud | undefined;
  beforeAll(async () => {
    cloud = await startDrillCloud('provider-portal');
  }, 180_000);
  afterAll(() => cloud?.dispose(), 60_000);

  it('agency staff sign in on a phone, see the offer, accept it, and the application goes into service', async () => {
    const work = providerWork(cloud!.clients);
    const receipt = await work.submitYouth();
    const counsellorId = await work.approveOfferingTo(receipt, 'P-MAEUMSUP');
    const offer = await work.untilPortalOffer(await cloud!.clients.signIn('provider.maeum'), receipt.applicationId);

    await page.goto(`${cloud!.process.api}/provider.html`);
    await page.fill('#username', 'provider.maeum');
    await page.fill('#password', 'dolbom-local');
    await page.click('#sign-in-form button[type="submit"]');
    const shown = card(offer.offerId);
    await page.locator(shown).waitFor();
    const text = await page.innerText(shown);
    for (const expected of [offer.person!.name, offer.person!.phone!, offer.counsellor.name!, offer.reason.ko, '청년 심리상담(10회 패키지)', '종로구']) {
      expect(text, expected).toContain(expected);
    }
    expect(offer.counsellor.counsellorId).toBe(counsellorId);
    await page.locator('#caseload p, #caseload table').first().waitFor();
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: '/tmp/portal-offer-375.png', fullPage: true });

    await page.click(`${shown} [data-action="accept"]`);
    await page.locator('#offers-confirmation .success').waitFor();
    expect(await page.textContent('#offers-confirmation')).toContain(`${offer.person!.name} 님 제안을 수락했습니다`);
    expect(await page.locator(shown).count()).toBe(0);
    await work.untilStatus(receipt, 'in-service');

    // The caseload, refreshed, now has the person in service with that counsellor.
    const row = `tr[data-case="${receipt.applicationId}"]`;
    const serving = async () => (await page.locator(row).count()) > 0 && (await page.innerText(row)).includes('서비스 중');
    for (let attempt = 0; attempt < 20 && !(await serving()); attempt++) {
      await page.click('#refresh-caseload');
      await page.locator('#caseload p, #caseload table').first().waitFor();
      if (!(await serving())) await page.waitForTimeout(250);
    }
    expect(await page.innerText(row)).toContain('서비스 중');
    expect(await page.innerText(row)).toContain(offer.counsellor.name!);
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await page.screenshot({ path: '/tmp/portal-accepted-375.png', fullPage: true });
  }, 120_000);
});
