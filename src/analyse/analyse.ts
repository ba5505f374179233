// Analyse: the dependency graph of every plan, its cycles, the schedule (CPM, PERT, Monte
// Carlo, calendar dates), rollback coverage, and then the rules, each in its own file.
import type { Config } from '../config/config.ts';
import { dependencyCycle } from '../diagnostics/catalogue.ts';
import type { Diagnostics } from '../diagnostics/sink.ts';
import type { Project } from '../link/link.ts';
import { allTasks, taskProgress, type Plan, type ThreePointEstimate } from '../model/plan.ts';
import { percentOf } from '../util/numbers.ts';
import { pertSigma } from '../model/estimate.ts';
import { rateRisks } from '../model/risks.ts';
import { hashText } from './random.ts';
import { WorkCalendar } from './calendar.ts';
import { rollbackCoverage } from './coverage.ts';
import { EPSILON } from '../util/duration.ts';
import { cpm, type CpmResult } from './cpm.ts';
import { findCycles, MAX_CYCLES_PER_COMPONENT } from './cycles.ts';
import { buildGraph, nodeName, type Graph } from './graph.ts';
import { rules } from './rules/index.ts';
import { milestonesReached, planSchedule, type Variance } from './schedule.ts';
import { simulate, type SimulationResult } from './simulate.ts';
import { forecastInputs, statusOffsets, type ForecastInputs } from './tracking.ts';
import type { AnalysedNetwork, PlanAnalysis } from './types.ts';

export interface AnalyseOptions {
  /** Run the Monte Carlo simulation (for plan.json; `check` does not need it). */
  simulate: boolean;
}

/** Every plan's analysis. */
export interface ProjectAnalysis {
  plans: Map<Plan, PlanAnalysis>;
}

/**
 * Analyses plans linked together (a part of the repository that no reference leaves: the
 * plans scheduled in one network). Plans that no reference joins are analysed apart, with
 * the same results as together.
 */
export function analyse(project: Project, config: Config, diagnostics: Diagnostics, options: AnalyseOptions): ProjectAnalysis {
  const graph = buildGraph(project);
  const { cyclicEdge, cycles, component, more } = findCycles(graph);
  const fileOrder = new Map(project.plans.map((plan, i) => [plan.file, i]));
  cycles.forEach((cycle, index) => reportCycle(graph, cycle, fileOrder, diagnostics, more.get(index)));

  const calendars = project.plans.map((plan) => (plan.start ? new WorkCalendar(plan.calendar, plan.start) : undefined));
  const convert = converters(graph, calendars);
  const scheduling = { skip: cyclicEdge, transparent: graph.hub, forward: convert.forward, backward: convert.backward };
  const baseline = cpm(graph, scheduling);
  const reached = milestonesReached(graph);
  // With a status date, the network is scheduled again from what is done (tracking.ts):
  // that forecast is the schedule every output reads; the baseline is what was planned.
  const tracking = config.statusDate && calendars.some(Boolean)
    ? forecastInputs(graph, baseline, statusOffsets(calendars, config.statusDate), cyclicEdge, reached)
    : undefined;
  const net: Graph = tracking ? { ...graph, duration: tracking.duration } : graph;
  const result = tracking ? cpm(net, { ...scheduling, skip: tracking.skip, release: tracking.release }) : baseline;
  const skip = tracking?.skip ?? cyclicEdge;
  const network = analysedNetwork(net, result, skip);
  const variance = pertVariance(net, result, network.driving, tracking);
  const simulated = options.simulate ? simulateAll(net, result, skip, config, convert, project.plans, tracking) : undefined;

  const inCycle = new Set<number>();
  graph.nodes.forEach((_, v) => {
    if (component[v] !== -1) inCycle.add(graph.planOf[v]!);
  });
  const nodesOf = project.plans.map(() => [] as number[]);
  for (const v of result.order) nodesOf[graph.planOf[v]!]!.push(v);

  const plans = new Map<Plan, PlanAnalysis>();
  project.plans.forEach((plan, p) => {
    const analysis: PlanAnalysis = {
      plan,
      network,
      coverage: rollbackCoverage(plan),
      progress: progress(plan),
      risks: rateRisks(plan),
    };
    if (!inCycle.has(p)) {
      analysis.schedule = planSchedule({
        plan,
        planIndex: p,
        graph,
        cpm: result,
        nodes: nodesOf[p]!,
        network,
        calendar: calendars[p],
        variance,
        nearCritical: config.schedule.nearCritical,
        simulation: simulated,
        config,
        reached,
        ...(tracking && calendars[p] ? { tracking: { inputs: tracking, baseline, statusDate: config.statusDate! } } : {}),
      });
    }
    plans.set(plan, analysis);
  });

  for (const plan of project.plans) {
    for (const rule of rules) rule.run({ plan, analysis: plans.get(plan)!, project, graph, config, diagnostics });
  }
  return { plans };
}

/** Work done and work in all, in working days (cancelled tasks take none; part of a task counts by its `progress`). */
function progress(plan: Plan): PlanAnalysis['progress'] {
  let done = 0;
  let total = 0;
  for (const task of allTasks(plan)) {
    if (task.status === 'cancelled') continue;
    total += task.duration;
    done += task.duration * taskProgress(task);
  }
  return { done, total, percent: percentOf(done, total, 0) };
}

/** Which nodes and links of the schedule are critical: worked out once, read by every output. */
function analysedNetwork(graph: Graph, result: CpmResult, skip: Uint8Array): AnalysedNetwork {
  const critical = new Uint8Array(graph.size);
  for (let v = 0; v < graph.size; v++) critical[v] = result.totalFloat[v]! <= EPSILON ? 1 : 0;
  const edges = graph.from.length;
  const driving = new Uint8Array(edges);
  const criticalLinks = new Uint8Array(edges);
  for (let e = 0; e < edges; e++) {
    if (skip[e] || result.slack[e]! > EPSILON) continue;
    driving[e] = 1;
    criticalLinks[e] = critical[graph.from[e]!]! & critical[graph.to[e]!]!;
  }
  return { graph, cpm: result, critical, driving, criticalLinks };
}

function reportCycle(graph: Graph, cycle: number[], fileOrder: Map<string, number>, diagnostics: Diagnostics, more?: number): void {
  const k = cycle.length;
  // Start where the earliest written dependency of the cycle is, so the report is stable.
  let first = -1;
  for (let q = 0; q < k; q++) {
    const origin = graph.origin[cycle[q]!];
    if (!origin) continue;
    const best = first === -1 ? undefined : graph.origin[cycle[first]!]!;
    if (
      !best ||
      (fileOrder.get(origin.file) ?? 0) - (fileOrder.get(best.file) ?? 0) < 0 ||
      ((fileOrder.get(origin.file) ?? 0) === (fileOrder.get(best.file) ?? 0) && origin.span.start < best.span.start)
    ) {
      first = q;
    }
  }
  if (first === -1) return;
  const plans = new Set(cycle.map((e) => graph.planOf[graph.from[e]!]!));
  const qualify = plans.size > 1;
  const name = (v: number) => {
    const node = graph.nodes[v]!;
    return node.kind === 'hub' ? `${nodeName(node, qualify)} (phase)` : nodeName(node, qualify);
  };
  // Precedence: from[e_q] → to[e_q]. Shown in the direction people write: x → what x depends on.
  const path: string[] = [name(graph.to[cycle[first]!]!)];
  const related = [];
  for (let step = 0; step < k; step++) {
    const e = cycle[(first - step + k) % k]!;
    path.push(name(graph.from[e]!));
    const origin = graph.origin[e];
    if (step > 0 && origin) {
      related.push({
        message: `\`${name(graph.to[e]!)}\` depends on \`${name(graph.from[e]!)}\` here`,
        location: origin,
      });
    }
  }
  diagnostics.report(dependencyCycle, { path, ...(more ? { more: { dependencies: more, shown: MAX_CYCLES_PER_COMPONENT } } : {}) }, graph.origin[cycle[first]!]!, related);
}

/** Converters between the working-day axes of plans with different calendars. */
interface Converters {
  crossing?: Uint8Array;
  forward?: (e: number, t: number) => number;
  backward?: (e: number, t: number) => number;
}

function converters(graph: Graph, calendars: Array<WorkCalendar | undefined>): Converters {
  const crossing = new Uint8Array(graph.from.length);
  let any = false;
  for (let e = 0; e < graph.from.length; e++) {
    const a = graph.planOf[graph.from[e]!]!;
    const b = graph.planOf[graph.to[e]!]!;
    if (a !== b && calendars[a] && calendars[b]) {
      crossing[e] = 1;
      any = true;
    }
  }
  if (!any) return {};
  const calendarsOf = (e: number) => [calendars[graph.planOf[graph.from[e]!]!]!, calendars[graph.planOf[graph.to[e]!]!]!] as const;
  return {
    crossing,
    forward: (e, t) => {
      if (!crossing[e]) return t;
      const [from, to] = calendarsOf(e);
      return to.fromTime(from.toTime(t));
    },
    backward: (e, t) => {
      if (!crossing[e]) return t;
      const [from, to] = calendarsOf(e);
      return from.fromTime(to.toTime(t));
    },
  };
}

/**
 * A task's three-point estimate, if its length is still uncertain: work done (or
 * cancelled) keeps its place and its length. With a status date, a task under way is
 * uncertain in the part of it not done: its estimate scaled to that part, after the time
 * it has run.
 */
function uncertainEstimate(node: Graph['nodes'][number], v: number, tracking: ForecastInputs | undefined): (ThreePointEstimate & { elapsed?: number }) | undefined {
  if (node.kind !== 'task' || node.task.status === 'done' || node.task.status === 'cancelled') return undefined;
  const estimate = node.task.estimate;
  if (!estimate || !tracking?.pinned[v]) return estimate;
  const rest = 1 - tracking.done[v]!;
  const elapsed = Math.max(0, tracking.statusOffset[v]!) - tracking.release[v]!;
  return { ...estimate, optimistic: estimate.optimistic * rest, likely: estimate.likely * rest, pessimistic: estimate.pessimistic * rest, elapsed };
}

/**
 * PERT variance along the driving chain into each node: σ² of its own estimate plus the
 * largest of its driving predecessors' (the chain the normal approximation follows).
 */
function pertVariance(graph: Graph, result: CpmResult, driving: Uint8Array, tracking: ForecastInputs | undefined): Variance {
  const own = new Float64Array(graph.size);
  const chain = new Float64Array(graph.size);
  graph.nodes.forEach((node, v) => {
    const estimate = uncertainEstimate(node, v, tracking);
    if (estimate) own[v] = pertSigma(estimate.optimistic, estimate.pessimistic) ** 2;
  });
  for (const v of result.order) {
    let best = 0;
    for (let p = graph.inStart[v]!; p < graph.inStart[v + 1]!; p++) {
      const e = graph.inEdges[p]!;
      if (driving[e]) best = Math.max(best, chain[graph.from[e]!]!);
    }
    chain[v] = own[v]! + best;
  }
  return { own, chain };
}

/**
 * Monte Carlo over every plan holding a three-point estimate. A plan's finish is the latest
 * finish of all its items, so the parts simulated together are whole plans: the plans
 * joined by links between them (`other-plan#id`), each simulated with every item in it,
 * fixed durations included. The seed mixes the config seed with the part's plan ids, so a
 * plan's figures do not change when an unrelated plan is added.
 */
function simulateAll(
  graph: Graph,
  result: CpmResult,
  skip: Uint8Array,
  config: Config,
  convert: Converters,
  plans: Plan[],
  tracking: ForecastInputs | undefined,
): SimulationResult | undefined {
  // Union-find over plans: two plans are in one part when a link joins them.
  const parent = Int32Array.from({ length: plans.length }, (_, i) => i);
  const root = (p: number): number => {
    while (parent[p] !== p) {
      parent[p] = parent[parent[p]!]!;
      p = parent[p]!;
    }
    return p;
  };
  for (let e = 0; e < graph.from.length; e++) {
    if (!skip[e]) parent[root(graph.planOf[graph.from[e]!]!)] = root(graph.planOf[graph.to[e]!]!);
  }
  const estimated: Array<{ node: number; key: string; estimate: ThreePointEstimate & { elapsed?: number } }> = [];
  graph.nodes.forEach((node, v) => {
    const estimate = uncertainEstimate(node, v, tracking);
    if (estimate && node.kind === 'task') {
      estimated.push({ node: v, key: `${node.plan.id}#${node.task.id}`, estimate });
    }
  });
  if (estimated.length === 0) return undefined;
  // Each run draws the estimates in the order of their plan and item ids, not in the order
  // they are written: moving a task in its file does not change the figures.
  estimated.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const parts = new Map<number, { nodes: number[]; estimates: Map<number, ThreePointEstimate & { elapsed?: number }> }>();
  for (const { node, estimate } of estimated) {
    const r = root(graph.planOf[node]!);
    let part = parts.get(r);
    if (!part) parts.set(r, (part = { nodes: [], estimates: new Map() }));
    part.estimates.set(node, estimate);
  }
  for (const v of result.order) parts.get(root(graph.planOf[v]!))?.nodes.push(v);
  const merged: SimulationResult = { finishes: new Map(), criticality: new Map(), watched: new Map() };
  for (const { nodes, estimates } of parts.values()) {
    const planIds = [...new Set(nodes.map((v) => plans[graph.planOf[v]!]!.id))].sort();
    const watch = nodes.filter((v) => {
      const node = graph.nodes[v]!;
      return node.kind === 'milestone' && node.milestone.due !== undefined;
    });
    const part = simulate({
      net: graph,
      nodes: Int32Array.from(nodes),
      skip,
      estimates,
      runs: config.simulation.runs,
      seed: hashText(planIds.join(','), config.simulation.seed >>> 0),
      watch,
      ...convert,
      ...(tracking ? { release: tracking.release } : {}),
    });
    // Parts hold whole plans and no node twice, so nothing here is overwritten.
    part.finishes.forEach((value, key) => merged.finishes.set(key, value));
    part.criticality.forEach((value, key) => merged.criticality.set(key, value));
    part.watched.forEach((value, key) => merged.watched.set(key, value));
  }
  return merged;
}
