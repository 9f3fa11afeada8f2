import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { BenchContext } from '../context';
import { kb, ratio, seconds, type Section } from '../report';

/**
 * `npm run bench -- synth`: the time of `cdk synth -c env=prod`, esbuild bundling every handler, and
 * what the deploy uploads. Each handler's bundle against the 250 KB aim is the cold-start section's:
 * it counts what a cold start loads (`index.mjs` and the chunks it imports), which `index.mjs` alone
 * does not say since the SDK went into shared chunks.
 */
export async function synthSection(ctx: BenchContext): Promise<Section[]> {
  const outdir = mkdtempSync(path.join(tmpdir(), 'dolbom-bench-synth-'));
  try {
    const started = performance.now();
    execFileSync('npx', ['cdk', 'synth', '-c', 'env=prod', '-q', '-o', outdir], { cwd: ctx.root, stdio: 'ignore' });
    const synthMs = performance.now() - started;
    const template = JSON.parse(readFileSync(path.join(outdir, 'Dolbom-prod-App.template.json'), 'utf8'));
    const assets = Object.values(template.Resources as Record<string, { Type: string; Properties: { Environment?: { Variables?: Record<string, string> } }; Metadata: Record<string, string> }>)
      .filter((r) => r.Type === 'AWS::Lambda::Function' && r.Properties.Environment?.Variables?.DOLBOM_HANDLER)
      .map((r) => filesUnder(path.join(outdir, r.Metadata['aws:asset:path']!)));
    const code = assets.flat().filter((f) => !f.name.endsWith('.map'));
    const maps = assets.flat().filter((f) => f.name.endsWith('.map'));
    const total = (files: { bytes: number }[]) => files.reduce((n, f) => n + f.bytes, 0);
    const zipped = assets.reduce((n, files) => n + files.reduce((m, f) => m + gzipSync(readFileSync(f.path)).length, 0), 0);
    return [
      {
        id: 'synth',
        title: 'Synthesis and upload',
        summary: `\`cdk synth -c env=prod\`, bundling ${assets.length} handlers with esbuild (minified ESM, AWS SDK inside, code split): ${seconds(synthMs / 1000)}. What the deploy uploads for them, beside the code alone. Each bundle against the 250 KB aim: the cold-start section.`,
        tables: [
          {
            columns: ['', 'files', 'size', 'ratio to the code'],
            rows: [
              ['code (every chunk, the lazy ones included)', String(code.length), kb(total(code)), '1.00×'],
              ['source maps (without sources)', String(maps.length), kb(total(maps)), ratio(total(maps), total(code))],
              ['all, gzipped file by file (about what the zip assets hold)', String(code.length + maps.length), kb(zipped), ratio(zipped, total(code))],
            ],
          },
        ],
        notes: [],
        data: { synthMs, handlers: assets.length, codeBytes: total(code), mapBytes: total(maps), gzipBytes: zipped },
      },
    ];
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

function filesUnder(dir: string): { name: string; path: string; bytes: number }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const file = path.join(entry.parentPath, entry.name);
      return { name: entry.name, path: file, bytes: statSync(file).size };
    });
}
