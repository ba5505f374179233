// The dependency graph of every plan checked together. Nodes are tasks, milestones and
// rollout stages; an edge i → j says j waits for i. A dependency on a phase goes through a
// zero-duration hub node ("every task of the phase has finished" / "has started"), so a
// phase-to-phase dependency costs |A| + |B| edges instead of |A| × |B|, with the same
// schedule; hubs are transparent in every output. Arrays, not objects: the graph of a
// 100,000-task plan must build and schedule in well under a second.
import type { Location } from '../diagnostics/types.ts';
import type { Network } from './cpm.ts';
import type { Target, Project } from '../link/link.ts';
import { DEPENDENCY_TYPES, type DependencyType, type Milestone, type Phase, type Plan, type Reference, type RolloutStage, type Task } from '../model/plan.ts';

export type GraphNode =
  | { kind: 'task'; plan: Plan; task: Task }
  | { kind: 'milestone'; plan: Plan; milestone: Milestone }
  | { kind: 'stage'; plan: Plan; stage: RolloutStage }
  | { kind: 'hub'; plan: Plan; phase: Phase; side: 'S' | 'F' };

/** Each dependency type's number in the graph's `type` column (its place in DEPENDENCY_TYPES). */
const TYPE_CODE = Object.fromEntries(DEPENDENCY_TYPES.map((type, code) => [type, code])) as Record<DependencyType, number>;

export interface Graph extends Network {
  nodes: GraphNode[];
  /** Where each edge was written (undefined for a task's membership in its phase's hub). */
  origin: Array<Location | undefined>;
  /** Node index of each task, milestone and stage. */
  index: Map<Task | Milestone | RolloutStage, number>;
  /** 1 for phase hubs, which outputs look through. */
  hub: Uint8Array;
}

class GraphBuilder {
  readonly nodes: GraphNode[] = [];
  readonly index = new Map<Task | Milestone | RolloutStage, number>();
  readonly #hubs = new Map<Phase, [number, number]>();
  readonly #planIndex: Map<Plan, number>;
  // Edge columns in typed arrays that double as they fill: no boxed numbers for the
  // garbage collector to trace in a graph of a million dependencies.
  edges = 0;
  from = new Int32Array(1024);
  to = new Int32Array(1024);
  type = new Uint8Array(1024);
  lag = new Float64Array(1024);
  readonly origin: Array<Location | undefined> = [];

  constructor(plans: Plan[]) {
    this.#planIndex = new Map(plans.map((plan, i) => [plan, i]));
  }

  add(node: GraphNode, key?: Task | Milestone | RolloutStage): number {
    const id = this.nodes.length;
    this.nodes.push(node);
    if (key) this.index.set(key, id);
    return id;
  }

  edge(from: number, to: number, type: number, lag: number, origin: Location | undefined): void {
    if (this.edges === this.from.length) this.#grow();
    const e = this.edges++;
    this.from[e] = from;
    this.to[e] = to;
    this.type[e] = type;
    this.lag[e] = lag;
    this.origin.push(origin);
  }

  #grow(): void {
    const size = this.from.length * 2;
    const grown = <T extends Int32Array | Uint8Array | Float64Array>(array: T, make: (n: number) => T): T => {
      const next = make(size);
      next.set(array);
      return next;
    };
    this.from = grown(this.from, (n) => new Int32Array(n));
    this.to = grown(this.to, (n) => new Int32Array(n));
    this.type = grown(this.type, (n) => new Uint8Array(n));
    this.lag = grown(this.lag, (n) => new Float64Array(n));
  }

  /** The hub "all tasks of the phase have started" (S) or "… finished" (F). */
  hub(plan: Plan, phase: Phase, side: 'S' | 'F'): number {
    let hubs = this.#hubs.get(phase);
    if (!hubs) {
      hubs = [-1, -1];
      this.#hubs.set(phase, hubs);
    }
    const slot = side === 'S' ? 0 : 1;
    if (hubs[slot] === -1) {
      const id = this.add({ kind: 'hub', plan, phase, side });
      hubs[slot] = id;
      for (const task of phase.tasks) this.edge(this.index.get(task)!, id, side === 'S' ? TYPE_CODE.SS : TYPE_CODE.FS, 0, undefined);
    }
    return hubs[slot];
  }

  /**
   * The node a reference waits on and the link type to use from it, packed as node × 4 +
   * type (-1 when it names nothing schedulable): no object per dependency. For a phase, the
   * hub of the predecessor side of the dependency type, linked by "finish of hub" to the
   * successor side (the hub takes no time, so its start and finish coincide).
   */
  source(target: Target, type: DependencyType): number {
    const item = target.item;
    if (item.kind === 'phase') {
      const hub = this.hub(target.plan, item, type[0] as 'S' | 'F');
      return hub * 4 + (type[1] === 'S' ? TYPE_CODE.FS : TYPE_CODE.FF);
    }
    if (item.kind === 'task' || item.kind === 'milestone' || item.kind === 'stage') {
      const node = this.index.get(item);
      return node === undefined ? -1 : node * 4 + TYPE_CODE[type];
    }
    return -1;
  }

  /** An edge into `to` for a resolved reference, if it names something schedulable. */
  reference(ref: Reference & { type?: DependencyType; lag?: number }, to: number): void {
    const target = ref.target;
    if (target === undefined) return;
    const packed = this.source(target, ref.type ?? 'FS');
    if (packed >= 0) this.edge(packed >> 2, to, packed & 3, ref.lag ?? 0, ref.location);
  }

  build(): Graph {
    const n = this.nodes.length;
    const planOf = new Int32Array(n);
    const duration = new Float64Array(n);
    const hub = new Uint8Array(n);
    this.nodes.forEach((node, i) => {
      planOf[i] = this.#planIndex.get(node.plan)!;
      hub[i] = node.kind === 'hub' ? 1 : 0;
      duration[i] = node.kind === 'task' ? node.task.duration : node.kind === 'stage' ? node.stage.duration : 0;
    });
    const from = this.from.slice(0, this.edges);
    const to = this.to.slice(0, this.edges);
    const [outStart, outEdges] = csr(n, from);
    const [inStart, inEdges] = csr(n, to);
    return {
      size: n,
      nodes: this.nodes,
      hub,
      planOf,
      duration,
      from,
      to,
      type: this.type.slice(0, this.edges),
      lag: this.lag.slice(0, this.edges),
      origin: this.origin,
      outStart,
      outEdges,
      inStart,
      inEdges,
      index: this.index,
    };
  }
}

/** Edge ids grouped by `key[e]` (counting sort): offsets of length n + 1 and the ids. */
function csr(n: number, key: Int32Array): [Int32Array, Int32Array] {
  const start = new Int32Array(n + 1);
  for (let e = 0; e < key.length; e++) start[key[e]! + 1]! += 1;
  for (let i = 0; i < n; i++) start[i + 1]! += start[i]!;
  const fill = start.slice(0, n);
  const edges = new Int32Array(key.length);
  for (let e = 0; e < key.length; e++) edges[fill[key[e]!]!++] = e;
  return [start, edges];
}

export function buildGraph(project: Project): Graph {
  const builder = new GraphBuilder(project.plans);
  for (const plan of project.plans) {
    for (const phase of plan.phases) for (const task of phase.tasks) builder.add({ kind: 'task', plan, task }, task);
    for (const milestone of plan.milestones) builder.add({ kind: 'milestone', plan, milestone }, milestone);
    for (const stage of plan.rollout?.stages ?? []) builder.add({ kind: 'stage', plan, stage }, stage);
  }

  for (const plan of project.plans) {
    for (const phase of plan.phases) {
      for (const task of phase.tasks) {
        const node = builder.index.get(task)!;
        for (const dependency of phase.dependsOn) builder.reference(dependency, node);
        for (const dependency of task.dependsOn) builder.reference(dependency, node);
      }
    }
    for (const milestone of plan.milestones) {
      const node = builder.index.get(milestone)!;
      for (const ref of milestone.after) builder.reference(ref, node);
    }
    const stages = plan.rollout?.stages ?? [];
    stages.forEach((stage, i) => {
      if (i > 0) builder.edge(builder.index.get(stages[i - 1]!)!, builder.index.get(stage)!, TYPE_CODE.FS, 0, stage.location);
    });
    if (stages.length > 0 && plan.rollout?.after) {
      const first = builder.index.get(stages[0]!)!;
      for (const ref of plan.rollout.after) builder.reference(ref, first);
    }
  }

  // A rollout without `after` follows every task of its plan that does not itself wait,
  // directly or not, for one of the plan's rollout stages (cleanup after 100 % does).
  // Reachability uses the dependencies written in the plans, before these edges are added.
  // Only the last items of that work get an edge: an item with a finish-to-start successor
  // (lag ≥ 0) in the same work finishes no later than that successor, so its own edge would
  // change neither the schedule nor any float — and a 50-task plan needs a handful, not 50.
  const pending = project.plans.filter((plan) => (plan.rollout?.stages.length ?? 0) > 0 && !plan.rollout?.after);
  if (pending.length > 0) {
    const successors = adjacency(builder);
    for (const plan of pending) {
      const stages = plan.rollout!.stages;
      const downstream = reachable(successors, stages.map((stage) => builder.index.get(stage)!), (edge) => builder.to[edge]!);
      const first = builder.index.get(stages[0]!)!;
      const work = new Set<number>();
      for (const phase of plan.phases) {
        for (const task of phase.tasks) {
          const node = builder.index.get(task)!;
          if (!downstream.has(node)) work.add(node);
        }
      }
      // Hubs and milestones reached from that work are part of it too.
      for (const node of [...work]) {
        for (const edge of successors[node] ?? []) {
          const next = builder.to[edge]!;
          if (!downstream.has(next) && builder.nodes[next]!.plan === plan && builder.nodes[next]!.kind !== 'stage') work.add(next);
        }
      }
      for (const node of work) {
        const implied = (successors[node] ?? []).some(
          (edge) => builder.type[edge] === TYPE_CODE.FS && builder.lag[edge]! >= 0 && work.has(builder.to[edge]!),
        );
        if (!implied) builder.edge(node, first, TYPE_CODE.FS, 0, plan.rollout!.location);
      }
    }
  }
  return builder.build();
}

/** Outgoing edge ids of every node, for the edges added so far. */
function adjacency(builder: GraphBuilder): number[][] {
  const successors: number[][] = Array.from({ length: builder.nodes.length }, () => []);
  for (let e = 0; e < builder.edges; e++) successors[builder.from[e]!]!.push(e);
  return successors;
}

/** Nodes reachable from `starts`. */
function reachable(successors: number[][], starts: number[], to: (edge: number) => number = (edge) => edge): Set<number> {
  const seen = new Set(starts);
  const stack = [...starts];
  while (stack.length > 0) {
    for (const edge of successors[stack.pop()!] ?? []) {
      const next = to(edge);
      if (!seen.has(next)) {
        seen.add(next);
        stack.push(next);
      }
    }
  }
  return seen;
}

/** A node's name in messages: its id, qualified by plan when the context spans plans. */
export function nodeName(node: GraphNode, qualify: boolean): string {
  const id =
    node.kind === 'task'
      ? node.task.id
      : node.kind === 'milestone'
        ? node.milestone.id
        : node.kind === 'stage'
          ? node.stage.id
          : node.phase.id;
  return qualify ? `${node.plan.id}#${id}` : id;
}

/**
 * The tasks and rollout stages a node waits for directly, looking through phase hubs and
 * milestones (which stand for the work behind them): `visit` is called once for each, and
 * the walk stops when it returns false.
 */
export function upstreamWork(graph: Graph, v: number, visit: (node: Extract<GraphNode, { kind: 'task' | 'stage' }>) => boolean): void {
  const stack = [v];
  const seen = new Set<number>([v]);
  while (stack.length > 0) {
    const w = stack.pop()!;
    for (let p = graph.inStart[w]!; p < graph.inStart[w + 1]!; p++) {
      const u = graph.from[graph.inEdges[p]!]!;
      if (seen.has(u)) continue;
      seen.add(u);
      const node = graph.nodes[u]!;
      if (node.kind === 'hub' || node.kind === 'milestone') stack.push(u);
      else if (!visit(node)) return;
    }
  }
}
