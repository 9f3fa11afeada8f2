import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Metafile } from 'esbuild';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { buildWeb } from '../../../web/build';
import { launchChromium } from './chromium';
import { startFakeBackend, type FakeBackend } from './fake-backend';

export interface BrowserSession {
  backend: FakeBackend;
  /** Where the pages were built (a test may replace config.json there). */
  staticDir: string;
  page: Page;
  /** What the build wrote (web/page-weight.ts reads it), paths relative to the working directory. */
  metafile: Metafile;
}

/**
 * Registers the hooks every browser test file needs: the pages built once into a temp folder and
 * served with a recording fake API, one Chromium, a fresh Korean-locale page per test, and a check
 * that the page raised no errors and broke no Content-Security-Policy (console errors too, when asked).
 */
export function browserSession(options: { failOnConsoleErrors?: boolean } = {}): BrowserSession {
  const session = {} as BrowserSession;
  let outDir: string | undefined;
  let browser: Browser | undefined;
  let context: BrowserContext | undefined;
  let pageErrors: string[] = [];

  beforeAll(async () => {
    outDir = await mkdtemp(path.join(tmpdir(), 'dolbom-web-'));
    session.metafile = await buildWeb(outDir);
    session.staticDir = outDir;
    session.backend = await startFakeBackend(outDir);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await session.backend?.close();
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  beforeEach(async () => {
    session.backend.reset();
    context = await browser!.newContext({ locale: 'ko-KR', timezoneId: 'Asia/Seoul' });
    session.page = await context.newPage();
    pageErrors = [];
    session.page.on('pageerror', (error) => pageErrors.push(error.message));
    session.page.on('console', (message) => {
      if (message.type() !== 'error') return;
      // A page that breaks its Content-Security-Policy fails every browser test.
      const violation = message.text().includes('Content Security Policy');
      if (violation || (options.failOnConsoleErrors && !message.text().includes('Failed to load resource'))) pageErrors.push(message.text());
    });
  });

  afterEach(async () => {
    await context?.close();
    expect(pageErrors).toEqual([]);
  });

  return session;
}
