// The typed plan model: what every stage after `build` works on. Types only, plus the
// defaults of the language. No stage after build sees YAML nodes or ajv errors.
import type { Location } from '../diagnostics/types.ts';

export type Size = 'XS' | 'S' | 'M' | 'L' | 'XL';
export type DependencyType = 'FS' | 'SS' | 'FF' | 'SF';
export type PlanKind = 'implementation' | 'migration' | 'refactoring' | 'debt-reduction';
export type PlanStatus = 'draft' | 'proposed' | 'approved' | 'in-progress' | 'done' | 'cancelled';
export type TaskStatus = 'todo' | 'in-progress' | 'done' | 'blocked' | 'cancelled';
export type Probability = 'low' | 'medium' | 'high';
export type Impact = 'low' | 'medium' | 'high' | 'critical';
export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

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
  reversible: boolean;
  recovery?: Recovery;
  rollback?: Rollback;
  touches: string[];
  acceptance: string[];
  location: Location;
}

export interface Risk {
  kind: 'risk';
  id: string;
  risk: string;
  description?: string;
  category?: string;
  probability: Probability;
  impact: Impact;
  mitigation?: string;
  contingency?: string;
  owner?: string;
  /** The phase it belongs to; undefined for a plan-wide risk. */
  phase?: string;
  location: Location;
}

export interface Verification {
  kind: 'verification';
  id: string;
  title: string;
  description?: string;
  run?: string;
  expect?: string;
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
  status: 'proposed' | 'accepted' | 'rejected' | 'superseded' | 'deprecated';
  date?: string;
  context?: string;
  decision: string;
  alternatives: Array<{ option: string; rejectedBecause?: string }>;
  consequences: string[];
  supersedes?: Reference;
  location: Location;
}

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
  strategy?: string;
  flag?: string;
  after?: Reference[];
  stages: RolloutStage[];
  rollback?: Rollback;
  location: Location;
}

export interface ArchitectureNode {
  id: string;
  label: string;
  kind: 'service' | 'store' | 'queue' | 'client' | 'external' | 'function';
  group?: string;
  change: 'unchanged' | 'new' | 'changed' | 'removed';
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
  style: 'sync' | 'async' | 'data';
  location: Location;
}

export interface ArchitectureDiagram {
  kind: 'diagram';
  id: string;
  title: string;
  description?: string;
  direction: 'LR' | 'RL' | 'TB' | 'BT';
  groups: ArchitectureGroup[];
  nodes: ArchitectureNode[];
  edges: ArchitectureEdge[];
  location: Location;
}

export interface Calendar {
  workdays: Weekday[];
  holidays: string[];
}

export interface Alert {
  name: string;
  condition: string;
  severity?: string;
  notify?: string;
}

export interface Migration {
  overview: Array<{ aspect: string; current: string; target: string }>;
  strategy?: string;
  data?: { strategy: string; steps: string[]; validation: string[] };
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
  monitoring: { alerts: Alert[]; dashboards: Array<{ title: string; url?: string }> };
  dependencies: {
    internal: Array<{ name: string; owner?: string; status?: string }>;
    external: Array<{ name: string; version?: string; purpose?: string }>;
  };
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
