import { readFileSync } from 'node:fs';
import loadHighs from 'highs';
import type { MatchRequest } from '../functions/matching/match-types';
import { assignWaitlist, type WaitlistResult } from '../functions/matching/waitlist/assign-waitlist';
import { waitlistScorer } from '../functions/matching/waitlist-plan';
import type { WaitlistScorer } from '../functions/matching/waitlist/scorer';
import { freePlaces, type CounsellorForMatching } from '../functions/providers/registry';
import { standInScorer, waitlistInstance } from '../test/support/waitlist-instances';

// The real scoring module (functions/matching/score.ts) as the batch reads it, trainings as of a day
// after every generated waitingSince. MATCHING_SCORER=stand-in uses the tests' small stand-in instead.
const scorer: WaitlistScorer = process.env.MATCHING_SCORER === 'stand-in' ? standInScorer : waitlistScorer('2026-07-01');
const highsVersion = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).devDependencies.highs as string;

interface Optimum {
  placedByRank: Map<number, number>;
  quality: number;
  columns: number;
  rows: number;
  ms: number;
  /** Seconds per LP solve: one per rank, then quality. */
  solves: number[];
}

/**
 * The optimum computed independently, by HiGHS (simplex) on the class-aggregated transportation LP,
 * written without the solver's network:
 * - plain applications (nothing excluded, no previous counsellor with a place) of request class R
 *   and rank r: a column y[R,r] ≤ their number; flows x[R,B] to buckets B = (counsellor class, load
 *   points), worth classScore + load; Σ_r y[R,r] = Σ_B x[R,B];
 * - the other applications, grouped by (class, blocked counsellors, previous counsellor): the same,
 *   but with a column per counsellor j they may have, worth classScore + counsellorPoints(j);
 * - per bucket: all flows into it ≤ its members' free places; per counsellor with own columns:
 *   those ≤ its free places. (Members of a bucket are interchangeable for plain applications, so
 *   bucket and counsellor capacities together are exactly the counsellors' capacities.)
 * The constraint matrix is a network matrix (rows for counsellors nested in their bucket's), so the
 * LP optimum is integral. Lexicographic by stages: maximise placed of rank 1, fix it by a row, then
 * rank 2, …, then total quality.
 */
async function highsOptimum(requests: MatchRequest[], counsellors: CounsellorForMatching[]): Promise<Optimum> {
  const started = performance.now();
  const highs = await loadHighs();
  const open = counsellors.filter((c) => freePlaces(c) > 0);
  const neutral = { ...requests[0]!, previousCounsellorId: undefined };
  const load = new Map(open.map((c) => [c.counsellorId, scorer.counsellorPoints(neutral, c)]));

  const buckets = new Map<string, { row: number; members: CounsellorForMatching[]; capacity: number }>();
  let rows = 0;
  for (const c of open) {
    const key = `${scorer.counsellorClassKey(c)}#${load.get(c.counsellorId)}`;
    let bucket = buckets.get(key);
    if (!bucket) buckets.set(key, (bucket = { row: rows++, members: [], capacity: 0 }));
    bucket.members.push(c);
    bucket.capacity += freePlaces(c);
  }
  const bucketOf = new Map([...buckets.values()].flatMap((b) => b.members.map((c) => [c.counsellorId, b] as const)));
  const counsellorRow = new Map<string, number>();

  // Groups of interchangeable applications.
  const groups = new Map<string, { row: number; sample: MatchRequest; blocked: Set<string>; ranks: Map<number, number> }>();
  for (const r of requests) {
    const blocked = new Set(r.excludedCounsellorIds.filter((id) => load.has(id)));
    const previous = r.previousCounsellorId !== undefined && load.has(r.previousCounsellorId) && !blocked.has(r.previousCounsellorId) ? r.previousCounsellorId : '';
    const key = `${scorer.requestClassKey(r)}#${[...blocked].sort().join(',')}#${previous}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { row: -1, sample: r, blocked, ranks: new Map() }));
    group.ranks.set(r.rank, (group.ranks.get(r.rank) ?? 0) + 1);
  }
  for (const g of groups.values()) g.row = rows++;

  const columns: { rows: number[]; upper: number; quality: number; rank?: number }[] = [];
  for (const g of groups.values()) {
    for (const [rank, count] of g.ranks) columns.push({ rows: [g.row], upper: count, quality: 0, rank });
    const plain = g.blocked.size === 0 && !g.sample.previousCounsellorId;
    if (plain) {
      for (const b of buckets.values()) {
        const s = scorer.classScore(g.sample, b.members[0]!);
        if (s !== undefined) columns.push({ rows: [g.row, b.row], upper: Infinity, quality: s + load.get(b.members[0]!.counsellorId)! });
      }
    } else {
      for (const c of open) {
        if (g.blocked.has(c.counsellorId)) continue;
        const s = scorer.classScore(g.sample, c);
        if (s === undefined) continue;
        let row = counsellorRow.get(c.counsellorId);
        if (row === undefined) counsellorRow.set(c.counsellorId, (row = rows++));
        columns.push({ rows: [g.row, row, bucketOf.get(c.counsellorId)!.row], upper: Infinity, quality: s + scorer.counsellorPoints(g.sample, c) });
      }
    }
  }
  // Group rows: Σ y − Σ x = 0 (y columns +1, flow columns −1 in the group row, +1 in capacity rows).
  const rowLower = new Float64Array(rows);
  const rowUpper = new Float64Array(rows);
  for (const g of groups.values()) rowLower[g.row] = rowUpper[g.row] = 0;
  for (const b of buckets.values()) (rowLower[b.row] = -highs.infinity), (rowUpper[b.row] = b.capacity);
  for (const [id, row] of counsellorRow) (rowLower[row] = -highs.infinity), (rowUpper[row] = freePlaces(open.find((c) => c.counsellorId === id)!));
  const starts = new Int32Array(columns.length + 1);
  columns.forEach((col, k) => (starts[k + 1] = starts[k]! + col.rows.length));
  const indices = new Int32Array(starts[columns.length]!);
  const values = new Float64Array(starts[columns.length]!);
  columns.forEach((col, k) =>
    col.rows.forEach((row, i) => {
      indices[starts[k]! + i] = row;
      values[starts[k]! + i] = i === 0 && col.rank === undefined ? -1 : 1;
    }),
  );

  const model = highs.createModel({
    numCols: columns.length,
    numRows: rows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: new Float64Array(columns.length),
    colLower: new Float64Array(columns.length),
    colUpper: Float64Array.from(columns, (c) => (c.upper === Infinity ? highs.infinity : c.upper)),
    rowLower,
    rowUpper,
    matrix: { format: 'csc', numRows: rows, numCols: columns.length, starts, indices, values },
  });
  try {
    model.options.set({ output_flag: false });
    const all = { kind: 'range', from: 0, to: columns.length - 1 } as const;
    const solves: number[] = [];
    const solve = (cost: (c: (typeof columns)[number]) => number, method: 'ipm' | 'simplex') => {
      // The rank stages are degenerate max-flow LPs on which the simplex stalls for minutes; interior
      // point with crossover takes seconds and ends on a vertex. Quality: dual simplex from that basis.
      model.options.set(method === 'ipm' ? { solver: 'ipm', run_crossover: 'on' } : { solver: 'simplex', simplex_strategy: 1 });
      model.changeColsCost(all, Float64Array.from(columns, cost));
      const t = performance.now();
      const { modelStatus } = model.run();
      solves.push((performance.now() - t) / 1000);
      if (modelStatus !== highs.constants.modelStatus.optimal) throw new Error(`HiGHS ended with model status ${modelStatus}`);
      return Math.round(model.getObjectiveValue());
    };
    const placedByRank = new Map<number, number>();
    for (const rank of [...new Set(requests.map((r) => r.rank))].sort((a, b) => a - b)) {
      const placed = solve((c) => (c.rank === rank ? 1 : 0), 'ipm');
      placedByRank.set(rank, placed);
      const ys = columns.flatMap((c, k) => (c.rank === rank ? [k] : []));
      model.addRow(placed, highs.infinity, { indices: ys, values: ys.map(() => 1) });
    }
    const quality = solve((c) => c.quality, 'simplex');
    return { placedByRank, quality, columns: columns.length, rows: rows + placedByRank.size, ms: performance.now() - started, solves };
  } finally {
    model.dispose();
  }
}

const int = (n: number) => Math.round(n).toLocaleString('en-US');
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export interface MatchingFigures {
  applications: number;
  counsellors: number;
  freePlaces: number;
  counsellorsWithPlaces: number;
  network: WaitlistResult['stats']['network'];
  /** assignWaitlist: the three timed runs after a warm-up, and the median run's phases. */
  runsMs: number[];
  medianMs: WaitlistResult['stats']['ms'];
  pivots: number;
  quality: number;
  placedByRank: { rank: number; placed: number; waiting: number; optimum: number }[];
  optimum: { quality: number; columns: number; rows: number; ms: number; solves: number[]; highs: string };
}

export async function figuresFor(applications: number, counsellors: number, places: number): Promise<MatchingFigures> {
  const { requests, counsellors: registry } = waitlistInstance({ seed: 7, applications, counsellors, freePlaces: places });
  assignWaitlist(requests, registry, scorer); // warm-up
  const runs: WaitlistResult[] = [];
  for (let i = 0; i < 3; i++) runs.push(assignWaitlist(requests, registry, scorer));
  const result = runs.find((r) => r.stats.ms.total === median(runs.map((x) => x.stats.ms.total)))!;
  const { stats } = result;
  const optimum = await highsOptimum(requests, registry);

  console.log(`\nwaitlist batch, ${int(applications)} waiting × ${int(counsellors)} counsellors (${int(stats.freePlaces)} free places at ${int(stats.counsellorsWithPlaces)}), seed 7:`);
  console.log(
    `  network: ${int(stats.network.requestClasses)} request classes × ${int(stats.network.counsellorClasses)} counsellor classes (${int(stats.network.scoredPairs)} pairs scored), ${int(stats.network.routes)} routes for exclusions and continuity; ${int(stats.network.nodes)} nodes, ${int(stats.network.arcs)} arcs`,
  );
  const ms = stats.ms;
  console.log(
    `  assignWaitlist: median ${ms.total.toFixed(0)} ms of 3 after a warm-up (${runs.map((r) => r.stats.ms.total.toFixed(0)).join(', ')}): network ${ms.network.toFixed(0)} ms, ranks (max flow) ${ms.ranks.toFixed(0)} ms, quality (network simplex, ${int(stats.pivots)} pivots in all) ${ms.quality.toFixed(0)} ms, waiting ${ms.waiting.toFixed(0)} ms`,
  );
  const ratio = optimum.quality === 0 ? 100 : (100 * stats.totalQuality) / optimum.quality;
  console.log(`  total quality ${int(stats.totalQuality)}; optimum ${int(optimum.quality)} → ${ratio.toFixed(2)} %`);
  console.log(`  placed per rank: ${stats.ranks.map((r) => `rank ${r.rank} ${int(r.placed)} of ${int(r.waiting)} (optimum ${int(optimum.placedByRank.get(r.rank) ?? 0)})`).join(', ')}`);
  const [quality, ...ranks] = [...optimum.solves].reverse();
  console.log(
    `  HiGHS ${highsVersion}, class-aggregated LP of ${int(optimum.columns)} columns × ${int(optimum.rows)} rows, lexicographic by stages: ${(optimum.ms / 1000).toFixed(1)} s (ranks by interior point ${ranks.reverse().map((s) => s.toFixed(1)).join(' + ')} s, quality by dual simplex ${quality!.toFixed(1)} s)`,
  );
  return {
    applications,
    counsellors,
    freePlaces: stats.freePlaces,
    counsellorsWithPlaces: stats.counsellorsWithPlaces,
    network: stats.network,
    runsMs: runs.map((r) => r.stats.ms.total),
    medianMs: stats.ms,
    pivots: stats.pivots,
    quality: stats.totalQuality,
    placedByRank: stats.ranks.map((r) => ({ rank: r.rank, placed: r.placed, waiting: r.waiting, optimum: optimum.placedByRank.get(r.rank) ?? 0 })),
    optimum: { quality: optimum.quality, columns: optimum.columns, rows: optimum.rows, ms: optimum.ms, solves: optimum.solves, highs: highsVersion },
  };
}

/** `npm run bench -- matching`: the waitlist batch against HiGHS, at 1,000 × 100 and 10,000 × 1,000. */
export async function matchingFigures(): Promise<MatchingFigures[]> {
  return [await figuresFor(1_000, 100, 300), await figuresFor(10_000, 1_000, 3_000)];
}
