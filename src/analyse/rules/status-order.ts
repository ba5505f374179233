import { statusOrder } from '../../diagnostics/catalogue.ts';
import type { Task } from '../../model/plan.ts';
import type { Rule } from './rule.ts';

/** A done task whose predecessor tasks are not done (or cancelled). */
export const statusOrderRule: Rule = {
  name: statusOrder.name,
  run({ plan, diagnostics }) {
    for (const phase of plan.phases) {
      for (const task of phase.tasks) {
        if (task.status !== 'done') continue;
        const reported = new Set<Task>();
        for (const dependency of [...phase.dependsOn, ...task.dependsOn]) {
          const target = dependency.target;
          if (!target) continue;
          const item = target.item;
          const predecessors = item.kind === 'task' ? [item] : item.kind === 'phase' ? item.tasks : [];
          for (const predecessor of predecessors) {
            if (predecessor.status === 'done' || predecessor.status === 'cancelled' || reported.has(predecessor)) continue;
            reported.add(predecessor);
            const name = target.plan === plan ? predecessor.id : `${target.plan.id}#${predecessor.id}`;
            diagnostics.report(statusOrder, { task: task.id, predecessor: name, predecessorStatus: predecessor.status }, task.location);
          }
        }
      }
    }
  },
};
