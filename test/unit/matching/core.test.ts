import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');

describe('the matching core', () => {
  it('bundles without AWS: no SDK, no client, no store, whatever it imports on the way', async () => {
    const entries = ['match-request', 'constraints', 'score', 'rank'].map((name) => path.join(root, 'functions/matching', `${name}.ts`));
    const result = await build({ entryPoints: entries, bundle: true, write: false, metafile: true, platform: 'node', format: 'esm', outdir: 'out', logLevel: 'silent' });
    const inputs = Object.keys(result.metafile.inputs);
    expect(inputs.some((input) => input.includes('functions/matching/rank.ts'))).toBe(true);
    expect(inputs.filter((input) => /@aws-sdk|aws-cdk-lib|functions\/commons\/|-store\.ts$/.test(input))).toEqual([]);
  });
});
