import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../functions/applications/keys';
import { patched, youthExample } from '../../test/support/answers';
import { eventually } from '../../test/support/clients';
import { openReviewTasks, STORM_DISTRICT } from '../../test/support/timer-storm';
import { envInt, type BenchContext } from '../context';
import { burst, closedLoop, type LoadResult } from '../load';
import { rawPut, rawPuts } from '../raw-store';
import { kb, ms, num, ratio, type Section } from '../report';
import type { SharedCloud } from '../shared-cloud';

/** What the issue aims at: the API's p95 at most 3× the store's at the same concurrency. */
const P95_AIM = 3;
const LEVELS = [1, 8, 32];

interface Level {
  clients: number;
  api: LoadResult;
  raw: LoadResult;
  /** Answers other than 202, by status. */
  refused: Record<number, number>;
}

/**
 * `npm run bench -- submission`: `POST /api/applications` at 1, 8 and 32 concurrent clients, and a
 * burst of BENCH_BURST (200) at once, each beside DynamoDB Local's own PutItem of an item the size of
 * the stored application, at the same concurrency. BENCH_SUBMISSIONS_PER_CLIENT (default 4, at least
 * 40 a level) scales the counts. Between levels the lifecycles the submissions started are let run to
 * their review tasks, so one level's background work does not slow the next.
 */
export async function submissionSection(shared: SharedCloud, ctx: BenchContext): Promise<Section[]> {
  const perClient = envInt('BENCH_SUBMISSIONS_PER_CLIENT', 4);
  const burstSize = envInt('BENCH_BURST', 200);
  const { clients } = await shared.get();
  let submitted = 0;
  const refused: Record<number, number> = {};
  const submit = async () => {
    const body = { programme: 'youth', answers: patched(youthExample, { applicant: { district: STORM_DISTRICT, name: `벤치${randomUUID().slice(0, 6)}` } }) };
    const { status, body: receipt } = await clients.http('POST', '/api/applications', body, { 'idempotency-key': randomUUID() });
    if (status === 202) submitted++;
    else refused[status] = (refused[status] ?? 0) + 1;
    return receipt;
  };
  // Each level starts on a quiet cloud: every submission so far waits for review, nothing else runs.
  const quiet = () => eventually(async () => ((await openReviewTasks(clients)) >= submitted ? true : undefined), 'the submissions to reach review', 10 * 60_000);

  // The stored application's size, for the raw baseline.
  const first = await submit();
  const { Item } = await clients.db.send(new GetCommand({ TableName: 'dolbom-dev', Key: keys.application(first.applicationId) }));
  const itemBytes = Buffer.byteLength(JSON.stringify(Item));
  await quiet();

  const levels: Level[] = [];
  for (const c of LEVELS) {
    ctx.log(`submission: ${c} concurrent client${c > 1 ? 's' : ''}`);
    const total = Math.max(40, c * perClient);
    const before = { ...refused };
    const api = await closedLoop(c, total, async () => void (await submit()), 1);
    const raw = await rawPuts(clients.db, c, total, itemBytes);
    levels.push({ clients: c, api, raw, refused: diff(before, refused) });
    await quiet();
  }
  ctx.log(`submission: a burst of ${burstSize}`);
  const before = { ...refused };
  const burstApi = await burst(burstSize, async () => void (await submit()));
  const burstRefused = diff(before, refused);
  const burstRaw = await burst(burstSize, () => rawPut(clients.db, itemBytes));
  await quiet();

  const rows = [
    ...levels.map((l) => [`${l.clients} client${l.clients > 1 ? 's' : ''}, ${l.api.count} requests`, l.api, l.raw, l.refused] as const),
    [`${burstSize} at once`, burstApi, burstRaw, burstRefused] as const,
  ];
  const worst = Math.max(...levels.map((l) => l.api.p95 / l.raw.p95));
  return [
    {
      id: 'submission',
      title: 'Submission',
      summary:
        `\`POST /api/applications\` (a youth application: validation, sealing, one transaction, the lifecycle started) by closed-loop clients, each sending the next request when the last is answered. ` +
        `Baseline: DynamoDB Local's PutItem of one item the size of the stored application (${kb(itemBytes)}) by as many clients, on the same database. Aim: p95 at most ${P95_AIM}× the baseline's.`,
      tables: [
        {
          columns: ['load', 'API per second', 'p50', 'p95', 'p99', 'PutItem per second', 'p50', 'p95', 'p99', 'p95 ratio', 'throughput ratio'],
          rows: rows.map(([label, api, raw]) => [label, num(api.throughput, 1), ms(api.p50), ms(api.p95), ms(api.p99), num(raw.throughput, 1), ms(raw.p50), ms(raw.p95), ms(raw.p99), ratio(api.p95, raw.p95), ratio(api.throughput, raw.throughput)]),
        },
      ],
      notes: [
        worst <= P95_AIM ? `Within the aim: the worst p95 ratio at 1, 8 and 32 clients is ${num(worst, 2)}×.` : `Above the aim at some level: the worst p95 ratio at 1, 8 and 32 clients is ${num(worst, 2)}×.`,
        ...rows.filter(([, , , r]) => Object.keys(r).length).map(([label, , , r]) => `${label}: answers other than 202 — ${Object.entries(r).map(([s, n]) => `${n} × ${s}`).join(', ')}.`),
        'One machine runs the clients, the API, every handler, the workflows and DynamoDB Local: the background work each submission starts (eligibility, the review task) competes with the next requests, which in AWS it would not.',
      ],
      data: { itemBytes, levels, burst: { size: burstSize, api: burstApi, raw: burstRaw, refused: burstRefused } },
    },
  ];
}

function diff(before: Record<number, number>, after: Record<number, number>): Record<number, number> {
  const out: Record<number, number> = {};
  for (const [status, n] of Object.entries(after)) {
    const d = n - (before[Number(status)] ?? 0);
    if (d) out[Number(status)] = d;
  }
  return out;
}
