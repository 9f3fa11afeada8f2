import type { MatchRequest } from '../match-types';
import { freePlaces, type CounsellorForMatching } from '../../providers/registry';
import { buildWaitlistNetwork, type WaitlistNetwork } from './class-network';
import { MaxFlow } from './max-flow';
import { NetworkSimplex } from './network-simplex';
import type { WaitlistScorer } from './scorer';

export interface WaitlistAssignment {
  applicationId: string;
  counsellorId: string;
  /** classScore + counsellorPoints of the pair. */
  quality: number;
}

export interface WaitlistStats {
  applications: number;
  counsellorsWithPlaces: number;
  freePlaces: number;
  /** Per rank, ascending: how many applications wait and how many got a place. */
  ranks: { rank: number; waiting: number; placed: number }[];
  totalQuality: number;
  network: { nodes: number; arcs: number; requestClasses: number; counsellorClasses: number; routes: number; scoredPairs: number };
  pivots: number;
  /** Milliseconds per stage. */
  ms: { network: number; ranks: number; quality: number; waiting: number; total: number };
}

export interface WaitlistResult {
  /** Longest waiting first. */
  assignments: WaitlistAssignment[];
  stats: WaitlistStats;
}

/**
 * The waitlist batch (issue 7, item 4): assigns waiting applications to counsellors' free places,
 * at most one place an application and never more than a counsellor's free places, only pairs that
 * meet every hard constraint, and — of all such assignments — the best one in this order:
 *
 * 1. priority: as many rank-1 applications placed as possible, then as many rank-2, and so on;
 * 2. quality: the largest total of classScore + counsellorPoints;
 * 3. waiting: the longest-waiting application is placed if any assignment that is best for 1 and 2
 *    places it, then the next longest, and so on (equal waitingSince: by applicationId).
 *
 * Exact, in three stages over one network (class-network.ts); see README.md beside this file for the
 * proof. The result depends only on the set of applications and counsellors, not on their order.
 *
 * @example
 *   import * as score from '../score';
 *   const { assignments } = assignWaitlist(waiting, counsellors, score);
 */
export function assignWaitlist(requests: readonly MatchRequest[], counsellors: readonly CounsellorForMatching[], scorer: WaitlistScorer): WaitlistResult {
  const started = performance.now();
  const network = buildWaitlistNetwork(requests, counsellors, scorer);
  const built = performance.now();

  // 1. Priority. The sets of applications that can be placed together are the independent sets of a
  // transversal matroid, so one assignment places the most of rank ≤ r for every r at once, and that
  // most is a maximum flow. Raising rank by rank keeps the flow already found.
  const maxFlow = new MaxFlow(network);
  for (const { arc, applications } of network.ranks) {
    maxFlow.setCapacity(arc, applications);
    maxFlow.augment(network.source, network.sink);
  }
  const capacity = Float64Array.from(network.capacity);
  let placed = 0;
  for (const { arc } of network.ranks) placed += capacity[arc] = maxFlow.flow(arc);
  const counted = performance.now();

  // 2. Quality: the minimum-cost flow that places exactly those counts (every rank arc is then full).
  const supply = new Float64Array(network.nodeCount);
  supply[network.source] = placed;
  supply[network.sink] = -placed;
  const simplex = new NetworkSimplex({ ...network, capacity }, supply);
  simplex.optimize(negated(network.quality), likelyArcs(network));
  if (!simplex.feasible()) throw new Error('waitlist: the counts the maximum flow placed cannot be routed (a bug)');
  const qualityDone = performance.now();

  // 3. Waiting, among the flows of best quality (the simplex continues on the optimal face of stage 2).
  simplex.keepOptimalFace();
  simplex.optimize(negated(network.waiting));
  const flows = simplex.flows();
  const finished = performance.now();

  const assignments = decompose(network, flows, scorer);
  return {
    assignments,
    stats: {
      applications: network.requests.length,
      counsellorsWithPlaces: network.counsellors.length,
      freePlaces: network.counsellors.reduce((sum, c) => sum + freePlaces(c), 0),
      ranks: network.ranks.map(({ rank, arc, applications }) => ({ rank, waiting: applications, placed: flows[arc]! })),
      totalQuality: assignments.reduce((sum, a) => sum + a.quality, 0),
      network: { nodes: network.nodeCount, arcs: network.tail.length, ...network.size },
      pivots: simplex.pivots,
      ms: { network: built - started, ranks: counted - built, quality: qualityDone - counted, waiting: finished - qualityDone, total: performance.now() - started },
    },
  };
}

function negated(values: Float64Array): Float64Array {
  const out = new Float64Array(values.length);
  for (let k = 0; k < values.length; k++) out[k] = -values[k]!;
  return out;
}

/**
 * A guess at the class-pair arcs an optimum uses, for the simplex to price first (the rest are priced
 * too before it stops, so the guess costs no exactness): every other arc, and of the class-pair arcs
 * the best few out of each request class and the best several into each counsellor class.
 */
function likelyArcs(network: WaitlistNetwork, perRequestClass = 8, perCounsellorClass = 16): Int32Array {
  const { pairArc, quality, tail, head } = network;
  const m = pairArc.length;
  const chosen: number[] = [];
  let best = -Infinity;
  let pairs = 0;
  for (let k = 0; k < m; k++) if (pairArc[k]) (best = Math.max(best, quality[k]!)), pairs++;
  // Best quality first, ties by arc: one numeric sort of (best − quality)·m + arc, exact below 2^53.
  const sorted = new Float64Array(pairs);
  for (let k = 0, p = 0; k < m; k++) {
    if (pairArc[k]) sorted[p++] = (best - quality[k]!) * m + k;
    else chosen.push(k);
  }
  sorted.sort();
  const out = new Int32Array(network.nodeCount);
  const into = new Int32Array(network.nodeCount);
  for (const key of sorted) {
    const k = key % m;
    if (out[tail[k]!]! < perRequestClass || into[head[k]!]! < perCounsellorClass) chosen.push(k);
    out[tail[k]!]!++;
    into[head[k]!]!++;
  }
  return Int32Array.from(chosen);
}

/**
 * Splits the flow into one path per placed application. The network is acyclic and every path open
 * to an application's route ends at a counsellor it may have (class-network.ts), so following any
 * arc that still carries flow from its route reaches the sink through one allowed counsellor.
 */
function decompose(network: WaitlistNetwork, flows: Float64Array, scorer: WaitlistScorer): WaitlistAssignment[] {
  const { nodeCount, tail, head, quality } = network;
  const m = tail.length;
  const first = new Int32Array(nodeCount + 1);
  for (let k = 0; k < m; k++) first[tail[k]! + 1]!++;
  for (let v = 0; v < nodeCount; v++) first[v + 1]! += first[v]!;
  const out = new Int32Array(m);
  const fill = first.slice(0, nodeCount);
  for (let k = 0; k < m; k++) out[fill[tail[k]!]!++] = k;
  const left = Float64Array.from(flows);
  const next = first.slice(0, nodeCount); // the first out-arc of each node that may still carry flow

  const assignments: WaitlistAssignment[] = [];
  network.requests.forEach((request, i) => {
    const arc = network.applicationArc[i]!;
    if (flows[arc] === 0) return;
    let points = quality[arc]!;
    let v = head[arc]!;
    while (network.counsellorAt[v]! < 0) {
      while (left[out[next[v]!]!] === 0) next[v]!++;
      const k = out[next[v]!]!;
      left[k]!--;
      points += quality[k]!;
      v = head[k]!;
    }
    const counsellor = network.counsellors[network.counsellorAt[v]!]!;
    const toSink = out[first[v]!]!; // a counsellor node's only out-arc goes to the sink
    points += quality[toSink]!;
    // The network's quality for this pair must be the scorer's: a difference means the scorer broke
    // the class promises in scorer.ts, and the "optimum" would not be one.
    const scored = (scorer.classScore(request, counsellor) ?? NaN) + scorer.counsellorPoints(request, counsellor);
    if (scored !== points) throw new Error(`waitlist: ${request.applicationId} × ${counsellor.counsellorId} scores ${scored}, its class ${points}; see scorer.ts`);
    assignments.push({ applicationId: request.applicationId, counsellorId: counsellor.counsellorId, quality: points });
  });
  return assignments;
}
