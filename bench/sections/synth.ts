import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchContext } from '../context';
import { kb, ratio, seconds, type Section } from '../report';

/** The aim for a handler bundle. */
const BUNDLE_AIM_BYTES = 250 * 1024;

/**
 * `npm run bench -- synth`: `cdk synth -c env=prod` with esbuild bundling every handler, and each
 * bundle's size beside the 250 KB aim. (The cold-start section, bench/cold-start.ts, measures the
 * bundles against an empty handler and their import time; this one stays for the synth time.)
 */
export async function synthSection(ctx: BenchContext): Promise<Section[]> {
  const outdir = mkdtempSync(path.join(tmpdir(), 'dolbom-bench-synth-'));
  try {
    const started = performance.now();
    execFileSync('npx', ['cdk', 'synth', '-c', 'env=prod', '-q', '-o', outdir], { cwd: ctx.root, stdio: 'ignore' });
    const synthMs = performance.now() - started;
    const template = JSON.parse(readFileSync(path.join(outdir, 'Dolbom-prod-App.template.json'), 'utf8'));
    const bundles = Object.values(template.Resources as Record<string, { Type: string; Properties: { Environment?: { Variables?: Record<string, string> } }; Metadata: Record<string, string> }>)
      .filter((r) => r.Type === 'AWS::Lambda::Function' && r.Properties.Environment?.Variables?.DOLBOM_HANDLER)
      .map((r) => {
        const file = path.join(outdir, r.Metadata['aws:asset:path']!, 'index.mjs');
        return { handler: r.Properties.Environment!.Variables!.DOLBOM_HANDLER!, bytes: statSync(file).size, gzip: gzipSync(readFileSync(file)).length };
      })
      .sort((a, b) => b.bytes - a.bytes);
    const over = bundles.filter((b) => b.bytes > BUNDLE_AIM_BYTES);
    return [
      {
        id: 'synth',
        title: 'Synthesis and bundles',
        summary: `\`cdk synth -c env=prod\`, bundling ${bundles.length} handlers with esbuild (minified ESM, AWS SDK inside): ${seconds(synthMs / 1000)}. Each bundle beside the aim of 250 KB.`,
        tables: [{ columns: ['handler', 'bundle', 'gzip', 'ratio to 250 KB'], rows: bundles.map((b) => [b.handler, kb(b.bytes), kb(b.gzip), ratio(b.bytes, BUNDLE_AIM_BYTES)]) }],
        notes: [over.length ? `${over.length} of ${bundles.length} bundles over 250 KB.` : `All ${bundles.length} bundles within 250 KB.`],
        data: { synthMs, bundles },
      },
    ];
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
