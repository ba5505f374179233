// Monte Carlo over three-point estimates: each run samples every uncertain duration from
// its Beta-PERT distribution and schedules the network forward and backward. The same seed
// gives the same figures. Runs over one weakly connected part of the graph at a time.
import { EPSILON, type Network } from './cpm.ts';
import { betaPert, seededRandom } from './random.ts';

export interface SimulationInput {
  net: Network;
  /** The nodes to simulate, in topological order (one connected part of the graph). */
  nodes: Int32Array;
  skip?: Uint8Array;
  estimates: Map<number, { optimistic: number; likely: number; pessimistic: number }>;
  runs: number;
  seed: number;
  /** Nodes whose finish times to keep (milestones with due dates). */
  watch: number[];
  forward?: (edge: number, time: number) => number;
  backward?: (edge: number, time: number) => number;
}

export interface SimulationResult {
  /** Sorted finish times per group present in the nodes. */
  finishes: Map<number, Float64Array>;
  /** Per node: the share of runs in which it was critical. */
  criticality: Map<number, number>;
  /** Sorted finish times per watched node. */
  watched: Map<number, Float64Array>;
}

export function simulate(input: SimulationInput): SimulationResult {
  const { net, nodes, skip, estimates, runs, watch, forward, backward } = input;
  const { duration, from, to, type, lag, inStart, inEdges, outStart, outEdges, planOf } = net;
  const random = seededRandom(input.seed);
  const count = nodes.length;
  // Local arrays indexed by position in `nodes`.
  const local = new Map<number, number>();
  nodes.forEach((node, k) => local.set(node, k));
  const groups = [...new Set(Array.from(nodes, (node) => planOf[node]!))];
  const groupSlot = new Map(groups.map((group, k) => [group, k]));
  const slotOf = Int32Array.from(nodes, (node) => groupSlot.get(planOf[node]!)!);
  const es = new Float64Array(count);
  const ef = new Float64Array(count);
  const lf = new Float64Array(count);
  const sampled = new Float64Array(count);
  const finish = new Float64Array(groups.length);
  const finishes = groups.map(() => new Float64Array(runs));
  const critical = new Int32Array(count);
  const watchSlots = watch.map((node) => local.get(node)!);
  const watched = watch.map(() => new Float64Array(runs));
  const uncertain = Array.from(nodes, (node) => estimates.get(node));
  // Predecessor and successor lists as local indexes, with their edge ids.
  const predecessors = Array.from(nodes, (node) => {
    const list: number[] = [];
    for (let p = inStart[node]!; p < inStart[node + 1]!; p++) if (!skip?.[inEdges[p]!]) list.push(inEdges[p]!);
    return list;
  });
  const successors = Array.from(nodes, (node) => {
    const list: number[] = [];
    for (let p = outStart[node]!; p < outStart[node + 1]!; p++) if (!skip?.[outEdges[p]!]) list.push(outEdges[p]!);
    return list;
  });

  for (let run = 0; run < runs; run++) {
    finish.fill(0);
    for (let k = 0; k < count; k++) {
      const estimate = uncertain[k];
      const d = estimate ? betaPert(estimate.optimistic, estimate.likely, estimate.pessimistic, random) : duration[nodes[k]!]!;
      sampled[k] = d;
      let start = 0;
      for (const e of predecessors[k]!) {
        const i = local.get(from[e]!)!;
        const t = type[e]!;
        let source = t === 0 || t === 2 ? ef[i]! : es[i]!;
        if (forward) source = forward(e, source);
        const bound = t < 2 ? source + lag[e]! : source + lag[e]! - d;
        if (bound > start) start = bound;
      }
      es[k] = start;
      ef[k] = start + d;
      const slot = slotOf[k]!;
      if (ef[k]! > finish[slot]!) finish[slot] = ef[k]!;
    }
    for (let k = count - 1; k >= 0; k--) {
      const d = sampled[k]!;
      let latest = finish[slotOf[k]!]!;
      for (const e of successors[k]!) {
        const j = local.get(to[e]!)!;
        const t = type[e]!;
        let target = (t === 0 || t === 1 ? lf[j]! - sampled[j]! : lf[j]!) - lag[e]!;
        if (backward) target = backward(e, target);
        const bound = t === 0 || t === 2 ? target : target + d;
        if (bound < latest) latest = bound;
      }
      lf[k] = latest;
      if (latest - d - es[k]! <= EPSILON) critical[k]! += 1;
    }
    for (let g = 0; g < groups.length; g++) finishes[g]![run] = finish[g]!;
    for (let w = 0; w < watchSlots.length; w++) watched[w]![run] = ef[watchSlots[w]!]!;
  }
  return {
    finishes: new Map(groups.map((group, g) => [group, finishes[g]!.sort()])),
    criticality: new Map(Array.from(nodes, (node, k) => [node, critical[k]! / runs])),
    watched: new Map(watch.map((node, w) => [node, watched[w]!.sort()])),
  };
}

/** The nearest-rank percentile of sorted samples. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}

/** The share of sorted samples at or below `limit`. */
export function shareAtOrBelow(sorted: Float64Array, limit: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! <= limit + EPSILON) low = mid + 1;
    else high = mid;
  }
  return sorted.length === 0 ? 0 : low / sorted.length;
}
