// Cycles: Tarjan's strongly connected components (iterative, linear), then, inside each
// component, one shortest cycle through every dependency not yet shown in a reported
// cycle. So every dependency that takes part in a cycle appears in a reported cycle, no
// cycle is reported twice, and the work stays bounded even for a knot of thousands of
// tasks (where listing every elementary cycle would be exponential).
import type { Graph } from './graph.ts';

/** Edges per strongly connected component with a cycle, and whether each edge is in one. */
export interface CycleAnalysis {
  /** Component id per node; -1 for nodes on no cycle. */
  component: Int32Array;
  /** Whether each edge lies inside a cyclic component (such edges are left out of scheduling). */
  cyclicEdge: Uint8Array;
  /** Cycles as edge ids in precedence order: from[e0] → to[e0] = from[e1] → … → from[e0]. */
  cycles: number[][];
  /** For the last cycle shown of a component that has more: how many of its written dependencies no cycle shown covers. */
  more: Map<number, number>;
}

export const MAX_CYCLES_PER_COMPONENT = 50;

export function findCycles(graph: Graph): CycleAnalysis {
  const { component, cyclic } = cyclicComponents(graph);
  const { to, from } = graph;
  const cyclicEdge = new Uint8Array(from.length);
  for (let e = 0; e < from.length; e++) {
    const c = component[from[e]!]!;
    if (c !== -1 && c === component[to[e]!]) cyclicEdge[e] = 1;
  }
  return { component, cyclicEdge, ...shownCycles(graph, component, cyclic, cyclicEdge) };
}

/**
 * Tarjan's algorithm with an explicit call stack: the component of each node that lies on
 * a cycle (−1 for the others), and the members of each such component.
 */
function cyclicComponents(graph: Graph): { component: Int32Array; cyclic: number[][] } {
  const n = graph.size;
  const { outStart, outEdges, to } = graph;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack: number[] = [];
  const component = new Int32Array(n).fill(-1);
  const cyclic: number[][] = [];
  let counter = 0;
  let components = 0;
  // Explicit call stack: node and the position in its outgoing edges.
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);

  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    callNode[0] = root;
    callEdge[0] = outStart[root]!;
    index[root] = low[root] = counter++;
    stack.push(root);
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callNode[depth]!;
      const position = callEdge[depth]!;
      if (position < outStart[v + 1]!) {
        callEdge[depth] = position + 1;
        const w = to[outEdges[position]!]!;
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack.push(w);
          onStack[w] = 1;
          depth += 1;
          callNode[depth] = w;
          callEdge[depth] = outStart[w]!;
        } else if (onStack[w]) {
          low[v] = Math.min(low[v]!, index[w]!);
        }
        continue;
      }
      if (low[v] === index[v]) {
        const members: number[] = [];
        let w: number;
        do {
          w = stack.pop()!;
          onStack[w] = 0;
          members.push(w);
        } while (w !== v);
        const selfLoop = members.length === 1 && hasSelfLoop(graph, v);
        if (members.length > 1 || selfLoop) {
          for (const member of members) component[member] = components;
          cyclic.push(members);
          components += 1;
        }
      }
      depth -= 1;
      if (depth >= 0) {
        const parent = callNode[depth]!;
        low[parent] = Math.min(low[parent]!, low[v]!);
      }
    }
  }

  return { component, cyclic };
}

/**
 * In each cyclic component, one shortest cycle through every written dependency no cycle
 * shown so far covers, up to MAX_CYCLES_PER_COMPONENT; `more` counts what the limit left out.
 */
function shownCycles(graph: Graph, component: Int32Array, cyclic: number[][], cyclicEdge: Uint8Array): Pick<CycleAnalysis, 'cycles' | 'more'> {
  const n = graph.size;
  const { outStart, outEdges, to, from } = graph;
  const cycles: number[][] = [];
  const seen = new Int32Array(n).fill(-1);
  const via = new Int32Array(n);
  let stamp = 0;
  // A dependency written once can stand for several edges (a phase's `dependsOn` applies to
  // each of its tasks), so coverage and sameness go by where the dependency was written.
  const written = (e: number) => {
    const origin = graph.origin[e]!;
    return `${origin.file}\u0000${origin.span.start}`;
  };
  const more = new Map<number, number>();
  const uncovered = new Set<string>();
  cyclic.forEach((members, c) => {
    const covered = new Set<string>();
    const reported = new Set<string>();
    // Reference edges of the component, in the order they were written.
    const edges: number[] = [];
    for (const member of members) {
      for (let k = outStart[member]!; k < outStart[member + 1]!; k++) {
        const e = outEdges[k]!;
        if (cyclicEdge[e] && graph.origin[e]) edges.push(e);
      }
    }
    edges.sort((a, b) => a - b);
    let count = 0;
    for (const e of edges) {
      if (covered.has(written(e))) continue;
      if (count >= MAX_CYCLES_PER_COMPONENT) {
        uncovered.add(written(e));
        continue;
      }
      const path = shortestPath(graph, to[e]!, from[e]!, component, c, seen, via, ++stamp);
      if (!path) continue;
      const cycle = [e, ...path];
      const origins = cycle.filter((edge) => graph.origin[edge]).map(written);
      const key = [...new Set(origins)].sort().join('\u0001');
      for (const origin of origins) covered.add(origin);
      if (reported.has(key)) continue;
      reported.add(key);
      cycles.push(cycle);
      count += 1;
    }
    // Dependencies left out because the component hit the limit (and not covered after).
    const left = [...uncovered].filter((origin) => !covered.has(origin)).length;
    if (left > 0) more.set(cycles.length - 1, left);
    uncovered.clear();
  });
  return { cycles, more };
}

function hasSelfLoop(graph: Graph, v: number): boolean {
  for (let k = graph.outStart[v]!; k < graph.outStart[v + 1]!; k++) if (graph.to[graph.outEdges[k]!] === v) return true;
  return false;
}

/** Edge ids of a shortest path source ⇝ target inside component `c` (empty when equal). */
function shortestPath(
  graph: Graph,
  source: number,
  target: number,
  component: Int32Array,
  c: number,
  seen: Int32Array,
  via: Int32Array,
  stamp: number,
): number[] | undefined {
  if (source === target) return [];
  const queue = [source];
  seen[source] = stamp;
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    for (let k = graph.outStart[v]!; k < graph.outStart[v + 1]!; k++) {
      const e = graph.outEdges[k]!;
      const w = graph.to[e]!;
      if (seen[w] === stamp || component[w] !== c) continue;
      seen[w] = stamp;
      via[w] = e;
      if (w === target) {
        const path: number[] = [];
        for (let x = target; x !== source; x = graph.from[via[x]!]!) path.push(via[x]!);
        return path.reverse();
      }
      queue.push(w);
    }
  }
  return undefined;
}
