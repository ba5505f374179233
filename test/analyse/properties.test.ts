// Property tests of the graph algorithms against brute force on small random graphs, and
// of the Monte Carlo simulation against CPM where nothing is left to chance.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cpm, network } from '../../src/analyse/cpm.ts';
import { EPSILON } from '../../src/util/duration.ts';
import { findCycles } from '../../src/analyse/cycles.ts';
import type { Graph } from '../../src/analyse/graph.ts';
import { simulate } from '../../src/analyse/simulate.ts';

interface Edge {
  from: number;
  to: number;
  type: number;
  lag: number;
}

const duration = fc.constantFrom(0, 0.5, 1, 2, 3, 5, 8);

/** A DAG: edges only go from a lower to a higher node index. */
const dag = (types: number[], lags: number[]) =>
  fc.integer({ min: 2, max: 9 }).chain((n) =>
    fc.record({
      durations: fc.array(duration, { minLength: n, maxLength: n }),
      edges: fc.uniqueArray(
        fc
          .tuple(fc.integer({ min: 0, max: n - 2 }), fc.integer({ min: 1, max: n - 1 }), fc.constantFrom(...types), fc.constantFrom(...lags))
          .map(([a, step, type, lag]) => ({ from: a, to: Math.min(n - 1, a + step), type, lag }))
          .filter((e) => e.from < e.to),
        { maxLength: 20, selector: (e) => `${e.from}-${e.to}` },
      ),
    }),
  );

/** Every path ending at `node`, as the list of edges on it (brute force). */
function pathsInto(node: number, edges: Edge[]): Edge[][] {
  const incoming = edges.filter((e) => e.to === node);
  return [[], ...incoming.flatMap((e) => pathsInto(e.from, edges).map((path) => [...path, e]))];
}

function bruteForceStart(node: number, durations: number[], edges: Edge[]): number {
  // FS links only: the longest way into the node is the heaviest path into it.
  let best = 0;
  for (const path of pathsInto(node, edges)) {
    const length = path.reduce((sum, e) => sum + durations[e.from]! + e.lag, 0);
    best = Math.max(best, length);
  }
  return best;
}

/** The same constraints relaxed until nothing changes (Bellman–Ford), with no topological order. */
function relaxation(durations: number[], edges: Edge[]): { es: number[]; lf: number[] } {
  const n = durations.length;
  const es = new Array<number>(n).fill(0);
  for (let round = 0; round <= n; round++) {
    for (const e of edges) {
      const source = e.type === 0 || e.type === 2 ? es[e.from]! + durations[e.from]! : es[e.from]!;
      const bound = e.type < 2 ? source + e.lag : source + e.lag - durations[e.to]!;
      es[e.to] = Math.max(es[e.to]!, bound);
    }
  }
  const finish = Math.max(0, ...es.map((start, i) => start + durations[i]!));
  const lf = new Array<number>(n).fill(finish);
  for (let round = 0; round <= n; round++) {
    for (const e of edges) {
      const target = (e.type === 0 || e.type === 1 ? lf[e.to]! - durations[e.to]! : lf[e.to]!) - e.lag;
      const bound = e.type === 0 || e.type === 2 ? target : target + durations[e.from]!;
      lf[e.from] = Math.min(lf[e.from]!, bound);
    }
  }
  return { es, lf };
}

describe('CPM on random networks', () => {
  it('matches the brute-force longest path when every link is finish-to-start', () => {
    fc.assert(
      fc.property(dag([0], [0, 0, 1, 2]), ({ durations, edges }) => {
        const result = cpm(network(durations, edges));
        durations.forEach((_, node) => {
          expect(result.es[node]).toBeCloseTo(bruteForceStart(node, durations, edges), 9);
        });
        const finish = Math.max(...durations.map((d, i) => result.es[i]! + d));
        expect(result.finish[0]).toBeCloseTo(finish, 9);
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with constraint relaxation for every link type and lag, and its floats are consistent', () => {
    fc.assert(
      fc.property(dag([0, 1, 2, 3], [-2, -0.5, 0, 0, 1, 3]), ({ durations, edges }) => {
        const result = cpm(network(durations, edges));
        const expected = relaxation(durations, edges);
        durations.forEach((d, node) => {
          expect(result.es[node]).toBeCloseTo(expected.es[node]!, 9);
          expect(result.lf[node]).toBeCloseTo(expected.lf[node]!, 9);
          expect(result.ef[node]).toBeCloseTo(result.es[node]! + d, 9);
          expect(result.totalFloat[node]).toBeGreaterThanOrEqual(-EPSILON);
          expect(result.freeFloat[node]).toBeGreaterThanOrEqual(-EPSILON);
          expect(result.freeFloat[node]).toBeLessThanOrEqual(result.totalFloat[node]! + EPSILON);
        });
        // Some node finishes the project, and it is critical.
        const last = durations.findIndex((d, i) => Math.abs(result.es[i]! + d - result.finish[0]!) < 1e-9);
        expect(result.totalFloat[last]).toBeLessThanOrEqual(EPSILON);
        // The early schedule satisfies every link.
        edges.forEach((_, k) => expect(result.slack[k]).toBeGreaterThanOrEqual(-EPSILON));
      }),
      { numRuns: 300 },
    );
  });
});

describe('Monte Carlo with certain estimates (optimistic = likely = pessimistic)', () => {
  it('schedules every run as CPM does, for every link type and lag: the same finishes and the same critical set', () => {
    const groups = (n: number) => fc.array(fc.integer({ min: 0, max: 1 }), { minLength: n, maxLength: n });
    const networks = dag([0, 1, 2, 3], [-2, -0.5, 0, 0, 1, 3]).chain((graph) => fc.record({ graph: fc.constant(graph), planOf: groups(graph.durations.length) }));
    fc.assert(
      fc.property(networks, fc.integer({ min: 0, max: 2 ** 31 - 1 }), ({ graph: { durations, edges }, planOf }, seed) => {
        const net = network(durations, edges, Int32Array.from(planOf));
        const schedule = cpm(net);
        const nodes = Array.from(schedule.order);
        const runs = 8;
        const result = simulate({
          net,
          nodes: schedule.order,
          estimates: new Map(durations.map((d, node) => [node, { optimistic: d, likely: d, pessimistic: d }])),
          runs,
          seed,
          // Every node watched: its finish in each run (its start is that less its certain duration).
          watch: nodes,
        });
        for (const node of nodes) {
          expect(Array.from(result.watched.get(node)!), `EF of ${node}`).toEqual(new Array(runs).fill(schedule.ef[node]));
          expect(result.criticality.get(node), `criticality of ${node}`).toBe(schedule.totalFloat[node]! <= EPSILON ? 1 : 0);
        }
        for (const group of new Set(planOf)) {
          expect(Array.from(result.finishes.get(group)!), `finish of plan ${group}`).toEqual(new Array(runs).fill(schedule.finish[group]));
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('cycles on random graphs', () => {
  const digraph = fc.integer({ min: 1, max: 7 }).chain((n) =>
    fc.record({
      n: fc.constant(n),
      edges: fc.uniqueArray(
        fc.tuple(fc.integer({ min: 0, max: n - 1 }), fc.integer({ min: 0, max: n - 1 })).map(([from, to]) => ({ from, to })),
        { maxLength: 16, selector: (e) => `${e.from}-${e.to}` },
      ),
    }),
  );

  function asGraph(n: number, edges: Array<{ from: number; to: number }>): Graph {
    const net = network(new Array(n).fill(1), edges);
    return {
      ...net,
      nodes: [],
      hub: new Uint8Array(n),
      index: new Map(),
      origin: edges.map((_, e) => ({ file: 'g.yaml', span: { start: e, end: e + 1 }, pointer: '' })),
    };
  }

  function reaches(from: number, to: number, edges: Array<{ from: number; to: number }>): boolean {
    const seen = new Set([from]);
    const stack = [from];
    while (stack.length) {
      const v = stack.pop()!;
      if (v === to) return true;
      for (const e of edges) if (e.from === v && !seen.has(e.to)) (seen.add(e.to), stack.push(e.to));
    }
    return false;
  }

  it('reports real, elementary, distinct cycles that cover every edge on a cycle', () => {
    fc.assert(
      fc.property(digraph, ({ n, edges }) => {
        const graph = asGraph(n, edges);
        const { cycles, cyclicEdge } = findCycles(graph);
        // Brute force: an edge u → v lies on a cycle exactly when v reaches u.
        const onCycle = edges.map((e) => reaches(e.to, e.from, edges));
        expect(Array.from(cyclicEdge, Boolean)).toEqual(onCycle);
        expect(cycles.length > 0).toBe(onCycle.some(Boolean));
        const keys = new Set<string>();
        for (const cycle of cycles) {
          // Consecutive edges join up and the walk closes.
          cycle.forEach((e, k) => expect(edges[e]!.to).toBe(edges[cycle[(k + 1) % cycle.length]!]!.from));
          // Elementary: no node twice.
          const nodes = cycle.map((e) => edges[e]!.from);
          expect(new Set(nodes).size).toBe(nodes.length);
          const key = [...cycle].sort((a, b) => a - b).join(',');
          expect(keys.has(key)).toBe(false);
          keys.add(key);
        }
        const covered = new Set(cycles.flat());
        onCycle.forEach((cyclic, e) => expect(covered.has(e)).toBe(cyclic));
      }),
      { numRuns: 500 },
    );
  });
});
