import { ownerOverloaded } from '../../diagnostics/catalogue.ts';
import type { Task } from '../../model/plan.ts';
import { EPSILON } from '../cpm.ts';
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
    for (const phase of plan.phases) {
      for (const task of phase.tasks) {
        if (!task.owner || task.duration <= EPSILON || task.status === 'cancelled' || task.status === 'done') continue;
        let list = byOwner.get(task.owner);
        if (!list) byOwner.set(task.owner, (list = []));
        list.push(task);
      }
    }
    for (const [owner, tasks] of byOwner) {
      const capacity = plan.capacity[owner] ?? config.schedule.capacity;
      if (tasks.length <= capacity) continue;
      const events = tasks.flatMap((task) => {
        const timing = schedule.timings.get(task)!;
        return [
          { at: timing.es, delta: 1, task },
          { at: timing.ef, delta: -1, task },
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
          const involved = [...window.tasks].sort((a, b) => a.location.span.start - b.location.span.start);
          const to = event.at;
          const calendar = schedule.calendar;
          diagnostics.report(
            ownerOverloaded,
            {
              owner,
              capacity,
              tasks: involved.map((task) => task.id),
              from: calendar ? calendar.startDate(window.from) : `day ${Math.floor(window.from) + 1}`,
              to: calendar ? calendar.finishDate(to) : `day ${Math.max(1, Math.ceil(to))}`,
            },
            involved[0]!.location,
          );
          window = undefined;
        }
      }
    }
  },
};
