/**
 * Minimum-cost flow by the primal network simplex method (Dantzig; the spanning-tree form of Ahuja,
 * Magnanti & Orlin, ch. 11), with block-search pricing and the strongly feasible tree rule of
 * Cunningham, which rules out cycling on degenerate pivots. The same design as LEMON's
 * NetworkSimplex, written for typed arrays; the tree is kept as parent pointers with depths and
 * child lists instead of LEMON's thread indexes.
 *
 * Exactness: capacities, supplies and costs are integers well inside 2^53, so every flow, potential
 * and reduced cost is an exact integer in a double; the constructor refuses anything that could leave
 * that range.
 *
 * Lexicographic objectives: `optimize(cost1)`, then `keepOptimalFace()`, then `optimize(cost2)`
 * minimises cost2 over the flows that are optimal for cost1 — see keepOptimalFace.
 */

const LOWER = 1; // non-tree arc at flow 0 (pricing sign +1)
const UPPER = -1; // non-tree arc at its capacity (pricing sign -1)
const FIXED = 0; // tree arc, or an arc fixed at its flow (never priced)
const UP = 1; // the tree arc into a node points from the node to its parent
const DOWN = -1; // … from the parent to the node

export interface FlowArcs {
  nodeCount: number;
  tail: Int32Array;
  head: Int32Array;
  /** Integer capacities; Infinity for uncapacitated arcs. */
  capacity: Float64Array;
}

export class NetworkSimplex {
  /** Pivots made so far, over all optimize calls. */
  pivots = 0;

  private readonly n: number; // real nodes; node n is the artificial root
  private readonly m: number; // real arcs; arc m + u is the artificial arc of node u
  private readonly order: Int32Array; // internal arc index → caller's arc index
  private readonly source: Int32Array;
  private readonly target: Int32Array;
  private readonly cap: Float64Array;
  private readonly cost: Float64Array;
  private readonly flowOf: Float64Array;
  private readonly state: Int8Array;
  private readonly parent: Int32Array;
  private readonly pred: Int32Array;
  private readonly predDir: Int8Array;
  private readonly depth: Int32Array;
  private readonly pi: Float64Array;
  private readonly firstChild: Int32Array;
  private readonly nextSibling: Int32Array;
  private readonly prevSibling: Int32Array;
  private readonly stack: Int32Array;
  private readonly position: Int32Array; // caller's arc index → internal arc index
  private eligible: Int32Array; // arcs that may enter the basis: all of them, or those of the optimal face
  private search: Int32Array; // the arcs the pricing looks at first (the working set)
  private nextArc = 0;
  private artificialCost: number;
  private started = false;

  /** `supply[v]` > 0 where flow enters, < 0 where it leaves; the supplies must sum to zero. */
  constructor(arcs: FlowArcs, supply: Float64Array) {
    const n = arcs.nodeCount;
    const m = arcs.tail.length;
    this.n = n;
    this.m = m;
    const all = m + n;
    this.order = new Int32Array(m);
    this.position = new Int32Array(m);
    this.source = new Int32Array(all);
    this.target = new Int32Array(all);
    this.cap = new Float64Array(all);
    this.cost = new Float64Array(all);
    this.flowOf = new Float64Array(all);
    this.state = new Int8Array(all);
    this.parent = new Int32Array(n + 1);
    this.pred = new Int32Array(n + 1);
    this.predDir = new Int8Array(n + 1);
    this.depth = new Int32Array(n + 1);
    this.pi = new Float64Array(n + 1);
    this.firstChild = new Int32Array(n + 1).fill(-1);
    this.nextSibling = new Int32Array(n + 1).fill(-1);
    this.prevSibling = new Int32Array(n + 1).fill(-1);
    this.stack = new Int32Array(n + 1);

    // Arcs are stored interleaved (arc k of the caller at position k·skip mod m, as LEMON's
    // "arc mixing" does): arcs built side by side often share nodes, and spreading them lets each
    // pricing block see many parts of the network.
    const skip = Math.max(3, Math.floor(m / Math.max(1, n)));
    for (let k = 0, i = 0, j = 0; k < m; k++) {
      this.order[i] = k;
      this.position[k] = i;
      if ((i += skip) >= m) i = ++j;
    }
    let totalSupply = 0;
    let bound = 0;
    for (let i = 0; i < m; i++) {
      const k = this.order[i]!;
      this.source[i] = arcs.tail[k]!;
      this.target[i] = arcs.head[k]!;
      const c = arcs.capacity[k]!;
      if (!(c >= 0) || (c !== Infinity && !Number.isSafeInteger(c))) throw new RangeError(`arc ${k}: capacity ${c} is not a non-negative integer`);
      this.cap[i] = c;
      this.state[i] = LOWER;
    }
    for (let v = 0; v < n; v++) {
      const s = supply[v]!;
      if (!Number.isSafeInteger(s)) throw new RangeError(`node ${v}: supply ${s} is not an integer`);
      totalSupply += s;
      bound += Math.abs(s);
    }
    if (totalSupply !== 0) throw new RangeError(`supplies sum to ${totalSupply}, not 0`);
    if (bound >= Number.MAX_SAFE_INTEGER) throw new RangeError('supplies too large for exact arithmetic in doubles');
    this.artificialCost = 0;

    // The initial basis: every node hangs from the artificial root by an artificial arc carrying its
    // supply (LEMON's start for equality constraints).
    const root = n;
    this.parent[root] = -1;
    this.pred[root] = -1;
    this.depth[root] = 0;
    for (let u = 0, e = m; u < n; u++, e++) {
      this.parent[u] = root;
      this.pred[u] = e;
      this.depth[u] = 1;
      this.addChild(root, u);
      this.cap[e] = Infinity;
      this.state[e] = FIXED;
      if (supply[u]! >= 0) {
        this.predDir[u] = UP;
        this.source[e] = u;
        this.target[e] = root;
        this.flowOf[e] = supply[u]!;
      } else {
        this.predDir[u] = DOWN;
        this.source[e] = root;
        this.target[e] = u;
        this.flowOf[e] = -supply[u]!;
      }
    }
    this.eligible = new Int32Array(m);
    for (let i = 0; i < m; i++) this.eligible[i] = i;
    this.search = this.eligible;
  }

  /**
   * Runs pivots until the flow is optimal for `costs` (indexed like the caller's arcs): integers,
   * negative allowed. The first call starts from the artificial basis; later calls continue from the
   * current basis and flow.
   *
   * `workingSet` (caller's arc indices), when given, is priced first: pivots run on it until none of
   * its arcs can improve the flow, then one pass over every arc adds those that can, and so on until
   * a pass finds none. The result is the same optimum (the last pass proves it); the working set only
   * decides how much pricing that takes — a good guess at the arcs the optimum uses saves most of it.
   */
  optimize(costs: Float64Array, workingSet?: ArrayLike<number>): void {
    const { m, n } = this;
    let maxCost = 0;
    for (let i = 0; i < m; i++) {
      const c = costs[this.order[i]!]!;
      if (!Number.isSafeInteger(c)) throw new RangeError(`arc ${this.order[i]}: cost ${c} is not an integer`);
      this.cost[i] = c;
      if (Math.abs(c) > maxCost) maxCost = Math.abs(c);
    }
    // A potential is a sum of at most n + 1 tree arc costs, each at most the artificial cost
    // (maxCost + 1)·(n + 1); a reduced cost adds an arc cost and two potentials. All stay below
    // 4·(maxCost + 1)·(n + 2)², which must be an exact integer in a double.
    if (4 * (maxCost + 1) * (n + 2) * (n + 2) >= Number.MAX_SAFE_INTEGER) throw new RangeError('costs too large for exact arithmetic in doubles');
    if (!this.started) this.artificialCost = (maxCost + 1) * (n + 1);
    this.started = true;
    for (let u = 0, e = m; u < n; u++, e++) this.cost[e] = this.source[e] === n ? this.artificialCost : 0;
    this.computePotentials();

    this.search = this.eligible;
    if (workingSet) {
      const inFace = new Uint8Array(m);
      for (const e of this.eligible) inFace[e] = 1;
      const search = new Int32Array(workingSet.length);
      let size = 0;
      for (let w = 0; w < workingSet.length; w++) {
        const e = this.position[workingSet[w]!]!;
        if (inFace[e] === 1) search[size++] = e;
      }
      this.search = search.subarray(0, size);
    }
    this.nextArc = 0;
    for (;;) {
      let inArc: number;
      while ((inArc = this.findEnteringArc()) >= 0) this.pivot(inArc);
      if (this.search === this.eligible) return;
      const improving = this.improvingArcs();
      if (improving.length === 0) return;
      const grown = new Int32Array(this.search.length + improving.length);
      grown.set(this.search);
      grown.set(improving, this.search.length);
      this.search = grown;
    }
  }

  /** Full pricing: every eligible arc whose reduced cost says it should enter. */
  private improvingArcs(): number[] {
    const { eligible, state, cost, pi, source, target } = this;
    const found: number[] = [];
    for (let k = 0; k < eligible.length; k++) {
      const e = eligible[k]!;
      const s = state[e]!;
      if (s !== FIXED && s * (cost[e]! + pi[source[e]!]! - pi[target[e]!]!) < 0) found.push(e);
    }
    return found;
  }

  /** Whether the current flow uses no artificial arc, i.e. meets every supply on real arcs. */
  feasible(): boolean {
    for (let e = this.m; e < this.m + this.n; e++) if (this.flowOf[e] !== 0) return false;
    return true;
  }

  /**
   * Restricts later optimize calls to the flows that are optimal now. By LP duality a feasible flow
   * is optimal iff it meets complementary slackness with one (any) optimal potential: every arc with
   * a positive reduced cost is empty and every arc with a negative one is full. Fixing exactly those
   * arcs where they are, and closing the artificial arcs, leaves the optimal face; the basis stays
   * valid because tree arcs have reduced cost zero.
   */
  keepOptimalFace(): void {
    if (!this.feasible()) throw new Error('keepOptimalFace needs a feasible flow');
    const { m, n, source, target, cost, pi, state } = this;
    const free: number[] = [];
    for (let i = 0; i < m; i++) {
      if (state[i] === FIXED) continue; // tree arcs (reduced cost 0) or already fixed
      if (cost[i]! + pi[source[i]!]! - pi[target[i]!]! !== 0) state[i] = FIXED;
      else free.push(i);
    }
    for (let e = m; e < m + n; e++) this.cap[e] = 0;
    this.artificialCost = 0;
    // Tree arcs may leave the tree later and must stay priced: they belong to the face too.
    for (let u = 0; u < n; u++) if (this.pred[u]! < m) free.push(this.pred[u]!);
    free.sort((a, b) => a - b);
    this.eligible = Int32Array.from(free);
    this.search = this.eligible;
    this.nextArc = 0;
  }

  /** The flow on each of the caller's arcs. */
  flows(): Float64Array {
    const out = new Float64Array(this.m);
    for (let i = 0; i < this.m; i++) out[this.order[i]!] = this.flowOf[i]!;
    return out;
  }

  /** Node potentials of the current basis (reduced cost of arc u→v: cost + π(u) − π(v)). */
  potentials(): Float64Array {
    return this.pi.slice(0, this.n);
  }

  private addChild(p: number, v: number): void {
    const first = this.firstChild[p]!;
    this.nextSibling[v] = first;
    this.prevSibling[v] = -1;
    if (first >= 0) this.prevSibling[first] = v;
    this.firstChild[p] = v;
  }

  private removeChild(p: number, v: number): void {
    const prev = this.prevSibling[v]!;
    const next = this.nextSibling[v]!;
    if (prev >= 0) this.nextSibling[prev] = next;
    else this.firstChild[p] = next;
    if (next >= 0) this.prevSibling[next] = prev;
  }

  /** Potentials making every tree arc's reduced cost zero, with the root at 0. */
  private computePotentials(): void {
    this.pi[this.n] = 0;
    this.refreshSubtree(this.n, false);
  }

  /** Recomputes potentials (and depths) below `top` from its own. */
  private refreshSubtree(top: number, includeTop: boolean): void {
    const { stack, firstChild, nextSibling, parent, pred, predDir, cost, pi, depth } = this;
    let size = 0;
    if (includeTop) stack[size++] = top;
    else for (let c = firstChild[top]!; c >= 0; c = nextSibling[c]!) stack[size++] = c;
    while (size > 0) {
      const v = stack[--size]!;
      const p = parent[v]!;
      depth[v] = depth[p]! + 1;
      pi[v] = predDir[v] === UP ? pi[p]! - cost[pred[v]!]! : pi[p]! + cost[pred[v]!]!;
      for (let c = firstChild[v]!; c >= 0; c = nextSibling[c]!) stack[size++] = c;
    }
  }

  /** Block search: scan blocks of √m arcs, take the most negative reduced cost of the first block that has one. */
  private findEnteringArc(): number {
    const { search, state, cost, pi, source, target } = this;
    const count = search.length;
    if (count === 0) return -1;
    const block = Math.max(10, Math.floor(Math.sqrt(count)));
    let best = -1;
    let min = 0;
    let left = block;
    let k = this.nextArc;
    for (let scanned = 0; scanned < count; scanned++) {
      const e = search[k]!;
      const s = state[e]!;
      if (s !== FIXED) {
        const c = s * (cost[e]! + pi[source[e]!]! - pi[target[e]!]!);
        if (c < min) {
          min = c;
          best = e;
        }
      }
      if (++k === count) k = 0;
      if (--left === 0) {
        if (best >= 0) break;
        left = block;
      }
    }
    this.nextArc = k;
    return best;
  }

  private pivot(inArc: number): void {
    const { source, target, parent, depth, pred, predDir, flowOf, cap, state } = this;
    this.pivots++;

    // The cycle closes where the paths from both ends of the entering arc meet.
    let a = source[inArc]!;
    let b = target[inArc]!;
    while (a !== b) {
      if (depth[a]! > depth[b]!) a = parent[a]!;
      else if (depth[b]! > depth[a]!) b = parent[b]!;
      else {
        a = parent[a]!;
        b = parent[b]!;
      }
    }
    const join = a;

    // Flow goes around the cycle in the entering arc's improving direction: from `first` along the
    // entering arc to `second`, up to the join, and down back to `first`.
    const first = state[inArc] === LOWER ? source[inArc]! : target[inArc]!;
    const second = state[inArc] === LOWER ? target[inArc]! : source[inArc]!;
    let delta = cap[inArc]!;
    let uOut = -1;
    let side = 0;
    for (let u = first; u !== join; u = parent[u]!) {
      const e = pred[u]!;
      const room = predDir[u] === UP ? flowOf[e]! : cap[e]! - flowOf[e]!;
      if (room < delta) {
        delta = room;
        uOut = u;
        side = 1;
      }
    }
    // `<=` on this side: the last blocking arc on the cycle leaves (Cunningham's strongly feasible rule).
    for (let u = second; u !== join; u = parent[u]!) {
      const e = pred[u]!;
      const room = predDir[u] === UP ? cap[e]! - flowOf[e]! : flowOf[e]!;
      if (room <= delta) {
        delta = room;
        uOut = u;
        side = 2;
      }
    }
    if (delta === Infinity) throw new Error('unbounded: a negative cycle of infinite capacity');

    if (delta > 0) {
      const val = state[inArc]! * delta;
      flowOf[inArc] = flowOf[inArc]! + val;
      for (let u = source[inArc]!; u !== join; u = parent[u]!) flowOf[pred[u]!] = flowOf[pred[u]!]! - predDir[u]! * val;
      for (let u = target[inArc]!; u !== join; u = parent[u]!) flowOf[pred[u]!] = flowOf[pred[u]!]! + predDir[u]! * val;
    }
    if (side === 0) {
      // The entering arc itself is the bottleneck: it goes from one bound to the other.
      state[inArc] = -state[inArc]! as -1 | 1;
      return;
    }
    const uIn = side === 1 ? first : second;
    const vIn = side === 1 ? second : first;
    const outArc = pred[uOut]!;
    state[inArc] = FIXED;
    if (outArc < this.m) state[outArc] = flowOf[outArc] === 0 ? LOWER : UPPER;
    this.rehang(inArc, uIn, vIn, uOut);
  }

  /**
   * The subtree below uOut is cut off and hung from vIn by the entering arc: the path uIn → uOut is
   * reversed (each node's parent becomes the node before it), then the moved subtree's depths and
   * potentials are recomputed.
   */
  private rehang(inArc: number, uIn: number, vIn: number, uOut: number): void {
    const { parent, pred, predDir, source } = this;
    this.removeChild(parent[uOut]!, uOut);
    let x = uIn;
    let newParent = vIn;
    let newPred = inArc;
    let newDir = source[inArc] === uIn ? UP : DOWN;
    for (;;) {
      const oldParent = parent[x]!;
      const oldPred = pred[x]!;
      const oldDir = predDir[x]!;
      if (x !== uOut) this.removeChild(oldParent, x);
      parent[x] = newParent;
      pred[x] = newPred;
      predDir[x] = newDir;
      this.addChild(newParent, x);
      if (x === uOut) break;
      newParent = x;
      newPred = oldPred;
      newDir = -oldDir;
      x = oldParent;
    }
    this.refreshSubtree(uIn, true);
  }
}
