// What every section of the plan document reads, and the pieces several sections share.
import type { BlockContent, Paragraph, PhrasingContent, RootContent, TableRow } from 'mdast';
import type { MilestoneStatus, PlanAnalysis, PlanSchedule, StatusView, Timing } from '../../../analyse/types.ts';
import type { ResolvedDiagnostic } from '../../../diagnostics/types.ts';
import type { Decision, Dependency, Milestone, Phase, Plan, Risk, Rollback, RolloutStage, Task, Verification } from '../../../model/plan.ts';
import { MAX_RISK_SCORE } from '../../../model/risks.ts';
import { dayLabel, days, plural } from '../../../util/words.ts';
import { percent } from '../../../util/numbers.ts';
import { code, heading, inlineCode, paragraph, strong, table, text, textList, type Phrasing } from '../../../util/mdast.ts';
import { untrustedBlocks, untrustedInline } from '../untrusted.ts';

export interface DocumentInput {
  plan: Plan;
  analysis: PlanAnalysis;
  diagnostics: ResolvedDiagnostic[];
  gantt: string | undefined;
  architecture: Map<string, string>;
  dependencies: string | undefined;
  /** The repository's web address and branch, to link files to (`site.repository` of the config). */
  links?: { repository: string; branch: string };
}

/**
 * The items a reader (or the site) links to: phases and decisions by their heading;
 * risks, tasks, milestones and rollout stages by their table row; verification
 * checkpoints by the paragraph that names them.
 */
export interface AnchorsOf<Heading, Row, Block = Row> {
  phases: Map<Phase, Heading>;
  decisions: Map<Decision, Heading>;
  risks: Map<Risk, Row>;
  tasks: Map<Task, Row>;
  milestones: Map<Milestone, Row>;
  stages: Map<RolloutStage, Row>;
  verification: Map<Verification, Block>;
  /** Owners by their row in the workload table. */
  owners: Map<string, Row>;
}

/** The node that holds each item, as the sections record them. */
export type Anchored = AnchorsOf<RootContent, TableRow, Paragraph>;

export interface DocumentContext {
  input: DocumentInput;
  plan: Plan;
  analysis: PlanAnalysis;
  schedule: PlanSchedule | undefined;
  /** Ids of the plan's points of no return. */
  noReturn: ReadonlySet<string>;
  /** Where sections record the nodes that anchor items (document.ts gives them their ids). */
  anchored: Anchored;
}

/** A section: the blocks it adds to the document, none when it has nothing to say. */
export type Section = (context: DocumentContext) => RootContent[];

/**
 * A start or finish: its date, or its working day when the plan has no dates. With a
 * status date the timing is the forecast; where the plan as written had another day, it
 * follows in parentheses ("2026-12-15 (planned 2026-12-11)").
 */
export function when(timing: Timing | undefined, side: 'start' | 'finish'): string {
  if (!timing) return '';
  const day = (t: Pick<Timing, 'start' | 'finish' | 'startDay' | 'finishDay'>) => t[side] ?? dayLabel(side === 'start' ? t.startDay : t.finishDay);
  const forecast = day(timing);
  const planned = timing.planned && day(timing.planned);
  return planned && planned !== forecast ? `${forecast} (planned ${planned})` : forecast;
}

/** A dependency: the id it names as code (the site links it), then its kind, type and lag. */
function dependencyPhrasing(dependency: Dependency): Phrasing[] {
  const name = dependency.plan ? `${dependency.plan}#${dependency.id}` : dependency.id;
  const kind = dependency.target?.item.kind === 'phase' ? ' (phase)' : '';
  const link = dependency.type === 'FS' && dependency.lag === 0 ? '' : ` ${dependency.type}${dependency.lag ? ` ${dependency.lag > 0 ? '+' : ''}${days(dependency.lag)}` : ''}`;
  return [inlineCode(name), ...(kind || link ? [`${kind}${link}`] : [])];
}

/** Ids as code (the site links each to its item), between separators: `a` → `b` → `c`. */
export function idList(ids: readonly string[], separator = ', '): Phrasing[] {
  return ids.flatMap((id, i) => [...(i > 0 ? [separator] : []), inlineCode(id)]);
}

/** Several dependencies, comma-separated. */
export function dependencyList(dependencies: readonly Dependency[]): Phrasing[] {
  return dependencies.flatMap((dependency, i) => [...(i > 0 ? [', '] : []), ...dependencyPhrasing(dependency)]);
}

/** A heading and its blocks, or nothing when none of the blocks is there. */
export function section(title: string, depth: 2 | 3 | 4, content: Array<RootContent | undefined | false>): RootContent[] {
  const present = content.filter((block): block is RootContent => Boolean(block));
  return present.length > 0 ? [heading(depth, title), ...present] : [];
}

export function labelled(label: string, value: string | undefined): BlockContent | undefined {
  return value === undefined ? undefined : paragraph(strong(`${label}:`), ' ', text(value));
}

/** A rollback: trigger, steps, data recovery, owner and time, under `title`. */
export function rollbackBlocks(rollback: Rollback | undefined, depth: 2 | 3 | 4, title = 'Rollback'): RootContent[] {
  if (!rollback) return [];
  return section(title, depth, [
    labelled('Trigger', rollback.trigger),
    rollback.steps.length > 0 && textList(rollback.steps, true),
    rollback.dataRecovery !== undefined && paragraph(strong('Data recovery:'), ' ', ...untrustedInline(rollback.dataRecovery)),
    labelled('Owner', rollback.owner),
    rollback.duration !== undefined && labelled('Time to roll back', days(rollback.duration)),
  ]);
}

/** Risks with their ratings; each row anchors its risk. */
export function riskTable(risks: Risk[], context: DocumentContext): BlockContent | undefined {
  if (risks.length === 0) return undefined;
  const risksTable = table(
    ['Risk', 'Probability', 'Impact', 'Score', 'Owner', 'Status', 'Mitigation'],
    risks.map((risk) => [
      risk.risk,
      risk.probability,
      risk.impact,
      `${context.analysis.risks.get(risk)!.score} / ${MAX_RISK_SCORE}`,
      risk.owner ?? '—',
      risk.status,
      risk.mitigation === undefined ? '—' : untrustedInline(risk.mitigation),
    ]),
  );
  risks.forEach((risk, index) => context.anchored.risks.set(risk, risksTable.children[index + 1]!));
  return risksTable;
}

export function verificationBlocks(checks: Verification[], depth: 3 | 4, anchored: Anchored): RootContent[] {
  return section(
    'Verification',
    depth,
    checks.flatMap((check) => [
      anchor(anchored.verification, check, paragraph(strong(check.title))),
      ...(check.description ? untrustedBlocks(check.description) : []),
      ...(check.run ? [code(check.run, 'sh')] : []),
      ...(check.expect ? [paragraph('Expected:'), code(check.expect)] : []),
    ]),
  );
}

/** Records the node that anchors an item, and returns it. */
export function anchor<K, N>(anchors: Map<K, N>, item: K, node: N): N {
  anchors.set(item, node);
  return node;
}

/** Where a milestone stands, in words: reached, pending (with its chance by the due date), late or past due. */
export function milestoneState(milestone: Milestone, status: MilestoneStatus | undefined): string {
  // Symbols that text fonts have (no emoji: a machine without an emoji font shows a box).
  let state = status?.reached ? '✓ reached' : '○ pending';
  if (status?.overdue) state = `⚠ past due${status.slip ? ` (${plural(status.slip, 'working day')} late)` : ''}`;
  else if (status?.slip) state = `⚠ ${plural(status.slip, 'working day')} late`;
  else if (status?.probability !== undefined && milestone.due) state += ` (${percent(status.probability)}% chance by due date)`;
  return state;
}

/** What is behind the plan on its status date: "Behind the plan: 2 tasks overdue, 1 milestone past due." */
export function behindText(status: StatusView): string {
  const behind = [
    ...(status.overdue.length ? [`${plural(status.overdue.length, 'task')} overdue`] : []),
    ...(status.notStarted.length ? [`${plural(status.notStarted.length, 'task')} not started`] : []),
    ...(status.overdueMilestones.length ? [`${plural(status.overdueMilestones.length, 'milestone')} past due`] : []),
  ];
  return behind.length > 0 ? `Behind the plan: ${behind.join(', ')}.` : 'Nothing is behind the plan.';
}
