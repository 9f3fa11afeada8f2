/**
 * Issue 9's browser test, end to end against a local cloud of its own, on a phone-sized screen: a case
 * manager finds a case by receipt number, asks for a supplement (보완 요청), the citizen uploads the
 * document on the status page, and the case manager approves the returned case with a note that the
 * case page then shows. Only the submission goes through the API (the citizen form has its own tests).
 */
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { caseWork } from '../support/case-work';
import { startDrillCloud, type DrillCloud } from '../support/drill-cloud';
import { browserSession } from './support/browser-session';

const session = browserSession({ failOnConsoleErrors: true });
let page: Page;

const PHONE = { width: 375, height: 812 };
const SHOTS = '/tmp/e2e-shots';

beforeEach(async () => {
  ({ page } = session);
  await page.setViewportSize(PHONE);
});

/** Whether the page scrolls sideways: it must not on a phone. */
const sidewaysScroll = () => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
/** The criteria whose label starts under the verdict rather than beside it (the label's box reaching left of the verdict's right edge). */
const besideVerdicts = () =>
  page.evaluate(() =>
    Array.from(document.querySelectorAll('.criterion'))
      .filter((c) => c.querySelector('strong')!.getBoundingClientRect().left < c.querySelector('.verdict')!.getBoundingClientRect().right)
      .map((c) => c.getAttribute('data-criterion')),
  );
const shot = (name: string) => page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });

const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const askMessage = '신분증 사본을 올려 주세요. 나이를 확인해야 합니다.';
const approvalNote = '보완 서류(신분증)로 나이 확인 완료. 승인합니다.';

describe('a supplement from the case manager’s question to the approval, in the browser', () => {
  let cloud: DrillCloud | undefined;
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true });
    cloud = await startDrillCloud('supplement-journey');
  }, 180_000);
  afterAll(() => cloud?.dispose(), 60_000);

  it('finds the case by receipt number, asks for a document, the citizen uploads it, and the approval’s note shows on the case page', async () => {
    const { signIn } = cloud!.clients;
    const work = caseWork(cloud!.clients);
    const api = cloud!.process.api;
    const receipt = await work.submitYouth();
    await work.untilStatus(receipt, 'awaiting-review');
    const token = await signIn('caseworker.jongno');
    const first = await work.untilOpenTask(token, receipt.applicationId);

    // The console: sign in, find the case with the lookup box on the queue page, open it.
    await page.goto(`${api}/staff.html`);
    await page.fill('#username', 'caseworker.jongno');
    await page.fill('#password', 'dolbom-local');
    await page.click('#sign-in-form button[type="submit"]');
    await page.locator('#lookup-receipt').waitFor();
    await page.fill('#lookup-receipt', receipt.receiptNumber);
    await page.click('#case-lookup button[type="submit"]');
    const found = page.locator(`#lookup-result [data-application="${receipt.applicationId}"]`);
    await found.waitFor();
    expect(await found.textContent()).toContain(receipt.receiptNumber);
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await shot('1-queue-lookup');
    await found.locator('a').click();
    await page.locator('h1').filter({ hasText: receipt.receiptNumber }).waitFor();
    const firstCard = `[data-task="${first.taskId}"]`;
    await page.locator(`${firstCard} form.decision`).waitFor();

    // 보완 요청: the identity card from the checklist, and a message the citizen reads as written.
    await page.check(`${firstCard} input[name="decision-${first.taskId}"][value="request-info"]`);
    await page.check(`${firstCard} input[name="supplement-document-${first.taskId}"][value="identity"]`);
    await page.fill(`[id="supplement-message-${first.taskId}"]`, askMessage);
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await shot('2-console-request-info');
    await page.click(`${firstCard} form.decision button[type="submit"]`);
    await page.locator(`${firstCard} .decided .success`).waitFor();
    await shot('3-console-request-saved');

    // The status page, as the citizen: what is missing, the file uploaded, the answer sent.
    await work.untilStatus(receipt, 'supplement-requested');
    await page.goto(`${api}/status.html`);
    await page.fill('#receipt-number', receipt.receiptNumber);
    await page.fill('#access-code', receipt.accessCode);
    await page.click('#look-up');
    // The workflow may still be on its way to wait for the answer: the section shows once it does.
    await page.locator('#supplement').waitFor();
    expect(await page.textContent('#supplement-message')).toBe(askMessage);
    expect(await page.textContent('#supplement')).toContain('신분증(나이 확인)');
    await page.setInputFiles('#supplement-file-identity', { name: 'identity.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.fill('#supplement-note', '신분증 사본입니다.');
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    // A long criterion wraps beside its verdict, not under it.
    expect(await besideVerdicts()).toEqual([]);
    await shot('4-status-supplement-asked');
    await page.click('#supplement-send');
    await page.locator('#supplement-sent').waitFor();
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await shot('5-status-supplement-sent');

    // Back in the console: a fresh review task carrying the supplement, and the document in the case file.
    const returned = await work.untilOpenTask(token, receipt.applicationId, 'review', first.taskId);
    expect(returned.supplement).toEqual({ round: 1, outcome: 'answered' });
    await page.goto(`${api}/staff.html#/applications/${receipt.applicationId}`);
    const card = `[data-task="${returned.taskId}"]`;
    await page.locator(`${card} form.decision`).waitFor();
    expect(await page.getAttribute(`${card} .supplement-outcome`, 'data-outcome')).toBe('answered');
    const round = page.locator('#supplements [data-round="1"]');
    expect(await round.getAttribute('data-state')).toBe('answered');
    expect(await round.innerText()).toContain('신분증 사본입니다.');
    expect(await round.locator('button[data-document="identity"]').count()).toBe(1);
    // No answer was corrected: said so, not an empty list under its heading.
    expect(await round.locator('.none-corrected').textContent()).toBe('없음');
    await shot('6-console-returned');

    // Approved with a note; the case page, loaded again, shows it under the decision.
    await page.check(`${card} input[name="decision-${returned.taskId}"][value="approve"]`);
    await page.fill(`[id="note-${returned.taskId}"]`, approvalNote);
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await shot('7-console-approve');
    await page.click(`${card} form.decision button[type="submit"]`);
    await page.locator(`${card} .decided .success`).waitFor();
    // The workflow takes the approval up: the application moves on to matching.
    await work.untilStatus(receipt, ['matching', 'waitlisted', 'matched']);
    await page.reload();
    const note = page.locator(`${card} .answer .note`);
    await note.waitFor();
    expect(await note.innerText()).toContain(approvalNote);
    expect(await page.innerText(`${card} .answer`)).toContain('caseworker.jongno');
    // Taken up by the workflow, so no 'not yet taken' hint, and no decision form left to fill.
    expect(await page.locator(`${card} form.decision`).count()).toBe(0);
    expect(await sidewaysScroll()).toBeLessThanOrEqual(0);
    await shot('8-console-approved-note');
  }, 180_000);
});
