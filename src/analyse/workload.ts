// Each owner's load over time: how many of their tasks run at once, step by step through
// the schedule, against their capacity (tasks they can run at once). Worked out once from
// the schedule's arrays; the owner-overloaded rule finds its stretches of overload here,
// and the workload histogram (src/emit/gantt/workload.ts) draws it.
import type { Config } from '../config/config.ts';
import { allTasks, type Plan, type Task } from '../model/plan.ts';
import { EPSILON, roundDays } from '../util/duration.ts';
import { finishLabel, startLabel, type WorkCalendar } from './calendar.ts';
import type { CpmResult } from './cpm.ts';
import type { Graph } from './graph.ts';

/** A stretch of time, in working days, during which the same tasks of an owner run. */
export interface LoadStep {
  from: number;
  to: number;
  /** Its first and last day, as messages write them (a date, or "day 3" without a calendar). */
  start: string;
  finish: string;
  /** In the order the plan lists them. */
  tasks: Task[];
}

/** A stretch in which the owner has more tasks still to do at once than their capacity, with every task in it. */
export type Overload = LoadStep;

export interface OwnerWorkload {
  owner: string;
  /** Tasks the owner can run at once: the plan's `capacity`, else the configuration's. */
  capacity: number;
  /** The owner's tasks with a length (cancelled ones take none), in plan order. */
  tasks: Task[];
  /** Where at least one task runs, in time order; between steps, nothing does. */
  steps: LoadStep[];
  /** The most tasks at once (work done included: it took the owner's time too). */
  peak: number;
  /** Where the tasks still to do are more than the capacity (work done is past: it overloads nobody now). */
  overloads: Overload[];
}

/** Every owner's workload, in the order owners first appear in the plan. */
export function ownerWorkloads(plan: Plan, graph: Graph, cpm: CpmResult, config: Config, calendar: WorkCalendar | undefined): OwnerWorkload[] {
  const byOwner = new Map<string, Task[]>();
  for (const task of allTasks(plan)) {
    if (!task.owner || task.duration <= EPSILON || task.status === 'cancelled') continue;
    let list = byOwner.get(task.owner);
    if (!list) byOwner.set(task.owner, (list = []));
    list.push(task);
  }
  const workloads: OwnerWorkload[] = [];
  for (const [owner, tasks] of byOwner) {
    const order = new Map(tasks.map((task, i) => [task, i]));
    const events = tasks.flatMap((task) => {
      const v = graph.index.get(task)!;
      return [
        { at: roundDays(cpm.es[v]!), delta: 1, task },
        { at: roundDays(cpm.ef[v]!), delta: -1, task },
      ];
    });
    // Ends before starts at the same moment: a task that starts as another ends does not overlap it.
    events.sort((a, b) => a.at - b.at || a.delta - b.delta);
    const steps: LoadStep[] = [];
    const active = new Set<Task>();
    let peak = 0;
    for (let i = 0; i < events.length; i++) {
      const event = events[i]!;
      if (event.delta > 0) active.add(event.task);
      else active.delete(event.task);
      const next = events[i + 1];
      // A step ends where the next event is later than this one.
      if (!next || next.at > event.at) {
        if (active.size > 0 && next) {
          const tasks = [...active].sort((a, b) => order.get(a)! - order.get(b)!);
          steps.push({ from: event.at, to: next.at, start: startLabel(event.at, calendar), finish: finishLabel(next.at, calendar), tasks });
          peak = Math.max(peak, active.size);
        }
      }
    }
    const capacity = plan.capacity[owner] ?? config.schedule.capacity;
    workloads.push({ owner, capacity, tasks, steps, peak, overloads: overloads(tasks, steps, capacity, calendar) });
  }
  return workloads;
}

/** The stretches of `steps` in which the tasks still to do are more than `capacity`, adjacent steps joined. */
function overloads(tasks: readonly Task[], steps: readonly LoadStep[], capacity: number, calendar: WorkCalendar | undefined): Overload[] {
  const order = new Map(tasks.map((task, i) => [task, i]));
  const found: Overload[] = [];
  let window: { from: number; to: number; tasks: Set<Task> } | undefined;
  const close = (w: { from: number; to: number; tasks: Set<Task> }) =>
    found.push({ from: w.from, to: w.to, start: startLabel(w.from, calendar), finish: finishLabel(w.to, calendar), tasks: [...w.tasks].sort((a, b) => order.get(a)! - order.get(b)!) });
  for (const step of steps) {
    const open = step.tasks.filter((task) => task.status !== 'done');
    if (open.length > capacity) {
      if (window && Math.abs(window.to - step.from) <= EPSILON) {
        window.to = step.to;
        for (const task of open) window.tasks.add(task);
        continue;
      }
      if (window) close(window);
      window = { from: step.from, to: step.to, tasks: new Set(open) };
    } else if (window) {
      close(window);
      window = undefined;
    }
  }
  if (window) close(window);
  return found;
}
