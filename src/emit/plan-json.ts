// plan.json: the analysed plan for other tools (and the site). Everything in the plan,
// plus the schedule, rollback coverage, PERT and Monte Carlo figures and the plan's
// diagnostics. Numbers are plain working days. The format is defined, and its fields
// documented, in src/schema/plan-json-definition.ts (schema/plan-json.schema.json,
// docs/plan-json.md); fields are only ever added to; `format` changes if one must ever
// change meaning. Each part of the file is a small handler; planJson puts them together in
// the file's order, and the PlanJson type checks that together they give every field.
import type { PlanCode } from '../analyse/code/types.ts';
import type { PlanAnalysis, Timing } from '../analyse/types.ts';
import type { ResolvedDiagnostic } from '../diagnostics/types.ts';
import type { Dependency, Plan, Reference, Rollback, Task } from '../model/plan.ts';
import { allTasks, allVerifications } from '../model/plan.ts';
import type { PlanJson } from '../schema/plan-json-definition.ts';
import { roundDays } from '../util/duration.ts';
import { VERSION } from '../version.ts';

export const PLAN_JSON_FORMAT = 1;

interface Context {
  plan: Plan;
  analysis: PlanAnalysis;
  diagnostics: ResolvedDiagnostic[];
}

/** A part of plan.json: some of its fields, from the plan and its analysis. */
type Part<K extends keyof PlanJson> = (context: Context) => Pick<PlanJson, K>;

const ref = (reference: Reference) => ({ id: reference.id, ...(reference.plan ? { plan: reference.plan } : {}) });
const dependency = (d: Dependency) => ({ ...ref(d), type: d.type, lag: d.lag });
const rollback = (r: Rollback | undefined) => r && { trigger: r.trigger, steps: r.steps, dataRecovery: r.dataRecovery, owner: r.owner, duration: r.duration };

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
    startDay: t.startDay,
    finishDay: t.finishDay,
    sigma: t.sigma,
    criticality: t.criticality,
    planned: t.planned && { ...t.planned },
    late: t.late,
  };
}

const identity: Part<'planc' | 'id' | 'file' | 'title' | 'kind' | 'status' | 'owner' | 'tags'> = ({ plan }) => ({
  planc: { version: VERSION, format: PLAN_JSON_FORMAT },
  id: plan.id,
  file: plan.file,
  title: plan.title,
  kind: plan.kind,
  status: plan.status,
  owner: plan.owner,
  tags: plan.tags,
});

const settings: Part<'start' | 'finish' | 'duration' | 'calendar' | 'estimates' | 'capacity'> = ({ plan, analysis }) => ({
  start: analysis.schedule?.start,
  finish: analysis.schedule?.finish,
  duration: analysis.schedule?.duration,
  calendar: plan.start ? { workdays: plan.calendar.workdays, holidays: plan.calendar.holidays } : undefined,
  estimates: plan.estimates,
  capacity: plan.capacity,
});

const schedule: Part<'scheduled' | 'repository' | 'criticalPath' | 'criticalPaths' | 'nearCritical' | 'peakParallelism'> = ({ analysis }) => ({
  scheduled: analysis.schedule !== undefined,
  repository: analysis.code && {
    source: analysis.code.repository.source,
    codeowners: analysis.code.repository.codeowners,
  },
  criticalPath: analysis.schedule?.criticalPath ?? [],
  criticalPaths: analysis.schedule?.criticalPaths ?? [],
  nearCritical: analysis.schedule?.nearCritical ?? [],
  peakParallelism: analysis.schedule?.peakParallelism,
});

/** With a status date: the day, the plan as written, and what is late on it. */
const tracking: Part<'statusDate' | 'planned' | 'late'> = ({ analysis }) => {
  const status = analysis.schedule?.status;
  return {
    statusDate: status?.date,
    planned: status && { start: status.planned.start, finish: status.planned.finish, duration: status.planned.duration },
    late: status && {
      notStarted: status.notStarted.map((task) => task.id),
      overdue: status.overdue.map((task) => task.id),
      milestones: status.overdueMilestones.map((milestone) => milestone.id),
    },
  };
};

const figures: Part<'progress' | 'rollbackCoverage' | 'pert' | 'monteCarlo'> = ({ analysis }) => {
  const { progress, coverage } = analysis;
  return {
    progress: { done: roundDays(progress.done), total: roundDays(progress.total), percent: progress.percent },
    rollbackCoverage: {
      covered: coverage.covered,
      total: coverage.total,
      percent: coverage.percent,
      uncovered: coverage.units.filter((unit) => !unit.covered).map((unit) => ({ kind: unit.kind, id: unit.id, missing: unit.missing })),
      pointsOfNoReturn: coverage.pointsOfNoReturn,
    },
    pert: analysis.schedule?.pert,
    monteCarlo: analysis.schedule?.monteCarlo,
  };
};

const narrative: Part<'summary' | 'goals' | 'nonGoals' | 'constraints' | 'assumptions' | 'questions'> = ({ plan }) => ({
  summary: plan.summary,
  goals: plan.goals,
  nonGoals: plan.nonGoals,
  constraints: plan.constraints,
  assumptions: plan.assumptions,
  questions: plan.questions,
});

const successCriteria: Part<'successCriteria'> = ({ plan }) => ({
  successCriteria: plan.successCriteria.map((criterion) => ({ id: criterion.id, text: criterion.text, verifiedBy: criterion.verifiedBy.map(ref) })),
});

const decisions: Part<'decisions'> = ({ plan }) => ({
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
});

const phases: Part<'phases'> = ({ plan, analysis }) => ({
  phases: plan.phases.map((phase) => {
    const times = analysis.schedule?.phases.get(phase);
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
      startDay: times?.startDay,
      finishDay: times?.finishDay,
    };
  }),
});

const tasks: Part<'tasks'> = ({ plan, analysis }) => ({
  tasks: allTasks(plan).map((task) => ({
    id: task.id,
    phase: task.phase,
    title: task.title,
    description: task.description,
    owner: task.owner,
    status: task.status,
    progress: task.progress,
    duration: roundDays(task.duration),
    effort: task.effort,
    estimate: task.estimate && { optimistic: task.estimate.optimistic, likely: task.estimate.likely, pessimistic: task.estimate.pessimistic },
    dependsOn: task.dependsOn.map(dependency),
    reversible: task.reversible,
    recovery: task.recovery && { text: task.recovery.text, steps: task.recovery.steps, dataRecovery: task.recovery.dataRecovery },
    rollback: rollback(task.rollback),
    touches: task.touches,
    creates: task.creates,
    tests: task.tests,
    code: taskCode(analysis.code, task),
    acceptance: task.acceptance,
    ...timing(analysis.schedule?.timings.get(task)),
  })),
});

function taskCode(code: PlanCode | undefined, task: Task): PlanJson['tasks'][number]['code'] {
  const found = code?.tasks.get(task);
  if (!found) return undefined;
  const listed = (files: readonly string[]) => ({ count: files.length, paths: files.slice(0, code!.listed) });
  return {
    files: listed(found.files),
    tests: listed(found.tests),
    owners: [...found.owners],
    paths: found.matches.map((match) => ({ list: match.pattern.list, pattern: match.pattern.text, matched: match.files.length })),
  };
}

const milestones: Part<'milestones'> = ({ plan, analysis }) => ({
  milestones: plan.milestones.map((milestone) => {
    const status = analysis.schedule?.milestones.get(milestone);
    return {
      id: milestone.id,
      title: milestone.title,
      after: milestone.after.map(ref),
      due: milestone.due,
      at: status?.at,
      day: status?.day,
      date: status?.date,
      slip: status?.slip,
      probability: status?.probability,
      simulatedProbability: status?.simulatedProbability,
      reached: status?.reached ?? false,
      planned: status?.planned && { ...status.planned },
      overdue: status?.overdue,
    };
  }),
});

const risks: Part<'risks'> = ({ analysis }) => ({
  risks: [...analysis.risks].map(([risk, rating]) => ({
    id: risk.id,
    phase: risk.phase,
    risk: risk.risk,
    description: risk.description,
    category: risk.category,
    probability: risk.probability,
    impact: risk.impact,
    score: rating.score,
    mitigation: risk.mitigation,
    contingency: risk.contingency,
    owner: risk.owner,
    status: risk.status,
  })),
});

const verification: Part<'verification'> = ({ plan }) => ({
  verification: allVerifications(plan).map((check) => ({
    id: check.id,
    phase: check.phase,
    title: check.title,
    description: check.description,
    run: check.run,
    expect: check.expect,
  })),
});

const operations: Part<'rollback' | 'rollout' | 'monitoring' | 'dependencies'> = ({ plan, analysis }) => ({
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
      ...timing(analysis.schedule?.timings.get(stage)),
    })),
  },
  monitoring: plan.monitoring,
  dependencies: plan.dependencies,
});

const design: Part<'architecture' | 'migration'> = ({ plan }) => ({
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
});

export function planJson(plan: Plan, analysis: PlanAnalysis, diagnostics: ResolvedDiagnostic[]): PlanJson {
  const context: Context = { plan, analysis, diagnostics };
  // In the order of the file (tools that diff two plan.json files see stable keys).
  return {
    ...identity(context),
    ...settings(context),
    ...schedule(context),
    ...tracking(context),
    ...figures(context),
    ...narrative(context),
    ...successCriteria(context),
    ...decisions(context),
    ...phases(context),
    ...tasks(context),
    ...milestones(context),
    ...risks(context),
    ...verification(context),
    ...operations(context),
    ...design(context),
    diagnostics,
  };
}
