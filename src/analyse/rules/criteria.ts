import { unverifiedCriterion } from '../../diagnostics/catalogue.ts';
import type { Rule } from './rule.ts';

/** A success criterion none of whose `verifiedBy` names an existing check or task. */
export const unverifiedCriterionRule: Rule = {
  name: unverifiedCriterion.name,
  run({ plan, project, diagnostics }) {
    for (const criterion of plan.successCriteria) {
      if (!criterion.verifiedBy.some((ref) => project.targets.has(ref))) {
        diagnostics.report(unverifiedCriterion, { criterion: criterion.id }, criterion.location);
      }
    }
  },
};
