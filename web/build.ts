/**
 * Builds the web pages: every `web/src/*.ts` is a page script, bundled for the browser (ESM, minified,
 * source maps; code shared by the pages goes into hashed chunks), and `web/public/` (HTML, CSS) is
 * copied beside them. The local cloud calls this at every start; S3 + CloudFront serve the same files.
 *
 * Two targets, one bundle: `local` writes the config.json that names the local issuer; `aws` (what the
 * web stack deploys, infra/web-assets.ts) writes none — the stack writes it at deploy time — and
 * leaves out the chunk of the local sign-in form, so no deployed file knows the local cloud's paths.
 *
 * @example
 * await buildWeb(path.join(dataDir, 'web')); // or: npx tsx web/build.ts [outDir] [--target=aws]  (default web/dist, local)
 */
import { copyFile, mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { programmes } from '../forms';
import { screenerQuestions } from '../forms/screener';
import { AUDIENCE, ISSUER } from '../infra/local/identity';
import { SITE_CONFIG_FILE, type SiteConfig } from './src/lib/site-config';

const webDir = path.dirname(fileURLToPath(import.meta.url));
const sourceDir = path.join(webDir, 'src');
const publicDir = path.join(webDir, 'public');

/** Browsers that support ES modules, `structuredClone` and `crypto.randomUUID` (2022 on). */
const browserTargets = ['chrome109', 'edge109', 'firefox115', 'safari15.4'];

export type WebTarget = 'local' | 'aws';

/** Modules only the local cloud uses: loaded on demand, each into a chunk the `aws` build removes. */
export const localOnlyModules = ['web/src/lib/local-sign-in.ts'];

/** What config.json says under `npm start` and in the browser tests. */
export const localSiteConfig: SiteConfig = { signIn: { kind: 'local', issuer: ISSUER, clientId: AUDIENCE } };

/** Builds into `outDir`; returns esbuild's metafile (what each output holds and imports: web/page-weight.ts reads it). */
export async function buildWeb(outDir: string, options: { target?: WebTarget } = {}): Promise<Metafile> {
  const target = options.target ?? 'local';
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
  if (target === 'local') await writeFile(path.join(outDir, SITE_CONFIG_FILE), JSON.stringify(localSiteConfig));
  else await removeLocalOnlyChunks(outDir, result.metafile);
  return result.metafile;
}

/**
 * Deletes the chunks that hold a local-only module (and their maps). Such a module is reached by a
 * dynamic import only, so esbuild gives it a chunk of its own; should it ever share one with code a
 * deployed page needs, removing it would break that page: refuse instead.
 */
async function removeLocalOnlyChunks(outDir: string, metafile: Metafile): Promise<void> {
  for (const [output, { inputs }] of Object.entries(metafile.outputs)) {
    const held = Object.keys(inputs).map((input) => path.relative(path.dirname(webDir), path.resolve(input)).split(path.sep).join('/'));
    if (!held.some((input) => localOnlyModules.includes(input))) continue;
    const others = held.filter((input) => !localOnlyModules.includes(input));
    if (others.length > 0) throw new Error(`${output} holds local-only code together with ${others.join(', ')}: import it dynamically, alone`);
    const file = path.resolve(output);
    if (!file.startsWith(path.resolve(outDir) + path.sep)) throw new Error(`${output} is not under ${outDir}`);
    await rm(file, { force: true });
    await rm(`${file}.map`, { force: true });
  }
}

async function copyPublicFiles(outDir: string): Promise<void> {
  const files = (await readdir(publicDir, { withFileTypes: true })).filter((entry) => entry.isFile());
  await Promise.all(files.map((file) => copyFile(path.join(publicDir, file.name), path.join(outDir, file.name))));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const target: WebTarget = args.includes('--target=aws') ? 'aws' : 'local';
  const outDir = path.resolve(args.find((arg) => !arg.startsWith('--')) ?? path.join(webDir, 'dist'));
  const started = performance.now();
  await buildWeb(outDir, { target });
  console.log(`web pages built in ${Math.round(performance.now() - started)} ms → ${outDir}`);
}
