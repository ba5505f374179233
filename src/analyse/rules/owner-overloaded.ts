import { ownerOverloaded } from '../../diagnostics/catalogue.ts';
import { allTasks, type Task } from '../../model/plan.ts';
import { finishLabel, startLabel } from '../calendar.ts';
import { EPSILON, roundDays } from '../../util/duration.ts';
import type { Rule } from './rule.ts';

/**
 * Owners with more overlapping tasks than their capacity in the early schedule: one
 * warning per owner and stretch of overload, naming every task that takes part in it.
 */
export const ownerOverloadedRule: Rule = {
  name: ownerOverloaded.name,
  run({ plan, analysis, config, diagnostics }) {
    const schedule = analysis.schedule;
    if (!schedule) return;
    const byOwner = new Map<string, Task[]>();
    const order = new Map<Task, number>();
    for (const task of allTasks(plan)) {
      order.set(task, order.size);
      if (!task.owner || task.duration <= EPSILON || task.status === 'cancelled' || task.status === 'done') continue;
      let list = byOwner.get(task.owner);
      if (!list) byOwner.set(task.owner, (list = []));
      list.push(task);
    }
    for (const [owner, tasks] of byOwner) {
      const capacity = plan.capacity[owner] ?? config.schedule.capacity;
      if (tasks.length <= capacity) continue;
      // From the schedule's arrays: the per-item timings (dates and all) are made only for outputs.
      const { graph, cpm } = analysis.network;
      const events = tasks.flatMap((task) => {
        const v = graph.index.get(task)!;
        return [
          { at: roundDays(cpm.es[v]!), delta: 1, task },
          { at: roundDays(cpm.ef[v]!), delta: -1, task },
        ];
      });
      events.sort((a, b) => a.at - b.at || a.delta - b.delta);
      const active = new Set<Task>();
      let window: { from: number; tasks: Set<Task> } | undefined;
      for (const event of events) {
        if (event.delta > 0) active.add(event.task);
        else active.delete(event.task);
        if (active.size > capacity) {
          if (!window) window = { from: event.at, tasks: new Set() };
          for (const task of active) window.tasks.add(task);
        } else if (window) {
          // In the order the plan lists them.
          const involved = [...window.tasks].sort((a, b) => order.get(a)! - order.get(b)!);
          diagnostics.report(
            ownerOverloaded,
            {
              owner,
              capacity,
              tasks: involved.map((task) => task.id),
              from: startLabel(window.from, schedule.calendar),
              to: finishLabel(event.at, schedule.calendar),
            },
            involved[0]!.location,
          );
          window = undefined;
        }
      }
    }
  },
};
