// Rollback coverage. The units are every phase, every rollout stage and every irreversible
// task. A phase is covered by a rollback with a trigger and at least one step, its own or
// the plan's (each part may come from either). A stage needs a rollback trigger (its own or
// the rollout's) and a rollback plan with steps (the rollout's or the plan's). An
// irreversible task needs its own recovery, and is always a point of no return.
import type { Location } from '../diagnostics/types.ts';
import type { Plan, Rollback } from '../model/plan.ts';
import { percentOf } from '../util/numbers.ts';

export interface CoverageUnit {
  kind: 'phase' | 'stage' | 'task';
  id: string;
  covered: boolean;
  /** What is missing: `trigger`, `steps`, `rollback plan`, `recovery`. */
  missing: string[];
  location: Location;
}

export interface RollbackCoverage {
  covered: number;
  total: number;
  /** covered / total, in whole percent; 100 when there is nothing to cover. */
  percent: number;
  units: CoverageUnit[];
  /** Ids of irreversible tasks, in plan order. */
  pointsOfNoReturn: string[];
}

const hasSteps = (rollback: Rollback | undefined) => (rollback?.steps.length ?? 0) > 0;

export function rollbackCoverage(plan: Plan): RollbackCoverage {
  const units: CoverageUnit[] = [];
  const pointsOfNoReturn: string[] = [];
  for (const phase of plan.phases) {
    const missing: string[] = [];
    if (!phase.rollback?.trigger && !plan.rollback?.trigger) missing.push('trigger');
    if (!hasSteps(phase.rollback) && !hasSteps(plan.rollback)) missing.push('steps');
    units.push({ kind: 'phase', id: phase.id, covered: missing.length === 0, missing, location: phase.location });
  }
  const rollout = plan.rollout;
  for (const stage of rollout?.stages ?? []) {
    const missing: string[] = [];
    if (!stage.rollbackTrigger && !rollout?.rollback?.trigger) missing.push('rollback trigger');
    if (!hasSteps(rollout?.rollback) && !hasSteps(plan.rollback)) missing.push('rollback plan');
    units.push({ kind: 'stage', id: stage.id, covered: missing.length === 0, missing, location: stage.location });
  }
  for (const phase of plan.phases) {
    for (const task of phase.tasks) {
      if (task.reversible) continue;
      pointsOfNoReturn.push(task.id);
      const covered = task.recovery !== undefined && (task.recovery.text !== undefined || task.recovery.steps.length > 0);
      units.push({ kind: 'task', id: task.id, covered, missing: covered ? [] : ['recovery'], location: task.location });
    }
  }
  const covered = units.filter((unit) => unit.covered).length;
  return { covered, total: units.length, percent: percentOf(covered, units.length, 100), units, pointsOfNoReturn };
}
