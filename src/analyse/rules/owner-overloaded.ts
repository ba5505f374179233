import { ownerOverloaded } from '../../diagnostics/catalogue.ts';
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
    // Only owners with more tasks than their capacity can be overloaded: the workload is not worked out for the others.
    const counts = new Map<string, number>();
    for (const phase of plan.phases) for (const task of phase.tasks) if (task.owner && task.status !== 'done' && task.status !== 'cancelled') counts.set(task.owner, (counts.get(task.owner) ?? 0) + 1);
    if (![...counts].some(([owner, count]) => count > (plan.capacity[owner] ?? config.schedule.capacity))) return;
    for (const workload of schedule.workload) {
      for (const window of workload.overloads) {
        diagnostics.report(
          ownerOverloaded,
          {
            owner: workload.owner,
            capacity: workload.capacity,
            tasks: window.tasks.map((task) => task.id),
            from: window.start,
            to: window.finish,
          },
          window.tasks[0]!.location,
        );
      }
    }
  },
};
