// A diff in words, once, for every format that people read (the terminal's and the pull
// request comment's): a verdict line, and for each plan a headline, a summary table and
// sections of details. Text is a list of parts — plain text (plan text among it: the
// printers escape it), code (ids and values) and strong text — which each printer renders
// its own way, as the markdown documents are trees printed in a last step.
import { ITEM_KIND_WORDS } from '../model/plan.ts';
import { dayLabel, days, plural, workingDays } from '../util/words.ts';
import type { CoverageChange, Diff, FieldChange, Finding, ItemChange, MilestoneChange, MilestoneSide, PlanDiff, PlanState, RiskRef, Value } from './types.ts';

/**
 * Plain text, code (with the address that explains it, for a diagnostic's code), strong
 * text, or a diagnostic's message (its `quoted` parts name code: each printer shows them its way).
 */
export type Part = string | { code: string; url?: string } | { strong: string } | { message: string };
export type Phrase = Part[];

export interface SummaryRow {
  label: string;
  base: Phrase;
  head: Phrase;
  change: Phrase;
}

export interface DetailSection {
  heading: string;
  lines: Phrase[];
}

export interface PlanDescription {
  id: string;
  /** Plan text. */
  title: string;
  /** What happened to the plan, in a few words ("changed", "added", "did not compile at base"…). */
  headline: Phrase;
  rows: SummaryRow[];
  details: DetailSection[];
}

export interface DiffDescription {
  empty: boolean;
  /** One line: what the change does to the plans, or that it does nothing. */
  verdict: Phrase;
  /** What holds for every plan (a configuration that changed, or had errors at the base). */
  notes: Phrase[];
  plans: PlanDescription[];
}

/** How the two sides are named: `origin/main (1a2b3c4)`, `the working tree`. */
export interface SideNames {
  base: string;
  head: string;
}

const NONE: Phrase = ['—'];
const code = (text: string): Part => ({ code: text });
/** The longest a value is shown before it is cut (a description changed is named, not printed). */
const MAX_VALUE = 80;
/** Ids a line lists before it says how many more. */
const MAX_IDS = 8;

export function describeDiff(diff: Diff, names: SideNames): DiffDescription {
  const notes: Phrase[] = [];
  if (diff.config.baseInvalid) notes.push(['The configuration file ', code(diff.config.base ?? 'planc.config.yaml'), ' had errors at the base: no plan compiled there.']);
  else if (diff.config.changed) notes.push(['The configuration changed (', ...configFiles(diff), '): each side was checked with its own.']);
  return {
    empty: diff.summary.empty,
    verdict: verdict(diff, names),
    notes,
    plans: diff.plans.map(describePlan),
  };
}

function configFiles(diff: Diff): Phrase {
  const { base, head } = diff.config;
  if (base === head) return [code(head ?? 'defaults')];
  return [base ? code(base) : 'no file', ' → ', head ? code(head) : 'no file'];
}

/** Ids in code, joined with commas, at most MAX_IDS of them. */
function ids(list: readonly string[]): Phrase {
  const shown = list.slice(0, MAX_IDS).flatMap((id, i): Phrase => (i === 0 ? [code(id)] : [', ', code(id)]));
  return list.length > MAX_IDS ? [...shown, ` and ${list.length - MAX_IDS} more`] : shown;
}

function join(phrases: readonly Phrase[], separator: string): Phrase {
  return phrases.flatMap((phrase, i) => (i === 0 ? phrase : [separator, ...phrase]));
}

/** "5 working days later", "2 working days earlier", "no change". */
function shift(value: number): string {
  if (value === 0) return 'no change';
  return `${workingDays(Math.abs(value))} ${value > 0 ? 'later' : 'earlier'}`;
}

function verdict(diff: Diff, names: SideNames): Phrase {
  const { summary } = diff;
  const between = ` between ${names.base} and ${names.head}`;
  if (summary.empty) return [`No plan changed${between}.`];
  const counts = [
    ...(summary.added ? [`${summary.added} added`] : []),
    ...(summary.removed ? [`${summary.removed} removed`] : []),
    ...(summary.moved ? [`${summary.moved} moved`] : []),
  ];
  const plans = summary.added + summary.removed + summary.changed;
  const head: Phrase = [{ strong: `${plural(plans, 'plan')} changed` }, `${counts.length ? ` (${counts.join(', ')})` : ''}${between}`];
  const highlights: Phrase[] = [];
  const broken = diff.plans.filter((plan) => plan.base?.compiled && plan.head && !plan.head.compiled).map((plan) => plan.id);
  if (broken.length) highlights.push([...ids(broken), ` no longer ${broken.length === 1 ? 'compiles' : 'compile'}`]);
  const later = diff.plans.filter((plan) => (plan.schedule?.finish ?? 0) !== 0);
  for (const plan of later.slice(0, 3)) highlights.push([code(plan.id), ` finishes ${shift(plan.schedule!.finish)}`]);
  if (later.length > 3) highlights.push([`${plural(later.length - 3, 'more plan')} finish${later.length - 3 === 1 ? 'es' : ''} at another date`]);
  const rerouted = diff.plans.filter((plan) => plan.criticalPath.entered.length > 0 && plan.base?.scheduled && plan.head?.scheduled);
  for (const plan of rerouted.slice(0, 3)) highlights.push(['the critical path of ', code(plan.id), ' now runs through ', ...ids(plan.criticalPath.entered)]);
  const slips = diff.plans.reduce((sum, plan) => sum + plan.milestones.filter((m) => m.slip === 'new').length, 0);
  if (slips) highlights.push([`${plural(slips, 'milestone')} now ${slips === 1 ? 'slips' : 'slip'} past ${slips === 1 ? 'its' : 'their'} due date`]);
  for (const plan of diff.plans.filter((p) => p.coverage && p.coverage.head.percent < p.coverage.base.percent).slice(0, 3)) {
    const { base, head: now } = plan.coverage!;
    highlights.push(['rollback coverage of ', code(plan.id), ` ${base.covered}/${base.total} → ${now.covered}/${now.total}`]);
  }
  const noReturn = diff.plans.reduce((sum, plan) => sum + (plan.coverage?.pointsOfNoReturn.added.length ?? 0), 0);
  if (noReturn) highlights.push([`${plural(noReturn, 'new point')} of no return`]);
  const mitigations = diff.plans.reduce((sum, plan) => sum + plan.risks.lostMitigation.length, 0);
  if (mitigations) highlights.push([`${plural(mitigations, 'high-impact risk')} lost ${mitigations === 1 ? 'its' : 'their'} mitigation`]);
  const verification = diff.plans.reduce((sum, plan) => sum + plan.lostVerification.length, 0);
  if (verification) highlights.push([verification === 1 ? '1 success criterion lost its verification' : `${verification} success criteria lost their verification`]);
  const { new: added, fixed } = summary.findings;
  const findingWords = (counts: typeof added, word: string) =>
    [...(counts.errors ? [plural(counts.errors, `${word} error`)] : []), ...(counts.warnings ? [plural(counts.warnings, `${word} warning`)] : [])];
  const findings = [...findingWords(added, 'new'), ...findingWords(fixed, 'fixed')];
  if (findings.length) highlights.push([findings.join(', ')]);
  return highlights.length ? [...head, ': ', ...join(highlights, '; '), '.'] : [...head, '.'];
}

function describePlan(plan: PlanDiff): PlanDescription {
  return { id: plan.id, title: plan.title, headline: headline(plan), rows: rows(plan), details: details(plan) };
}

function headline(plan: PlanDiff): Phrase {
  const parts: Phrase[] = [];
  const { base, head } = plan;
  if (plan.change === 'added') parts.push(['added']);
  else if (plan.change === 'removed') parts.push(['removed']);
  else if (base && !base.compiled && head?.compiled) parts.push([`did not compile at base (${plural(base.errors, 'error')})`]);
  else if (base?.compiled && head && !head.compiled) parts.push([`no longer compiles (${plural(head.errors, 'error')})`]);
  else if (base && head && !base.compiled && !head.compiled) parts.push([`does not compile on either side (${plural(base.errors, 'error')} → ${plural(head.errors, 'error')})`]);
  else if (!plan.edited) parts.push(plan.through.length ? ['moved by changes in ', ...ids(plan.through)] : ['moved by the configuration']);
  else parts.push(['changed']);
  if (plan.file.base && plan.file.head && plan.file.base !== plan.file.head) parts.push(['moved from ', code(plan.file.base), ' to ', code(plan.file.head)]);
  if (base?.scheduled && head?.scheduled === false) parts.push(['no schedule: it is in a dependency cycle']);
  return join(parts, '; ');
}

/** A finish (or P80) as a cell: `2027-02-19, 45 working days`, or the working days alone without dates. */
function finishCell(date: string | undefined, length: number | undefined): Phrase {
  if (length === undefined) return NONE;
  return date ? [`${date}, ${workingDays(length)}`] : [workingDays(length)];
}

function coverageCell(state: PlanState | undefined): Phrase {
  const coverage = state?.coverage;
  return coverage ? [coverage.total ? `${coverage.covered}/${coverage.total} (${coverage.percent}%)` : 'nothing to cover'] : NONE;
}

function findingsCell(state: PlanState | undefined): Phrase {
  if (!state) return NONE;
  const parts = [...(state.errors ? [plural(state.errors, 'error')] : []), ...(state.warnings ? [plural(state.warnings, 'warning')] : [])];
  return [parts.length ? parts.join(', ') : 'none'];
}

function rows(plan: PlanDiff): SummaryRow[] {
  const { base, head } = plan;
  const out: SummaryRow[] = [];
  const either = (pick: (state: PlanState) => unknown) => (base && pick(base) !== undefined) || (head && pick(head) !== undefined);
  if (either((s) => s.duration)) {
    out.push({ label: 'Finish', base: finishCell(base?.finish, base?.duration), head: finishCell(head?.finish, head?.duration), change: plan.schedule ? [shift(plan.schedule.finish)] : NONE });
  }
  if (either((s) => s.p80)) {
    out.push({ label: 'P80', base: finishCell(base?.p80Date, base?.p80), head: finishCell(head?.p80Date, head?.p80), change: plan.schedule?.p80 !== undefined ? [shift(plan.schedule.p80)] : NONE });
  }
  const slips = (state: PlanState | undefined) => (state?.slips ? [String(state.slips.length)] : NONE);
  const slipChanges = [
    ...count(plan.milestones.filter((m) => m.slip === 'new').length, 'new slip', 'new slips'),
    ...count(plan.milestones.filter((m) => m.slip === 'cleared').length, 'cleared'),
    ...count(plan.milestones.filter((m) => m.slip === 'worse').length, 'later than before'),
    ...count(plan.milestones.filter((m) => m.slip === 'better').length, 'less late'),
  ];
  if (either((s) => (s.slips?.length ? true : undefined)) || slipChanges.length) {
    out.push({ label: 'Milestones past due', base: slips(base), head: slips(head), change: slipChanges.length ? [slipChanges.join(', ')] : NONE });
  }
  const { entered, left } = plan.criticalPath;
  if (entered.length || left.length) {
    out.push({ label: 'Critical path', base: NONE, head: NONE, change: [[...count(entered.length, 'entered'), ...count(left.length, 'left')].join(', ')] });
  }
  if (plan.float.consumed > 0) out.push({ label: 'Float consumed', base: NONE, head: NONE, change: [workingDays(plan.float.consumed)] });
  if (either((s) => s.coverage)) out.push({ label: 'Rollback coverage', base: coverageCell(base), head: coverageCell(head), change: coverageShift(plan.coverage) });
  const risks = plan.risks;
  const riskChanges = [
    ...count(risks.added.length, 'added'),
    ...count(risks.removed.length, 'removed'),
    ...count(risks.rescored.length, 'rescored'),
    ...count(risks.lostMitigation.length, 'lost its mitigation', 'lost their mitigation'),
  ];
  if (riskChanges.length) out.push({ label: 'Risks', base: NONE, head: NONE, change: [riskChanges.join(', ')] });
  out.push({ label: 'Findings', base: findingsCell(base), head: findingsCell(head), change: findingsShift(plan) });
  return out;
}

/** `n word` when n > 0 ("1 added", "2 lost their mitigation"). */
function count(n: number, one: string, many = one): string[] {
  if (n === 0) return [];
  return [`${n} ${n === 1 ? one : many}`];
}

/** The first critical chain, shortened in the middle when long. */
function chain(path: readonly string[] | undefined): Phrase {
  if (!path || path.length === 0) return NONE;
  const shown = path.length > 6 ? [...path.slice(0, 3), '…', ...path.slice(-2)] : path;
  return shown.flatMap((id, i): Phrase => [...(i ? [' → '] : []), id === '…' ? '…' : code(id)]);
}

function coverageShift(coverage: CoverageChange | undefined): Phrase {
  if (!coverage) return NONE;
  const parts = [...count(coverage.lost.length, 'no longer covered'), ...count(coverage.regained.length, 'no longer uncovered'), ...count(coverage.pointsOfNoReturn.added.length, 'new point of no return', 'new points of no return')];
  return parts.length ? [parts.join(', ')] : [`${coverage.head.percent - coverage.base.percent > 0 ? '+' : ''}${coverage.head.percent - coverage.base.percent} points`];
}

function findingsShift(plan: PlanDiff): Phrase {
  const words = (list: readonly Finding[], word: string) => [
    ...count(list.filter((f) => f.severity === 'error').length, `${word} error`, `${word} errors`),
    ...count(list.filter((f) => f.severity === 'warning').length, `${word} warning`, `${word} warnings`),
    ...count(list.filter((f) => f.severity === 'info').length, `${word} note`, `${word} notes`),
  ];
  const parts = [...words(plan.findings.new, 'new'), ...words(plan.findings.fixed, 'fixed')];
  return parts.length ? [parts.join(', ')] : NONE;
}

function details(plan: PlanDiff): DetailSection[] {
  const sections: DetailSection[] = [];
  const add = (heading: string, lines: Phrase[]) => {
    if (lines.length) sections.push({ heading, lines });
  };
  add('Schedule', scheduleLines(plan));
  add('Milestones', plan.milestones.map(milestoneLine));
  const { entered, left } = plan.criticalPath;
  add('Critical path', [
    ...(entered.length ? [['Now on it: ', ...ids(entered)]] : []),
    ...(left.length ? [['No longer on it: ', ...ids(left)]] : []),
    ...(entered.length || left.length ? [['Now: ', ...chain(plan.head?.criticalPath)]] : []),
  ]);
  const drops = plan.float.items.filter((item) => item.head < item.base);
  if (drops.length) {
    add('Float', [
      [`${workingDays(plan.float.consumed)} of total float consumed: `, ...join(drops.slice(0, MAX_IDS).map((item) => [code(item.id), ` ${days(item.base)} → ${days(item.head)}`]), ', '), ...(drops.length > MAX_IDS ? [` and ${drops.length - MAX_IDS} more`] : [])],
    ]);
  }
  add('Rollback coverage', coverageLines(plan.coverage));
  add('Risks', riskLines(plan));
  add('Success criteria', plan.lostVerification.map((criterion) => [code(criterion.id), ` (${criterion.text}) lost its verification: it was verified by `, ...ids(criterion.verifiedBy)]));
  add('Items', plan.items.map(itemLine));
  add('Findings', [...plan.findings.new.map((f) => findingLine('new', f)), ...plan.findings.fixed.map((f) => findingLine('fixed', f))]);
  return sections;
}

function scheduleLines(plan: PlanDiff): Phrase[] {
  const { base, head, schedule } = plan;
  if (!schedule || !base || !head) {
    // One side only (added, removed, or not compiled on the other): its state.
    const only = head?.duration !== undefined ? head : base?.duration !== undefined ? base : undefined;
    if (!only || only.duration === undefined) return [];
    return [[`${only === head ? 'It finishes' : 'At the base, it finishes'} ${only.finish ? `on ${only.finish}, ` : ''}after ${workingDays(only.duration)}`, ...(only.p80 !== undefined ? [`; P80 ${only.p80Date ?? workingDays(only.p80)}`] : []), '.']];
  }
  const lines: Phrase[] = [];
  if (schedule.start !== 0) lines.push([`Starts ${shift(schedule.start)}: ${base.start} → ${head.start}.`]);
  if (schedule.finish !== 0 || base.duration !== head.duration) {
    lines.push([`Finishes ${shift(schedule.finish)}: ${base.finish ?? workingDays(base.duration!)} → ${head.finish ?? workingDays(head.duration!)}${base.finish ? ` (${days(base.duration!)} → ${days(head.duration!)})` : ''}.`]);
  }
  if (schedule.p80 !== undefined && schedule.p80 !== 0) lines.push([`P80 ${shift(schedule.p80)}: ${base.p80Date ?? workingDays(base.p80!)} → ${head.p80Date ?? workingDays(head.p80!)}.`]);
  return lines;
}

function when(side: MilestoneSide | undefined): string {
  if (!side) return '—';
  return side.date ?? dayLabel(side.day);
}

function milestoneLine(change: MilestoneChange): Phrase {
  const line: Phrase = [code(change.id), ` (${change.title}) `];
  if (change.change === 'added') line.push(`added, on ${when(change.head)}`);
  else if (change.change === 'removed') line.push('removed');
  else line.push(`${when(change.base)} → ${when(change.head)}${change.moved ? ` (${shift(change.moved)})` : ''}`);
  const head = change.head;
  if (change.slip === 'new' || change.slip === 'worse') line.push(`; now ${workingDays(head!.slip!)} past its due date ${head!.due} (${change.slip === 'new' ? 'new slip' : 'later than before'})`);
  else if (change.slip === 'better') line.push(`; still ${workingDays(head!.slip!)} past its due date ${head!.due} (was ${workingDays(change.base!.slip!)})`);
  else if (change.slip === 'cleared') line.push(`; no longer past its due date ${head?.due ?? change.base!.due}`);
  else if (change.base?.due !== change.head?.due && change.change === 'changed') line.push(`; due ${change.base?.due ?? 'never'} → ${change.head?.due ?? 'never'}`);
  return line;
}

function unitWords(unit: { kind: string; id: string }): Phrase {
  return [`${unit.kind === 'stage' ? 'rollout stage' : unit.kind} `, code(unit.id)];
}

function coverageLines(coverage: CoverageChange | undefined): Phrase[] {
  if (!coverage) return [];
  const lines: Phrase[] = [[`${coverage.base.covered}/${coverage.base.total} (${coverage.base.percent}%) → ${coverage.head.covered}/${coverage.head.total} (${coverage.head.percent}%).`]];
  for (const unit of coverage.lost) lines.push(['No longer covered: ', ...unitWords(unit), ` (missing ${unit.missing.join(', ')})`]);
  for (const unit of coverage.regained) lines.push(['No longer uncovered: ', ...unitWords(unit)]);
  if (coverage.pointsOfNoReturn.added.length) lines.push(['New points of no return: ', ...ids(coverage.pointsOfNoReturn.added)]);
  if (coverage.pointsOfNoReturn.removed.length) lines.push(['No longer points of no return: ', ...ids(coverage.pointsOfNoReturn.removed)]);
  return lines;
}

const rating = (risk: RiskRef) => `${risk.probability} × ${risk.impact} (${risk.score})`;

function riskLines(plan: PlanDiff): Phrase[] {
  const { risks } = plan;
  return [
    ...risks.added.map((risk): Phrase => ['Added: ', code(risk.id), ` (${cut(risk.risk)}), ${rating(risk)}`]),
    ...risks.removed.map((risk): Phrase => ['Removed: ', code(risk.id), ` (${cut(risk.risk)}), ${rating(risk)}`]),
    ...risks.rescored.map((risk): Phrase => ['Rescored: ', code(risk.id), ` (${cut(risk.risk)}), ${rating(risk.base)} → ${rating(risk.head)}`]),
    ...risks.lostMitigation.map((risk): Phrase => ['Lost its mitigation: ', code(risk.id), ` (${cut(risk.risk)}), impact ${risk.impact}`]),
  ];
}

/** A value as a cell shows it: text, a number, a list joined with commas, a mapping as `key: value`. */
function valueText(value: Value | undefined): string {
  if (value === undefined || value === null) return '—';
  if (Array.isArray(value)) return value.length ? value.map(valueText).join(', ') : 'none';
  if (typeof value === 'object') return Object.entries(value).map(([key, entry]) => `${key}: ${valueText(entry)}`).join('; ');
  return String(value);
}

/** Plan text on one line, cut when long. */
function cut(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > MAX_VALUE ? `${line.slice(0, MAX_VALUE - 1)}…` : line;
}

/**
 * Fields the model holds in working days (the language takes `3d`, `4h`, `2w`): shown as
 * days, as the documents show lengths. The effort sizes (`estimates.M`) are days too.
 */
const IN_DAYS = /(?:^|\.)(?:duration|optimistic|likely|pessimistic)$|^estimates\./;

function fieldValue(field: string, value: Value | undefined): string {
  return typeof value === 'number' && IN_DAYS.test(field) ? days(value) : cut(valueText(value));
}

function fieldPhrase(field: FieldChange): Phrase {
  return [code(field.field), ' ', code(fieldValue(field.field, field.base)), ' → ', code(fieldValue(field.field, field.head))];
}

function itemLine(item: ItemChange): Phrase {
  const kind = item.kind === 'plan' ? 'plan' : ITEM_KIND_WORDS[item.kind];
  const line: Phrase = [`${kind[0]!.toUpperCase()}${kind.slice(1)} `, code(item.id), ` (${cut(item.title)}) ${item.change}`];
  if (item.fields.length) line.push(': ', ...join(item.fields.map(fieldPhrase), '; '));
  return line;
}

function findingLine(kind: 'new' | 'fixed', finding: Finding): Phrase {
  return [`${kind === 'new' ? 'New' : 'Fixed'} ${finding.severity} `, { code: finding.code, url: finding.url }, ' at ', code(`${finding.file}:${finding.line}:${finding.column}`), ': ', { message: finding.message }];
}
