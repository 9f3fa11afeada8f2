/**
 * `npx tsx bench/cold-start-cli.ts [--runs=N]` — prints the cold-start table of every handler
 * (bench/cold-start.ts): bundle sizes, import time and its ratio to an empty handler.
 */
import { measureColdStart } from './cold-start';

const runsArg = process.argv.find((a) => a.startsWith('--runs='));
const { baselineImportMs, sdkFloor, runs, rows } = await measureColdStart(runsArg ? { runs: Number(runsArg.slice('--runs='.length)) } : {});

const kb = (bytes: number) => (bytes / 1024).toFixed(0);
console.log(`Cold start: CPU time of a fresh Node process importing each handler bundle, median of ${runs} runs; empty handler ${baselineImportMs.toFixed(1)} ms.`);
console.log(`The DynamoDB client alone (the SDK floor): ${kb(sdkFloor.minifiedBytes)} KB, ${sdkFloor.importMs.toFixed(1)} ms, ratio ${sdkFloor.importRatio.toFixed(2)}.`);
console.log('Aim: every bundle ≤ 250 KB minified, every import ratio ≤ 1.5.\n');
console.log('| handler | KB min | KB gz | import ms (CPU) | ratio |');
console.log('|---|---:|---:|---:|---:|');
for (const r of rows) {
  const flag = r.minifiedBytes > 250 * 1024 || r.importRatio > 1.5 ? ' ⚠' : '';
  console.log(`| ${r.handler}${flag} | ${kb(r.minifiedBytes)} | ${kb(r.gzipBytes)} | ${r.importMs.toFixed(1)} | ${r.importRatio.toFixed(2)} |`);
}
