// One plan's schedule, read off the network-wide CPM result: timings and dates, phases,
// milestones (slip, PERT and simulated chances), critical chains, near-critical tasks,
// peak parallelism, PERT and Monte Carlo figures.
import type { Config } from '../config/config.ts';
import { allTasks, type Milestone, type Phase, type Plan, type RolloutStage, type Task } from '../model/plan.ts';
import { epochDay } from '../util/dates.ts';
import { EPSILON, roundDays } from '../util/duration.ts';
import { finishIndex, startIndex, type WorkCalendar } from './calendar.ts';
import type { CpmResult } from './cpm.ts';
import { nodeName, upstreamWork, type Graph } from './graph.ts';
import { probabilityBy } from './pert.ts';
import { percentile, shareAtOrBelow, type SimulationResult } from './simulate.ts';
import type { ForecastInputs } from './tracking.ts';
import { ownerWorkloads, type OwnerWorkload } from './workload.ts';
import type { AnalysedNetwork, MilestoneStatus, PhaseTiming, PlannedTiming, PlanSchedule, StatusView, Timing } from './types.ts';

export interface Variance {
  /** σ² of each node's own estimate. */
  own: Float64Array;
  /** σ² along the driving chain into each node. */
  chain: Float64Array;
}

export interface ScheduleInput {
  plan: Plan;
  planIndex: number;
  graph: Graph;
  cpm: CpmResult;
  /** The plan's nodes in topological order. */
  nodes: number[];
  network: AnalysedNetwork;
  calendar: WorkCalendar | undefined;
  variance: Variance;
  nearCritical: number;
  simulation: SimulationResult | undefined;
  config: Config;
  /** With a status date: the forecast's inputs, the baseline schedule it came from, and the date. */
  tracking?: { inputs: ForecastInputs; baseline: CpmResult; statusDate: string };
  /** Whether milestone node v is reached (milestonesReached: walked once, shared with the forecast). */
  reached: (v: number) => boolean;
}

const MAX_CHAINS = 20;

export function planSchedule(input: ScheduleInput): PlanSchedule {
  const { plan, planIndex, graph, cpm, nodes, calendar, variance, simulation } = input;
  const duration = roundDays(cpm.finish[planIndex] ?? 0);
  const hasEstimates = plan.phases.some((phase) => phase.tasks.some((task) => task.estimate));

  const nearCritical: string[] = [];
  for (const v of nodes) {
    const float = cpm.totalFloat[v]!;
    if (!graph.hub[v] && float > EPSILON && float < input.nearCritical) nearCritical.push(nodeName(graph.nodes[v]!, false));
  }
  // The per-item timings are objects with dates: only outputs need them, so they are made
  // on first use (a check of 100,000 tasks never pays for them).
  let timings: Map<Task | Milestone | RolloutStage, Timing> | undefined;
  let phases: Map<Phase, PhaseTiming> | undefined;
  const timingsOf = () => (timings ??= itemTimings(input, schedule.status));
  const phasesOf = () => (phases ??= phaseTimings(plan, timingsOf(), calendar));
  let workload: OwnerWorkload[] | undefined;

  const milestones = new Map<Milestone, MilestoneStatus>();
  for (const milestone of plan.milestones) {
    const v = graph.index.get(milestone)!;
    // A milestone takes no time: it is reached at the end of the day its offset completes.
    const at = roundDays(cpm.ef[v]!);
    const status: MilestoneStatus = { at, day: finishIndex(at) + 1, reached: input.reached(v) };
    if (calendar) status.date = calendar.finishDate(at);
    if (input.tracking) {
      const planned = roundDays(input.tracking.baseline.ef[v]!);
      status.planned = { at: planned, day: finishIndex(planned) + 1, ...(calendar ? { date: calendar.finishDate(planned) } : {}) };
      if (milestone.due) status.overdue = !status.reached && milestone.due < input.tracking.statusDate;
    }
    if (milestone.due) {
      status.due = milestone.due;
      if (calendar) {
        if (status.date! > milestone.due) status.slip = calendar.workdaysBetween(milestone.due, status.date!);
        const deadline = calendar.endOfDay(milestone.due);
        if (variance.chain[v]! > 0) status.probability = roundDays(probabilityBy(deadline, cpm.ef[v]!, Math.sqrt(variance.chain[v]!)));
        const samples = simulation?.watched.get(v);
        if (samples) status.simulatedProbability = roundDays(shareAtOrBelow(samples, deadline));
      }
    }
    milestones.set(milestone, status);
  }

  const chains = criticalChains(graph, input.network, nodes, planIndex);
  const criticalPaths = chains.map((chain) => chain.map((v) => nodeName(graph.nodes[v]!, graph.planOf[v] !== planIndex)));
  const schedule: PlanSchedule = {
    duration,
    ...(calendar ? { start: calendar.startDate(0), finish: calendar.finishDate(Math.max(duration, 0)) } : {}),
    get timings() {
      return timingsOf();
    },
    get phases() {
      return phasesOf();
    },
    get workload() {
      return (workload ??= ownerWorkloads(plan, graph, cpm, input.config, calendar));
    },
    milestones,
    criticalPath: criticalPaths[0] ?? [],
    criticalPaths,
    nearCritical,
    peakParallelism: peak(graph, cpm, nodes, calendar),
    ...(calendar ? { calendar } : {}),
  };
  if (input.tracking && calendar) schedule.status = statusView(input, calendar, milestones, duration);
  if (hasEstimates) {
    const ends = chains.map((chain) => chain.at(-1)!);
    const sigma = Math.sqrt(Math.max(0, ...ends.map((v) => variance.chain[v]!)));
    schedule.pert = { expected: duration, sigma: roundDays(sigma) };
  }
  const finishes = simulation?.finishes.get(planIndex);
  if (finishes && hasEstimates) {
    const [p50, p80, p95] = [50, 80, 95].map((p) => roundDays(percentile(finishes, p))) as [number, number, number];
    schedule.monteCarlo = {
      runs: input.config.simulation.runs,
      seed: input.config.simulation.seed,
      p50,
      p80,
      p95,
      ...(calendar
        ? { p50Date: calendar.finishDate(p50), p80Date: calendar.finishDate(p80), p95Date: calendar.finishDate(p95) }
        : {}),
    };
  }
  return schedule;
}

function itemTimings(input: ScheduleInput, status: StatusView | undefined): Map<Task | Milestone | RolloutStage, Timing> {
  const { graph, cpm, nodes, calendar, variance, simulation } = input;
  const timings = new Map<Task | Milestone | RolloutStage, Timing>();
  for (const v of nodes) {
    const node = graph.nodes[v]!;
    if (node.kind === 'hub') continue;
    const key = node.kind === 'task' ? node.task : node.kind === 'milestone' ? node.milestone : node.stage;
    const es = roundDays(cpm.es[v]!);
    const ef = roundDays(cpm.ef[v]!);
    const float = cpm.totalFloat[v]!;
    // A zero-length item sits where a finish at its offset would: at the end of the day before.
    const zero = graph.duration[v]! <= EPSILON;
    const first = zero ? finishIndex(es) : startIndex(es);
    const last = zero ? first : finishIndex(ef);
    const criticality = simulation?.criticality.get(v);
    const tracking = input.tracking;
    // A late task's place in the plan as written was found by the status view: the same object.
    const planned = tracking ? (status?.late.get(key as Task)?.planned ?? placement(tracking.baseline, v, zero, calendar)) : undefined;
    // Every field set at once: one object shape for a hundred thousand timings.
    timings.set(key, {
      es,
      ef,
      ls: roundDays(cpm.ls[v]!),
      lf: roundDays(cpm.lf[v]!),
      totalFloat: roundDays(float),
      freeFloat: roundDays(cpm.freeFloat[v]!),
      critical: input.network.critical[v] === 1,
      nearCritical: float > EPSILON && float < input.nearCritical,
      start: calendar?.dateOf(first),
      finish: calendar?.dateOf(last),
      startDay: first + 1,
      finishDay: last + 1,
      sigma: node.kind === 'task' && node.task.estimate ? roundDays(Math.sqrt(variance.own[v]!)) : undefined,
      criticality: criticality === undefined ? undefined : roundDays(criticality),
      planned,
      late: tracking && planned && node.kind === 'task' ? lateness(node.task, planned.es, planned.ef, tracking.inputs.statusOffset[v]!) : undefined,
    });
  }
  return timings;
}

/** Where a schedule (the baseline, or the forecast) puts node v; `zero` for an item that takes no time. */
function placement(result: CpmResult, v: number, zero: boolean, calendar: WorkCalendar | undefined): PlannedTiming {
  const es = roundDays(result.es[v]!);
  const ef = roundDays(result.ef[v]!);
  const first = zero ? finishIndex(es) : startIndex(es);
  const last = zero ? first : finishIndex(ef);
  return { es, ef, start: calendar?.dateOf(first), finish: calendar?.dateOf(last), startDay: first + 1, finishDay: last + 1 };
}

/**
 * Whether a task is late on the status date (offset `s`, the start of that day): it should
 * have finished (planned to end by then) and is not done, or should have started and is
 * still to do or blocked. Cancelled tasks are never late.
 */
function lateness(task: Task, es: number, ef: number, s: number): Timing['late'] {
  if (task.status === 'done' || task.status === 'cancelled') return undefined;
  if (ef <= s + EPSILON) return 'finish';
  if ((task.status === 'todo' || task.status === 'blocked') && es < s - EPSILON) return 'start';
  return undefined;
}

/**
 * The plan judged on the status date: its baseline's span and the late items, in plan
 * order, each placed by the baseline and the forecast (read off the arrays: no timings
 * needed, so a check with a status date never builds them).
 */
function statusView(input: ScheduleInput, calendar: WorkCalendar, milestones: Map<Milestone, MilestoneStatus>, forecast: number): StatusView {
  const { plan, planIndex, graph, cpm } = input;
  const tracking = input.tracking!;
  const duration = roundDays(tracking.baseline.finish[planIndex] ?? 0);
  const view: StatusView = {
    date: tracking.statusDate,
    offset: calendar.workdaysBefore(epochDay(tracking.statusDate)),
    planned: { duration, start: calendar.startDate(0), finish: calendar.finishDate(Math.max(duration, 0)) },
    slip: roundDays(forecast - duration),
    notStarted: [],
    overdue: [],
    late: new Map(),
    overdueMilestones: plan.milestones.filter((milestone) => milestones.get(milestone)?.overdue),
  };
  for (const task of allTasks(plan)) {
    const v = graph.index.get(task)!;
    const late = lateness(task, roundDays(tracking.baseline.es[v]!), roundDays(tracking.baseline.ef[v]!), tracking.inputs.statusOffset[v]!);
    if (!late) continue;
    (late === 'start' ? view.notStarted : view.overdue).push(task);
    const zero = graph.duration[v]! <= EPSILON;
    const planned = placement(tracking.baseline, v, zero, calendar);
    const forecast = placement(cpm, v, zero, calendar);
    view.late.set(task, { late, planned, forecast: { start: forecast.start!, finish: forecast.finish! } });
  }
  return view;
}

function phaseTimings(plan: Plan, timings: Map<Task | Milestone | RolloutStage, Timing>, calendar: WorkCalendar | undefined): Map<Phase, PhaseTiming> {
  const phases = new Map<Phase, PhaseTiming>();
  for (const phase of plan.phases) {
    let es = Infinity;
    let ef = -Infinity;
    for (const task of phase.tasks) {
      const timing = timings.get(task)!;
      es = Math.min(es, timing.es);
      ef = Math.max(ef, timing.ef);
    }
    const first = startIndex(es);
    const last = Math.max(first, finishIndex(ef));
    phases.set(phase, {
      es,
      ef,
      ...(calendar ? { start: calendar.dateOf(first), finish: calendar.dateOf(last) } : {}),
      startDay: first + 1,
      finishDay: last + 1,
    });
  }
  return phases;
}

/**
 * Whether each milestone of the network is reached, each worked out when first asked and
 * kept: with a status date the forecast (which pins reached milestones) and the plan's
 * schedule both ask, and the walk upstream is done once.
 */
export function milestonesReached(graph: Graph): (v: number) => boolean {
  // 0: not asked yet, 1: reached, 2: not reached.
  const known = new Uint8Array(graph.size);
  return (v) => {
    if (known[v] === 0) known[v] = predecessorsDone(graph, v) ? 1 : 2;
    return known[v] === 1;
  };
}

/** A milestone is reached when every task upstream of it (through hubs) is done. */
function predecessorsDone(graph: Graph, v: number): boolean {
  let any = false;
  let done = true;
  upstreamWork(graph, v, (node) => {
    any ||= node.kind === 'task';
    done = node.kind === 'task' && (node.task.status === 'done' || node.task.status === 'cancelled');
    return done;
  });
  return done && any;
}

/**
 * The chains of critical items: start at a critical item with no driving critical
 * predecessor in the plan, follow driving links (looking through phase hubs). Items are
 * tried in file order, so the first chain is stable.
 */
function criticalChains(graph: Graph, network: AnalysedNetwork, nodes: number[], planIndex: number): number[][] {
  const critical = (v: number) => network.critical[v] === 1;
  const successors = (v: number): number[] => {
    const result = new Set<number>();
    const visit = (u: number) => {
      for (let p = graph.outStart[u]!; p < graph.outStart[u + 1]!; p++) {
        const e = graph.outEdges[p]!;
        if (!network.criticalLinks[e]) continue;
        const w = graph.to[e]!;
        if (graph.hub[w]) visit(w);
        else if (graph.planOf[w] === planIndex) result.add(w);
      }
    };
    visit(v);
    return [...result].sort((a, b) => a - b);
  };
  const members = nodes.filter((v) => !graph.hub[v] && critical(v)).sort((a, b) => a - b);
  const next = new Map(members.map((v) => [v, successors(v)]));
  const hasPredecessor = new Set<number>();
  for (const list of next.values()) for (const w of list) hasPredecessor.add(w);
  // Depth-first, iteratively (a serial plan of 100,000 tasks is one long chain); driving
  // links form a DAG, so a path never revisits an item.
  const chains: number[][] = [];
  for (const start of members) {
    if (hasPredecessor.has(start)) continue;
    const path: number[] = [];
    const stack: Array<{ node: number; next: number }> = [{ node: start, next: 0 }];
    path.push(start);
    while (stack.length > 0 && chains.length < MAX_CHAINS) {
      const top = stack.at(-1)!;
      const after = next.get(top.node) ?? [];
      if (after.length === 0 && top.next === 0) {
        chains.push([...path]);
        top.next = 1;
      }
      if (top.next < after.length) {
        const w = after[top.next++]!;
        stack.push({ node: w, next: 0 });
        path.push(w);
      } else if (top.next >= after.length) {
        stack.pop();
        path.pop();
      }
    }
    if (chains.length >= MAX_CHAINS) break;
  }
  return chains;
}

/** The most tasks that run at the same moment in the early schedule. */
function peak(graph: Graph, cpm: CpmResult, nodes: number[], calendar: WorkCalendar | undefined): PlanSchedule['peakParallelism'] {
  const tasks = nodes.filter((v) => graph.nodes[v]!.kind === 'task' && graph.duration[v]! > EPSILON);
  const starts = Float64Array.from(tasks, (v) => cpm.es[v]!).sort();
  const ends = Float64Array.from(tasks, (v) => cpm.ef[v]!).sort();
  // Sweep: at equal times ends come first, so back-to-back tasks do not overlap.
  let active = 0;
  let best = 0;
  let at = 0;
  for (let i = 0, j = 0; i < starts.length; ) {
    if (j < ends.length && ends[j]! <= starts[i]! + EPSILON) {
      active -= 1;
      j += 1;
    } else {
      active += 1;
      if (active > best) {
        best = active;
        at = starts[i]!;
      }
      i += 1;
    }
  }
  const ids = tasks
    .filter((v) => cpm.es[v]! <= at + EPSILON && cpm.ef[v]! > at + EPSILON)
    .sort((a, b) => a - b)
    .map((v) => nodeName(graph.nodes[v]!, false));
  return { tasks: best, at: roundDays(at), ...(calendar ? { date: calendar.startDate(at) } : {}), ids };
}
