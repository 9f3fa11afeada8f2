/**
 * Issue 10's page budgets: what each page's JavaScript weighs gzipped, built as the local cloud and
 * AWS serve it. The status page is its script and what it imports; the citizen form is measured as
 * it is used (web/page-weight.ts `scenarioWeight`): the portal's script, the application view it
 * loads for `?programme=<id>` and that programme's definition. The figures are printed on every run;
 * test/e2e/page-weight.test.ts checks in Chromium that these are the files a browser fetches.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Metafile } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { programmeIds } from '../../../forms';
import { buildWeb } from '../../../web/build';
import { citizenFormScenario, pageWeights, scenarioWeight, type PageWeight } from '../../../web/page-weight';

const KB = 1024;
/** The aims of issue 10. */
const aims = { status: 15 * KB, citizenForm: 40 * KB };

let outDir: string;
let metafile: Metafile;
let pages: Record<string, PageWeight>;
const forms: Record<string, PageWeight> = {};

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

beforeAll(async () => {
  outDir = await mkdtemp(path.join(tmpdir(), 'dolbom-weight-'));
  metafile = await buildWeb(outDir);
  pages = await pageWeights(metafile);
  for (const id of programmeIds) forms[id] = await scenarioWeight(metafile, citizenFormScenario(id));
  for (const [page, weight] of Object.entries(pages)) {
    const aim = page === 'status' ? ` (aim ${kb(aims.status)})` : '';
    console.log(`page weight: ${page} script ${kb(weight.gzipBytes)} gzipped in ${weight.files.length} files${aim}`);
  }
  for (const [id, weight] of Object.entries(forms)) {
    console.log(`page weight: citizen form ?programme=${id} ${kb(weight.gzipBytes)} gzipped in ${weight.files.length} files (aim ${kb(aims.citizenForm)})`);
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
    expect(pages.status!.gzipBytes).toBeLessThanOrEqual(aims.status);
  });

  it('loads no programme definitions and no zod on the status page', () => {
    const heavy = pages.status!.sources.filter((source) => source.includes('node_modules/zod') || /^forms\/(programmes|common|index)/.test(source));
    expect(heavy).toEqual([]);
  });

  it.each(programmeIds)('keeps the citizen form of %s within 40 KB of JavaScript gzipped', (id) => {
    expect(forms[id]!.gzipBytes).toBeLessThanOrEqual(aims.citizenForm);
  });

  it('counts in a form what the page really loads: the view, zod, its own programme and no other', () => {
    for (const id of programmeIds) {
      const sources = forms[id]!.sources;
      expect(sources).toEqual(expect.arrayContaining(['web/src/citizen.ts', 'web/src/citizen/application.ts', `forms/programmes/${id}.ts`]));
      expect(sources.some((source) => source.includes('node_modules/zod'))).toBe(true);
      expect(sources.filter((source) => source.startsWith('forms/programmes/'))).toEqual([`forms/programmes/${id}.ts`]);
    }
  });

  it('bundles zod/mini into the pages, never zod classic (forms/ schemas are written with zod/mini)', () => {
    const sources = Object.values(metafile.outputs).flatMap((output) => Object.keys(output.inputs));
    expect(sources.some((source) => source.includes('node_modules/zod/v4/mini/'))).toBe(true);
    expect(sources.filter((source) => /node_modules\/zod\/(v4\/classic|v4\/locales|v3)\//.test(source))).toEqual([]);
  });

  it('refuses a scenario whose loads the page does not make', async () => {
    await expect(scenarioWeight(metafile, { page: 'status', loads: ['web/src/citizen/application.ts'] })).rejects.toThrow(/dynamically/);
  });
});
