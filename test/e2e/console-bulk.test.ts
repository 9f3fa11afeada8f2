/**
 * Bulk decisions in the console (issue 9, item 9), on a phone-sized screen and with the keyboard: a
 * case manager selects three review tasks in the work queue, approves them at once with a note, watches
 * the job reach 3/3, and opens one case, whose decision carries the note.
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { caseWork, type Receipt } from '../support/case-work';
import { startDrillCloud, type DrillCloud } from '../support/drill-cloud';
import { browserSession } from './support/browser-session';

const session = browserSession({ failOnConsoleErrors: true });
let page: Page;

const PHONE = { width: 375, height: 812 };
const SHOTS = '/tmp/e2e-shots';
const NOTE = '보완 서류 3건 모두 확인. 일괄 승인합니다.';

beforeEach(async () => {
  ({ page } = session);
  await page.setViewportSize(PHONE);
});

const sidewaysScroll = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
const shot = (name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

describe('a bulk approval in the console', () => {
  let cloud: DrillCloud | undefined;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    cloud = await startDrillCloud('console-bulk');
  }, 180_000);
  afterAll(() => cloud?.dispose(), 60_000);

  it('selects three tasks, approves them with a note, follows the job to 3/3, and the case shows the note', async () => {
    const work = caseWork(cloud!.clients);
    const token = await cloud!.clients.signIn('caseworker.jongno');
    const receipts: Receipt[] = await Promise.all([work.submitYouth(), work.submitYouth(), work.submitYouth()]);
    const tasks = await Promise.all(receipts.map(async (r) => (await work.untilStatus(r, 'awaiting-review'), (await work.untilOpenTask(token, r.applicationId)).taskId as string)));

    await page.goto(`${cloud!.process.api}/staff.html`);
    await page.fill('#username', 'caseworker.jongno');
    await page.fill('#password', 'dolbom-local');
    await page.click('#sign-in-form button[type="submit"]');
    await page.locator(`tr[data-task="${tasks[2]}"]`).waitFor();
    expect(await page.locator('#bulk-decide').isDisabled()).toBe(true);

    // With the keyboard: each row's box, named by its receipt number, is ticked with the space bar.
    for (const [i, taskId] of tasks.entries()) {
      const box = page.locator(`tr[data-task="${taskId}"] input.bulk-select`);
      expect(await page.getByLabel(`${receipts[i]!.receiptNumber} 선택`).getAttribute('data-task')).toBe(taskId);
      await box.focus();
      await page.keyboard.press('Space');
      expect(await box.isChecked()).toBe(true);
    }
    const decide = page.locator('#bulk-decide');
    expect(await decide.innerText()).toContain('선택한 3건 일괄 결정');
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await shot('bulk-1-queue-selected');

    await decide.focus();
    await page.keyboard.press('Enter');
    const dialog = page.locator('#bulk-dialog');
    await dialog.waitFor();
    // Sent without a note: the dialog says what is missing and stays open.
    await page.keyboard.press('Space'); // the focus starts on 승인
    expect(await page.locator('#bulk-decision-approve').isChecked()).toBe(true);
    await page.click('#bulk-start');
    expect(await page.locator('#bulk-status').innerText()).toContain('메모를 적어 주세요');
    await page.locator('#bulk-note').focus();
    await page.keyboard.type(NOTE);
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await shot('bulk-2-dialog');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('bulk-start');
    await page.keyboard.press('Enter');

    // The job's page follows the progress until every case has its result.
    const progress = page.locator('#bulk-progress-text');
    await progress.filter({ hasText: '3건 중 3건 처리됨' }).waitFor({ timeout: 30_000 });
    expect(await page.locator('#bulk-results tr[data-outcome="applied"]').count()).toBe(3);
    expect(await page.locator('#bulk-progress').getAttribute('value')).toBe('3');
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await shot('bulk-3-job-done');

    // One case from the results: its decision carries the note.
    await page.locator(`#bulk-results a[href="#/applications/${receipts[0]!.applicationId}"]`).click();
    await page.locator('h1').filter({ hasText: receipts[0]!.receiptNumber }).waitFor();
    const note = page.locator(`[data-task="${tasks[0]}"] .answer .note`);
    await note.waitFor();
    expect(await note.innerText()).toContain(NOTE);
    await shot('bulk-4-case-note');

    // Back in the queue, the decided tasks are gone from the open ones, and nothing is selected.
    await page.goto(`${cloud!.process.api}/staff.html#/tasks`);
    await page.locator('#bulk-decide').waitFor();
    expect(await page.locator('#bulk-decide').isDisabled()).toBe(true);
  });
});
