import type { FlowArcs } from './network-simplex';

/**
 * Maximum flow by Dinic's algorithm (BFS levels, blocking flow by DFS with current-arc pointers).
 * Incremental: capacities may be raised between `augment` calls and the flow found so far is kept,
 * which is how the waitlist counts how many applications of each priority rank can be placed.
 */
export class MaxFlow {
  private readonly n: number;
  private readonly start: Int32Array; // residual arcs of node v: start[v] … start[v + 1] − 1
  private readonly to: Int32Array;
  private readonly residual: Float64Array;
  private readonly twin: Int32Array; // the residual arc in the other direction
  private readonly forward: Int32Array; // caller's arc k → its forward residual arc
  private readonly level: Int32Array;
  private readonly current: Int32Array;
  private readonly queue: Int32Array;
  private readonly path: Int32Array;

  constructor(arcs: FlowArcs) {
    const n = arcs.nodeCount;
    const m = arcs.tail.length;
    this.n = n;
    const degree = new Int32Array(n + 1);
    for (let k = 0; k < m; k++) {
      degree[arcs.tail[k]!]!++;
      degree[arcs.head[k]!]!++;
    }
    this.start = new Int32Array(n + 1);
    for (let v = 0; v < n; v++) this.start[v + 1] = this.start[v]! + degree[v]!;
    const fill = this.start.slice(0, n);
    this.to = new Int32Array(2 * m);
    this.residual = new Float64Array(2 * m);
    this.twin = new Int32Array(2 * m);
    this.forward = new Int32Array(m);
    for (let k = 0; k < m; k++) {
      const u = arcs.tail[k]!;
      const v = arcs.head[k]!;
      const f = fill[u]!++;
      const r = fill[v]!++;
      this.to[f] = v;
      this.to[r] = u;
      this.residual[f] = arcs.capacity[k]!;
      this.twin[f] = r;
      this.twin[r] = f;
      this.forward[k] = f;
    }
    this.level = new Int32Array(n);
    this.current = new Int32Array(n);
    this.queue = new Int32Array(n);
    this.path = new Int32Array(n);
  }

  setCapacity(arc: number, capacity: number): void {
    const used = this.flow(arc);
    if (capacity < used) throw new RangeError(`arc ${arc}: capacity ${capacity} below its flow ${used}`);
    this.residual[this.forward[arc]!] = capacity - used;
  }

  /** The flow on the caller's arc: what its reverse residual arc (empty at the start) has gained. */
  flow(arc: number): number {
    return this.residual[this.twin[this.forward[arc]!]!]!;
  }

  /** Pushes as much more flow from s to t as the residual network allows; returns how much. */
  augment(s: number, t: number): number {
    let total = 0;
    while (this.levels(s, t)) {
      this.current.set(this.start.subarray(0, this.n));
      let pushed: number;
      while ((pushed = this.blockingPath(s, t)) > 0) total += pushed;
    }
    return total;
  }

  private levels(s: number, t: number): boolean {
    const { level, queue, start, to, residual } = this;
    level.fill(-1);
    level[s] = 0;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    while (head < tail) {
      const u = queue[head++]!;
      for (let a = start[u]!; a < start[u + 1]!; a++) {
        const v = to[a]!;
        if (residual[a]! > 0 && level[v]! < 0) {
          level[v] = level[u]! + 1;
          queue[tail++] = v;
        }
      }
    }
    return level[t]! >= 0;
  }

  /** One augmenting path in the level graph (iterative DFS); dead ends are cut off for this phase. */
  private blockingPath(s: number, t: number): number {
    const { level, current, start, to, residual, twin, path } = this;
    let depth = 0; // path[0 … depth − 1] are the residual arcs taken
    let u = s;
    for (;;) {
      if (u === t) {
        let bottleneck = Infinity;
        for (let i = 0; i < depth; i++) bottleneck = Math.min(bottleneck, residual[path[i]!]!);
        for (let i = 0; i < depth; i++) {
          residual[path[i]!]! -= bottleneck;
          residual[twin[path[i]!]!]! += bottleneck;
        }
        return bottleneck;
      }
      let a = current[u]!;
      const end = start[u + 1]!;
      while (a < end && !(residual[a]! > 0 && level[to[a]!] === level[u]! + 1)) a++;
      current[u] = a;
      if (a < end) {
        path[depth++] = a;
        u = to[a]!;
      } else {
        if (depth === 0) return 0;
        level[u] = -1; // nothing more gets through u in this phase
        depth--;
        u = to[twin[path[depth]!]!]!;
        current[u]!++;
      }
    }
  }
}
