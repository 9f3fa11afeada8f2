import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MaxFlow } from '../../../functions/matching/waitlist/max-flow';
import { NetworkSimplex, type FlowArcs } from '../../../functions/matching/waitlist/network-simplex';

interface Instance {
  arcs: FlowArcs;
  cost1: Float64Array;
  cost2: Float64Array;
  s: number;
  t: number;
}

/** Random acyclic networks (arcs go from a lower to a higher node), with parallel arcs and infinite capacities. */
const instances = fc
  .integer({ min: 2, max: 8 })
  .chain((n) =>
    fc.record({
      n: fc.constant(n),
      arcs: fc.array(
        fc.record({
          a: fc.integer({ min: 0, max: n - 1 }),
          b: fc.integer({ min: 0, max: n - 1 }),
          capacity: fc.oneof(fc.integer({ min: 0, max: 4 }), fc.constant(Infinity)),
          cost1: fc.integer({ min: -6, max: 6 }),
          cost2: fc.integer({ min: -6, max: 6 }),
        }),
        { maxLength: 22 },
      ),
    }),
  )
  .map(({ n, arcs }): Instance => {
    const kept = arcs.filter((x) => x.a !== x.b);
    const s = 0;
    const t = n - 1;
    // A finite-capacity arc out of s bounds every flow (no infinite s–t path).
    kept.unshift({ a: s, b: Math.min(1, t), capacity: 3, cost1: 0, cost2: 0 });
    return {
      arcs: {
        nodeCount: n,
        tail: Int32Array.from(kept, (x) => Math.min(x.a, x.b)),
        head: Int32Array.from(kept, (x) => Math.max(x.a, x.b)),
        capacity: Float64Array.from(kept, (x) => (Math.min(x.a, x.b) === s && x !== kept[0] ? Math.min(x.capacity, 4) : x.capacity)),
      },
      cost1: Float64Array.from(kept, (x) => x.cost1),
      cost2: Float64Array.from(kept, (x) => x.cost2),
      s,
      t,
    };
  });

/** The textbook oracle: successive shortest paths with Bellman–Ford, one unit at a time (acyclic start, so no negative cycle). */
function referenceMinCost(instance: Instance, value: number, cost: Float64Array): number | undefined {
  const { arcs, s, t } = instance;
  const m = arcs.tail.length;
  const flow = new Float64Array(m);
  for (let unit = 0; unit < value; unit++) {
    const dist = new Array<number>(arcs.nodeCount).fill(Infinity);
    const via = new Array<number>(arcs.nodeCount).fill(-1);
    dist[s] = 0;
    for (let round = 0; round < arcs.nodeCount; round++) {
      for (let k = 0; k < m; k++) {
        const u = arcs.tail[k]!;
        const v = arcs.head[k]!;
        if (flow[k]! < arcs.capacity[k]! && dist[u]! + cost[k]! < dist[v]!) (dist[v] = dist[u]! + cost[k]!), (via[v] = k);
        if (flow[k]! > 0 && dist[v]! - cost[k]! < dist[u]!) (dist[u] = dist[v]! - cost[k]!), (via[u] = -2 - k);
      }
    }
    if (dist[t] === Infinity) return undefined;
    for (let v = t; v !== s; ) {
      const k = via[v]!;
      if (k >= 0) (flow[k] = flow[k]! + 1), (v = arcs.tail[k]!);
      else (flow[-2 - k] = flow[-2 - k]! - 1), (v = arcs.head[-2 - k]!);
    }
  }
  return flow.reduce((sum, f, k) => sum + f * cost[k]!, 0);
}

function supplies(instance: Instance, value: number): Float64Array {
  const supply = new Float64Array(instance.arcs.nodeCount);
  supply[instance.s] = value;
  supply[instance.t] = -value;
  return supply;
}

const total = (flows: Float64Array, cost: Float64Array) => flows.reduce((sum, f, k) => sum + f * cost[k]!, 0);

describe('MaxFlow', () => {
  it('finds the maximum flow value, the largest value the oracle can still route', () => {
    fc.assert(
      fc.property(instances, (instance) => {
        const value = new MaxFlow(instance.arcs).augment(instance.s, instance.t);
        expect(referenceMinCost(instance, value, instance.cost1)).toBeDefined();
        expect(referenceMinCost(instance, value + 1, instance.cost1)).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('keeps its flow when a capacity is raised and augments from there', () => {
    fc.assert(
      fc.property(instances, (instance) => {
        const whole = new MaxFlow(instance.arcs).augment(instance.s, instance.t);
        const first = instance.arcs.capacity[0]!;
        const staged = new MaxFlow({ ...instance.arcs, capacity: Float64Array.from(instance.arcs.capacity, (c, k) => (k === 0 ? 0 : c)) });
        const before = staged.augment(instance.s, instance.t);
        staged.setCapacity(0, first);
        expect(before + staged.augment(instance.s, instance.t)).toBe(whole);
      }),
      { numRuns: 300 },
    );
  });
});

describe('NetworkSimplex', () => {
  it('finds a minimum-cost flow of every feasible value, equal in cost to successive shortest paths', () => {
    fc.assert(
      fc.property(instances, (instance) => {
        const maximum = new MaxFlow(instance.arcs).augment(instance.s, instance.t);
        for (let value = 0; value <= maximum; value++) {
          const ns = new NetworkSimplex(instance.arcs, supplies(instance, value));
          ns.optimize(instance.cost1);
          expect(ns.feasible()).toBe(true);
          const flows = ns.flows();
          flows.forEach((f, k) => expect(f >= 0 && f <= instance.arcs.capacity[k]!).toBe(true));
          expect(total(flows, instance.cost1)).toBe(referenceMinCost(instance, value, instance.cost1));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reaches the same optimum when it prices a working set first, whatever the set', () => {
    fc.assert(
      fc.property(instances, fc.array(fc.nat(30)), (instance, picks) => {
        const value = new MaxFlow(instance.arcs).augment(instance.s, instance.t);
        const working = [...new Set(picks.filter((k) => k < instance.arcs.tail.length))];
        const ns = new NetworkSimplex(instance.arcs, supplies(instance, value));
        ns.optimize(instance.cost1, working);
        expect(ns.feasible()).toBe(true);
        expect(total(ns.flows(), instance.cost1)).toBe(referenceMinCost(instance, value, instance.cost1));
      }),
      { numRuns: 300 },
    );
  });

  it('reports an infeasible supply as infeasible', () => {
    fc.assert(
      fc.property(instances, (instance) => {
        const maximum = new MaxFlow(instance.arcs).augment(instance.s, instance.t);
        const ns = new NetworkSimplex(instance.arcs, supplies(instance, maximum + 1));
        ns.optimize(instance.cost1);
        expect(ns.feasible()).toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('minimises a second cost over the flows optimal for the first (the lexicographic order)', () => {
    fc.assert(
      fc.property(instances, (instance) => {
        const value = new MaxFlow(instance.arcs).augment(instance.s, instance.t);
        const ns = new NetworkSimplex(instance.arcs, supplies(instance, value));
        ns.optimize(instance.cost1);
        ns.keepOptimalFace();
        ns.optimize(instance.cost2);
        const flows = ns.flows();
        // cost1·BIG + cost2 with BIG above any difference in cost2 orders flows lexicographically.
        const big = 1 + 2 * 6 * 4 * instance.arcs.tail.length * Math.max(1, value);
        const combined = Float64Array.from(instance.cost1, (c, k) => c * big + instance.cost2[k]!);
        expect(total(flows, combined)).toBe(referenceMinCost(instance, value, combined));
      }),
      { numRuns: 300 },
    );
  });
});
