import type { Milestone, Phase, Plan, RolloutStage, Task } from '../model/plan.ts';
import type { WorkCalendar } from './calendar.ts';
import type { RollbackCoverage } from './coverage.ts';
import type { CpmResult } from './cpm.ts';
import type { Graph } from './graph.ts';

/** The schedule of one task, milestone or rollout stage, in working days from the plan start. */
export interface Timing {
  es: number;
  ef: number;
  ls: number;
  lf: number;
  totalFloat: number;
  freeFloat: number;
  critical: boolean;
  nearCritical: boolean;
  /** Calendar dates, when the plan has a start date. */
  start: string | undefined;
  finish: string | undefined;
  /** PERT: σ of the task's own estimate. */
  sigma: number | undefined;
  /** Monte Carlo: the share of runs in which it was critical. */
  criticality: number | undefined;
}

export interface MilestoneStatus {
  /** When it is reached, in working days. */
  at: number;
  date?: string;
  due?: string;
  /** Working days late (positive) when scheduled after its due date. */
  slip?: number;
  /** PERT (normal approximation) chance of being reached by the due date. */
  probability?: number;
  /** Monte Carlo share of runs that reached it by the due date. */
  simulatedProbability?: number;
  /** Reached: everything it waits for is done. */
  reached: boolean;
}

export interface MonteCarlo {
  runs: number;
  seed: number;
  p50: number;
  p80: number;
  p95: number;
  p50Date?: string;
  p80Date?: string;
  p95Date?: string;
}

export interface PlanSchedule {
  /** Working days from start to the last finish. */
  duration: number;
  start?: string;
  finish?: string;
  timings: Map<Task | Milestone | RolloutStage, Timing>;
  phases: Map<Phase, { es: number; ef: number; start?: string; finish?: string }>;
  milestones: Map<Milestone, MilestoneStatus>;
  /** One critical chain, ids in order (the first of criticalPaths). */
  criticalPath: string[];
  criticalPaths: string[][];
  nearCritical: string[];
  peakParallelism: { tasks: number; at: number; date?: string; ids: string[] };
  /** PERT figures of the critical path, when the plan has three-point estimates. */
  pert?: { expected: number; sigma: number };
  monteCarlo?: MonteCarlo;
  calendar?: WorkCalendar;
}

export interface PlanAnalysis {
  plan: Plan;
  /** The dependency graph the plan was scheduled in (with the plans linked to it). */
  graph: Graph;
  /** Its schedule over that graph (cycle links left out). */
  cpm: CpmResult;
  /** Absent when the plan takes part in a dependency cycle. */
  schedule?: PlanSchedule;
  coverage: RollbackCoverage;
  /** Working days of work done, and in all (cancelled tasks excluded): the plan's progress. */
  progress: { done: number; total: number };
}
