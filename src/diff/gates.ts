// Gates for CI: conditions over a diff that a job can fail on (`planc diff --fail-on
// finish-later,new-errors`). Each is one small check that names what made it hold.
import { plural } from '../util/words.ts';
import type { Diff, PlanDiff } from './types.ts';

export interface Gate {
  description: string;
  /** What makes it hold, one reason per plan or item (none: it does not hold). */
  check(diff: Diff): string[];
}

const each = (diff: Diff, reasons: (plan: PlanDiff) => string[]): string[] => diff.plans.flatMap(reasons);

export const GATES: Readonly<Record<string, Gate>> = {
  any: {
    description: 'any plan changed, was added or was removed',
    check: (diff) => each(diff, (plan) => [`\`${plan.id}\` ${plan.change === 'changed' ? 'changed' : `was ${plan.change}`}`]),
  },
  'finish-later': {
    description: "a plan's finish moves later",
    check: (diff) => each(diff, (plan) => ((plan.schedule?.finish ?? 0) > 0 ? [`the finish of \`${plan.id}\` moves ${plan.schedule!.finish} working days later`] : [])),
  },
  'p80-later': {
    description: "a plan's P80 (Monte Carlo) moves later",
    check: (diff) => each(diff, (plan) => ((plan.schedule?.p80 ?? 0) > 0 ? [`the P80 of \`${plan.id}\` moves ${plan.schedule!.p80} working days later`] : [])),
  },
  'new-slip': {
    description: 'a milestone now slips past its due date',
    check: (diff) =>
      each(diff, (plan) => {
        const slips = plan.milestones.filter((m) => m.slip === 'new').map((m) => m.id);
        // A plan with no schedule at the base (added, or not readable there): each of its slips is new.
        if (plan.base?.slips === undefined) slips.push(...(plan.head?.slips ?? []).map((slip) => slip.id).filter((id) => !slips.includes(id)));
        return slips.map((id) => `milestone \`${id}\` of \`${plan.id}\` now slips past its due date`);
      }),
  },
  'critical-path-change': {
    description: 'a task, milestone or stage enters or leaves the critical path',
    check: (diff) =>
      each(diff, (plan) => [
        ...plan.criticalPath.entered.map((id) => `\`${id}\` of \`${plan.id}\` is now on the critical path`),
        ...plan.criticalPath.left.map((id) => `\`${id}\` of \`${plan.id}\` left the critical path`),
      ]),
  },
  'coverage-drop': {
    description: 'rollback coverage drops: a phase, stage or irreversible task is no longer covered',
    check: (diff) =>
      each(diff, (plan) => {
        const coverage = plan.coverage;
        if (!coverage || (coverage.lost.length === 0 && coverage.head.percent >= coverage.base.percent)) return [];
        return [`rollback coverage of \`${plan.id}\` drops from ${coverage.base.covered}/${coverage.base.total} to ${coverage.head.covered}/${coverage.head.total}`];
      }),
  },
  'new-point-of-no-return': {
    description: 'a task becomes irreversible (a new point of no return)',
    check: (diff) => each(diff, (plan) => (plan.coverage?.pointsOfNoReturn.added ?? []).map((id) => `\`${id}\` of \`${plan.id}\` is a new point of no return`)),
  },
  'lost-mitigation': {
    description: 'a high- or critical-impact risk lost its mitigation',
    check: (diff) => each(diff, (plan) => plan.risks.lostMitigation.map((risk) => `risk \`${risk.id}\` of \`${plan.id}\` lost its mitigation`)),
  },
  'lost-verification': {
    description: 'a success criterion lost its verification',
    check: (diff) => each(diff, (plan) => plan.lostVerification.map((criterion) => `success criterion \`${criterion.id}\` of \`${plan.id}\` lost its verification`)),
  },
  'new-errors': {
    description: 'a new error (a plan that no longer compiles among them)',
    check: (diff) => findings(diff, 'error'),
  },
  'new-warnings': {
    description: 'a new warning',
    check: (diff) => findings(diff, 'warning'),
  },
  'removed-plan': {
    description: 'a plan was removed',
    check: (diff) => each(diff, (plan) => (plan.change === 'removed' ? [`\`${plan.id}\` was removed`] : [])),
  },
};

function findings(diff: Diff, severity: 'error' | 'warning'): string[] {
  return each(diff, (plan) => {
    const count = plan.findings.new.filter((finding) => finding.severity === severity).length;
    return count > 0 ? [`${plural(count, `new ${severity}`)} in \`${plan.id}\``] : [];
  });
}

/** Each gate asked for that holds, with its reasons. */
export function heldGates(diff: Diff, names: readonly string[]): Array<{ gate: string; reasons: string[] }> {
  return names.flatMap((gate) => {
    const reasons = GATES[gate]!.check(diff);
    return reasons.length > 0 ? [{ gate, reasons }] : [];
  });
}
