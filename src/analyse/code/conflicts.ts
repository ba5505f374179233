// Conflict risk: two tasks the schedule lets run at the same time — their scheduled windows
// overlap and neither waits for the other, directly or through other items — that change
// the same files. Within a plan (and between plans scheduled in one network without
// dates) windows are compared in working days; between plans, by their dates.
import { conflictRisk } from '../../diagnostics/catalogue.ts';
import type { Diagnostics } from '../../diagnostics/sink.ts';
import type { Plan, Task } from '../../model/plan.ts';
import { EPSILON } from '../../util/duration.ts';
import { finishLabel, startLabel } from '../calendar.ts';
import type { Graph } from '../graph.ts';
import type { PlanAnalysis } from '../types.ts';
import type { TaskCode } from './types.ts';

/** How many shared files a finding names (the rest are counted). */
const FILES_SHOWN = 3;

interface Entry {
  plan: Plan;
  task: Task;
  analysis: PlanAnalysis;
  node: number;
  es: number;
  ef: number;
  start?: string;
  finish?: string;
  /** What it changes and will create, sorted. */
  paths: readonly string[];
  /** Its window on a coarse axis shared with the entries it can be compared with: days for dated plans, working days per network without dates. */
  axis: unknown;
  from: number;
  to: number;
}

const DAY = 86_400_000;

/** Reports every pair of tasks at risk of conflicting; `plans` in file order, each with its analysis and code. */
export function reportConflicts(
  plans: ReadonlyArray<{ plan: Plan; analysis: PlanAnalysis; tasks: ReadonlyMap<Task, TaskCode> }>,
  diagnostics: Diagnostics,
): void {
  const entries: Entry[] = [];
  for (const { plan, analysis, tasks } of plans) {
    const schedule = analysis.schedule;
    if (!schedule) continue;
    for (const [task, code] of tasks) {
      if (task.status === 'done' || task.status === 'cancelled' || task.duration <= EPSILON) continue;
      const paths = code.planned.length > 0 ? [...new Set([...code.files, ...code.planned])].sort() : code.files;
      if (paths.length === 0) continue;
      const timing = schedule.timings.get(task)!;
      const dated = timing.start !== undefined;
      entries.push({
        plan,
        task,
        analysis,
        node: analysis.network.graph.index.get(task)!,
        es: timing.es,
        ef: timing.ef,
        ...(dated ? { start: timing.start!, finish: timing.finish! } : {}),
        paths,
        // Dates are compared by the day (finish days included); without dates, only within one network.
        axis: dated ? DAY : analysis.network.graph,
        from: dated ? Date.parse(timing.start!) / DAY : timing.es,
        to: dated ? Date.parse(timing.finish!) / DAY + 1 : timing.ef,
      });
    }
  }
  // Only tasks whose windows meet are compared: a sweep over each axis in order of start.
  const byAxis = new Map<unknown, number[]>();
  entries.forEach((entry, i) => {
    let list = byAxis.get(entry.axis);
    if (!list) byAxis.set(entry.axis, (list = []));
    list.push(i);
  });
  const pairs: Array<[number, number]> = [];
  for (const list of byAxis.values()) {
    list.sort((a, b) => entries[a]!.from - entries[b]!.from || a - b);
    let active: number[] = [];
    for (const i of list) {
      const entry = entries[i]!;
      active = active.filter((j) => entries[j]!.to - entry.from > EPSILON);
      for (const j of active) pairs.push(j < i ? [j, i] : [i, j]);
      active.push(i);
    }
  }
  pairs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const reach = new Reachability();
  for (const [i, j] of pairs) {
    const a = entries[i]!;
    const b = entries[j]!;
    const window = overlap(a, b);
    if (!window) continue;
    const shared = sharedPaths(a.paths, b.paths);
    if (shared.count === 0) continue;
    const graph = a.analysis.network.graph;
    if (graph === b.analysis.network.graph && (reach.from(graph, a.node)[b.node] || reach.from(graph, b.node)[a.node])) continue;
    const other = b.plan === a.plan ? b.task.id : `${b.plan.id}#${b.task.id}`;
    diagnostics.report(conflictRisk, { task: a.task.id, other, files: shared.files, count: shared.count, ...window }, a.task.location, [
      { message: `\`${other}\` changes the same files`, location: b.task.location },
    ]);
  }
}

/** The paths two sorted lists share: how many, and the first few. */
function sharedPaths(a: readonly string[], b: readonly string[]): { count: number; files: string[] } {
  const files: string[] = [];
  let count = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i]! < b[j]!) i++;
    else if (a[i]! > b[j]!) j++;
    else {
      if (files.length < FILES_SHOWN) files.push(a[i]!);
      count++;
      i++;
      j++;
    }
  }
  return { count, files };
}

/** The window two tasks share, as the documents write it; undefined when they cannot run at once. */
function overlap(a: Entry, b: Entry): { from: string; to: string } | undefined {
  const sameAxis = a.analysis.network.graph === b.analysis.network.graph && (a.plan === b.plan || (!a.start && !b.start));
  if (sameAxis) {
    const from = Math.max(a.es, b.es);
    const to = Math.min(a.ef, b.ef);
    if (to - from <= EPSILON) return undefined;
    const calendar = a.analysis.schedule?.calendar;
    return { from: startLabel(from, calendar), to: finishLabel(to, calendar) };
  }
  if (!a.start || !b.start) return undefined;
  const from = a.start > b.start ? a.start : b.start;
  const to = a.finish! < b.finish! ? a.finish! : b.finish!;
  return from <= to ? { from, to } : undefined;
}

/** What each node leads to, through any dependency; worked out once per node asked about. */
class Reachability {
  readonly #from = new Map<Graph, Map<number, Uint8Array>>();

  from(graph: Graph, node: number): Uint8Array {
    let byNode = this.#from.get(graph);
    if (!byNode) this.#from.set(graph, (byNode = new Map()));
    let seen = byNode.get(node);
    if (!seen) {
      seen = new Uint8Array(graph.size);
      const stack = [node];
      while (stack.length > 0) {
        const v = stack.pop()!;
        for (let p = graph.outStart[v]!; p < graph.outStart[v + 1]!; p++) {
          const w = graph.to[graph.outEdges[p]!]!;
          if (!seen[w]) {
            seen[w] = 1;
            stack.push(w);
          }
        }
      }
      byNode.set(node, seen);
    }
    return seen;
  }
}
