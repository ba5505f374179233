import { missingEstimate } from '../../diagnostics/catalogue.ts';
import type { Rule } from './rule.ts';

export const missingEstimateRule: Rule = {
  name: missingEstimate.name,
  run({ plan, diagnostics }) {
    for (const phase of plan.phases) {
      for (const task of phase.tasks) {
        if (task.durationSource === 'none' && task.status !== 'cancelled') {
          diagnostics.report(missingEstimate, { task: task.id }, task.location);
        }
      }
    }
  },
};
