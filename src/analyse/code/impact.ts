// The impact of a change: for each changed file, the tasks of every plan whose paths cover
// it, with what is worth saying about their status — the code of a done task changing
// again, or a task's code changing before the work it waits for is done — and the changed
// files no plan covers. Paths are matched against the changed path itself, so a deleted
// file is still found in the area of the task that touches it.
import type { PathList, Plan, Task, TaskStatus } from '../../model/plan.ts';
import { upstreamWork, type Graph } from '../graph.ts';
import type { PlanAnalysis } from '../types.ts';
import { coversPath } from './patterns.ts';
import type { PatternCache } from './resolve.ts';

/** Something worth saying about a task whose code changes. */
export type ImpactNote = (
  /** The task is done: its code changes again. */
  | { kind: 'done-again' }
  /** The task has not started, and what it waits for is not done. */
  | { kind: 'early'; waitsFor: Array<{ id: string; status: TaskStatus | 'not started' }> }
) & {
  /** The note in words, as every format says it. */
  text: string;
};

export interface ImpactedTask {
  plan: Plan;
  task: Task;
  /** The changed files in its area, each with the list of the task that covers it (`touches` before `creates` before `tests`). */
  files: Array<{ path: string; list: PathList }>;
  note?: ImpactNote;
}

/** Where the changed files came from: named, what git says changed since a base, or the work tree's changes. */
export type ChangeSource = { from: 'files' } | { from: 'base'; base: string } | { from: 'work tree' };

export interface ImpactReport {
  changes: ChangeSource;
  /** Every changed file, relative to the repository root, sorted. */
  changed: string[];
  /** The tasks whose paths cover a changed file, in plan and task order. */
  tasks: ImpactedTask[];
  /** Changed files no task of any plan covers. */
  uncovered: string[];
  /** The counts every format states. */
  summary: { changed: number; covered: number; uncovered: number; tasks: number; plans: number };
  /** Where the changes came from, in words for the summary line: ` since main`, ` in the work tree`, or nothing. */
  since: string;
}

const LIST_ORDER: readonly PathList[] = ['touches', 'creates', 'tests'];
/** How many unfinished predecessors a note names before it counts the rest. */
const NAMED_IN_NOTE = 4;

/** The impact of `changed` (paths relative to the repository root) on the plans. */
export function analyseImpact(
  changes: ChangeSource,
  changed: readonly string[],
  plans: ReadonlyArray<{ plan: Plan; analysis: PlanAnalysis }>,
  patterns: PatternCache,
): ImpactReport {
  const files = [...new Set(changed)].sort();
  const covered = new Set<string>();
  const tasks: ImpactedTask[] = [];
  for (const { plan, analysis } of plans) {
    for (const phase of plan.phases) {
      for (const task of phase.tasks) {
        if (task.paths.length === 0) continue;
        const found: ImpactedTask['files'] = [];
        for (const path of files) {
          const list = coveringList(task, path, patterns);
          if (list) found.push({ path, list });
        }
        if (found.length === 0) continue;
        for (const { path } of found) covered.add(path);
        const note = noteOf(task, analysis.network.graph);
        tasks.push({ plan, task, files: found, ...(note ? { note } : {}) });
      }
    }
  }
  const uncovered = files.filter((path) => !covered.has(path));
  const summary = { changed: files.length, covered: covered.size, uncovered: uncovered.length, tasks: tasks.length, plans: new Set(tasks.map((t) => t.plan)).size };
  const since = changes.from === 'base' ? ` since ${changes.base}` : changes.from === 'work tree' ? ' in the work tree' : '';
  return { changes, changed: files, tasks, uncovered, summary, since };
}

/** The first list of the task whose paths cover `path` (a list's `!` paths take it out of that list). */
function coveringList(task: Task, path: string, patterns: PatternCache): PathList | undefined {
  for (const list of LIST_ORDER) {
    let inside = false;
    for (const written of task.paths) {
      if (written.list !== list) continue;
      const compiled = patterns.get(written.text);
      if (!compiled) continue;
      if (compiled.negated) {
        if (inside && coversPath(compiled, path)) inside = false;
      } else if (!inside && coversPath(compiled, path)) inside = true;
    }
    if (inside) return list;
  }
  return undefined;
}

function noteOf(task: Task, graph: Graph): ImpactNote | undefined {
  if (task.status === 'done') return { kind: 'done-again', text: 'the task is done, and its code changes again' };
  if (task.status !== 'todo' && task.status !== 'blocked') return undefined;
  const waitsFor = unfinishedPredecessors(graph, graph.index.get(task));
  if (waitsFor.length === 0) return undefined;
  const named = waitsFor.slice(0, NAMED_IN_NOTE).map((w) => `${w.id} (${w.status})`);
  if (waitsFor.length > NAMED_IN_NOTE) named.push(`${waitsFor.length - NAMED_IN_NOTE} more`);
  return { kind: 'early', waitsFor, text: `its code changes before what it waits for is done: ${named.join(', ')}` };
}

/** The tasks (and rollout stages) a node waits for that are not done, looking through phases and milestones. */
function unfinishedPredecessors(graph: Graph, v: number | undefined): Array<{ id: string; status: TaskStatus | 'not started' }> {
  if (v === undefined) return [];
  const found: Array<{ id: string; status: TaskStatus | 'not started' }> = [];
  const own = graph.nodes[v]!.plan;
  upstreamWork(graph, v, (node) => {
    const id = node.plan === own ? '' : `${node.plan.id}#`;
    if (node.kind === 'stage') found.push({ id: id + node.stage.id, status: 'not started' });
    else if (node.task.status !== 'done' && node.task.status !== 'cancelled') found.push({ id: id + node.task.id, status: node.task.status });
    return true;
  });
  return found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
