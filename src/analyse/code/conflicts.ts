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
}

interface Shared {
  count: number;
  /** The first few shared files, sorted. */
  files: string[];
}

/** Reports every pair of tasks at risk of conflicting; `plans` in file order, each with its analysis and code. */
export function reportConflicts(
  plans: ReadonlyArray<{ plan: Plan; analysis: PlanAnalysis; tasks: ReadonlyMap<Task, TaskCode> }>,
  diagnostics: Diagnostics,
): void {
  const entries: Entry[] = [];
  const byPath = new Map<string, number[]>();
  for (const { plan, analysis, tasks } of plans) {
    const schedule = analysis.schedule;
    if (!schedule) continue;
    for (const [task, code] of tasks) {
      if (task.status === 'done' || task.status === 'cancelled' || task.duration <= EPSILON) continue;
      const paths = code.planned.length > 0 ? [...code.files, ...code.planned] : code.files;
      if (paths.length === 0) continue;
      const node = analysis.network.graph.index.get(task)!;
      const timing = schedule.timings.get(task)!;
      const index = entries.length;
      entries.push({
        plan,
        task,
        analysis,
        node,
        es: timing.es,
        ef: timing.ef,
        ...(timing.start ? { start: timing.start, finish: timing.finish! } : {}),
      });
      for (const path of paths) {
        let list = byPath.get(path);
        if (!list) byPath.set(path, (list = []));
        list.push(index);
      }
    }
  }
  // Files changed by the same set of tasks are counted together: two tasks sharing all of
  // `src/**` cost one entry, not one per file.
  const bySet = new Map<string, { tasks: number[]; files: string[] }>();
  for (const [path, tasks] of byPath) {
    if (tasks.length < 2) continue;
    const key = tasks.join(',');
    let group = bySet.get(key);
    if (!group) bySet.set(key, (group = { tasks, files: [] }));
    group.files.push(path);
  }
  const pairs = new Map<number, Shared>();
  for (const { tasks, files } of bySet.values()) {
    files.sort();
    for (let i = 0; i < tasks.length; i++) {
      for (let j = i + 1; j < tasks.length; j++) {
        const key = tasks[i]! * entries.length + tasks[j]!;
        let shared = pairs.get(key);
        if (!shared) pairs.set(key, (shared = { count: 0, files: [] }));
        shared.count += files.length;
        shared.files = [...shared.files, ...files.slice(0, FILES_SHOWN)].sort().slice(0, FILES_SHOWN);
      }
    }
  }
  const reach = new Reachability();
  for (const [key, shared] of [...pairs].sort((a, b) => a[0] - b[0])) {
    const a = entries[Math.floor(key / entries.length)]!;
    const b = entries[key % entries.length]!;
    const window = overlap(a, b);
    if (!window) continue;
    const graph = a.analysis.network.graph;
    if (graph === b.analysis.network.graph && (reach.from(graph, a.node)[b.node] || reach.from(graph, b.node)[a.node])) continue;
    const other = b.plan === a.plan ? b.task.id : `${b.plan.id}#${b.task.id}`;
    diagnostics.report(conflictRisk, { task: a.task.id, other, files: shared.files, count: shared.count, ...window }, a.task.location, [
      { message: `\`${other}\` changes the same files`, location: b.task.location },
    ]);
  }
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
