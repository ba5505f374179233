// The diff of two checks of a set of plans (a base and a head revision): for every plan,
// by id (a plan's identity; a moved file is not a new plan), what changed in it and what
// that does — the schedule's movement, milestones and their slips, the critical path,
// float, rollback coverage, risks, verification, the items and their fields, findings new
// and fixed. Pure: both sides are given, checked; git and the compiler are the wiring's.
import type { ProjectAnalysis } from '../analyse/analyse.ts';
import type { WorkCalendar } from '../analyse/calendar.ts';
import type { PlanAnalysis, PlanSchedule, Timing } from '../analyse/types.ts';
import { countFindings } from '../diagnostics/counts.ts';
import type { ResolvedDiagnostic } from '../diagnostics/types.ts';
import { allItems, allRisks, allTasks, type Item, type Plan, type Risk } from '../model/plan.ts';
import { hasMitigation, needsMitigation, riskRating } from '../model/risks.ts';
import { EPSILON, roundDays } from '../util/duration.ts';
import { fieldsOf, sameValue } from './fields.ts';
import type {
  ConfigChange,
  CoverageChange,
  Diff,
  FieldChange,
  Finding,
  FloatChange,
  ItemChange,
  MilestoneChange,
  MilestoneSide,
  PlanDiff,
  PlanState,
  RiskChanges,
  RiskRef,
  ScheduleChange,
} from './types.ts';

/** One side of the diff: what a check of it gives (a library result has all of it). */
export interface DiffSide {
  /** Plan files checked, in order. */
  files: readonly string[];
  plans: readonly Plan[];
  /** The plans without errors in their file: the ones compared item by item. */
  built: readonly Plan[];
  analysis: ProjectAnalysis;
  byFile: ReadonlyMap<string, readonly ResolvedDiagnostic[]>;
  /** The configuration had errors: nothing else was checked. */
  configInvalid: boolean;
  /** The configuration's diagnostics, when it had errors. */
  diagnostics: readonly ResolvedDiagnostic[];
}

export interface DiffInput {
  base: DiffSide;
  head: DiffSide;
  /** The configuration files, and whether their settings differ. */
  config: Omit<ConfigChange, 'baseInvalid'>;
  /** The id a plan file gives when it does not say (for a file that does not parse). */
  planIdFromFile(file: string): string;
  /** The ids of the other plans a plan's references name (`other-plan#id`). */
  referencedPlans(plan: Plan): Iterable<string>;
  /** Where a code is explained. */
  explanation(code: string): string;
  /**
   * The files whose bytes differ between the sides. With paths named, the other configured
   * plans are compiled for what the named ones link and are not compared: such a plan counts
   * as edited (a cause of another plan's movement) when its file is among these.
   */
  touched: ReadonlySet<string>;
}

/** A plan id as one side has it: its file(s), its plan and analysis when it has a model, and the findings. */
interface Entry {
  id: string;
  file: string;
  /**
   * The plan, when its file gave one (it parsed and matched the schema), errors or not: a
   * plan whose only errors are the analysis' (an unmitigated risk) is still compared item by item.
   */
  plan: Plan | undefined;
  analysis: PlanAnalysis | undefined;
  /** It compiled: a plan without errors in its file (one outputs are made of). */
  compiled: boolean;
  diagnostics: ResolvedDiagnostic[];
}

export function diffPlans(input: DiffInput): Diff {
  const { base, head } = input;
  const baseFiles = filePlans(base);
  const headFiles = filePlans(head);
  const headIndex = index(head, headFiles, baseFiles, input.planIdFromFile);
  // With a broken configuration the base checked nothing: every plan is there, uncompiled.
  const baseIndex = base.configInvalid ? uncompiled(headIndex, base.diagnostics) : index(base, baseFiles, headFiles, input.planIdFromFile);

  const ids = [...new Set([...headIndex.keys(), ...baseIndex.keys()])];
  const plans: PlanDiff[] = [];
  for (const id of ids) {
    const found = comparePlan(id, baseIndex.get(id), headIndex.get(id), input.explanation);
    if (found) plans.push(found);
  }
  // Every plan each side compiled, the ones only linked to included (the analysis holds them all).
  const compiled = (side: DiffSide) => new Map([...side.analysis.plans.keys()].map((plan) => [plan.id, plan]));
  const [headPlans, basePlans] = [compiled(head), compiled(base)];
  const compared = new Set(ids);
  const linkedOnly = [...headPlans.values(), ...basePlans.values()].filter((plan) => !compared.has(plan.id) && input.touched.has(plan.file));
  const edited = new Set([...plans.filter((plan) => plan.edited).map((plan) => plan.id), ...linkedOnly.map((plan) => plan.id)]);
  for (const plan of plans) {
    if (plan.edited) continue;
    const sides = [headPlans.get(plan.id), basePlans.get(plan.id)].filter((p): p is Plan => p !== undefined);
    plan.through = reachedEdited(sides, edited, (id) => [headPlans.get(id), basePlans.get(id)], input.referencedPlans);
  }

  // The plans a change edits first, then those it moves through them.
  plans.sort((a, b) => Number(b.edited) - Number(a.edited));
  const count = (change: PlanDiff['change']) => plans.filter((plan) => plan.change === change).length;
  const findings = {
    new: countFindings(plans.flatMap((plan) => plan.findings.new)),
    fixed: countFindings(plans.flatMap((plan) => plan.findings.fixed)),
  };
  return {
    plans,
    summary: {
      empty: plans.length === 0,
      added: count('added'),
      removed: count('removed'),
      changed: count('changed'),
      moved: plans.filter((plan) => plan.file.base !== undefined && plan.file.head !== undefined && plan.file.base !== plan.file.head).length,
      unchanged: ids.length - plans.length,
      findings,
    },
    config: { ...input.config, baseInvalid: base.configInvalid },
  };
}

/** Each file's plan (the first plan built from it, built or not). */
function filePlans(side: DiffSide): Map<string, Plan> {
  const byFile = new Map<string, Plan>();
  for (const plan of side.plans) if (!byFile.has(plan.file)) byFile.set(plan.file, plan);
  return byFile;
}

function index(side: DiffSide, own: Map<string, Plan>, other: Map<string, Plan>, planIdFromFile: (file: string) => string): Map<string, Entry> {
  const built = new Set(side.built);
  const entries = new Map<string, Entry>();
  for (const file of side.files) {
    const plan = own.get(file);
    // A file that gives no plan (it does not parse) is the plan the other side has in it.
    const id = plan?.id ?? other.get(file)?.id ?? planIdFromFile(file);
    let entry = entries.get(id);
    if (!entry) entries.set(id, (entry = { id, file, plan: undefined, analysis: undefined, compiled: false, diagnostics: [] }));
    entry.diagnostics.push(...(side.byFile.get(file) ?? []));
    // Of two files claiming one id, the one outputs are made of (the first) is the plan.
    const analysis = plan && side.analysis.plans.get(plan);
    if (plan && analysis && (!entry.plan || (built.has(plan) && !entry.compiled))) {
      Object.assign(entry, { file, plan, analysis, compiled: built.has(plan) });
    }
  }
  return entries;
}

/** The base side of a check whose configuration had errors: the head's plans, none compiled. */
function uncompiled(head: Map<string, Entry>, diagnostics: readonly ResolvedDiagnostic[]): Map<string, Entry> {
  return new Map(
    [...head].map(([id, entry]) => [id, { id, file: entry.file, plan: undefined, analysis: undefined, compiled: false, diagnostics: diagnostics.filter((d) => d.severity === 'error') }]),
  );
}

function comparePlan(id: string, base: Entry | undefined, head: Entry | undefined, explanation: DiffInput['explanation']): PlanDiff | undefined {
  // The very same plan and analysis on both sides (nothing it depends on changed): nothing to say.
  if (base?.plan && base.plan === head?.plan && base.analysis === head.analysis) return undefined;
  const diff: PlanDiff = {
    id,
    title: (head?.plan ?? base?.plan)?.title ?? id,
    change: !base ? 'added' : !head ? 'removed' : 'changed',
    file: { ...(base ? { base: base.file } : {}), ...(head ? { head: head.file } : {}) },
    edited: true,
    through: [],
    ...(base ? { base: state(base) } : {}),
    ...(head ? { head: state(head) } : {}),
    // Set below when both sides compiled; named here to keep the JSON's order of fields.
    schedule: undefined,
    milestones: [],
    criticalPath: { entered: [], left: [] },
    float: { consumed: 0, released: 0, items: [] },
    coverage: undefined,
    risks: { added: [], removed: [], rescored: [], lostMitigation: [] },
    lostVerification: [],
    items: [],
    findings: compareFindings(base?.diagnostics ?? [], head?.diagnostics ?? [], explanation),
  };
  if (base?.plan && base.analysis && head?.plan && head.analysis) {
    compareCompiled(diff, base.plan, base.analysis, head.plan, head.analysis);
    diff.edited = diff.items.length > 0 || diff.file.base !== diff.file.head;
    if (!diff.edited && !differs(diff) && base.compiled === head.compiled) return undefined;
  } else if (base && head && !base.plan && !head.plan && diff.findings.new.length === 0 && diff.findings.fixed.length === 0) {
    // Broken on both sides, and broken the same way.
    return undefined;
  }
  return diff;
}

/** Whether anything but the items differs (a plan moved by another plan's change). */
function differs(diff: PlanDiff): boolean {
  return (
    (diff.schedule !== undefined && (diff.schedule.finish !== 0 || diff.schedule.start !== 0 || (diff.schedule.p80 ?? 0) !== 0)) ||
    diff.base?.scheduled !== diff.head?.scheduled ||
    diff.milestones.length > 0 ||
    diff.criticalPath.entered.length > 0 ||
    diff.criticalPath.left.length > 0 ||
    diff.float.items.length > 0 ||
    diff.coverage !== undefined ||
    diff.findings.new.length > 0 ||
    diff.findings.fixed.length > 0
  );
}

function state(entry: Entry): PlanState {
  const { errors, warnings } = countFindings(entry.diagnostics);
  const out: PlanState = { file: entry.file, compiled: entry.compiled, errors, warnings };
  const { plan, analysis } = entry;
  if (!plan || !analysis) return out;
  const schedule = analysis.schedule;
  out.scheduled = schedule !== undefined;
  if (schedule) {
    if (schedule.start !== undefined) out.start = schedule.start;
    if (schedule.finish !== undefined) out.finish = schedule.finish;
    out.duration = schedule.duration;
    if (schedule.monteCarlo) {
      out.p80 = schedule.monteCarlo.p80;
      if (schedule.monteCarlo.p80Date !== undefined) out.p80Date = schedule.monteCarlo.p80Date;
    }
    out.criticalPath = schedule.criticalPath;
    out.slips = plan.milestones.flatMap((milestone) => {
      const status = schedule.milestones.get(milestone);
      return status?.slip && status.date && status.due ? [{ id: milestone.id, date: status.date, due: status.due, days: status.slip }] : [];
    });
  }
  const { coverage } = analysis;
  out.coverage = { covered: coverage.covered, total: coverage.total, percent: coverage.percent, pointsOfNoReturn: coverage.pointsOfNoReturn };
  return out;
}

function compareCompiled(diff: PlanDiff, basePlan: Plan, base: PlanAnalysis, headPlan: Plan, head: PlanAnalysis): void {
  if (base.schedule && head.schedule) {
    diff.schedule = scheduleChange(base.schedule, head.schedule);
    diff.milestones = milestoneChanges(basePlan, base.schedule, headPlan, head.schedule);
    // Each side's timings by item id, read once for both comparisons.
    const before = timingsById(basePlan, base.schedule);
    const after = timingsById(headPlan, head.schedule);
    diff.criticalPath = criticalChanges(before, after);
    diff.float = floatChanges(before, after, headPlan);
  }
  const coverage = coverageChange(base, head);
  if (coverage) diff.coverage = coverage;
  diff.risks = riskChanges(basePlan, base, headPlan, head);
  diff.lostVerification = lostVerification(basePlan, headPlan);
  diff.items = itemChanges(basePlan, headPlan);
}

/** Working days from one date (or offset) to another: positive when the second is later. */
function movement(base: string | undefined, head: string | undefined, baseDays: number, headDays: number, calendar: WorkCalendar | undefined): number {
  if (base !== undefined && head !== undefined && calendar) {
    if (base === head) return 0;
    return base < head ? calendar.workdaysBetween(base, head) : -calendar.workdaysBetween(head, base);
  }
  return roundDays(headDays - baseDays);
}

function scheduleChange(base: PlanSchedule, head: PlanSchedule): ScheduleChange {
  const calendar = head.calendar ?? base.calendar;
  const change: ScheduleChange = {
    finish: movement(base.finish, head.finish, base.duration, head.duration, calendar),
    start: movement(base.start, head.start, 0, 0, calendar),
  };
  if (base.monteCarlo && head.monteCarlo) {
    change.p80 = movement(base.monteCarlo.p80Date, head.monteCarlo.p80Date, base.monteCarlo.p80, head.monteCarlo.p80, calendar);
  }
  return change;
}

function milestoneChanges(basePlan: Plan, base: PlanSchedule, headPlan: Plan, head: PlanSchedule): MilestoneChange[] {
  const side = (schedule: PlanSchedule, plan: Plan) =>
    new Map(
      plan.milestones.flatMap((milestone) => {
        const status = schedule.milestones.get(milestone);
        if (!status) return [];
        const out: MilestoneSide = { at: status.at, day: status.day };
        if (status.date !== undefined) out.date = status.date;
        if (status.due !== undefined) out.due = status.due;
        if (status.slip !== undefined) out.slip = status.slip;
        return [[milestone.id, { title: milestone.title, side: out }] as const];
      }),
    );
  const before = side(base, basePlan);
  const after = side(head, headPlan);
  const calendar = head.calendar ?? base.calendar;
  const changes: MilestoneChange[] = [];
  for (const id of [...new Set([...after.keys(), ...before.keys()])]) {
    const b = before.get(id);
    const h = after.get(id);
    const title = (h ?? b)!.title;
    if (!b || !h) {
      const only = (h ?? b)!.side;
      const slip = only.slip ? (h ? ('new' as const) : ('cleared' as const)) : undefined;
      changes.push({ id, title, change: h ? 'added' : 'removed', ...(h ? { head: only } : { base: only }), ...(slip ? { slip } : {}) });
      continue;
    }
    if (Math.abs(b.side.at - h.side.at) < EPSILON && b.side.date === h.side.date && b.side.due === h.side.due && b.side.slip === h.side.slip) continue;
    const was = b.side.slip ?? 0;
    const now = h.side.slip ?? 0;
    const slip = now > 0 && was === 0 ? 'new' : was > 0 && now === 0 ? 'cleared' : now > was ? 'worse' : now < was ? 'better' : undefined;
    changes.push({
      id,
      title,
      change: 'changed',
      base: b.side,
      head: h.side,
      moved: movement(b.side.date, h.side.date, b.side.at, h.side.at, calendar),
      ...(slip ? { slip } : {}),
    });
  }
  return changes;
}

/** Timings by item id, in plan order. */
function timingsById(plan: Plan, schedule: PlanSchedule): Map<string, Timing> {
  const timings = schedule.timings;
  const out = new Map<string, Timing>();
  for (const item of allItems(plan)) {
    const timing = timings.get(item as Parameters<typeof timings.get>[0]);
    if (timing) out.set(item.id, timing);
  }
  return out;
}

function criticalChanges(before: Map<string, Timing>, after: Map<string, Timing>): PlanDiff['criticalPath'] {
  const entered = [...after].filter(([id, timing]) => timing.critical && !before.get(id)?.critical).map(([id]) => id);
  const left = [...before].filter(([id, timing]) => timing.critical && !after.get(id)?.critical).map(([id]) => id);
  return { entered, left };
}

/** How the total float of each task (on both sides) changed: largest drop first. */
function floatChanges(before: Map<string, Timing>, after: Map<string, Timing>, headPlan: Plan): PlanDiff['float'] {
  const tasks = new Set(allTasks(headPlan).map((task) => task.id));
  const items: FloatChange[] = [];
  let consumed = 0;
  let released = 0;
  for (const [id, timing] of after) {
    const was = before.get(id);
    if (!tasks.has(id) || !was || Math.abs(was.totalFloat - timing.totalFloat) <= EPSILON) continue;
    const change = was.totalFloat - timing.totalFloat;
    if (change > 0) consumed += change;
    else released -= change;
    items.push({ id, base: roundDays(was.totalFloat), head: roundDays(timing.totalFloat) });
  }
  items.sort((a, b) => b.base - b.head - (a.base - a.head) || (a.id < b.id ? -1 : 1));
  return { consumed: roundDays(consumed), released: roundDays(released), items };
}

function coverageChange(base: PlanAnalysis, head: PlanAnalysis): CoverageChange | undefined {
  const key = (unit: { kind: string; id: string }) => `${unit.kind}:${unit.id}`;
  const uncovered = (analysis: PlanAnalysis) => new Set(analysis.coverage.units.filter((unit) => !unit.covered).map(key));
  const [was, now] = [uncovered(base), uncovered(head)];
  const lost = head.coverage.units.filter((unit) => !unit.covered && !was.has(key(unit)));
  const regained = base.coverage.units.filter((unit) => !unit.covered && !now.has(key(unit)));
  const before = new Set(base.coverage.pointsOfNoReturn);
  const after = new Set(head.coverage.pointsOfNoReturn);
  const added = head.coverage.pointsOfNoReturn.filter((id) => !before.has(id));
  const removed = base.coverage.pointsOfNoReturn.filter((id) => !after.has(id));
  const figures = (coverage: PlanAnalysis['coverage']) => ({ covered: coverage.covered, total: coverage.total, percent: coverage.percent });
  const same = base.coverage.covered === head.coverage.covered && base.coverage.total === head.coverage.total;
  if (same && lost.length === 0 && regained.length === 0 && added.length === 0 && removed.length === 0) return undefined;
  return {
    base: figures(base.coverage),
    head: figures(head.coverage),
    lost: lost.map((unit) => ({ kind: unit.kind, id: unit.id, missing: unit.missing })),
    regained: regained.map((unit) => ({ kind: unit.kind, id: unit.id, missing: unit.missing })),
    pointsOfNoReturn: { added, removed },
  };
}

function riskChanges(basePlan: Plan, base: PlanAnalysis, headPlan: Plan, head: PlanAnalysis): RiskChanges {
  const ref = (risk: Risk, analysis: PlanAnalysis): RiskRef => ({
    id: risk.id,
    risk: risk.risk,
    probability: risk.probability,
    impact: risk.impact,
    score: (analysis.risks.get(risk) ?? riskRating(risk.probability, risk.impact)).score,
  });
  const before = new Map(allRisks(basePlan).map((risk) => [risk.id, risk]));
  const after = new Map(allRisks(headPlan).map((risk) => [risk.id, risk]));
  const changes: RiskChanges = { added: [], removed: [], rescored: [], lostMitigation: [] };
  for (const [id, risk] of after) {
    const was = before.get(id);
    if (!was) {
      changes.added.push(ref(risk, head));
      continue;
    }
    if (was.probability !== risk.probability || was.impact !== risk.impact) {
      changes.rescored.push({ id, risk: risk.risk, base: ref(was, base), head: ref(risk, head) });
    }
    if (needsMitigation(risk) && !hasMitigation(risk) && hasMitigation(was)) changes.lostMitigation.push(ref(risk, head));
  }
  for (const [id, risk] of before) if (!after.has(id)) changes.removed.push(ref(risk, base));
  return changes;
}

function lostVerification(basePlan: Plan, headPlan: Plan): PlanDiff['lostVerification'] {
  const after = new Map(headPlan.successCriteria.map((criterion) => [criterion.id, criterion]));
  return basePlan.successCriteria.flatMap((criterion) => {
    const now = after.get(criterion.id);
    return criterion.verifiedBy.length > 0 && now && now.verifiedBy.length === 0
      ? [{ id: criterion.id, text: now.text, verifiedBy: criterion.verifiedBy.map((ref) => ref.raw) }]
      : [];
  });
}

/** What an item is called in a list: its title, a risk's sentence, a criterion's text. */
function titleOf(item: Item): string {
  switch (item.kind) {
    case 'risk':
      return item.risk;
    case 'criterion':
      return item.text;
    default:
      return item.title;
  }
}

/** The plan's own properties (not its items) that are compared: everything but its identity. */
const PLAN_IDENTITY = new Set(['id', 'file']);

function fieldChanges(base: object, head: object, skip?: ReadonlySet<string>): FieldChange[] {
  const before = fieldsOf(base, skip);
  const after = fieldsOf(head, skip);
  const changes: FieldChange[] = [];
  for (const field of new Set([...before.keys(), ...after.keys()])) {
    const b = before.get(field);
    const h = after.get(field);
    if (!sameValue(b, h)) changes.push({ field, ...(b !== undefined ? { base: b } : {}), ...(h !== undefined ? { head: h } : {}) });
  }
  return changes;
}

function itemChanges(basePlan: Plan, headPlan: Plan): ItemChange[] {
  const changes: ItemChange[] = [];
  const own = fieldChanges(basePlan, headPlan, PLAN_IDENTITY);
  if (own.length > 0) changes.push({ kind: 'plan', id: headPlan.id, title: headPlan.title, change: 'changed', fields: own });
  const key = (item: Item) => `${item.kind}:${item.id}`;
  const before = new Map(allItems(basePlan).map((item) => [key(item), item]));
  const after = new Map(allItems(headPlan).map((item) => [key(item), item]));
  for (const [k, item] of after) {
    const was = before.get(k);
    if (!was) {
      changes.push({ kind: item.kind, id: item.id, title: titleOf(item), change: 'added', fields: [] });
      continue;
    }
    const fields = fieldChanges(was, item);
    if (fields.length > 0) changes.push({ kind: item.kind, id: item.id, title: titleOf(item), change: 'changed', fields });
  }
  for (const [k, item] of before) {
    if (!after.has(k)) changes.push({ kind: item.kind, id: item.id, title: titleOf(item), change: 'removed', fields: [] });
  }
  return changes;
}

function finding(d: ResolvedDiagnostic, explanation: DiffInput['explanation']): Finding {
  return {
    code: d.code,
    rule: d.rule,
    severity: d.severity,
    message: d.message,
    file: d.file,
    line: d.range.start.line,
    column: d.range.start.column,
    ...(d.item !== undefined ? { item: d.item } : {}),
    url: explanation(d.code),
  };
}

/**
 * How a finding is known on both sides: its code and message, which name the items
 * concerned (in backticks), with the figures outside them left out — not its position (an
 * edit above it moves it), nor its dates and counts (a slip that grows is the same finding).
 */
function findingKey(d: ResolvedDiagnostic): string {
  const words = d.message.split('`').map((part, i) => (i % 2 === 1 ? part : part.replace(/\d+(?:[.,:-]\d+)*/g, '#')));
  return `${d.code}\u0000${words.join('`')}`;
}

/**
 * Findings that are new and findings that are fixed, in one keyed count of both sides: the
 * findings of one key are matched in order while the other side has as many; a head finding
 * past them is new, a base finding past them fixed (each list in its side's order).
 */
export function compareFindings(base: readonly ResolvedDiagnostic[], head: readonly ResolvedDiagnostic[], explanation: DiffInput['explanation']): PlanDiff['findings'] {
  /** Per key, how many findings the base [0] and the head [1] have. */
  const counts = new Map<string, [number, number]>();
  const tally = (findings: readonly ResolvedDiagnostic[], side: 0 | 1) =>
    findings.map((d) => {
      const key = findingKey(d);
      let count = counts.get(key);
      if (!count) counts.set(key, (count = [0, 0]));
      return { d, key, place: count[side]++ };
    });
  const sides = [tally(base, 0), tally(head, 1)] as const;
  const unmatched = (side: 0 | 1) => sides[side].filter(({ key, place }) => place >= counts.get(key)![1 - side]!).map(({ d }) => finding(d, explanation));
  return { new: unmatched(1), fixed: unmatched(0) };
}

/** The edited plans reached from `plans` through their references (transitively, on either side). */
function reachedEdited(
  plans: readonly Plan[],
  edited: ReadonlySet<string>,
  sides: (id: string) => Array<Plan | undefined>,
  referencedPlans: (plan: Plan) => Iterable<string>,
): string[] {
  const seen = new Set(plans.map((plan) => plan.id));
  const queue = [...plans];
  const reached: string[] = [];
  while (queue.length > 0) {
    const plan = queue.shift()!;
    for (const id of referencedPlans(plan)) {
      if (seen.has(id)) continue;
      seen.add(id);
      if (edited.has(id)) reached.push(id);
      for (const other of sides(id)) if (other) queue.push(other);
    }
  }
  return reached.sort();
}
