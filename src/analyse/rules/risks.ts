import { unmitigatedRisk } from '../../diagnostics/catalogue.ts';
import { allRisks } from '../../model/plan.ts';
import type { Rule } from './rule.ts';

export const unmitigatedRiskRule: Rule = {
  name: unmitigatedRisk.name,
  run({ plan, diagnostics }) {
    for (const risk of allRisks(plan)) {
      if ((risk.impact === 'high' || risk.impact === 'critical') && !risk.mitigation?.trim()) {
        diagnostics.report(unmitigatedRisk, { risk: risk.id, impact: risk.impact }, risk.location);
      }
    }
  },
};
