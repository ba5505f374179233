import { unverifiedCriterion } from '../../diagnostics/catalogue.ts';
import type { Rule } from './rule.ts';

/**
 * A success criterion that names no check or task. (One that names a missing or wrong
 * item already has an error at that reference.)
 */
export const unverifiedCriterionRule: Rule = {
  name: unverifiedCriterion.name,
  run({ plan, diagnostics }) {
    for (const criterion of plan.successCriteria) {
      if (criterion.verifiedBy.length === 0) {
        diagnostics.report(unverifiedCriterion, { criterion: criterion.id }, criterion.location);
      }
    }
  },
};
