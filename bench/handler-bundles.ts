import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Metafile } from 'esbuild';
import { handlers, type HandlerId } from '../functions/catalog';
import { handlerBuildOptions, handlerEntryFile } from '../infra/constructs/handler-build';
import { projectRoot } from '../infra/paths';

export interface HandlerBundle {
  /** A catalog id, or a baseline: `empty`, or `dynamodb-client` (the SDK floor). */
  handler: HandlerId | Baseline;
  /** The file Lambda loads (`index.mjs`); on disk only when the bundles are written. */
  file: string;
  /** `index.mjs` and the chunks it imports statically: what a cold start reads, minified and gzipped file by file. */
  minifiedBytes: number;
  gzipBytes: number;
  /** Every file of the bundle (source maps aside), the chunks only loaded lazily included. */
  allBytes: number;
  metafile: Metafile;
}

/** The baselines, built the same way as the handlers. */
export type Baseline = 'empty' | 'dynamodb-client';
export const baselines: readonly Baseline[] = ['empty', 'dynamodb-client'];
export const isBaseline = (handler: string): handler is Baseline => (baselines as readonly string[]).includes(handler);
const baselineSources: Record<Baseline, string> = {
  // A handler that imports nothing: Node's own start.
  empty: 'export const handler = async () => ({});\n',
  // A handler that only makes the DynamoDB document client every handler uses: the SDK's floor, the
  // part of a cold start no import of ours can remove.
  'dynamodb-client': [
    "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
    "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
    'const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
    'export const handler = async () => ({ region: await client.config.region() });',
    '',
  ].join('\n'),
};

/**
 * Bundles every handler of the catalog (and the baselines) into `outDir/<id>/` with the deployed
 * build options (infra/constructs/handler-build.ts), keeping esbuild's metafile: what each bundle
 * holds and why (`analyzeMetafile`). `write: false` keeps the files in memory (sizes only).
 */
export async function bundleHandlers(outDir: string, options: { write?: boolean } = {}): Promise<HandlerBundle[]> {
  const write = options.write ?? true;
  mkdirSync(outDir, { recursive: true });
  const baselineEntries = baselines.map((baseline): [Baseline, string] => {
    const entry = path.join(outDir, `${baseline}-handler.mjs`);
    writeFileSync(entry, baselineSources[baseline]);
    return [baseline, entry];
  });
  const entries: [HandlerBundle['handler'], string][] = [
    ...baselineEntries,
    ...Object.entries(handlers).map(([id, spec]) => [id as HandlerId, path.join(projectRoot, spec.entry)] as [HandlerId, string]),
  ];
  const bundleOne = async ([handler, entry]: (typeof entries)[number]): Promise<HandlerBundle> => {
    const dir = path.join(outDir, handler);
    // A baseline's entry lies outside the project: it finds the SDK in the project's node_modules.
    const resolution = isBaseline(handler) ? { nodePaths: [path.join(projectRoot, 'node_modules')] } : {};
    const { metafile, outputFiles } = await build({ ...handlerBuildOptions(entry, dir), ...resolution, absWorkingDir: projectRoot, metafile: true, write, logLevel: 'error' });
    const contents = new Map(outputFiles?.map((f) => [path.relative(projectRoot, f.path), Buffer.from(f.contents)]));
    const file = handlerEntryFile(dir);
    const code = loadedAtStart(metafile, file).map((file) => contents.get(file) ?? readFileSync(path.join(projectRoot, file)));
    return {
      handler,
      file,
      minifiedBytes: code.reduce((n, c) => n + c.length, 0),
      gzipBytes: code.reduce((n, c) => n + gzipSync(c).length, 0),
      allBytes: Object.entries(metafile.outputs).reduce((n, [file, o]) => (file.endsWith('.map') ? n : n + o.bytes), 0),
      metafile,
    };
  };
  // A few builds at a time: each parses the SDK afresh, and dozens at once only fight for memory.
  const bundles: HandlerBundle[] = [];
  const queue = [...entries];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) bundles.push(await bundleOne(next));
    }),
  );
  return entries.map(([handler]) => bundles.find((b) => b.handler === handler)!);
}

/** The output files (relative to the project, as the metafile names them) that importing `entryFile` reads: it and its static imports, transitively. */
export function loadedAtStart(metafile: Metafile, entryFile: string): string[] {
  const entry = path.relative(projectRoot, entryFile);
  const loaded = new Set([entry]);
  for (const file of loaded) {
    for (const { path: imported, kind } of metafile.outputs[file]?.imports ?? []) {
      if (kind === 'import-statement' && metafile.outputs[imported]) loaded.add(imported);
    }
  }
  return [...loaded];
}
