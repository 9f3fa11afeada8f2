/**
 * What each page costs to load: the gzipped bytes of its script and every chunk it imports, at once
 * or through those chunks. Read from esbuild's metafile after `buildWeb`, so the figure is the files
 * the browser actually fetches.
 *
 * A page script alone (`pageWeights`) counts only static `import`s. A page that always loads more
 * with `import()` for a given use — the citizen portal opening a programme's form loads the
 * application view and that programme's definition — is measured as a scenario (`scenarioWeight`):
 * the script, then each module it loads on the way, each with its static imports, every file once.
 *
 * @example
 * const metafile = await buildWeb(outDir);
 * const weights = await pageWeights(metafile); // { status: { gzipBytes: 11123, files: [...] }, ... }
 * const form = await scenarioWeight(metafile, { page: 'citizen', loads: ['web/src/citizen/application.ts', 'forms/programmes/youth.ts'] });
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Metafile } from 'esbuild';

export interface PageWeight {
  /** Sum of each file's own gzip size, as a browser downloads them one by one. */
  gzipBytes: number;
  /** The page script first, then the chunks it pulls in (paths as esbuild wrote them). */
  files: string[];
  /** The source files bundled into those, for telling where the weight comes from. */
  sources: string[];
}

/**
 * A page in one use: its script (`web/src/<page>.ts`) and the modules it loads with `import()` for
 * that use, in the order it loads them, as source paths (`web/src/citizen/application.ts`). Each
 * must be loaded dynamically by a file already counted, or the scenario is refused: it describes
 * what the code does, not what one wishes it did.
 */
export interface Scenario {
  page: string;
  loads: string[];
}

/** Every page script in the build (`web/src/<page>.ts` → `<page>`), with what it loads at once. */
export async function pageWeights(metafile: Metafile): Promise<Record<string, PageWeight>> {
  const pages: Record<string, PageWeight> = {};
  for (const [output, meta] of Object.entries(metafile.outputs)) {
    if (!meta.entryPoint?.startsWith('web/src/') || path.dirname(meta.entryPoint) !== 'web/src' || !output.endsWith('.js')) continue;
    pages[path.basename(meta.entryPoint, '.ts')] = await weigh(metafile, staticClosure(metafile, [output]));
  }
  return pages;
}

/** The files a page fetches in the use `scenario` describes, and their gzipped weight. */
export async function scenarioWeight(metafile: Metafile, scenario: Scenario): Promise<PageWeight> {
  let files = staticClosure(metafile, [outputOf(metafile, `web/src/${scenario.page}.ts`)]);
  for (const source of scenario.loads) {
    const output = outputOf(metafile, source);
    const loadedBy = files.some((file) => metafile.outputs[file]?.imports.some((i) => i.kind === 'dynamic-import' && i.path === output));
    if (!loadedBy) throw new Error(`${scenario.page}: nothing it has loaded so far imports ${source} dynamically`);
    files = staticClosure(metafile, [...files, output]);
  }
  return weigh(metafile, files);
}

/** The output file esbuild wrote for a page script or a module loaded with `import()`. */
function outputOf(metafile: Metafile, source: string): string {
  const found = Object.entries(metafile.outputs).find(([output, meta]) => meta.entryPoint === source && output.endsWith('.js'));
  if (!found) throw new Error(`no output in the build has ${source} as its entry`);
  return found[0];
}

async function weigh(metafile: Metafile, files: string[]): Promise<PageWeight> {
  const sizes = await Promise.all(files.map(async (file) => gzipSync(await readFile(file), { level: 9 }).length));
  const sources = [...new Set(files.flatMap((file) => Object.keys(metafile.outputs[file]?.inputs ?? {})))];
  return { gzipBytes: sizes.reduce((a, b) => a + b, 0), files, sources };
}

/** `roots` and every file they import statically, directly or not; each once, in the order reached. */
function staticClosure(metafile: Metafile, roots: string[]): string[] {
  const seen: string[] = [];
  const visit = (file: string) => {
    if (seen.includes(file)) return;
    seen.push(file);
    for (const imported of metafile.outputs[file]?.imports ?? []) if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
  };
  roots.forEach(visit);
  return seen;
}

/** The citizen portal opened on one programme's form (`/?programme=<id>`): see web/src/citizen.ts `route`. */
export function citizenFormScenario(programme: string): Scenario {
  return { page: 'citizen', loads: ['web/src/citizen/application.ts', `forms/programmes/${programme}.ts`] };
}
