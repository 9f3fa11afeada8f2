import path from 'node:path';
import type { BuildOptions } from 'esbuild';

/**
 * How every handler is bundled: the one definition DolbomFunction builds each Lambda's code with at
 * synth time, and the cold-start benchmark and the bundle-size test build with, so what they measure
 * is what Lambda loads. ESM for Node 22, minified, source maps, the AWS SDK inside (faster cold starts
 * than the runtime's copy).
 *
 * Code splitting keeps lazy what the code loads lazily: the SDK imports its credential providers
 * (SSO, STS, process, container, instance metadata — some 140 KB with their clients) with `import()`
 * only when the environment holds no credentials, which in Lambda it always does. A single-file
 * bundle would inline them into every handler; split, they are files beside `index.mjs` that a cold
 * start never reads.
 */
export function handlerBuildOptions(entry: string, outDir: string) {
  return {
    entryPoints: { index: entry },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    minify: true,
    sourcemap: true,
    // Stack traces still point at the file and line; the sources themselves were most of the upload.
    sourcesContent: false,
    mainFields: ['module', 'main'],
    // Some bundled CommonJS dependencies call require(); give each ESM file one.
    banner: { js: "import{createRequire as __cr}from'node:module';const require=__cr(import.meta.url);" },
    logLevel: 'warning',
  } satisfies BuildOptions;
}

/** The file Lambda loads, in the output directory (the function's handler is `index.handler`). */
export const handlerEntryFile = (outDir: string) => path.join(outDir, 'index.mjs');

/** How Lambda starts Node for a handler (NODE_OPTIONS): stack traces point into the TypeScript sources. */
export const handlerNodeOptions = '--enable-source-maps';
