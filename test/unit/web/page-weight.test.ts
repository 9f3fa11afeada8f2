/**
 * Issue 10's page budgets: what each page's JavaScript weighs gzipped (its script and every chunk it
 * statically imports), built as the local cloud and AWS serve it. The figures are printed on every run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWeb } from '../../../web/build';
import { pageWeights, type PageWeight } from '../../../web/page-weight';

const KB = 1024;
/** The aims of issue 10. The citizen form's is not asserted yet: its step-by-step rebuild tightens it. */
const budgets = { status: 15 * KB, citizen: 40 * KB };

let outDir: string;
let pages: Record<string, PageWeight>;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'dolbom-weight-'));
  pages = await pageWeights(await buildWeb(outDir));
  for (const [page, weight] of Object.entries(pages)) {
    const aim = page in budgets ? ` (aim ${budgets[page as keyof typeof budgets] / KB} KB)` : '';
    console.log(`page weight: ${page} ${(weight.gzipBytes / KB).toFixed(1)} KB gzipped in ${weight.files.length} files${aim}`);
  }
}, 60_000);

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe('page weight', () => {
  it('measures every page script', () => {
    expect(Object.keys(pages).sort()).toEqual(expect.arrayContaining(['citizen', 'provider', 'staff', 'status']));
    for (const weight of Object.values(pages)) expect(weight.gzipBytes).toBeGreaterThan(1000);
  });

  it('keeps the status page within 15 KB of JavaScript gzipped', () => {
    expect(pages.status!.gzipBytes).toBeLessThanOrEqual(budgets.status);
  });

  it('loads no programme definitions and no zod on the status page', () => {
    const heavy = pages.status!.sources.filter((source) => source.includes('node_modules/zod') || /^forms\/(programmes|common|index)/.test(source));
    expect(heavy).toEqual([]);
  });
});
