// The critical path method over a network of activities and typed, lagged links.
// For a link i → j with lag L:  FS  ES_j ≥ EF_i + L     SS  ES_j ≥ ES_i + L
//                               FF  EF_j ≥ EF_i + L     SF  EF_j ≥ ES_i + L
// Forward pass: ES/EF with ES ≥ 0 (or the node's release time, when given); each group's
// (plan's) duration T = max EF of its nodes.
// Backward pass: LS/LF with LF ≤ T of the node's group. Total float LS − ES; free float the
// least slack of a node's outgoing links (T − EF without any), never more than the total
// float. Linear in nodes + links.

import { EPSILON } from '../util/duration.ts';

export interface Network {
  /** Number of nodes. */
  size: number;
  duration: Float64Array;
  from: Int32Array;
  to: Int32Array;
  /** 0 FS, 1 SS, 2 FF, 3 SF. */
  type: Uint8Array;
  lag: Float64Array;
  outStart: Int32Array;
  outEdges: Int32Array;
  inStart: Int32Array;
  inEdges: Int32Array;
  /** Group (plan) of each node: each group has its own project duration. */
  planOf: Int32Array;
}

export interface CpmOptions {
  /** Links to leave out (those inside cycles). */
  skip?: Uint8Array;
  /** Nodes whose free float passes through to their predecessors (phase hubs). */
  transparent?: Uint8Array;
  /** Converts a time on link e's predecessor axis to its successor's (plans with different calendars). */
  forward?: (edge: number, time: number) => number;
  /** The inverse of `forward`. */
  backward?: (edge: number, time: number) => number;
  /** The earliest each node may start (work not done before a status date starts on it); 0 when not given. */
  release?: Float64Array;
}

export interface CpmResult {
  order: Int32Array;
  es: Float64Array;
  ef: Float64Array;
  ls: Float64Array;
  lf: Float64Array;
  totalFloat: Float64Array;
  freeFloat: Float64Array;
  /** Per link: the slack of the link in the early schedule (0 = driving). */
  slack: Float64Array;
  /** Per group: the project duration. */
  finish: Float64Array;
}

/** Builds the CSR indexes of a network from an edge list (for tests and generated graphs). */
export function network(
  durations: ArrayLike<number>,
  edges: Array<{ from: number; to: number; type?: number; lag?: number }>,
  planOf?: Int32Array,
): Network {
  const size = durations.length;
  const from = Int32Array.from(edges, (e) => e.from);
  const to = Int32Array.from(edges, (e) => e.to);
  const index = (key: Int32Array): [Int32Array, Int32Array] => {
    const start = new Int32Array(size + 1);
    for (const k of key) start[k + 1]! += 1;
    for (let i = 0; i < size; i++) start[i + 1]! += start[i]!;
    const fill = start.slice(0, size);
    const list = new Int32Array(key.length);
    key.forEach((k, e) => {
      list[fill[k]!++] = e;
    });
    return [start, list];
  };
  const [outStart, outEdges] = index(from);
  const [inStart, inEdges] = index(to);
  return {
    size,
    duration: Float64Array.from(durations),
    from,
    to,
    type: Uint8Array.from(edges, (e) => e.type ?? 0),
    lag: Float64Array.from(edges, (e) => e.lag ?? 0),
    outStart,
    outEdges,
    inStart,
    inEdges,
    planOf: planOf ?? new Int32Array(size),
  };
}

/** Kahn's algorithm over the links not skipped; lowest node index first among the ready. */
export function topologicalOrder(net: Network, skip?: Uint8Array): Int32Array {
  const { size, inStart, inEdges, outStart, outEdges, to } = net;
  const indegree = new Int32Array(size);
  for (let v = 0; v < size; v++) {
    for (let k = inStart[v]!; k < inStart[v + 1]!; k++) if (!skip?.[inEdges[k]!]) indegree[v]! += 1;
  }
  const order = new Int32Array(size);
  let tail = 0;
  for (let v = 0; v < size; v++) if (indegree[v] === 0) order[tail++] = v;
  for (let head = 0; head < tail; head++) {
    const v = order[head]!;
    for (let k = outStart[v]!; k < outStart[v + 1]!; k++) {
      const e = outEdges[k]!;
      if (skip?.[e]) continue;
      const w = to[e]!;
      indegree[w]! -= 1;
      if (indegree[w] === 0) order[tail++] = w;
    }
  }
  if (tail !== size) throw new Error(`the network has a cycle the caller did not skip (${size - tail} nodes left)`);
  return order;
}

export function cpm(net: Network, options: CpmOptions = {}): CpmResult {
  const { size, duration, from, to, type, lag, inStart, inEdges, outStart, outEdges, planOf } = net;
  const { skip, transparent, forward, backward, release } = options;
  const order = topologicalOrder(net, skip);
  const es = new Float64Array(size);
  const ef = new Float64Array(size);
  let groups = 0;
  for (let v = 0; v < size; v++) groups = Math.max(groups, planOf[v]! + 1);
  const finish = new Float64Array(groups);

  for (let k = 0; k < size; k++) {
    const j = order[k]!;
    const d = duration[j]!;
    let start = release ? Math.max(0, release[j]!) : 0;
    for (let p = inStart[j]!; p < inStart[j + 1]!; p++) {
      const e = inEdges[p]!;
      if (skip?.[e]) continue;
      const i = from[e]!;
      const t = type[e]!;
      let source = t === 0 || t === 2 ? ef[i]! : es[i]!;
      if (forward) source = forward(e, source);
      const bound = t < 2 ? source + lag[e]! : source + lag[e]! - d;
      if (bound > start) start = bound;
    }
    es[j] = start;
    ef[j] = start + d;
    const g = planOf[j]!;
    if (ef[j]! > finish[g]!) finish[g] = ef[j]!;
  }

  const ls = new Float64Array(size);
  const lf = new Float64Array(size);
  for (let k = size - 1; k >= 0; k--) {
    const i = order[k]!;
    const d = duration[i]!;
    let latest = finish[planOf[i]!]!;
    for (let p = outStart[i]!; p < outStart[i + 1]!; p++) {
      const e = outEdges[p]!;
      if (skip?.[e]) continue;
      const j = to[e]!;
      const t = type[e]!;
      let target = (t === 0 || t === 1 ? ls[j]! : lf[j]!) - lag[e]!;
      if (backward) target = backward(e, target);
      const bound = t === 0 || t === 2 ? target : target + d;
      if (bound < latest) latest = bound;
    }
    lf[i] = latest;
    ls[i] = latest - d;
  }

  const totalFloat = new Float64Array(size);
  const slack = new Float64Array(from.length);
  for (let e = 0; e < from.length; e++) {
    if (skip?.[e]) {
      slack[e] = Number.NaN;
      continue;
    }
    const i = from[e]!;
    const j = to[e]!;
    const t = type[e]!;
    let source = t === 0 || t === 2 ? ef[i]! : es[i]!;
    if (forward) source = forward(e, source);
    const target = t < 2 ? es[j]! : ef[j]!;
    slack[e] = target - source - lag[e]!;
  }
  // Free float in reverse topological order, so a transparent successor's is known first.
  const freeFloat = new Float64Array(size);
  for (let k = size - 1; k >= 0; k--) {
    const i = order[k]!;
    totalFloat[i] = ls[i]! - es[i]!;
    let least = Infinity;
    for (let p = outStart[i]!; p < outStart[i + 1]!; p++) {
      const e = outEdges[p]!;
      if (skip?.[e]) continue;
      const j = to[e]!;
      const value = slack[e]! + (transparent?.[j] ? freeFloat[j]! : 0);
      if (value < least) least = value;
    }
    // A delay beyond the total float would move the project's end, whatever the links say
    // (an SS or SF link leaves a task's finish unconstrained), so free float ≤ total float.
    freeFloat[i] = Math.min(least === Infinity ? finish[planOf[i]!]! - ef[i]! : least, totalFloat[i]!);
  }
  return { order, es, ef, ls, lf, totalFloat, freeFloat, slack, finish };
}
