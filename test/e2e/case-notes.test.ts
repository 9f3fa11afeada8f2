/**
 * Case notes in the browser, against a local cloud of its own, on a phone-sized screen: a case manager
 * opens a case, writes down a phone call, sees it at the top with the form cleared; a note with a time
 * in the future is refused with the reason and the typed words kept; the supervisor reads both notes,
 * newest first, with who wrote them.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { caseWork } from '../support/case-work';
import { startDrillCloud, type DrillCloud } from '../support/drill-cloud';
import { seriousViolations } from './support/axe';
import { browserSession } from './support/browser-session';

const session = browserSession({ failOnConsoleErrors: true });
let page: Page;

const PHONE = { width: 375, height: 812 };
const SHOTS = '/tmp/e2e-shots/case-notes';

beforeEach(async () => {
  ({ page } = session);
  await page.setViewportSize(PHONE);
});

const sidewaysScroll = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const shot = (name: string) => page.locator('#case-notes').screenshot({ path: `${SHOTS}/${name}.png` });

const call = '문자가 실패해 사무실 번호로 아버지와 통화함. 어머니가 다음 주에 학교 서류를 보내기로 함.';
const visit = '가정방문: 아이는 집에 없었음. 다음 방문은 목요일 오후로 약속.';

async function signIn(api: string, username: string) {
  await page.goto(`${api}/staff.html`);
  await page.fill('#username', username);
  await page.fill('#password', 'dolbom-local');
  await page.click('#sign-in-form button[type="submit"]');
  await page.locator('#lookup-receipt').waitFor();
}

describe('case notes on the case page, in the browser', () => {
  let cloud: DrillCloud | undefined;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    cloud = await startDrillCloud('case-notes');
  }, 180_000);
  afterAll(() => cloud?.dispose(), 60_000);

  it('writes a note that shows at the top, keeps the words of a refused one, and shows both to the supervisor', async () => {
    const work = caseWork(cloud!.clients);
    const api = cloud!.process.api;
    const receipt = await work.submitYouth();
    await work.untilStatus(receipt, 'awaiting-review');
    // A day on (the page's clock stays where it is), so notes may tell of contacts in the hours since the application.
    await cloud!.clients.advanceClock('+1d');
    const hoursAfter = (typed: string, hours: number) => new Date(Date.parse(`${typed}:00+09:00`) + (hours + 9) * 60 * 60 * 1000).toISOString().slice(0, 16);

    await signIn(api, 'caseworker.jongno');
    await page.goto(`${api}/staff.html#/applications/${receipt.applicationId}`);
    const section = page.locator('#case-notes');
    await section.locator('.hint').filter({ hasText: '아직 남긴 기록이 없습니다' }).waitFor();
    expect(await section.innerText()).toContain('고치거나 지울 수 없습니다');

    // A phone call, now (the form's default time), with whom and what happened.
    await page.selectOption('#case-note-kind', 'phone');
    await page.fill('#case-note-with', '아버지');
    await page.fill('#case-note-text', call);
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await shot('1-form-filled');
    await page.click('#case-note-save');
    const notes = section.locator('#case-notes-list [data-note]');
    await notes.first().waitFor();
    expect(await notes.count()).toBe(1);
    const first = await notes.first().innerText();
    for (const words of ['전화', '아버지', call, '김사례 (종로구)', '사례관리자']) expect(first).toContain(words);
    // The form is ready for the next note.
    expect(await page.inputValue('#case-note-text')).toBe('');
    expect(await page.inputValue('#case-note-with')).toBe('');
    expect(await section.locator('#case-note-status').innerText()).toContain('기록을 남겼습니다');
    expect(await section.locator('.hint').filter({ hasText: '아직 남긴 기록이 없습니다' }).isVisible()).toBe(false);

    // A time in the future is refused: the reason shows, the time is marked, and the words stay.
    await page.selectOption('#case-note-kind', 'home-visit');
    await page.fill('#case-note-text', visit);
    const typedNow = await page.inputValue('#case-note-when');
    await page.fill('#case-note-when', hoursAfter(typedNow, 72));
    await page.click('#case-note-save');
    const refusal = section.locator('#case-note-status [role="alert"]');
    await refusal.waitFor();
    expect(await refusal.innerText()).toContain('지금보다 뒤일 수 없습니다');
    expect(await page.getAttribute('#case-note-when', 'aria-invalid')).toBe('true');
    expect(await page.inputValue('#case-note-text')).toBe(visit);
    expect(await notes.count()).toBe(1);
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await shot('2-refused-kept');

    // Corrected to two hours after the call: saved, and at the top.
    await page.fill('#case-note-when', hoursAfter(typedNow, 2));
    await page.click('#case-note-save');
    await page.waitForFunction(() => document.querySelectorAll('#case-notes-list [data-note]').length === 2);
    expect(await notes.first().innerText()).toContain(visit);
    expect(await notes.first().innerText()).toContain('가정방문');
    expect(await page.inputValue('#case-note-text')).toBe('');
    expect(await page.inputValue('#case-note-kind')).toBe('phone');
    expect(await page.getAttribute('#case-note-when', 'aria-invalid')).toBeNull();
    expect(await seriousViolations(page)).toEqual([]);
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await shot('3-two-notes');

    // The supervisor of the district reads both, with who wrote them.
    await page.click('#sign-out');
    await signIn(api, 'supervisor');
    await page.goto(`${api}/staff.html#/applications/${receipt.applicationId}`);
    await page.waitForFunction(() => document.querySelectorAll('#case-notes-list [data-note]').length === 2);
    const listed = await section.locator('#case-notes-list').innerText();
    expect(listed).toContain(call);
    expect(listed).toContain(visit);
    expect(listed.match(/김사례 \(종로구\) · 사례관리자/g)).toHaveLength(2);
    // Newest first, as the server lists them: the visit, written after the call, is on top.
    expect(await notes.first().innerText()).toContain(visit);

    // A contact between the two, written down last, goes between them, where a reload shows it too.
    const between = '학교 사회복지사와 통화: 출석은 꾸준함.';
    await page.selectOption('#case-note-kind', 'agency');
    await page.fill('#case-note-when', hoursAfter(typedNow, 1));
    await page.fill('#case-note-text', between);
    await page.click('#case-note-save');
    await page.waitForFunction(() => document.querySelectorAll('#case-notes-list [data-note]').length === 3);
    const inPage = await notes.allInnerTexts();
    expect(inPage.map((text) => [visit, between, call].findIndex((words) => text.includes(words)))).toEqual([0, 1, 2]);
    await page.reload();
    await page.waitForFunction(() => document.querySelectorAll('#case-notes-list [data-note]').length === 3);
    expect((await notes.allInnerTexts()).map((text) => [visit, between, call].findIndex((words) => text.includes(words)))).toEqual([0, 1, 2]);
    await page.screenshot({ path: `${SHOTS}/4-supervisor-page.png`, fullPage: true });
  }, 180_000);
});
