import type { Milestone, Phase, Plan, Risk, RolloutStage, Task } from '../model/plan.ts';
import type { WorkCalendar } from './calendar.ts';
import type { RollbackCoverage } from './coverage.ts';
import type { CpmResult } from './cpm.ts';
import type { Graph } from './graph.ts';
import type { RiskRating } from '../model/risks.ts';
import type { PlanCode } from './code/types.ts';
import type { OwnerWorkload } from './workload.ts';

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
  /**
   * The working days (1 = the first) it starts and finishes on: the days of `start` and
   * `finish`, counted. A zero-length item sits at the end of the day before its offset.
   */
  startDay: number;
  finishDay: number;
  /** PERT: σ of the task's own estimate. */
  sigma: number | undefined;
  /** Monte Carlo: the share of runs in which it was critical. */
  criticality: number | undefined;
  /** With a status date: where the plan as written put it (this timing is the forecast). */
  planned: PlannedTiming | undefined;
  /**
   * With a status date: `start` when it should have started before it and has not (a task
   * still to do or blocked), `finish` when it should have finished and is not done.
   */
  late: 'start' | 'finish' | undefined;
}

/** Where the plan as written (the baseline) puts an item, beside the forecast of a status date. */
export interface PlannedTiming {
  es: number;
  ef: number;
  start: string | undefined;
  finish: string | undefined;
  startDay: number;
  finishDay: number;
}

/** A task late on the status date, placed by the plan as written and by the forecast. */
export interface LateTask {
  late: 'start' | 'finish';
  planned: PlannedTiming;
  forecast: { start: string; finish: string };
}

export interface MilestoneStatus {
  /** When it is reached, in working days. */
  at: number;
  /** The working day (1 = the first) it is reached on: the day of `date`, counted. */
  day: number;
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
  /** With a status date: when the plan as written reaches it (`at`, `date`: the forecast). */
  planned?: { at: number; day: number; date?: string };
  /** With a status date: due before it and not reached. */
  overdue?: boolean;
}

/** A plan's progress judged on a status date: the schedule is the forecast, this is what was planned. */
export interface StatusView {
  /** The status date, YYYY-MM-DD: work before it is judged, work after it forecast. */
  date: string;
  /** The start of the status day, in working days from the plan's start. */
  offset: number;
  /** The plan as written, scheduled without the status date (the baseline). */
  planned: { duration: number; start?: string; finish?: string };
  /** Working days the forecast finishes after the plan as written (negative: ahead of it). */
  slip: number;
  /** Tasks that should have started before the status date and are still to do or blocked, in plan order. */
  notStarted: Task[];
  /** Tasks that should have finished before it and are not done, in plan order. */
  overdue: Task[];
  /** Each task of `notStarted` and `overdue`: where the plan as written put it, and where the forecast does (read by rules and reports without the per-item timings). */
  late: Map<Task, LateTask>;
  /** Milestones due before it and not reached, in plan order. */
  overdueMilestones: Milestone[];
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

/** A phase's span: from its first task's start to its last task's finish. */
export interface PhaseTiming {
  es: number;
  ef: number;
  start?: string;
  finish?: string;
  /** Working days (1 = the first), as in Timing. */
  startDay: number;
  finishDay: number;
}

export interface PlanSchedule {
  /** Working days from start to the last finish. */
  duration: number;
  start?: string;
  finish?: string;
  timings: Map<Task | Milestone | RolloutStage, Timing>;
  phases: Map<Phase, PhaseTiming>;
  milestones: Map<Milestone, MilestoneStatus>;
  /** Each owner's load over time against their capacity (worked out when first read). */
  workload: OwnerWorkload[];
  /** One critical chain, ids in order (the first of criticalPaths). */
  criticalPath: string[];
  criticalPaths: string[][];
  nearCritical: string[];
  peakParallelism: { tasks: number; at: number; date?: string; ids: string[] };
  /** PERT figures of the critical path, when the plan has three-point estimates. */
  pert?: { expected: number; sigma: number };
  monteCarlo?: MonteCarlo;
  calendar?: WorkCalendar;
  /** With a status date (and dates): what was planned, and what is late. */
  status?: StatusView;
}

/**
 * The network a plan was scheduled in, with the plans linked to it: its graph, the
 * schedule over it, and which items and links are critical, worked out once.
 */
export interface AnalysedNetwork {
  graph: Graph;
  /** The schedule over the graph (links in cycles left out). */
  cpm: CpmResult;
  /** 1 for each node without total float. */
  critical: Uint8Array;
  /** 1 for each link that drives its successor (no slack; links in cycles never do). */
  driving: Uint8Array;
  /** 1 for each driving link between two critical nodes: the critical path's links. */
  criticalLinks: Uint8Array;
}

export interface PlanAnalysis {
  plan: Plan;
  network: AnalysedNetwork;
  /** Absent when the plan takes part in a dependency cycle. */
  schedule?: PlanSchedule;
  coverage: RollbackCoverage;
  /** Working days of work done, and in all (cancelled tasks excluded): the plan's progress. */
  progress: { done: number; total: number; percent: number };
  /** Every risk with its rating, in plan order (phase risks first, then plan-wide ones). */
  risks: ReadonlyMap<Risk, RiskRating>;
  /** Its tasks' code, resolved against the repository (when the check read one). */
  code?: PlanCode;
}
