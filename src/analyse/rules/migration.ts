import { migrationIncomplete } from '../../diagnostics/catalogue.ts';
import type { Rule } from './rule.ts';

/** A migration plan says what moves where, how its data moves, and how to go back. */
export const migrationIncompleteRule: Rule = {
  name: migrationIncomplete.name,
  run({ plan, diagnostics }) {
    if (plan.kind !== 'migration') return;
    const missing: string[] = [];
    if (!plan.migration || plan.migration.overview.length === 0) missing.push('migration overview (current → target)');
    if (!plan.migration?.data) missing.push('data-migration strategy');
    const rollback = plan.rollback ?? plan.rollout?.rollback ?? plan.phases.find((phase) => phase.rollback)?.rollback;
    if (!rollback) missing.push('rollback plan');
    for (const what of missing) diagnostics.report(migrationIncomplete, { missing: what }, plan.migration?.location ?? plan.location);
  },
};
