import { unmitigatedRisk } from '../../diagnostics/catalogue.ts';
import { allRisks } from '../../model/plan.ts';
import { hasMitigation, needsMitigation } from '../../model/risks.ts';
import type { Rule } from './rule.ts';

export const unmitigatedRiskRule: Rule = {
  name: unmitigatedRisk.name,
  run({ plan, diagnostics }) {
    for (const risk of allRisks(plan)) {
      if (needsMitigation(risk) && !hasMitigation(risk)) {
        diagnostics.report(unmitigatedRisk, { risk: risk.id, impact: risk.impact }, risk.location);
      }
    }
  },
};
