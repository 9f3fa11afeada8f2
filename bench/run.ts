/**
 * `npm run bench` — the figures behind Dolbom's claims, printed, never asserted:
 * CDK synth time and handler bundle sizes, local cloud start time (fresh and with data), submission
 * latency against a raw DynamoDB write, the state transitions of the happy path, and how long the
 * `+8d` timer storm over STORM_APPLICATIONS open reviews (default 200) takes to drain.
 * `npm run bench -- timer-storm` measures only the storm, e.g. STORM_APPLICATIONS=11000.
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { SendTaskSuccessCommand } from '@aws-sdk/client-sfn';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { patched, youthExample } from '../test/support/answers';
import { clientsFor, eventually } from '../test/support/clients';
import { freeCloudPorts } from '../test/support/free-ports';
import { startCloudProcess } from '../test/support/local-cloud-process';
import { describeReport, openReviews, stormAt8d } from '../test/support/timer-storm';

const root = path.resolve(import.meta.dirname, '..');
const ports = await freeCloudPorts();

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}
const ms = (n: number) => `${n.toFixed(1)} ms`;
const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

function synthAndBundles() {
  const outdir = mkdtempSync(path.join(tmpdir(), 'dolbom-bench-synth-'));
  try {
    const started = performance.now();
    execFileSync('npx', ['cdk', 'synth', '-c', 'env=prod', '-q', '-o', outdir], { cwd: root, stdio: 'ignore' });
    const synthMs = performance.now() - started;
    const template = JSON.parse(readFileSync(path.join(outdir, 'Dolbom-prod-App.template.json'), 'utf8'));
    const bundles = Object.values(template.Resources as Record<string, any>)
      .filter((r) => r.Type === 'AWS::Lambda::Function' && r.Properties.Environment?.Variables?.DOLBOM_HANDLER)
      .map((r) => {
        const file = path.join(outdir, r.Metadata['aws:asset:path'], 'index.mjs');
        return { handler: r.Properties.Environment.Variables.DOLBOM_HANDLER as string, bytes: statSync(file).size, gzip: gzipSync(readFileSync(file)).length };
      })
      .sort((a, b) => b.bytes - a.bytes);
    return { synthMs, bundles };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

async function main() {
  console.log('Dolbom figures\n');

  const { synthMs, bundles } = synthAndBundles();
  console.log(`cdk synth -c env=prod (with esbuild bundling of ${bundles.length} handlers): ${(synthMs / 1000).toFixed(1)} s`);
  console.log('handler bundles (minified ESM, AWS SDK inside):');
  for (const b of bundles) console.log(`  ${b.handler.padEnd(24)} ${kb(b.bytes).padStart(8)}  (gzip ${kb(b.gzip)})`);

  const dataDir = mkdtempSync(path.join(tmpdir(), 'dolbom-bench-'));
  try {
    let started = performance.now();
    let cloud = await startCloudProcess(dataDir, ports);
    const freshMs = performance.now() - started;
    await cloud.stop();
    started = performance.now();
    cloud = await startCloudProcess(dataDir, ports);
    const warmMs = performance.now() - started;
    console.log(`\nlocal cloud start (process start → HTTP API answers): fresh data ${(freshMs / 1000).toFixed(1)} s, existing data ${(warmMs / 1000).toFixed(1)} s`);

    const local = clientsFor(cloud);
    const body = () => ({ programme: 'youth', answers: patched(youthExample, { applicant: { district: '11110', name: `벤치${randomUUID().slice(0, 6)}` } }) });
    const submitTimes: number[] = [];
    const putTimes: number[] = [];
    for (let i = 0; i < 60; i++) {
      let t = performance.now();
      const response = await local.http('POST', '/api/applications', body(), { 'idempotency-key': randomUUID() });
      if (response.status !== 202) throw new Error(`submit answered ${response.status}`);
      if (i >= 10) submitTimes.push(performance.now() - t);
      t = performance.now();
      await local.db.send(new PutCommand({ TableName: 'dolbom-dev', Item: { pk: `BENCH#${i}`, sk: 'RAW', answers: body().answers } }));
      if (i >= 10) putTimes.push(performance.now() - t);
    }
    console.log(`\nsubmission latency over 50 sequential requests (after 10 warm-up), local cloud:`);
    console.log(`  POST /api/applications  p50 ${ms(percentile(submitTimes, 50))}  p95 ${ms(percentile(submitTimes, 95))}`);
    console.log(`  raw DynamoDB PutItem    p50 ${ms(percentile(putTimes, 50))}  p95 ${ms(percentile(putTimes, 95))}`);

    const receipt = (await local.http('POST', '/api/applications', body())).body;
    const arn = `arn:aws:states:ap-northeast-2:000000000000:execution:dolbom-dev-lifecycle:${receipt.applicationId}`;
    const lifecycleStarted = performance.now();
    const answer = async (state: string, decision: string) => {
      const token = await eventually(() => local.latestTaskToken(arn, state), `${state} token`);
      await local.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ decision }) }));
    };
    await answer('CaseManagerReview', 'approve');
    await eventually(async () => ((await local.history(arn)).some((e) => e.stateEnteredEventDetails?.name === 'ServicePeriod') ? true : undefined), 'service period');
    await local.advanceClock('+92d');
    await answer('Reassessment', 'close');
    await eventually(async () => ((await local.history(arn)).some((e) => e.type === 'ExecutionSucceeded') ? true : undefined), 'closure');
    const history = await local.history(arn);
    const transitions = history.filter((e) => e.stateEnteredEventDetails).length;
    console.log(`\nhappy path (submit → review approve → 3-month period → re-assessment close → Closed):`);
    console.log(`  ${transitions} state transitions, ${history.length} history events, ${((performance.now() - lifecycleStarted) / 1000).toFixed(1)} s wall clock with the clock advanced 92 days`);
    await cloud.stop();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** On a cloud of its own: N applications awaiting review, then `+8d` fires every heartbeat at once. */
async function timerStorm() {
  const applications = Number(process.env.STORM_APPLICATIONS ?? 200);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dolbom-bench-storm-'));
  try {
    const cloud = await startCloudProcess(dataDir, ports);
    const local = clientsFor(cloud);
    const started = performance.now();
    const applicationIds = await openReviews(local, applications, 16);
    console.log(`\ntimer storm: ${applications} applications awaiting review after ${((performance.now() - started) / 1000).toFixed(0)} s`);
    console.log(`  ${describeReport(await stormAt8d(local, applicationIds))}`);
    await cloud.stop();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[2] !== 'timer-storm') await main();
await timerStorm();
