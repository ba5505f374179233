// The typed plan model: what every stage after `build` works on. Types only, plus the
// defaults of the language. No stage after build sees YAML nodes or ajv errors.
//
// The language's enumerations and the parts build copies as they are written come from the
// schema's definition (src/schema/plan-definition.ts), so they are never typed twice; the
// rest is the model's own shape (defaults applied, durations in days, references bound).
// test/language.test.ts fails to compile when a property of the schema has no field here,
// and fails at run time when build or plan.json leaves a written value out.
import type { Location } from '../diagnostics/types.ts';
import type * as Language from '../schema/plan-definition.ts';

// The enumerations of the language, as the schema lists them.
export type Size = Language.Size;
export type DependencyType = Language.DependencyType;
export type PlanKind = Language.PlanKind;
export type PlanStatus = Language.PlanStatus;
export type TaskStatus = Language.TaskStatus;
export type DecisionStatus = Language.DecisionStatus;
export type Probability = Language.Probability;
export type Impact = Language.Impact;
export type RiskCategory = Language.RiskCategory;
export type RiskStatus = Language.RiskStatus;
export type Weekday = Language.Weekday;
export type Direction = Language.Direction;
export type NodeKind = Language.NodeKind;
export type NodeChange = Language.NodeChange;
export type EdgeStyle = Language.EdgeStyle;
export type Strategy = Language.Strategy;
export type DataStrategy = Language.DataStrategy;
export type AlertSeverity = Language.AlertSeverity;

export const DEFAULT_ESTIMATES: Readonly<Record<Size, number>> = { XS: 0.5, S: 1, M: 3, L: 5, XL: 10 };
export const DEFAULT_WORKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
/** The dependency types, in the order the graph numbers them (0 = FS … 3 = SF). */
export const DEPENDENCY_TYPES: readonly DependencyType[] = ['FS', 'SS', 'FF', 'SF'];

/** The kinds of item that share a plan's id namespace. */
export type ItemKind =
  | 'phase'
  | 'task'
  | 'milestone'
  | 'stage'
  | 'risk'
  | 'verification'
  | 'decision'
  | 'criterion'
  | 'diagram';

/** How messages name each kind of item. */
export const ITEM_KIND_WORDS: Readonly<Record<ItemKind, string>> = {
  phase: 'phase',
  task: 'task',
  milestone: 'milestone',
  stage: 'rollout stage',
  risk: 'risk',
  verification: 'verification checkpoint',
  decision: 'decision',
  criterion: 'success criterion',
  diagram: 'architecture diagram',
};

/** A reference as written (`id` or `plan#id`) with where it was written. */
export interface Reference {
  /** The text as written. */
  raw: string;
  /** The other plan's id, for a cross-plan reference. */
  plan: string | undefined;
  id: string;
  location: Location;
  /**
   * What it names, once the link stage has resolved it (as a compiler's binder binds names):
   * undefined before linking and when it names nothing of the right kind.
   */
  target: ReferenceTarget | undefined;
}

/** An item and the plan it belongs to. */
export interface ReferenceTarget {
  plan: Plan;
  item: Item;
}

export interface Dependency extends Reference {
  type: DependencyType;
  /** Working days; negative for a lead. */
  lag: number;
}

export interface Rollback {
  trigger?: string;
  steps: string[];
  dataRecovery?: string;
  owner?: string;
  duration?: number;
  location: Location;
}

export interface Recovery {
  text?: string;
  steps: string[];
  dataRecovery?: string;
}

export interface ThreePointEstimate {
  optimistic: number;
  likely: number;
  pessimistic: number;
  location: Location;
}

export interface Task {
  kind: 'task';
  id: string;
  title: string;
  description?: string;
  owner?: string;
  /** The id of the phase the task belongs to. */
  phase: string;
  effort?: Size;
  estimate?: ThreePointEstimate;
  /** Working days: from `duration`, `effort` (through the plan's estimates) or the PERT mean. */
  duration: number;
  durationSource: 'duration' | 'effort' | 'estimate' | 'none';
  dependsOn: Dependency[];
  status: TaskStatus;
  /** The share of its work done (0…1), as written; see `taskProgress` for what counts. */
  progress?: number;
  reversible: boolean;
  recovery?: Recovery;
  rollback?: Rollback;
  /** The code it changes, as written: paths and globs relative to the repository root. */
  touches: string[];
  /** The code it will create, as written. */
  creates: string[];
  /** The tests that verify it, as written. */
  tests: string[];
  /** Every path of `touches`, `creates` and `tests`, in that order, with where it is written. */
  paths: readonly PathPattern[];
  acceptance: string[];
  location: Location;
}

/** The lists of a task that name code: what it changes, what it creates, what tests it. */
export type PathList = 'touches' | 'creates' | 'tests';

/** A path or glob of a task, as written. */
export interface PathPattern {
  list: PathList;
  text: string;
  location: Location;
}

/** A risk as written (build copies every property), with where it belongs. */
export interface Risk extends Language.RawRisk {
  kind: 'risk';
  status: RiskStatus;
  /** The phase it belongs to; undefined for a plan-wide risk. */
  phase?: string;
  location: Location;
}

/** A verification checkpoint as written (build copies every property), with where it belongs. */
export interface Verification extends Language.RawVerification {
  kind: 'verification';
  phase?: string;
  location: Location;
}

export interface Phase {
  kind: 'phase';
  id: string;
  title: string;
  summary?: string;
  owner?: string;
  dependsOn: Dependency[];
  tasks: Task[];
  deliverables: string[];
  risks: Risk[];
  verification: Verification[];
  rollback?: Rollback;
  location: Location;
}

export interface Decision {
  kind: 'decision';
  id: string;
  title: string;
  status: DecisionStatus;
  date?: string;
  context?: string;
  decision: string;
  alternatives: Alternative[];
  consequences: string[];
  supersedes?: Reference;
  location: Location;
}

/** An alternative a decision considered, as written. */
export type Alternative = NonNullable<Language.RawDecision['alternatives']>[number];

export interface SuccessCriterion {
  kind: 'criterion';
  id: string;
  text: string;
  verifiedBy: Reference[];
  location: Location;
}

export interface Milestone {
  kind: 'milestone';
  id: string;
  title: string;
  after: Reference[];
  due?: string;
  location: Location;
}

export interface RolloutStage {
  kind: 'stage';
  id: string;
  title: string;
  audience?: string;
  percent?: number;
  duration: number;
  rollbackTrigger?: string;
  exitCriteria: string[];
  location: Location;
}

export interface Rollout {
  strategy?: Strategy;
  flag?: string;
  after?: Reference[];
  stages: RolloutStage[];
  rollback?: Rollback;
  location: Location;
}

export interface ArchitectureNode {
  id: string;
  label: string;
  kind: NodeKind;
  group?: string;
  change: NodeChange;
  location: Location;
}

export interface ArchitectureGroup {
  id: string;
  label: string;
  parent?: string;
  location: Location;
}

export interface ArchitectureEdge {
  from: string;
  to: string;
  label?: string;
  style: EdgeStyle;
  location: Location;
}

export interface ArchitectureDiagram {
  kind: 'diagram';
  id: string;
  title: string;
  description?: string;
  direction: Direction;
  groups: ArchitectureGroup[];
  nodes: ArchitectureNode[];
  edges: ArchitectureEdge[];
  location: Location;
}

/** Working days and holidays: the plan's calendar with the config's defaults filled in. */
export type Calendar = Required<Language.RawCalendar>;

type RawMonitoring = NonNullable<Language.RawPlan['monitoring']>;
type RawDependencies = NonNullable<Language.RawPlan['dependencies']>;
type RawMigration = NonNullable<Language.RawPlan['migration']>;

// Copied as written (build spreads each one).
export type Alert = NonNullable<RawMonitoring['alerts']>[number];
export type Dashboard = NonNullable<RawMonitoring['dashboards']>[number];
export type InternalDependency = NonNullable<RawDependencies['internal']>[number];
export type ExternalDependency = NonNullable<RawDependencies['external']>[number];
export type MigrationAspect = NonNullable<RawMigration['overview']>[number];

export interface Migration {
  overview: MigrationAspect[];
  strategy?: Strategy;
  data?: { strategy: DataStrategy; steps: string[]; validation: string[] };
  location: Location;
}

export interface Plan {
  id: string;
  file: string;
  title: string;
  kind: PlanKind;
  status: PlanStatus;
  owner?: string;
  start?: string;
  calendar: Calendar;
  estimates: Record<Size, number>;
  capacity: Record<string, number>;
  summary?: string;
  goals: string[];
  nonGoals: string[];
  constraints: string[];
  assumptions: string[];
  questions: string[];
  successCriteria: SuccessCriterion[];
  decisions: Decision[];
  phases: Phase[];
  milestones: Milestone[];
  /** Plan-wide risks; each phase holds its own. */
  risks: Risk[];
  /** Plan-wide checks; each phase holds its own. */
  verification: Verification[];
  rollback?: Rollback;
  rollout?: Rollout;
  monitoring: { alerts: Alert[]; dashboards: Dashboard[] };
  dependencies: { internal: InternalDependency[]; external: ExternalDependency[] };
  architecture: ArchitectureDiagram[];
  migration?: Migration;
  tags: string[];
  /** Where the plan is: its title, for diagnostics about the plan as a whole. */
  location: Location;
}

export type Item = Phase | Task | Milestone | RolloutStage | Risk | Verification | Decision | SuccessCriterion | ArchitectureDiagram;

/** Every risk of a plan, phase risks first in phase order, then plan-wide ones. */
export function allRisks(plan: Plan): Risk[] {
  return [...plan.phases.flatMap((phase) => phase.risks), ...plan.risks];
}

export function allVerifications(plan: Plan): Verification[] {
  return [...plan.phases.flatMap((phase) => phase.verification), ...plan.verification];
}

export function allTasks(plan: Plan): Task[] {
  return plan.phases.flatMap((phase) => phase.tasks);
}

/** Every item of a plan, in the order of its id namespace: each phase with its tasks, then milestones, rollout stages, risks, checks, decisions, success criteria and diagrams. */
export function allItems(plan: Plan): Item[] {
  return [
    ...plan.phases.flatMap((phase): Item[] => [phase, ...phase.tasks]),
    ...plan.milestones,
    ...(plan.rollout?.stages ?? []),
    ...allRisks(plan),
    ...allVerifications(plan),
    ...plan.decisions,
    ...plan.successCriteria,
    ...plan.architecture,
  ];
}

/**
 * The share of a task's work that is done, as the language defines it: all of a `done`
 * task, none of a `cancelled` one (it takes no time), and for the others what `progress`
 * says (none without it).
 */
export function taskProgress(task: Pick<Task, 'status' | 'progress'>): number {
  if (task.status === 'done') return 1;
  if (task.status === 'cancelled') return 0;
  return task.progress ?? 0;
}
