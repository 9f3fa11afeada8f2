import type { MatchRequest } from '../match-types';
import { freePlaces, type CounsellorForMatching } from '../../providers/registry';
import type { FlowArcs } from './network-simplex';
import type { WaitlistScorer } from './scorer';

/**
 * The waitlist as a flow network over classes, so that its size follows the number of distinct kinds
 * of application and counsellor rather than their product:
 *
 *   source → rank r → route → [core of request class R] → counsellor class K → counsellor j → sink
 *
 * - source → rank r: how many applications of rank r are placed (set by the solver);
 * - rank r → route: one arc per application (capacity 1), carrying its waiting weight;
 * - core_R → K: one arc per feasible class pair, carrying classScore(R, K);
 * - K → j → sink: the counsellor's free places as capacity, carrying its load points.
 * A path's quality (the sum over its arcs) is classScore + counsellorPoints of the pair it joins.
 *
 * Applications that exclude counsellors (declined offers) or have a previous counsellor may not use
 * every path of their class: they get a route of their own kind (same class, same blocked
 * counsellors), which reaches the core only for the counsellor classes no application of R blocks
 * ("clean"), and the other ("dirty") classes counsellor by counsellor, leaving out the blocked ones;
 * the previous counsellor is reached by one extra arc carrying the continuity bonus. Applications of
 * R with nothing blocked reach the dirty classes through a plain route. So every path open to an
 * application joins it to a counsellor it may have, with that pair's exact quality, and every such
 * pair has a path: the network is exact, not an approximation.
 */
export interface WaitlistNetwork extends FlowArcs {
  source: number;
  sink: number;
  /** Points of quality each arc carries (its cost, negated, when maximising quality). */
  quality: Float64Array;
  /** Waiting weight each application arc carries: n for the longest waiting of n applications, down to 1. */
  waiting: Float64Array;
  /** 1 for the arcs that join a request class (or route) to a counsellor class (or counsellor) and carry its classScore. */
  pairArc: Uint8Array;
  /** Distinct ranks, ascending, with the source → rank arc and the number of applications of that rank. */
  ranks: { rank: number; arc: number; applications: number }[];
  /** Applications longest waiting first (ties by applicationId): the order of every result. */
  requests: MatchRequest[];
  /** Per application (in that order): its arc out of the rank node. */
  applicationArc: Int32Array;
  /** Counsellors with free places, by counsellorId. */
  counsellors: CounsellorForMatching[];
  /** Node → index into counsellors, or −1 for other nodes. */
  counsellorAt: Int32Array;
  size: { requestClasses: number; counsellorClasses: number; routes: number; scoredPairs: number };
}

const integer = (value: number, what: string): number => {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} is ${value}; the waitlist solver needs integer points`);
  return value;
};

/** A growable arc list in typed arrays (a realistic waitlist has a few hundred thousand class pairs). */
class ArcList {
  length = 0;
  tail = new Int32Array(1024);
  head = new Int32Array(1024);
  capacity = new Float64Array(1024);
  quality = new Float64Array(1024);
  waiting = new Float64Array(1024);
  pair = new Uint8Array(1024);

  add(tail: number, head: number, capacity: number, quality = 0, waiting = 0, pair = false): number {
    if (this.length === this.tail.length) {
      const grow = <T extends Int32Array | Float64Array | Uint8Array>(a: T): T => {
        const b = new (a.constructor as new (n: number) => T)(a.length * 2);
        b.set(a);
        return b;
      };
      this.tail = grow(this.tail);
      this.head = grow(this.head);
      this.capacity = grow(this.capacity);
      this.quality = grow(this.quality);
      this.waiting = grow(this.waiting);
      this.pair = grow(this.pair);
    }
    const k = this.length++;
    this.tail[k] = tail;
    this.head[k] = head;
    this.capacity[k] = capacity;
    this.quality[k] = quality;
    this.waiting[k] = waiting;
    this.pair[k] = pair ? 1 : 0;
    return k;
  }
}

function byWaiting(requests: readonly MatchRequest[]): MatchRequest[] {
  const since = new Map<MatchRequest, number>();
  const ids = new Set<string>();
  for (const r of requests) {
    const at = Date.parse(r.waitingSince);
    if (Number.isNaN(at)) throw new RangeError(`application ${r.applicationId}: waitingSince ${r.waitingSince} is not a date`);
    if (!Number.isFinite(r.rank)) throw new RangeError(`application ${r.applicationId}: rank ${r.rank} is not a number`);
    if (ids.has(r.applicationId)) throw new RangeError(`application ${r.applicationId} is on the waitlist twice`);
    ids.add(r.applicationId);
    since.set(r, at);
  }
  return [...requests].sort((a, b) => since.get(a)! - since.get(b)! || (a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0));
}

/** Groups items by key in order of first appearance: [keys' representatives, item → class index]. */
function classesOf<T>(items: readonly T[], keyOf: (item: T) => string): { representatives: T[]; classOf: Int32Array } {
  const index = new Map<string, number>();
  const representatives: T[] = [];
  const classOf = new Int32Array(items.length);
  items.forEach((item, i) => {
    const key = keyOf(item);
    let c = index.get(key);
    if (c === undefined) {
      c = representatives.length;
      index.set(key, c);
      representatives.push(item);
    }
    classOf[i] = c;
  });
  return { representatives, classOf };
}

export function buildWaitlistNetwork(waiting: readonly MatchRequest[], registry: readonly CounsellorForMatching[], scorer: WaitlistScorer): WaitlistNetwork {
  const requests = byWaiting(waiting);
  const counsellors = registry.filter((c) => freePlaces(c) > 0).sort((a, b) => (a.counsellorId < b.counsellorId ? -1 : a.counsellorId > b.counsellorId ? 1 : 0));
  const counsellorIndex = new Map<string, number>();
  counsellors.forEach((c, j) => {
    if (counsellorIndex.has(c.counsellorId)) throw new RangeError(`counsellor ${c.counsellorId} is listed twice`);
    counsellorIndex.set(c.counsellorId, j);
  });

  const rc = classesOf(requests, (r) => scorer.requestClassKey(r));
  const cc = classesOf(counsellors, (c) => scorer.counsellorClassKey(c));
  const R = rc.representatives.length;
  const K = cc.representatives.length;
  const members: number[][] = Array.from({ length: K }, () => []);
  counsellors.forEach((_, j) => members[cc.classOf[j]!]!.push(j));

  // The one call per class pair: everything else about a pair follows from the classes.
  const score = new Float64Array(R * K);
  for (let r = 0; r < R; r++) {
    const request = rc.representatives[r]!;
    for (let k = 0; k < K; k++) {
      const s = scorer.classScore(request, cc.representatives[k]!);
      if (s !== undefined && !Number.isSafeInteger(s)) integer(s, `classScore(${scorer.requestClassKey(request)}, ${scorer.counsellorClassKey(cc.representatives[k]!)})`);
      score[r * K + k] = s ?? NaN;
    }
  }
  const neutral: MatchRequest | undefined = requests[0] && { ...requests[0], previousCounsellorId: undefined };
  const load = counsellors.map((c) => (neutral ? integer(scorer.counsellorPoints(neutral, c), `counsellorPoints for ${c.counsellorId}`) : 0));

  // What each application may not reach through its class: excluded counsellors, and the previous
  // counsellor (reached by its own arc instead, with the continuity bonus).
  const routeKey: string[] = [];
  const blockedOf: number[][] = [];
  const previousOf: number[] = [];
  const dirty: Set<number>[] = Array.from({ length: R }, () => new Set());
  requests.forEach((request, i) => {
    const r = rc.classOf[i]!;
    const excluded = new Set(request.excludedCounsellorIds);
    const blocked = new Set<number>();
    for (const id of excluded) {
      const j = counsellorIndex.get(id);
      if (j !== undefined && !Number.isNaN(score[r * K + cc.classOf[j]!]!)) blocked.add(j);
    }
    let previous = -1;
    const p = request.previousCounsellorId === undefined ? undefined : counsellorIndex.get(request.previousCounsellorId);
    if (p !== undefined && !excluded.has(request.previousCounsellorId!) && !Number.isNaN(score[r * K + cc.classOf[p]!]!)) {
      previous = p;
      blocked.add(p);
    }
    const list = [...blocked].sort((a, b) => a - b);
    for (const j of list) dirty[r]!.add(cc.classOf[j]!);
    blockedOf.push(list);
    previousOf.push(previous);
    routeKey.push(list.length === 0 ? '' : `${list.join(',')}|${previous}`);
  });

  // Nodes.
  let nodes = 0;
  const source = nodes++;
  const sink = nodes++;
  const rankValues = [...new Set(requests.map((r) => r.rank))].sort((a, b) => a - b);
  const rankNode = new Map(rankValues.map((rank) => [rank, nodes++]));
  const core = Int32Array.from({ length: R }, () => nodes++);
  const classNode = Int32Array.from({ length: K }, () => nodes++);
  const counsellorNode = Int32Array.from({ length: counsellors.length }, () => nodes++);
  const plain = Int32Array.from({ length: R }, (_, r) => (dirty[r]!.size > 0 ? nodes++ : core[r]!));
  const routes = new Map<string, number>(); // `${r}|${routeKey}` → node, for applications with something blocked
  const routeOf = Int32Array.from(requests, (_, i) => {
    const r = rc.classOf[i]!;
    if (routeKey[i] === '') return plain[r]!;
    const key = `${r}|${routeKey[i]}`;
    let node = routes.get(key);
    if (node === undefined) routes.set(key, (node = nodes++));
    return node;
  });

  // Arcs, in a fixed order so the same waitlist always gives the same network.
  const arcs = new ArcList();
  const ranks = rankValues.map((rank) => ({ rank, arc: arcs.add(source, rankNode.get(rank)!, 0), applications: 0 }));
  const rankEntry = new Map(ranks.map((x) => [x.rank, x]));
  const applicationArc = Int32Array.from(requests, (request, i) => {
    rankEntry.get(request.rank)!.applications++;
    return arcs.add(rankNode.get(request.rank)!, routeOf[i]!, 1, 0, requests.length - i);
  });
  for (let r = 0; r < R; r++) {
    for (let k = 0; k < K; k++) {
      const s = score[r * K + k]!;
      if (Number.isNaN(s)) continue;
      if (dirty[r]!.has(k)) {
        if (plain[r] !== core[r]) arcs.add(plain[r]!, classNode[k]!, Infinity, s, 0, true);
      } else arcs.add(core[r]!, classNode[k]!, Infinity, s, 0, true);
    }
    if (plain[r] !== core[r]) arcs.add(plain[r]!, core[r]!, Infinity);
  }
  const done = new Set<number>();
  requests.forEach((request, i) => {
    const node = routeOf[i]!;
    if (routeKey[i] === '' || done.has(node)) return;
    done.add(node);
    const r = rc.classOf[i]!;
    const blocked = new Set(blockedOf[i]);
    arcs.add(node, core[r]!, Infinity);
    for (const k of [...dirty[r]!].sort((a, b) => a - b)) {
      const s = score[r * K + k]!;
      if (Number.isNaN(s)) continue;
      const open = members[k]!.filter((j) => !blocked.has(j));
      if (open.length === members[k]!.length) arcs.add(node, classNode[k]!, Infinity, s, 0, true);
      else for (const j of open) arcs.add(node, counsellorNode[j]!, Infinity, s, 0, true);
    }
    const p = previousOf[i]!;
    if (p >= 0) {
      const s = score[r * K + cc.classOf[p]!]!;
      const points = integer(scorer.counsellorPoints(request, counsellors[p]!), `counsellorPoints for ${counsellors[p]!.counsellorId}`);
      arcs.add(node, counsellorNode[p]!, Infinity, s + points - load[p]!, 0, true);
    }
  });
  counsellors.forEach((c, j) => {
    arcs.add(classNode[cc.classOf[j]!]!, counsellorNode[j]!, Infinity);
    arcs.add(counsellorNode[j]!, sink, freePlaces(c), load[j]!);
  });

  const counsellorAt = new Int32Array(nodes).fill(-1);
  counsellorNode.forEach((node, j) => (counsellorAt[node] = j));
  const m = arcs.length;
  return {
    nodeCount: nodes,
    tail: arcs.tail.slice(0, m),
    head: arcs.head.slice(0, m),
    capacity: arcs.capacity.slice(0, m),
    quality: arcs.quality.slice(0, m),
    waiting: arcs.waiting.slice(0, m),
    pairArc: arcs.pair.slice(0, m),
    source,
    sink,
    ranks,
    requests,
    applicationArc,
    counsellors,
    counsellorAt,
    size: { requestClasses: R, counsellorClasses: K, routes: routes.size, scoredPairs: R * K },
  };
}
