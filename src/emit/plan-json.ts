// plan.json: the analysed plan for other tools (and the site). Everything in the plan,
// plus the schedule, rollback coverage, PERT and Monte Carlo figures and the plan's
// diagnostics. Numbers are plain working days. The format is defined, and its fields
// documented, in src/schema/plan-json-definition.ts (schema/plan-json.schema.json,
// docs/plan-json.md); fields are only ever added to; `format` changes if one must ever
// change meaning.
import type { PlanAnalysis, Timing } from '../analyse/types.ts';
import type { ResolvedDiagnostic } from '../diagnostics/types.ts';
import type { Dependency, Plan, Reference, Risk, Rollback } from '../model/plan.ts';
import { allRisks, allVerifications } from '../model/plan.ts';
import type { PlanJson } from '../schema/plan-json-definition.ts';
import { VERSION } from '../version.ts';

export const PLAN_JSON_FORMAT = 1;

const PROBABILITY_SCORE = { low: 1, medium: 2, high: 3 } as const;
const IMPACT_SCORE = { low: 1, medium: 2, high: 3, critical: 4 } as const;

/** Probability × impact on the 3 × 4 grid: 1 … 12. */
export function riskScore(risk: Pick<Risk, 'probability' | 'impact'>): number {
  return PROBABILITY_SCORE[risk.probability] * IMPACT_SCORE[risk.impact];
}

const ref = (reference: Reference) => ({ id: reference.id, ...(reference.plan ? { plan: reference.plan } : {}) });
const dependency = (d: Dependency) => ({ ...ref(d), type: d.type, lag: d.lag });
const rollback = (r: Rollback | undefined) =>
  r && {
    trigger: r.trigger,
    steps: r.steps,
    dataRecovery: r.dataRecovery,
    owner: r.owner,
    duration: r.duration,
  };

function timing(t: Timing | undefined) {
  if (!t) return {};
  return {
    es: t.es,
    ef: t.ef,
    ls: t.ls,
    lf: t.lf,
    totalFloat: t.totalFloat,
    freeFloat: t.freeFloat,
    critical: t.critical,
    nearCritical: t.nearCritical,
    start: t.start,
    finish: t.finish,
    sigma: t.sigma,
    criticality: t.criticality,
  };
}

export function planJson(plan: Plan, analysis: PlanAnalysis, diagnostics: ResolvedDiagnostic[]): PlanJson {
  const schedule = analysis.schedule;
  const coverage = analysis.coverage;
  const progress = analysis.progress;
  return {
    planc: { version: VERSION, format: PLAN_JSON_FORMAT },
    id: plan.id,
    file: plan.file,
    title: plan.title,
    kind: plan.kind,
    status: plan.status,
    owner: plan.owner,
    tags: plan.tags,
    start: schedule?.start,
    finish: schedule?.finish,
    duration: schedule?.duration,
    calendar: plan.start ? { workdays: plan.calendar.workdays, holidays: plan.calendar.holidays } : undefined,
    estimates: plan.estimates,
    capacity: plan.capacity,
    scheduled: schedule !== undefined,
    criticalPath: schedule?.criticalPath ?? [],
    criticalPaths: schedule?.criticalPaths ?? [],
    nearCritical: schedule?.nearCritical ?? [],
    peakParallelism: schedule?.peakParallelism,
    progress: {
      done: round(progress.done),
      total: round(progress.total),
      percent: progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0,
    },
    rollbackCoverage: {
      covered: coverage.covered,
      total: coverage.total,
      percent: coverage.total > 0 ? Math.round((coverage.covered / coverage.total) * 100) : 100,
      uncovered: coverage.units
        .filter((unit) => !unit.covered)
        .map((unit) => ({ kind: unit.kind, id: unit.id, missing: unit.missing })),
      pointsOfNoReturn: coverage.pointsOfNoReturn,
    },
    pert: schedule?.pert,
    monteCarlo: schedule?.monteCarlo,
    summary: plan.summary,
    goals: plan.goals,
    nonGoals: plan.nonGoals,
    constraints: plan.constraints,
    assumptions: plan.assumptions,
    questions: plan.questions,
    successCriteria: plan.successCriteria.map((criterion) => ({
      id: criterion.id,
      text: criterion.text,
      verifiedBy: criterion.verifiedBy.map(ref),
    })),
    decisions: plan.decisions.map((decision) => ({
      id: decision.id,
      title: decision.title,
      status: decision.status,
      date: decision.date,
      context: decision.context,
      decision: decision.decision,
      alternatives: decision.alternatives.map((a) => ({ option: a.option, rejectedBecause: a.rejectedBecause })),
      consequences: decision.consequences,
      supersedes: decision.supersedes && ref(decision.supersedes),
    })),
    phases: plan.phases.map((phase) => {
      const times = schedule?.phases.get(phase);
      return {
        id: phase.id,
        title: phase.title,
        summary: phase.summary,
        owner: phase.owner,
        dependsOn: phase.dependsOn.map(dependency),
        tasks: phase.tasks.map((task) => task.id),
        deliverables: phase.deliverables,
        risks: phase.risks.map((risk) => risk.id),
        verification: phase.verification.map((check) => check.id),
        rollback: rollback(phase.rollback),
        es: times?.es,
        ef: times?.ef,
        start: times?.start,
        finish: times?.finish,
      };
    }),
    tasks: plan.phases.flatMap((phase) =>
      phase.tasks.map((task) => ({
        id: task.id,
        phase: task.phase,
        title: task.title,
        description: task.description,
        owner: task.owner,
        status: task.status,
        duration: round(task.duration),
        effort: task.effort,
        estimate: task.estimate && {
          optimistic: task.estimate.optimistic,
          likely: task.estimate.likely,
          pessimistic: task.estimate.pessimistic,
        },
        dependsOn: task.dependsOn.map(dependency),
        reversible: task.reversible,
        recovery: task.recovery && { text: task.recovery.text, steps: task.recovery.steps, dataRecovery: task.recovery.dataRecovery },
        rollback: rollback(task.rollback),
        touches: task.touches,
        acceptance: task.acceptance,
        ...timing(schedule?.timings.get(task)),
      })),
    ),
    milestones: plan.milestones.map((milestone) => {
      const status = schedule?.milestones.get(milestone);
      return {
        id: milestone.id,
        title: milestone.title,
        after: milestone.after.map(ref),
        due: milestone.due,
        at: status?.at,
        date: status?.date,
        slip: status?.slip,
        probability: status?.probability,
        simulatedProbability: status?.simulatedProbability,
        reached: status?.reached ?? false,
      };
    }),
    risks: allRisks(plan).map((risk) => ({
      id: risk.id,
      phase: risk.phase,
      risk: risk.risk,
      description: risk.description,
      category: risk.category,
      probability: risk.probability,
      impact: risk.impact,
      score: riskScore(risk),
      mitigation: risk.mitigation,
      contingency: risk.contingency,
      owner: risk.owner,
    })),
    verification: allVerifications(plan).map((check) => ({
      id: check.id,
      phase: check.phase,
      title: check.title,
      description: check.description,
      run: check.run,
      expect: check.expect,
    })),
    rollback: rollback(plan.rollback),
    rollout: plan.rollout && {
      strategy: plan.rollout.strategy,
      flag: plan.rollout.flag,
      after: plan.rollout.after?.map(ref),
      rollback: rollback(plan.rollout.rollback),
      stages: plan.rollout.stages.map((stage) => ({
        id: stage.id,
        title: stage.title,
        audience: stage.audience,
        percent: stage.percent,
        duration: stage.duration,
        rollbackTrigger: stage.rollbackTrigger,
        exitCriteria: stage.exitCriteria,
        ...timing(schedule?.timings.get(stage)),
      })),
    },
    monitoring: plan.monitoring,
    dependencies: plan.dependencies,
    architecture: plan.architecture.map((diagram) => ({
      id: diagram.id,
      title: diagram.title,
      description: diagram.description,
      direction: diagram.direction,
      groups: diagram.groups.map((g) => ({ id: g.id, label: g.label, parent: g.parent })),
      nodes: diagram.nodes.map((n) => ({ id: n.id, label: n.label, kind: n.kind, group: n.group, change: n.change })),
      edges: diagram.edges.map((e) => ({ from: e.from, to: e.to, label: e.label, style: e.style })),
    })),
    migration: plan.migration && { overview: plan.migration.overview, strategy: plan.migration.strategy, data: plan.migration.data },
    diagnostics,
  };
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export { stringify } from '../util/json.ts';
