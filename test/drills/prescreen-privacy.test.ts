/**
 * Drill (issue 6, item 10): a citizen fills in every field of a form — name, phone, e-mail, address,
 * resident registration number, guardian, conditional answers — and asks for the pre-check first. The
 * request the real page sends to a running local cloud carries only what the eligibility rules read,
 * nothing that names, reaches or identifies the person; the server answers it and stores nothing.
 */
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getProgramme } from '../../forms';
import { launchChromium } from '../e2e/support/chromium';
import { openForm, precheckStep } from '../e2e/support/application-steps';
import { everyFieldCases, fillEveryField, personalValues } from '../e2e/support/every-field';
import { schemaPaths, valuePaths } from '../support/answer-paths';
import { startDrillCloud, type DrillCloud } from '../support/drill-cloud';

let drill: DrillCloud;
let browser: Browser;

async function storedItems(): Promise<number> {
  const out = await drill.clients.db.send(new ScanCommand({ TableName: 'dolbom-dev', Select: 'COUNT' }));
  return out.Count ?? 0;
}

describe('the pre-check from the citizen page', () => {
  beforeAll(async () => {
    [drill, browser] = await Promise.all([startDrillCloud('prescreen-privacy'), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await drill?.dispose();
  });

  it.each(everyFieldCases.map((c) => [c.title, c] as const))('of %s, filled in completely, holds no name, contact or RRN', async (_title, filled) => {
    const programme = getProgramme(filled.programme);
    const before = await storedItems();
    const context = await browser.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    try {
      const page = await context.newPage();
      await openForm(page, drill.process.api, programme);
      // The pre-check sits right after the last question it reads: everything before it is filled in.
      await fillEveryField(page, programme, filled, { until: precheckStep(programme) });
      const [request] = await Promise.all([
        page.waitForRequest((r) => r.url().endsWith('/api/eligibility/check')),
        page.click('#check-eligibility'),
      ]);
      expect((await request.response())?.status()).toBe(200);
      await page.locator('#eligibility-result [data-outcome]').waitFor();

      const sent = request.postData() ?? '';
      const read = schemaPaths(programme.eligibilitySchema);
      expect(valuePaths(JSON.parse(sent).answers).filter((p) => !read.includes(p))).toEqual([]);
      for (const value of personalValues(programme)) expect(sent).not.toContain(value);
      expect(await storedItems()).toBe(before);
    } finally {
      await context.close();
    }
  });
});
