/**
 * Builds the web pages: every `web/src/*.ts` is a page script, bundled for the browser (ESM, minified,
 * source maps; code shared by the pages goes into hashed chunks), and `web/public/` (HTML, CSS) is
 * copied beside them. The local cloud calls this at every start; S3 + CloudFront serve the same files.
 *
 * @example
 * await buildWeb(path.join(dataDir, 'web')); // or: npx tsx web/build.ts [outDir]  (default web/dist)
 */
import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { programmes } from '../forms';
import { screenerQuestions } from '../forms/screener';

const webDir = path.dirname(fileURLToPath(import.meta.url));
const sourceDir = path.join(webDir, 'src');
const publicDir = path.join(webDir, 'public');

/** Browsers that support ES modules, `structuredClone` and `crypto.randomUUID` (2022 on). */
const browserTargets = ['chrome109', 'edge109', 'firefox115', 'safari15.4'];

/** Builds into `outDir`; returns esbuild's metafile (what each output holds and imports: web/page-weight.ts reads it). */
export async function buildWeb(outDir: string): Promise<Metafile> {
  const entryPoints = (await readdir(sourceDir))
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .map((name) => path.join(sourceDir, name));
  // Chunk names carry a content hash: clear old ones so repeated builds do not pile them up. Only our
  // own sub-folder is removed, never the caller's whole directory.
  await rm(path.join(outDir, 'chunks'), { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const [result] = await Promise.all([
    build({
      entryPoints,
      outdir: outDir,
      entryNames: '[name]',
      chunkNames: 'chunks/[name]-[hash]',
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'browser',
      target: browserTargets,
      minify: true,
      sourcemap: 'linked',
      legalComments: 'none',
      logLevel: 'warning',
      metafile: true,
    }),
    copyPublicFiles(outDir),
    // The screener's questions as data, from the registry: the page needs no definitions or zod.
    writeFile(path.join(outDir, 'screener-questions.json'), JSON.stringify(screenerQuestions(programmes))),
  ]);
  return result.metafile;
}

async function copyPublicFiles(outDir: string): Promise<void> {
  const files = (await readdir(publicDir, { withFileTypes: true })).filter((entry) => entry.isFile());
  await Promise.all(files.map((file) => copyFile(path.join(publicDir, file.name), path.join(outDir, file.name))));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const outDir = path.resolve(process.argv[2] ?? path.join(webDir, 'dist'));
  const started = performance.now();
  await buildWeb(outDir);
  console.log(`web pages built in ${Math.round(performance.now() - started)} ms → ${outDir}`);
}
