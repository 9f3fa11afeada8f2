/**
 * `npm run bench` — the figures behind Dolbom's claims, printed, never asserted:
 * CDK synth time and handler bundle sizes, local cloud start time (fresh and with data), submission
 * latency against a raw DynamoDB write, 200 concurrent submissions, the state transitions of the
 * happy path, how fast one client can guess access codes, how long the `+8d` timer storm over
 * STORM_APPLICATIONS open reviews (default 200) takes to drain, and the waitlist batch's time and
 * total match quality against the optimum HiGHS computes.
 *
 * `npm run bench -- guessing concurrent` runs only the named sections (synth, start, latency,
 * lifecycle, guessing, concurrent, timer-storm, matching); e.g. `STORM_APPLICATIONS=11000 npm run bench -- timer-storm`.
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
import { httpFrom, loopbackClient } from '../test/support/http-from';
import { startCloudProcess, type CloudProcess } from '../test/support/local-cloud-process';
import { describeReport, openReviews, stormAt8d } from '../test/support/timer-storm';
import { matchingFigures } from './matching';

const root = path.resolve(import.meta.dirname, '..');
const sections = ['synth', 'start', 'latency', 'lifecycle', 'guessing', 'concurrent', 'timer-storm', 'matching'] as const;
const cloudSections = ['start', 'latency', 'lifecycle', 'guessing', 'concurrent'] as const;
const chosen = process.argv.slice(2);
const runs = (section: (typeof sections)[number]) => chosen.length === 0 || chosen.includes(section);

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

const youthBody = () => ({ programme: 'youth', answers: patched(youthExample, { applicant: { district: '11110', name: `벤치${randomUUID().slice(0, 6)}` } }) });

async function sequentialLatency(cloud: CloudProcess) {
  const local = clientsFor(cloud);
  const submitTimes: number[] = [];
  const putTimes: number[] = [];
  for (let i = 0; i < 60; i++) {
    let t = performance.now();
    const response = await local.http('POST', '/api/applications', youthBody(), { 'idempotency-key': randomUUID() });
    if (response.status !== 202) throw new Error(`submit answered ${response.status}`);
    if (i >= 10) submitTimes.push(performance.now() - t);
    t = performance.now();
    await local.db.send(new PutCommand({ TableName: 'dolbom-dev', Item: { pk: `BENCH#${i}`, sk: 'RAW', answers: youthBody().answers } }));
    if (i >= 10) putTimes.push(performance.now() - t);
  }
  console.log(`\nsubmission latency over 50 sequential requests (after 10 warm-up), local cloud:`);
  console.log(`  POST /api/applications  p50 ${ms(percentile(submitTimes, 50))}  p95 ${ms(percentile(submitTimes, 95))}`);
  console.log(`  raw DynamoDB PutItem    p50 ${ms(percentile(putTimes, 50))}  p95 ${ms(percentile(putTimes, 95))}`);
}

/** 200 citizens pressing "submit" at once: each request's latency, and how long until the last answer. */
async function concurrentSubmissions(cloud: CloudProcess) {
  const local = clientsFor(cloud);
  const started = performance.now();
  const statuses = new Map<number, number>();
  const times = await Promise.all(
    Array.from({ length: 200 }, async () => {
      const t = performance.now();
      const { status } = await local.http('POST', '/api/applications', youthBody(), { 'idempotency-key': randomUUID() });
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      return performance.now() - t;
    }),
  );
  console.log(`\n200 concurrent submissions (POST /api/applications), local cloud:`);
  console.log(`  p50 ${ms(percentile(times, 50))}  p95 ${ms(percentile(times, 95))}  max ${ms(Math.max(...times))}  all answered in ${ms(performance.now() - started)}`);
  console.log(`  answers: ${[...statuses].map(([status, n]) => `${n} × ${status}`).join(', ')}`);
}

async function happyPath(cloud: CloudProcess) {
  const local = clientsFor(cloud);
  const receipt = (await local.http('POST', '/api/applications', youthBody())).body;
  const arn = `arn:aws:states:ap-northeast-2:000000000000:execution:dolbom-dev-lifecycle:${receipt.applicationId}`;
  const lifecycleStarted = performance.now();
  const answer = async (state: string, decision: string) => {
    const token = await eventually(() => local.latestTaskToken(arn, state), `${state} token`);
    await local.sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: JSON.stringify({ decision }) }));
  };
  await answer('CaseManagerReview', 'approve');
  await answer('ProviderOffer', 'accept');
  await eventually(() => local.latestTaskToken(arn, 'AwaitServicePeriod'), 'the wait on the service period');
  await local.advanceClock('+92d');
  await answer('Reassessment', 'close');
  await eventually(async () => ((await local.history(arn)).some((e) => e.type === 'ExecutionSucceeded') ? true : undefined), 'closure');
  const history = await local.history(arn);
  const transitions = history.filter((e) => e.stateEnteredEventDetails).length;
  console.log(`\nhappy path (submit → review approve → offer accepted → 3-month period → re-assessment close → Closed):`);
  console.log(`  ${transitions} state transitions, ${history.length} history events, ${((performance.now() - lifecycleStarted) / 1000).toFixed(1)} s wall clock with the clock advanced 92 days`);
}

/**
 * One client guessing access codes for receipt numbers (a new one each time, so only the per-client
 * limit applies): as fast as it can for 10 s of real time, then — waiting out every Retry-After on
 * the local clock — over one hour.
 */
async function guessing(cloud: CloudProcess) {
  const local = clientsFor(cloud);
  const attacker = httpFrom(cloud.api, loopbackClient(0));
  const chars = () => randomUUID().replace(/[^0-9a-f]/g, '').toUpperCase();
  const guess = () => attacker('POST', '/api/applications/lookup', { receiptNumber: `DB-2026-${chars().slice(0, 8)}`, accessCode: chars().slice(0, 12) });

  const counts = { checked: 0, refused: 0 };
  const started = performance.now();
  while (performance.now() - started < 10_000) {
    const { status } = await guess();
    if (status === 404) counts.checked++;
    else if (status === 429) counts.refused++;
    else throw new Error(`a guess answered ${status}`);
  }
  const seconds = (performance.now() - started) / 1000;
  console.log(`\naccess-code guessing, one client as fast as it can for ${seconds.toFixed(0)} s:`);
  console.log(`  ${((counts.checked + counts.refused) / seconds).toFixed(0)} requests a second; ${counts.checked} guesses checked (${(counts.checked / seconds).toFixed(1)} a second), ${counts.refused} refused with 429`);
  if (counts.refused === 0) return;

  // The patient attacker: waits exactly as long as Retry-After says, for one hour of (local) time.
  let waited = 0;
  let checked = 0;
  const hour = 3600;
  while (waited < hour) {
    const answer = await guess();
    if (answer.status === 404) checked++;
    else {
      const wait = Number(answer.headers['retry-after']);
      await local.advanceClock(`+${wait}s`);
      waited += wait;
    }
  }
  console.log(`  waiting out every Retry-After: ${checked} guesses checked in one hour (${(checked / hour).toFixed(4)} a second)`);
}

async function main() {
  console.log('Dolbom figures\n');

  if (runs('synth')) {
    const { synthMs, bundles } = synthAndBundles();
    console.log(`cdk synth -c env=prod (with esbuild bundling of ${bundles.length} handlers): ${(synthMs / 1000).toFixed(1)} s`);
    console.log('handler bundles (minified ESM, AWS SDK inside):');
    for (const b of bundles) console.log(`  ${b.handler.padEnd(24)} ${kb(b.bytes).padStart(8)}  (gzip ${kb(b.gzip)})`);
  }
  if (!cloudSections.some(runs)) return;

  const dataDir = mkdtempSync(path.join(tmpdir(), 'dolbom-bench-'));
  const ports = await freeCloudPorts();
  try {
    let started = performance.now();
    let cloud = await startCloudProcess(dataDir, ports);
    if (runs('start')) {
      const freshMs = performance.now() - started;
      await cloud.stop();
      started = performance.now();
      cloud = await startCloudProcess(dataDir, ports);
      const warmMs = performance.now() - started;
      console.log(`\nlocal cloud start (process start → HTTP API answers): fresh data ${(freshMs / 1000).toFixed(1)} s, existing data ${(warmMs / 1000).toFixed(1)} s`);
    }
    try {
      if (runs('latency')) await sequentialLatency(cloud);
      if (runs('lifecycle')) await happyPath(cloud);
      if (runs('guessing')) await guessing(cloud);
      // Last: the 200 lifecycles it starts keep the cloud busy for a while.
      if (runs('concurrent')) await concurrentSubmissions(cloud);
    } finally {
      await cloud.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** On a cloud of its own: N applications awaiting review, then `+8d` fires every heartbeat at once. */
async function timerStorm() {
  const applications = Number(process.env.STORM_APPLICATIONS ?? 200);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dolbom-bench-storm-'));
  try {
    const cloud = await startCloudProcess(dataDir, await freeCloudPorts());
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

await main();
if (runs('timer-storm')) await timerStorm();
if (runs('matching')) await matchingFigures();
