import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { environments } from '../../infra/config';
import { startBenchCloud } from '../shared-cloud';
import { envInt, type BenchContext } from '../context';
import { costPerApplication, type CostEstimate, type MeteredUsage } from '../cost/estimate';
import { DEFAULT_KRW_PER_USD, prices } from '../cost/prices';
import { makeRoom, runCohort, type CohortResult } from '../lifecycle/cohort';
import type { Programme } from '../lifecycle/journey';
import { isRouteHandler, lambdaEstimate } from '../lifecycle/usage';
import { rawGets, rawPuts } from '../raw-store';
import type { LoadResult } from '../load';
import { ms, num, percent, ratio, seconds, type Section } from '../report';

const names: Record<Programme, string> = { youth: 'youth 청년', 'child-adolescent': 'child 아동·청소년', parent: 'parent 부모' };
/** What the issue aims at: a youth application for ₩2 or less. */
const AIM_KRW = 2;
/** Clients of the raw store baseline: as many as the local Step Functions service runs timers at once. */
const RAW_CLIENTS = 16;
/** A DynamoDB round trip from Lambda in the same region, single-digit milliseconds; BENCH_AWS_DYNAMODB_MS changes it. */
const AWS_DYNAMODB_MS = 10;

/** SMS and e-mails the local mailbox holds (SNS and SES stand-ins): sent, but not priced. */
async function mailboxCounts(db: DynamoDBDocumentClient): Promise<{ sms: number; email: number }> {
  const counts = { sms: 0, email: 0 };
  for (const channel of ['sms', 'email'] as const) {
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await db.send(
        new QueryCommand({
          TableName: 'dolbom-dev',
          KeyConditionExpression: 'pk = :pk',
          FilterExpression: 'channel = :c',
          ExpressionAttributeValues: { ':pk': 'LOCAL-MAILBOX', ':c': channel },
          Select: 'COUNT',
          ExclusiveStartKey,
        }),
      );
      counts[channel] += page.Count ?? 0;
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
  }
  return counts;
}

interface Cohort extends CohortResult {
  messages: { sms: number; email: number };
  /** Lambda at the durations measured here. */
  cost: CostEstimate;
  /** Lambda estimated from the cloud's CPU time and DynamoDB's latency (bench/lifecycle/usage.ts lambdaEstimate). */
  costEstimated: CostEstimate;
  storeBound: { readsPerApplication: number; writesPerApplication: number; applicationsPerSecond: number };
}

/**
 * `npm run bench -- lifecycle` (and `cost`, which prices it): applications of each programme through
 * the whole lifecycle on a local cloud of their own with the usage meter on, the clock a day at a time.
 * BENCH_APPLICATIONS youth applications (default 200; 1000 on a bigger machine), then
 * BENCH_OTHER_APPLICATIONS each of child and parent (default 5; 0 leaves them out).
 */
export async function lifecycleAndCost(ctx: BenchContext) {
  const youth = envInt('BENCH_APPLICATIONS', 200);
  const others = envInt('BENCH_OTHER_APPLICATIONS', 5);
  const krwPerUsd = envInt('BENCH_KRW_PER_USD', DEFAULT_KRW_PER_USD);
  const awsLatencyMs = envInt('BENCH_AWS_DYNAMODB_MS', AWS_DYNAMODB_MS);
  const plan: [Programme, number][] = [
    ['youth', youth],
    ['child-adolescent', others],
    ['parent', others],
  ];
  const memoryMb = environments.prod.lambdaMemoryMb;

  const cloud = await startBenchCloud('bench-lifecycle', { DOLBOM_METER: 'on' });
  const cohorts: Cohort[] = [];
  let raw: { puts: LoadResult; gets: LoadResult } | undefined;
  try {
    const { clients } = cloud;
    await makeRoom(clients, plan.reduce((n, [, c]) => n + c, 0));
    for (const [programme, count] of plan) {
      if (count === 0) continue;
      ctx.log(`lifecycle: ${count} ${programme} applications, the clock a day at a time`);
      const mailBefore = await mailboxCounts(clients.db);
      const result = await runCohort(clients, programme, count, ctx.log);
      const mailAfter = await mailboxCounts(clients.db);
      const usage: MeteredUsage = {
        applications: result.applications,
        transitions: (result.executions.transitions * result.applications) / Math.max(1, result.completed),
        handlers: result.handlers,
        httpRequests: result.usage.httpRequests,
        readUnits: result.usage.readUnits,
        writeUnits: result.usage.writeUnits,
      };
      cohorts.push({
        ...result,
        messages: { sms: mailAfter.sms - mailBefore.sms, email: mailAfter.email - mailBefore.email },
        cost: costPerApplication(usage, prices, () => memoryMb, krwPerUsd),
        costEstimated: costPerApplication({ ...usage, handlers: lambdaEstimate(result.handlers, result.cloudCpuMs, awsLatencyMs) }, prices, () => memoryMb, krwPerUsd),
        storeBound: { readsPerApplication: result.usage.storeReads / result.applications, writesPerApplication: result.usage.storeWrites / result.applications, applicationsPerSecond: 0 },
      });
    }
    // The store alone, on the same DynamoDB Local, once the lifecycles are done.
    ctx.log('lifecycle: the raw store baseline');
    raw = { puts: await rawPuts(clients.db, RAW_CLIENTS, 2000, 1024), gets: await rawGets(clients.db, RAW_CLIENTS, 2000, 1024) };
  } finally {
    await cloud.dispose();
  }
  if (!raw) throw new Error('the raw store baseline did not run');
  for (const c of cohorts) {
    // If DynamoDB Local did nothing but this lifecycle's operations, at the raw rates: seconds per application.
    const perApplication = c.storeBound.writesPerApplication / raw.puts.throughput + c.storeBound.readsPerApplication / raw.gets.throughput;
    c.storeBound.applicationsPerSecond = 1 / perApplication;
  }
  return [lifecycleSection(cohorts, raw), costSection(cohorts, memoryMb, krwPerUsd, awsLatencyMs)];
}

function lifecycleSection(cohorts: Cohort[], raw: { puts: LoadResult; gets: LoadResult }): Section {
  const per = (c: Cohort, n: number, digits?: number) => num(n / c.applications, digits);
  const rows: [string, (c: Cohort) => string][] = [
    ['state transitions (states entered + retries)', (c) => `${num(c.executions.transitions / Math.max(1, c.completed), 1)} (${num(c.executions.retries / Math.max(1, c.completed), 2)} retries)`],
    ['executions (hand-overs, extensions)', (c) => num(c.executions.executions / Math.max(1, c.completed), 1)],
    ['history events', (c) => num(c.executions.historyEvents / Math.max(1, c.completed), 1)],
    ['Lambda invocations', (c) => per(c, c.usage.lambdaInvocations, 1)],
    ['  of which HTTP API requests', (c) => per(c, c.usage.httpRequests, 1)],
    ['Lambda billed duration', (c) => `${per(c, c.usage.billedMs, 0)} ms (${percent(c.usage.dynamodbWaitMs / Math.max(1, c.usage.durationMs))} waiting on DynamoDB Local, ${per(c, c.usage.dynamodbRoundTrips, 1)} round trips)`],
    ['DynamoDB calls (reads + writes)', (c) => `${per(c, c.usage.dynamodbCalls, 1)} (${per(c, c.usage.storeReads, 1)} + ${per(c, c.usage.storeWrites, 1)})`],
    ['DynamoDB read units (RRU)', (c) => `${per(c, c.usage.readUnits, 1)} (${per(c, c.usage.transactionalReadUnits, 1)} transactional)`],
    ['DynamoDB write units (WRU)', (c) => `${per(c, c.usage.writeUnits, 1)} (${per(c, c.usage.transactionalWriteUnits, 1)} transactional, ${per(c, c.usage.indexWriteUnits, 1)} for indexes)`],
    ['DynamoDB calls that failed (units not reported)', (c) => `${per(c, c.usage.failedCalls, 2)} calls, ${per(c, c.usage.failedItems, 2)} items`],
    ['sessions recorded', (c) => String(c.sessionsPerApplication)],
    ['loads of the portal\'s open offers (each shows every open offer), per application', (c) => num(c.portalLoads / c.applications, 2)],
    ['SMS / e-mails sent (not priced)', (c) => `${per(c, c.messages.sms, 1)} / ${per(c, c.messages.email, 1)}`],
  ];
  const youth = cohorts.find((c) => c.programme === 'youth');
  const handlerRows = youth
    ? Object.entries(youth.handlers)
        .sort(([, a], [, b]) => b.dynamodb.writeUnits + b.invocations - (a.dynamodb.writeUnits + a.invocations))
        .map(([handler, u]) => [
          `${handler}${isRouteHandler(handler) ? ' (HTTP)' : ''}`,
          num(u.invocations / youth.applications, 2),
          num(u.billedMs / Math.max(1, u.invocations), 1),
          num(u.dynamodb.readUnits / youth.applications, 1),
          num(u.dynamodb.writeUnits / youth.applications, 1),
        ])
    : [];
  const failed = cohorts.filter((c) => c.completed < c.applications);
  return {
    id: 'lifecycle',
    title: 'Lifecycle throughput',
    summary:
      'Applications from submission to Closed with every step a person takes done through the API (approve with a proposed counsellor, the agency accepts, ' +
      'records each planned session on its day, the caseworker reads the evidence and closes), the local clock advanced one day at a time so every timer fires ' +
      'on its day. Baseline: DynamoDB Local alone, PutItem and GetItem of 1 KB items by 16 clients, on the same database; the store-bound limit is the ' +
      'applications per second it could carry if it did nothing but each application\'s own reads and writes.',
    tables: [
      {
        columns: ['programme', 'applications closed', 'days on the clock', 'wall time', 'applications/s', 'store-bound limit', 'ratio to the limit'],
        rows: cohorts.map((c) => {
          const rate = c.completed / c.wallSeconds;
          return [names[c.programme], `${c.completed} of ${c.applications}`, c.days, seconds(c.wallSeconds), num(rate, 2), `${num(c.storeBound.applicationsPerSecond, 1)}/s`, ratio(rate, c.storeBound.applicationsPerSecond)];
        }),
      },
      {
        caption: 'Per application (averages over the cohort):',
        columns: ['', ...cohorts.map((c) => names[c.programme])],
        rows: rows.map(([label, value]) => [label, ...cohorts.map(value)]),
      },
      {
        caption: 'The baseline: DynamoDB Local alone (16 clients, 1 KB items, strongly consistent reads):',
        columns: ['operation', 'per second', 'p50', 'p95'],
        rows: [
          ['PutItem', num(raw.puts.throughput, 0), ms(raw.puts.p50), ms(raw.puts.p95)],
          ['GetItem', num(raw.gets.throughput, 0), ms(raw.gets.p50), ms(raw.gets.p95)],
        ],
      },
      ...(youth
        ? [
            {
              caption: 'Where a youth application\'s work goes, per handler (per application; most work first):',
              columns: ['handler', 'invocations', 'billed ms each', 'RRU', 'WRU'],
              rows: handlerRows,
            },
          ]
        : []),
    ],
    notes: [
      ...cohorts
        .filter((c) => c.duplicateTasks > 0)
        .map(
          (c) =>
            `**${names[c.programme]}: ${c.duplicateTasks} time(s) a case file showed two open tasks to decide.** A step that outlasted its Lambda timeout had opened one and its retry another, with a new token; the journey decides the newest. A decision on the older is answered 202 and lost (functions/review/decide.ts takes the spent token for its own earlier attempt).`,
        ),
      ...(failed.length ? [`**Not every journey closed:** ${failed.map((c) => `${c.programme}: ${c.applications - c.completed} failed (${c.errors.join('; ')})`).join(' · ')}. Per-application figures divide the meter by all applications submitted.`] : []),
      'Applications per second are bound by the simulation: each local day costs an HTTP call and the wait for its timers, and the journeys act in the order the days come; the store-bound limit says how far that is from what the store could take.',
      'The store-bound limit counts a transaction as one write operation, though DynamoDB Local does more work for it: the limit is optimistic.',
      'Requests the bench sends are the ones a person would: one status view by the citizen, the case file, the candidates and the decision by the caseworker, the acceptance by the agency (whose list of open offers is loaded when an offer is not on it yet, shared by all journeys), the session list once and each session record, the case file, the evidence and the closing decision. Waiting for the next state reads the table directly, which the meter does not count.',
      'The capacity of the counsellors of 마음숲 and 하늘 (the agencies whose staff can sign in to the local portal) is raised through the registry API before the run, so no application waits for a place; that setup is outside the metered window.',
    ],
    data: { cohorts, raw },
  } satisfies Section;
}

/** The aim's verdict on the estimate, the upper bound beside it, and what costs most. */
function verdict(c: Cohort, won: (n: number) => string): string {
  const figures = `${won(c.costEstimated.krw)} (at most ${won(c.cost.krw)} with Lambda billed at the local wall time)`;
  return c.costEstimated.krw <= AIM_KRW
    ? `A youth application costs ${figures}: within the aim of ₩${AIM_KRW}${c.cost.krw > AIM_KRW ? ' on the estimate, not on the upper bound' : ''}. The largest part is ${c.costEstimated.dominant.item} (${percent(c.costEstimated.dominant.share)}), then ${second(c)}.`
    : `A youth application costs ${figures}: above the aim of ₩${AIM_KRW}. ${c.costEstimated.dominant.item} is ${percent(c.costEstimated.dominant.share)} of it, then ${second(c)}.`;
}

function second(c: Cohort): string {
  const [, next] = [...c.costEstimated.lines].sort((a, b) => b.usd - a.usd);
  return `${next!.item} (${percent(next!.share)})`;
}

/** Why the write units are what they are: transactions count double, index copies count again, and who writes. */
function whereWritesGo(c: Cohort): string {
  const u = c.usage;
  const top = Object.entries(c.handlers)
    .sort(([, a], [, b]) => b.dynamodb.writeUnits - a.dynamodb.writeUnits)
    .slice(0, 3)
    .map(([h, x]) => `${h} ${num(x.dynamodb.writeUnits / c.applications, 0)}`);
  return (
    `Of a youth application's ${num(u.writeUnits / c.applications, 0)} write units, ${percent(u.transactionalWriteUnits / Math.max(1, u.writeUnits))} are transactional (billed at twice the units) ` +
    `and ${percent(u.indexWriteUnits / Math.max(1, u.writeUnits))} are the indexes' copies; most are written by ${top.join(', ')}.`
  );
}

function costSection(cohorts: Cohort[], memoryMb: number, krwPerUsd: number, awsLatencyMs: number): Section {
  const youth = cohorts.find((c) => c.programme === 'youth');
  const won = (n: number) => `₩${num(n, 3)}`;
  const usd = (n: number) => `$${n.toFixed(6)}`;
  return {
    id: 'cost',
    title: 'AWS cost per application',
    summary:
      `From the lifecycle run above, at AWS list prices (Seoul where known, on-demand, no free tier), at ₩${num(krwPerUsd, 0)} per US dollar, ` +
      `Lambda at the production memory (${memoryMb} MB, infra/config.ts lambdaMemoryMb) on arm64, billed per 1 ms. ` +
      `Lambda's duration is estimated: the local cloud runs every handler in one process, so an invocation's wall time there holds the others' work and DynamoDB Local's slowness; ` +
      `the estimate spreads the cloud process's CPU time over the handlers (an upper bound on their own computing) and adds ${awsLatencyMs} ms for each round trip to DynamoDB. ` +
      `Beside it, the upper bound: Lambda billed at the local wall time. Baseline: the aim of ₩${AIM_KRW} per youth application.`,
    tables: [
      {
        columns: ['programme', 'USD per application', 'KRW per application', 'ratio to ₩2', 'most of it', 'KRW, Lambda at local wall time', 'ratio to ₩2'],
        rows: cohorts.map((c) => [
          names[c.programme],
          usd(c.costEstimated.usd),
          won(c.costEstimated.krw),
          ratio(c.costEstimated.krw, AIM_KRW),
          `${c.costEstimated.dominant.item} (${percent(c.costEstimated.dominant.share)})`,
          won(c.cost.krw),
          ratio(c.cost.krw, AIM_KRW),
        ]),
      },
      ...cohorts.map((c) => ({
        caption: `${names[c.programme]}, per application, by what is billed:`,
        columns: ['billed item', 'quantity', 'USD', 'KRW', 'share', 'at local wall time: quantity', 'KRW'],
        rows: c.costEstimated.lines.map((l, i) => {
          const wall = c.cost.lines[i]!;
          return [l.item, `${num(l.quantity, 2)} ${l.unit}`, usd(l.usd), won(l.krw), percent(l.share), `${num(wall.quantity, 2)} ${wall.unit}`, won(wall.krw)];
        }),
      })),
      {
        caption: 'Prices used:',
        columns: ['item', 'USD', 'per', 'source'],
        rows: Object.values(prices).map((p) => [p.item, String(p.usd), p.per, p.source]),
      },
    ],
    notes: [
      youth ? verdict(youth, won) : 'No youth cohort ran (BENCH_APPLICATIONS=0).',
      ...(youth ? [whereWritesGo(youth)] : []),
      ...cohorts
        .filter((c) => c.programme !== 'youth' && c.cost.krw > AIM_KRW)
        .map((c) => `${names[c.programme]} costs more (${won(c.cost.krw)}; the aim is stated for youth): ${c.sessionsPerApplication} sessions and ${num(c.executions.executions / Math.max(1, c.completed), 0)} executions (the period waits at most 120 days in one) against youth's 10 and 1.`),
      `SMS are not priced here: ${youth ? `a youth application sends ${num(youth.messages.sms / youth.applications, 1)}, and ` : ''}SNS prices each SMS to a Korean number at a multiple of everything above — the notifications, not the workflow, would dominate an all-in cost.`,
      'DynamoDB units are those DynamoDB Local reported for each call (ReturnConsumedCapacity INDEXES, through the usage meter on the handlers\' client, infra/local/usage-meter.ts): item sizes, index writes and transactions at twice the units are its own arithmetic. Calls that failed (a condition, a cancelled transaction) report none though AWS bills them; the lifecycle table counts them.',
      'Lambda is warm in both figures: no INIT phase (AWS bills it since August 2025 — the cold-start section shows each handler\'s import time). The estimate\'s CPU time is this machine\'s; a loaded machine makes it longer.',
      'Not priced: SMS and e-mail (SNS, SES — counted in the lifecycle table), KMS calls (sealing and access-code keys), CloudWatch Logs and X-Ray, S3, DynamoDB storage and backups, data transfer, and the scheduled overdue report (a fixed 96 invocations a day, not per application). DynamoDB Streams reads by Lambda triggers are free.',
    ],
    data: { krwPerUsd, memoryMb, awsLatencyMs, aimKrw: AIM_KRW, prices, cohorts: cohorts.map((c) => ({ programme: c.programme, applications: c.applications, cost: c.cost, costEstimated: c.costEstimated })) },
  } satisfies Section;
}
