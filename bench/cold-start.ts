/**
 * Cold start, per handler: what Lambda loads of its bundle (`index.mjs` and the chunks it imports,
 * minified and gzipped bytes; the chunks only ever loaded lazily are left out) and the time a fresh
 * Node process spends to start and import it, as a ratio to a process importing an empty handler
 * built the same way. Figures only, never asserted (test/cdk/handler-bundles.test.ts keeps the size
 * budget). Aim: every bundle ≤ 250 KB, every ratio ≤ 1.5.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROUTE_ACCESS_VARIABLE, routeAccessVariable } from '../functions/routes';
import { handlerNodeOptions } from '../infra/constructs/handler-build';
import { bundleHandlers, isBaseline, type HandlerBundle } from './handler-bundles';

export interface ColdStartRow {
  handler: string;
  /** What a cold start loads: `index.mjs` and the chunks it imports statically. */
  minifiedBytes: number;
  gzipBytes: number;
  /** CPU milliseconds of a fresh Node process until the bundle is imported (median of the runs). */
  importMs: number;
  /** `importMs` over the empty handler's. */
  importRatio: number;
}

/**
 * What a handler module may read at import, set to values that reach nothing: the settings the stack
 * gives a function (functions/commons/env.ts), a region and credentials for the SDK clients.
 */
const harmlessEnvironment = {
  AWS_REGION: 'ap-northeast-2',
  AWS_ACCESS_KEY_ID: 'cold-start',
  AWS_SECRET_ACCESS_KEY: 'cold-start',
  TABLE_NAME: 'dolbom-cold-start',
  DOLBOM_STAGE: 'local',
  DOLBOM_LOG: 'silent',
  LIFECYCLE_STATE_MACHINE_ARN: 'arn:aws:states:ap-northeast-2:000000000000:stateMachine:cold-start',
  BULK_DECISIONS_STATE_MACHINE_ARN: 'arn:aws:states:ap-northeast-2:000000000000:stateMachine:cold-start-bulk',
  NOTIFICATION_EMAIL_FROM: 'cold-start@example.invalid',
  CASE_MANAGERS_EMAIL: 'cold-start-{district}@example.invalid',
  DOCUMENTS_BUCKET: 'dolbom-cold-start',
};

/** What the stack gives one function besides (infra/app-stack.ts): the access of the routes it serves. */
function functionEnvironment(handler: HandlerBundle['handler']): Record<string, string> {
  const access = isBaseline(handler) ? undefined : routeAccessVariable(handler);
  return access ? { [ROUTE_ACCESS_VARIABLE]: access } : {};
}

/**
 * The CPU time (user and system, every thread) a fresh Node process spends from its start until
 * `file` is imported, Node started as Lambda starts it (handlerNodeOptions). The process's own start
 * is in both this and the baseline, as it is in every cold start. CPU time rather than the clock:
 * on a machine shared with other work the clock mostly measures waiting for a core (a 2-core machine
 * under load doubled the empty handler's clock time from one run to the next), while the work a cold
 * start does — parse, compile, run the modules' top level — is what a bundle decides, and what Lambda's
 * fraction of a vCPU pays for.
 */
function importMs(file: string, environment: Record<string, string> = {}): number {
  const script = `await import(${JSON.stringify(pathToFileURL(file).href)}); const cpu = process.cpuUsage(); process.stdout.write(String((cpu.user + cpu.system) / 1000));`;
  const child = spawnSync(process.execPath, [...handlerNodeOptions.split(' '), '--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH, ...harmlessEnvironment, ...environment },
    encoding: 'utf8',
  });
  if (child.status !== 0) throw new Error(`importing ${file} failed: ${child.stderr}`);
  return Number(child.stdout);
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/**
 * Bundles every handler of functions/catalog.ts as CDK does and times its import `runs` times (default
 * 5), round-robin over all bundles so a slow moment of a shared machine spreads over every handler
 * rather than landing on one; each figure is the median of its runs. Rows are largest bundle first.
 */
export async function measureColdStart(opts?: { runs?: number }): Promise<{ baselineImportMs: number; sdkFloor: ColdStartRow; runs: number; rows: ColdStartRow[] }> {
  const runs = opts?.runs ?? 5;
  const outDir = mkdtempSync(path.join(tmpdir(), 'dolbom-cold-start-'));
  try {
    const bundles = await bundleHandlers(outDir);
    const times = new Map<HandlerBundle, number[]>(bundles.map((b) => [b, []]));
    for (let run = 0; run < runs; run++) for (const bundle of bundles) times.get(bundle)!.push(importMs(bundle.file, functionEnvironment(bundle.handler)));
    const baselineImportMs = median(times.get(bundles.find((b) => b.handler === 'empty')!)!);
    const row = (b: HandlerBundle): ColdStartRow => {
      const ms = median(times.get(b)!);
      return { handler: b.handler, minifiedBytes: b.minifiedBytes, gzipBytes: b.gzipBytes, importMs: ms, importRatio: ms / baselineImportMs };
    };
    const sdkFloor = row(bundles.find((b) => b.handler === 'dynamodb-client')!);
    const rows = bundles
      .filter((b) => !isBaseline(b.handler))
      .map(row)
      .sort((a, b) => b.minifiedBytes - a.minifiedBytes);
    return { baselineImportMs, sdkFloor, runs, rows };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
