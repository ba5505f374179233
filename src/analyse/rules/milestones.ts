import { dueWithoutStart, milestoneAtRisk, milestoneSlip } from '../../diagnostics/catalogue.ts';
import type { Rule } from './rule.ts';

export const milestoneSlipRule: Rule = {
  name: milestoneSlip.name,
  run({ plan, analysis, diagnostics }) {
    for (const milestone of plan.milestones) {
      const status = analysis.schedule?.milestones.get(milestone);
      // A milestone already past due is reported as such (milestone-overdue), with its forecast.
      if (!status?.slip || !status.date || !milestone.due || status.overdue) continue;
      diagnostics.report(
        milestoneSlip,
        { milestone: milestone.id, scheduled: status.date, due: milestone.due, days: status.slip },
        milestone.location,
      );
    }
  },
};

export const dueWithoutStartRule: Rule = {
  name: dueWithoutStart.name,
  run({ plan, diagnostics }) {
    if (plan.start) return;
    for (const milestone of plan.milestones) {
      if (milestone.due) diagnostics.report(dueWithoutStart, { milestone: milestone.id }, milestone.location);
    }
  },
};

/**
 * A milestone scheduled in time whose three-point estimates give it less than the
 * configured confidence (80 % by default) of being reached by its due date.
 */
export const milestoneAtRiskRule: Rule = {
  name: milestoneAtRisk.name,
  run({ plan, analysis, config, diagnostics }) {
    for (const milestone of plan.milestones) {
      const status = analysis.schedule?.milestones.get(milestone);
      if (!status || status.slip || status.probability === undefined || !milestone.due) continue;
      if (status.probability < config.schedule.confidence) {
        diagnostics.report(milestoneAtRisk, { milestone: milestone.id, probability: status.probability, due: milestone.due }, milestone.location);
      }
    }
  },
};
