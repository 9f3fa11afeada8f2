/**
 * An esbuild plugin for the browser pages: zod's JSON Schema generator (its `to-json-schema` and
 * `json-schema-processors` modules, ~16 KB minified, ~5 KB gzipped) replaced by stubs that throw if
 * called. Zod classic attaches `.toJSONSchema()` to every schema, so esbuild cannot drop the
 * generator even though no page ever calls it: the OpenAPI document is built on the server
 * (functions/docs/). Parsing never touches these modules; a page that did call them would fail its
 * browser tests with the message below rather than fail silently.
 */
import { readFile } from 'node:fs/promises';
import type { Plugin } from 'esbuild';

const generator = /[\\/]zod[\\/]v4[\\/]core[\\/](to-json-schema|json-schema-processors)\.js$/;

/** The names a module exports: `export const x`, `export function x`, `export { a as x }`. */
function exportedNames(source: string): string[] {
  const declared = [...source.matchAll(/^export (?:const|let|function|class) (\w+)/gm)].map((m) => m[1]!);
  const listed = [...source.matchAll(/^export \{([^}]*)\}/gm)].flatMap((m) => m[1]!.split(',').map((part) => part.trim().split(/\s+as\s+/).at(-1)!).filter(Boolean));
  return [...new Set([...declared, ...listed])];
}

export const withoutZodJsonSchema: Plugin = {
  name: 'without-zod-json-schema',
  setup(build) {
    build.onLoad({ filter: generator }, async (args) => {
      const names = exportedNames(await readFile(args.path, 'utf8'));
      const stub = [
        "const unavailable = () => { throw new Error('zod JSON Schema is not built into the browser pages (web/zod-json-schema-stub.ts)'); };",
        // `create…Method` are called when a schema is asked for its methods; they hand back the thrower.
        ...names.map((name) => `export const ${name} = ${name.startsWith('create') ? '() => unavailable' : 'unavailable'};`),
      ].join('\n');
      return { contents: stub, loader: 'js' };
    });
  },
};
