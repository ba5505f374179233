// The parts of a plan that are work and how it is judged: phases with their tasks, risks,
// checks and rollbacks; success criteria, decisions, milestones; the plan-wide risks,
// checks and rollback; the rollout; the migration.
import { invalidEstimate } from '../diagnostics/catalogue.ts';
import type { PathList, PathPattern, Phase, Risk, Task, ThreePointEstimate, Verification } from '../model/plan.ts';
import { pertMean } from '../model/estimate.ts';
import type { RawPhase, RawRisk, RawTask, RawVerification } from '../schema/plan-definition.ts';
import { toWorkingDays } from '../util/duration.ts';
import { dependencies, recovery, reference, references, rollback, type BuildContext, type PlanPart } from './context.ts';
import type { Cursor } from './cursor.ts';

/** A task's length: from `duration`, `effort` (through the estimates) or its three-point estimate; none when cancelled. */
function taskLength(raw: RawTask, at: Cursor, context: BuildContext): Pick<Task, 'duration' | 'durationSource' | 'estimate'> {
  const cancelled = raw.status === 'cancelled';
  if (raw.duration !== undefined) return { duration: cancelled ? 0 : toWorkingDays(raw.duration), durationSource: 'duration' };
  if (raw.effort !== undefined) return { duration: cancelled ? 0 : context.estimates[raw.effort], durationSource: 'effort' };
  if (raw.estimate === undefined) return { duration: 0, durationSource: 'none' };
  const optimistic = toWorkingDays(raw.estimate.optimistic);
  const likely = toWorkingDays(raw.estimate.likely);
  const pessimistic = toWorkingDays(raw.estimate.pessimistic);
  const estimateAt = at.get('estimate');
  const estimate: ThreePointEstimate = { optimistic, likely, pessimistic, location: estimateAt.keyLocation() };
  if (!(optimistic <= likely && likely <= pessimistic)) {
    context.diagnostics.report(
      invalidEstimate,
      { detail: `The estimate of task \`${raw.id}\` is out of order: optimistic ${optimistic}d, likely ${likely}d, pessimistic ${pessimistic}d` },
      estimateAt.keyLocation(),
    );
  }
  return { duration: cancelled ? 0 : pertMean(optimistic, likely, pessimistic), durationSource: 'estimate', estimate };
}

const PATH_LISTS: readonly PathList[] = ['touches', 'creates', 'tests'];
const NO_PATHS: readonly PathPattern[] = Object.freeze([]);

/** A task's paths with where each is written (most tasks have none: one shared empty list). */
function pathPatterns(raw: RawTask, at: Cursor): readonly PathPattern[] {
  if (!raw.touches && !raw.creates && !raw.tests) return NO_PATHS;
  return PATH_LISTS.flatMap((list) => {
    const written = raw[list] ?? [];
    const listAt = written.length > 0 ? at.get(list) : undefined;
    return written.map((text, index) => ({ list, text, location: listAt!.at(index).location() }));
  });
}

function task(raw: RawTask, at: Cursor, phase: string, defaultOwner: string | undefined, context: BuildContext): Task {
  const location = context.claim(raw.id, 'task', at);
  const { duration, durationSource, estimate } = taskLength(raw, at, context);
  const owner = raw.owner ?? defaultOwner;
  return {
    kind: 'task',
    id: raw.id,
    title: raw.title,
    ...(raw.description !== undefined ? { description: raw.description } : {}),
    ...(owner !== undefined ? { owner } : {}),
    phase,
    ...(raw.effort !== undefined ? { effort: raw.effort } : {}),
    ...(estimate ? { estimate } : {}),
    duration,
    durationSource,
    dependsOn: dependencies(raw.dependsOn ?? [], at.get('dependsOn')),
    status: raw.status ?? 'todo',
    ...(raw.progress !== undefined ? { progress: raw.progress } : {}),
    reversible: raw.reversible ?? true,
    ...(raw.recovery !== undefined ? { recovery: recovery(raw.recovery) } : {}),
    ...(raw.rollback ? { rollback: rollback(raw.rollback, at.get('rollback')) } : {}),
    touches: raw.touches ?? [],
    creates: raw.creates ?? [],
    tests: raw.tests ?? [],
    paths: pathPatterns(raw, at),
    acceptance: raw.acceptance ?? [],
    location,
  };
}

function risk(raw: RawRisk, at: Cursor, context: BuildContext, phase?: string): Risk {
  return { kind: 'risk', ...raw, status: raw.status ?? 'open', ...(phase !== undefined ? { phase } : {}), location: context.claim(raw.id, 'risk', at) };
}

function verification(raw: RawVerification, at: Cursor, context: BuildContext, phase?: string): Verification {
  return { kind: 'verification', ...raw, ...(phase !== undefined ? { phase } : {}), location: context.claim(raw.id, 'verification', at) };
}

function phase(raw: RawPhase, at: Cursor, context: BuildContext): Phase {
  const location = context.claim(raw.id, 'phase', at);
  const tasks = at.get('tasks');
  const risks = at.get('risks');
  const checks = at.get('verification');
  const owner = raw.owner ?? context.raw.owner;
  return {
    kind: 'phase',
    id: raw.id,
    title: raw.title,
    ...(raw.summary !== undefined ? { summary: raw.summary } : {}),
    ...(raw.owner !== undefined ? { owner: raw.owner } : {}),
    dependsOn: dependencies(raw.dependsOn ?? [], at.get('dependsOn')),
    tasks: raw.tasks.map((entry, index) => task(entry, tasks.at(index), raw.id, owner, context)),
    deliverables: raw.deliverables ?? [],
    risks: (raw.risks ?? []).map((entry, index) => risk(entry, risks.at(index), context, raw.id)),
    verification: (raw.verification ?? []).map((entry, index) => verification(entry, checks.at(index), context, raw.id)),
    ...(raw.rollback ? { rollback: rollback(raw.rollback, at.get('rollback')) } : {}),
    location,
  };
}

export const phases: PlanPart = (plan, context) => {
  const at = context.root.get('phases');
  context.raw.phases.forEach((raw, index) => plan.phases.push(phase(raw, at.at(index), context)));
};

export const successCriteria: PlanPart = (plan, context) => {
  const criteria = context.root.get('successCriteria');
  (context.raw.successCriteria ?? []).forEach((criterion, index) => {
    const at = criteria.at(index);
    const location = context.claim(criterion.id, 'criterion', at);
    plan.successCriteria.push({
      kind: 'criterion',
      id: criterion.id,
      text: criterion.text,
      verifiedBy: references(criterion.verifiedBy ?? [], at.get('verifiedBy')),
      location,
    });
  });
};

export const decisions: PlanPart = (plan, context) => {
  const decisionsAt = context.root.get('decisions');
  (context.raw.decisions ?? []).forEach((decision, index) => {
    const at = decisionsAt.at(index);
    plan.decisions.push({
      kind: 'decision',
      id: decision.id,
      title: decision.title,
      status: decision.status ?? 'proposed',
      ...(decision.date !== undefined ? { date: decision.date } : {}),
      ...(decision.context !== undefined ? { context: decision.context } : {}),
      decision: decision.decision,
      alternatives: (decision.alternatives ?? []).map((alternative) => ({ ...alternative })),
      consequences: decision.consequences ?? [],
      ...(decision.supersedes !== undefined ? { supersedes: reference(decision.supersedes, at.get('supersedes').location()) } : {}),
      location: context.claim(decision.id, 'decision', at),
    });
  });
};

export const milestones: PlanPart = (plan, context) => {
  const milestonesAt = context.root.get('milestones');
  (context.raw.milestones ?? []).forEach((milestone, index) => {
    const at = milestonesAt.at(index);
    plan.milestones.push({
      kind: 'milestone',
      id: milestone.id,
      title: milestone.title,
      after: references(milestone.after, at.get('after')),
      ...(milestone.due !== undefined ? { due: milestone.due } : {}),
      location: context.claim(milestone.id, 'milestone', at),
    });
  });
};

/** The plan-wide risks, checks and rollback (phases hold their own). */
export const planWide: PlanPart = (plan, context) => {
  const { raw, root } = context;
  const risks = root.get('risks');
  (raw.risks ?? []).forEach((entry, index) => plan.risks.push(risk(entry, risks.at(index), context)));
  const checks = root.get('verification');
  (raw.verification ?? []).forEach((entry, index) => plan.verification.push(verification(entry, checks.at(index), context)));
  if (raw.rollback) plan.rollback = rollback(raw.rollback, root.get('rollback'));
};

export const rollout: PlanPart = (plan, context) => {
  const raw = context.raw.rollout;
  if (!raw) return;
  const at = context.root.get('rollout');
  const stages = at.get('stages');
  plan.rollout = {
    ...(raw.strategy !== undefined ? { strategy: raw.strategy } : {}),
    ...(raw.flag !== undefined ? { flag: raw.flag } : {}),
    ...(raw.after !== undefined ? { after: references(raw.after, at.get('after')) } : {}),
    stages: raw.stages.map((stage, index) => ({
      kind: 'stage' as const,
      id: stage.id,
      title: stage.title,
      ...(stage.audience !== undefined ? { audience: stage.audience } : {}),
      ...(stage.percent !== undefined ? { percent: stage.percent } : {}),
      duration: stage.duration === undefined ? 0 : toWorkingDays(stage.duration),
      ...(stage.rollbackTrigger !== undefined ? { rollbackTrigger: stage.rollbackTrigger } : {}),
      exitCriteria: stage.exitCriteria ?? [],
      location: context.claim(stage.id, 'stage', stages.at(index)),
    })),
    ...(raw.rollback ? { rollback: rollback(raw.rollback, at.get('rollback')) } : {}),
    location: at.keyLocation(),
  };
};

export const migration: PlanPart = (plan, context) => {
  const raw = context.raw.migration;
  if (!raw) return;
  const data = raw.data;
  plan.migration = {
    overview: (raw.overview ?? []).map((row) => ({ ...row })),
    ...(raw.strategy !== undefined ? { strategy: raw.strategy } : {}),
    ...(data ? { data: { strategy: data.strategy, steps: data.steps, validation: data.validation ?? [] } } : {}),
    location: context.root.get('migration').keyLocation(),
  };
};
