// What `planc diff` finds: a list of typed changes per plan, as oasdiff lists an API's.
// This is the `--format json` document (docs/diff-json.md): stable, fields only ever added.
import type { Counts, Severity } from '../diagnostics/types.ts';
import type { ItemKind } from '../model/plan.ts';

/** A value as written in a plan, made comparable: text, numbers, lists, mappings. */
export type Value = string | number | boolean | null | Value[] | { [key: string]: Value };

export interface Diff {
  /** Every plan that differs between the two sides: those edited (in head's file order, then the removed ones), then those moved by them. */
  plans: PlanDiff[];
  summary: DiffSummary;
  config: ConfigChange;
}

/** The configuration file of each side (absent: the defaults). */
export interface ConfigChange {
  base?: string;
  head?: string;
  /** The two sides' settings differ: each side's plans were compiled with its own. */
  changed: boolean;
  /** The base side's configuration has errors: nothing was compiled there (every plan "did not compile at base"). */
  baseInvalid: boolean;
}

export interface DiffSummary {
  /** Nothing differs: no plan, no finding. */
  empty: boolean;
  added: number;
  removed: number;
  /** Plans on both sides that differ, whether edited or moved by another plan's change. */
  changed: number;
  /** Plans whose file moved (a plan's identity is its id). */
  moved: number;
  unchanged: number;
  findings: { new: Counts; fixed: Counts };
}

export type PlanChange = 'added' | 'removed' | 'changed';

export interface PlanDiff {
  id: string;
  /** The head's title, or the base's for a removed plan (plan text: untrusted). */
  title: string;
  change: PlanChange;
  /** The plan's file on each side. */
  file: { base?: string; head?: string };
  /** Its own file changed; when false, only plans it depends on did (or the configuration). */
  edited: boolean;
  /** Edited plans it depends on (through `other-plan#id`, directly or not): what moved it. */
  through: string[];
  base?: PlanState;
  head?: PlanState;
  /** The schedule's movement, when both sides have one. */
  schedule?: ScheduleChange;
  milestones: MilestoneChange[];
  /** Tasks, milestones and rollout stages critical at the head and not at the base (new ones too), and the reverse (removed ones too). */
  criticalPath: { entered: string[]; left: string[] };
  /**
   * Total float: `consumed` sums every drop in a task's total float, `released` every gain
   * (working days); `items` are the tasks on both sides whose total float changed, largest drop first.
   */
  float: { consumed: number; released: number; items: FloatChange[] };
  coverage?: CoverageChange;
  risks: RiskChanges;
  /** Success criteria verified by something at the base and by nothing at the head. */
  lostVerification: Array<{ id: string; text: string; verifiedBy: string[] }>;
  /** Items added, removed or changed, with the fields that changed; the plan's own fields as kind `plan`. */
  items: ItemChange[];
  findings: { new: Finding[]; fixed: Finding[] };
}

/** A plan as one side has it. */
export interface PlanState {
  file: string;
  /**
   * False: its file has errors ("did not compile"). The figures below are there when the
   * file still gave a plan (its errors are the analysis', such as an unmitigated risk), and
   * absent when it did not (YAML or schema errors).
   */
  compiled: boolean;
  errors: number;
  warnings: number;
  /** False when the plan is in a dependency cycle (no schedule). */
  scheduled?: boolean;
  start?: string;
  finish?: string;
  /** Working days. */
  duration?: number;
  /** Monte Carlo P80 of the finish, in working days (and its date), when the plan has three-point estimates. */
  p80?: number;
  p80Date?: string;
  criticalPath?: string[];
  coverage?: { covered: number; total: number; percent: number; pointsOfNoReturn: string[] };
  /** Milestones scheduled after their due date. */
  slips?: Array<{ id: string; date: string; due: string; days: number }>;
}

export interface ScheduleChange {
  /** Working days the finish moved: positive is later. */
  finish: number;
  start: number;
  /** Working days the P80 moved, when both sides have one. */
  p80?: number;
}

export interface MilestoneSide {
  /** Working days from the plan's start. */
  at: number;
  /** The working day (1 = the first) it is reached on. */
  day: number;
  date?: string;
  due?: string;
  /** Working days late. */
  slip?: number;
}

export interface MilestoneChange {
  id: string;
  title: string;
  change: 'added' | 'removed' | 'changed';
  base?: MilestoneSide;
  head?: MilestoneSide;
  /** Working days it moved (positive: later), when on both sides. */
  moved?: number;
  /** `new`: slips past its due date now and did not (or was not there); `cleared`: the reverse; `worse`/`better`: slips more or less. */
  slip?: 'new' | 'cleared' | 'worse' | 'better';
}

export interface FloatChange {
  id: string;
  base: number;
  head: number;
}

export interface CoverageUnitRef {
  kind: 'phase' | 'stage' | 'task';
  id: string;
  missing: string[];
}

export interface CoverageChange {
  base: { covered: number; total: number; percent: number };
  head: { covered: number; total: number; percent: number };
  /** Units not covered at the head that were not uncovered at the base (covered, or not there yet). */
  lost: CoverageUnitRef[];
  /** Units not covered at the base that are not uncovered at the head (covered now, or gone); `missing` as at the base. */
  regained: CoverageUnitRef[];
  pointsOfNoReturn: { added: string[]; removed: string[] };
}

export interface RiskRef {
  id: string;
  risk: string;
  probability: string;
  impact: string;
  score: number;
}

export interface RiskChanges {
  added: RiskRef[];
  removed: RiskRef[];
  rescored: Array<{ id: string; risk: string; base: RiskRef; head: RiskRef }>;
  /** High- or critical-impact risks that had a mitigation at the base and have none at the head. */
  lostMitigation: RiskRef[];
}

export interface FieldChange {
  /** The property, dotted for nested ones (`rollback.steps`, `estimate.likely`). */
  field: string;
  base?: Value;
  head?: Value;
}

export interface ItemChange {
  kind: ItemKind | 'plan';
  id: string;
  title: string;
  change: 'added' | 'removed' | 'changed';
  fields: FieldChange[];
}

export interface Finding {
  code: string;
  /** The rule's name, as `rules:` of the configuration names it. */
  rule: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  /** What it is about, as a path of ids (`phases[build]/tasks[code]/owner`); absent for the file as a whole. */
  item?: string;
  /** Where its code is explained (the site's page when `site.url` is set, else planc's docs). */
  url: string;
}
