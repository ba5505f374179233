// Monte Carlo over three-point estimates: each run draws every uncertain duration from its
// Beta-PERT distribution and schedules the network forward (finish times) and backward
// (which items were critical). The same seed gives the same figures. One part of the graph
// at a time (whole plans: a plan's finish is the latest of all its items), on flat typed
// arrays: 10,000 runs of a 1,000-task plan are
// 20 million visits, so nothing in the loop may allocate or look anything up in a Map.
import { EPSILON } from '../util/duration.ts';
import type { Network } from './cpm.ts';
import { betaPertQuantiles, RandomStream } from './random.ts';

export interface SimulationInput {
  net: Network;
  /**
   * The nodes to simulate, in topological order: every node of each group (plan) present,
   * and every node linked to one, since a group's finish is the latest of its nodes'.
   */
  nodes: Int32Array;
  skip?: Uint8Array;
  /**
   * The uncertain nodes. Each run draws one number per estimate, in this map's order; a
   * node's duration is its estimate's draw plus its `elapsed` time (work already under way
   * when a status date reschedules the rest; 0 when not given).
   */
  estimates: Map<number, { optimistic: number; likely: number; pessimistic: number; elapsed?: number }>;
  /** The earliest each node (graph index) may start, as in the CPM; 0 when not given. */
  release?: Float64Array;
  runs: number;
  seed: number;
  /** Nodes whose finish times to keep (milestones with due dates). */
  watch: number[];
  /** Links between plans with different calendars (1 per graph edge), with their converters. */
  crossing?: Uint8Array;
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

/** Points in each estimate's quantile table; sampling interpolates between them. */
const TABLE = 512;

interface Links {
  start: Int32Array;
  other: Int32Array;
  type: Uint8Array;
  lag: Float64Array;
  edge: Int32Array;
}

/** Incoming (or outgoing) links of the simulated nodes, as local indexes. */
function links(input: SimulationInput, local: Int32Array, incoming: boolean): Links {
  const { net, nodes, skip } = input;
  const starts = incoming ? net.inStart : net.outStart;
  const lists = incoming ? net.inEdges : net.outEdges;
  const start = new Int32Array(nodes.length + 1);
  const chosen: number[] = [];
  nodes.forEach((node, k) => {
    for (let p = starts[node]!; p < starts[node + 1]!; p++) if (!skip?.[lists[p]!]) chosen.push(lists[p]!);
    start[k + 1] = chosen.length;
  });
  const ends = incoming ? net.from : net.to;
  return {
    start,
    other: Int32Array.from(chosen, (e) => local[ends[e]!]!),
    type: Uint8Array.from(chosen, (e) => net.type[e]!),
    lag: Float64Array.from(chosen, (e) => net.lag[e]!),
    edge: Int32Array.from(chosen),
  };
}

export function simulate(input: SimulationInput): SimulationResult {
  const { net, nodes, runs, watch, forward, backward } = input;
  const count = nodes.length;
  const local = new Int32Array(net.size).fill(-1);
  nodes.forEach((node, k) => {
    local[node] = k;
  });
  const into = links(input, local, true);
  const out = links(input, local, false);
  const groups = [...new Set(Array.from(nodes, (node) => net.planOf[node]!))];
  const groupOf = Int32Array.from(nodes, (node) => groups.indexOf(net.planOf[node]!));
  const base = Float64Array.from(nodes, (node) => net.duration[node]!);
  // Uncertain nodes sample from a quantile table (one uniform number and an interpolation
  // per draw, instead of two gamma variates), all tables in one flat array, one per draw.
  // draw[k] is node k's place among the run's numbers (the estimates' order), −1 if fixed.
  const draw = new Int32Array(count).fill(-1);
  const release = Float64Array.from(nodes, (node) => Math.max(0, input.release?.[node] ?? 0));
  const quantiles = new Float64Array(input.estimates.size * TABLE);
  let uncertainCount = 0;
  for (const [node, estimate] of input.estimates) {
    const k = local[node]!;
    if (k === -1) continue;
    draw[k] = uncertainCount;
    base[k] = estimate.elapsed ?? 0;
    quantiles.set(betaPertQuantiles(estimate.optimistic, estimate.likely, estimate.pessimistic, TABLE), uncertainCount * TABLE);
    uncertainCount += 1;
  }
  const stream = new RandomStream(input.seed);
  const uniforms = new Float64Array(uncertainCount);
  // Links between plans with different calendars go through the converters; no others do.
  const crossing = input.crossing;
  const crossingIn = Uint8Array.from(into.edge, (e) => (crossing?.[e] ? 1 : 0));
  const crossingOut = Uint8Array.from(out.edge, (e) => (crossing?.[e] ? 1 : 0));
  const es = new Float64Array(count);
  const ef = new Float64Array(count);
  const lf = new Float64Array(count);
  const sampled = new Float64Array(count);
  const finish = new Float64Array(groups.length);
  const finishes = groups.map(() => new Float64Array(runs));
  const critical = new Int32Array(count);
  const watchSlots = watch.map((node) => local[node]!);
  const watched = watch.map(() => new Float64Array(runs));
  const { start: inStart, other: inOther, type: inType, lag: inLag, edge: inEdge } = into;
  const { start: outStart, other: outOther, type: outType, lag: outLag, edge: outEdge } = out;

  for (let run = 0; run < runs; run++) {
    finish.fill(0);
    stream.fill(uniforms, uncertainCount);
    for (let k = 0; k < count; k++) {
      let d = base[k]!;
      const slot = draw[k]!;
      if (slot !== -1) {
        const position = uniforms[slot]! * (TABLE - 1);
        const below = Math.floor(position);
        const at = slot * TABLE + below;
        d = base[k]! + quantiles[at]! + (quantiles[at + 1]! - quantiles[at]!) * (position - below);
      }
      sampled[k] = d;
      let start = release[k]!;
      for (let p = inStart[k]!, end = inStart[k + 1]!; p < end; p++) {
        const i = inOther[p]!;
        const t = inType[p]!;
        let source = t === 0 || t === 2 ? ef[i]! : es[i]!;
        if (crossingIn[p] === 1) source = forward!(inEdge[p]!, source);
        const bound = t < 2 ? source + inLag[p]! : source + inLag[p]! - d;
        if (bound > start) start = bound;
      }
      es[k] = start;
      const finished = start + d;
      ef[k] = finished;
      const group = groupOf[k]!;
      if (finished > finish[group]!) finish[group] = finished;
    }
    for (let k = count - 1; k >= 0; k--) {
      const d = sampled[k]!;
      let latest = finish[groupOf[k]!]!;
      for (let p = outStart[k]!, end = outStart[k + 1]!; p < end; p++) {
        const j = outOther[p]!;
        const t = outType[p]!;
        let target = (t === 0 || t === 1 ? lf[j]! - sampled[j]! : lf[j]!) - outLag[p]!;
        if (crossingOut[p] === 1) target = backward!(outEdge[p]!, target);
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
