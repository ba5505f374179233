import { irreversibleWithoutRecovery, phaseWithoutRollback, stageWithoutRollback } from '../../diagnostics/catalogue.ts';
import type { Rule } from './rule.ts';

/** Every unit the rollback coverage counts as uncovered is a finding at its location. */
export const rollbackRule: Rule = {
  name: 'rollback-coverage',
  run({ analysis, diagnostics }) {
    for (const unit of analysis.coverage.units) {
      if (unit.covered) continue;
      if (unit.kind === 'phase') diagnostics.report(phaseWithoutRollback, { phase: unit.id, missing: unit.missing }, unit.location);
      else if (unit.kind === 'stage') diagnostics.report(stageWithoutRollback, { stage: unit.id, missing: unit.missing }, unit.location);
      else diagnostics.report(irreversibleWithoutRecovery, { task: unit.id }, unit.location);
    }
  },
};
