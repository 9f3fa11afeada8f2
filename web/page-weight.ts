/**
 * What each page costs to load: the gzipped bytes of its script and every chunk it imports, at once
 * or through those chunks (static `import` only — a dynamic `import()` loads later, if ever). Read
 * from esbuild's metafile after `buildWeb`, so the figure is the files the browser actually fetches.
 *
 * @example
 * const metafile = await buildWeb(outDir);
 * const weights = await pageWeights(metafile); // { status: { gzipBytes: 11123, files: [...] }, ... }
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

/** Every page script in the build (`web/src/<page>.ts` → `<page>`), with what it loads. */
export async function pageWeights(metafile: Metafile): Promise<Record<string, PageWeight>> {
  const pages: Record<string, PageWeight> = {};
  for (const [output, meta] of Object.entries(metafile.outputs)) {
    if (!meta.entryPoint || !output.endsWith('.js')) continue;
    const files = staticClosure(metafile, output);
    const sizes = await Promise.all(files.map(async (file) => gzipSync(await readFile(file), { level: 9 }).length));
    const sources = [...new Set(files.flatMap((file) => Object.keys(metafile.outputs[file]?.inputs ?? {})))];
    pages[path.basename(meta.entryPoint, '.ts')] = { gzipBytes: sizes.reduce((a, b) => a + b, 0), files, sources };
  }
  return pages;
}

function staticClosure(metafile: Metafile, entry: string): string[] {
  const seen: string[] = [];
  const visit = (file: string) => {
    if (seen.includes(file)) return;
    seen.push(file);
    for (const imported of metafile.outputs[file]?.imports ?? []) if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
  };
  visit(entry);
  return seen;
}
