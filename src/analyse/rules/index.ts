// The analysis rules, in the order they run. Adding a rule: one file here, one line below,
// and its diagnostic in the catalogue.
import { unverifiedCriterionRule } from './criteria.ts';
import { migrationIncompleteRule } from './migration.ts';
import { dueWithoutStartRule, milestoneAtRiskRule, milestoneSlipRule } from './milestones.ts';
import { missingEstimateRule } from './missing-estimate.ts';
import { ownerOverloadedRule } from './owner-overloaded.ts';
import { unmitigatedRiskRule } from './risks.ts';
import { rollbackRule } from './rollback.ts';
import type { Rule } from './rule.ts';
import { lateTaskRule, milestoneOverdueRule } from './status-date.ts';
import { statusOrderRule } from './status-order.ts';

export const rules: readonly Rule[] = [
  missingEstimateRule,
  statusOrderRule,
  milestoneSlipRule,
  dueWithoutStartRule,
  milestoneAtRiskRule,
  lateTaskRule,
  milestoneOverdueRule,
  ownerOverloadedRule,
  rollbackRule,
  unmitigatedRiskRule,
  unverifiedCriterionRule,
  migrationIncompleteRule,
];
