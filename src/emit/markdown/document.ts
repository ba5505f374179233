// The plan document (`index.md`): an mdast tree in the shape of a careful hand-written
// implementation plan, printed by remark. Sections with nothing in them are left out;
// diagrams sit in ```mermaid fences, so GitHub renders the document as it is.
import type { BlockContent, PhrasingContent, Root, RootContent } from 'mdast';
import type { PlanAnalysis, PlanSchedule, Timing } from '../../analyse/types.ts';
import type { ResolvedDiagnostic } from '../../diagnostics/types.ts';
import type { Dependency, Phase, Plan, Risk, Rollback, Task, Verification } from '../../model/plan.ts';
import {
  blockItem,
  cellText,
  code,
  emphasis,
  heading,
  inlineCode,
  item,
  link,
  list,
  paragraph,
  printMarkdown,
  root,
  strong,
  table,
  text,
  textList,
  type Phrasing,
} from './mdast.ts';
import { untrustedBlocks, untrustedInline } from './untrusted.ts';
import { days, plural } from '../../util/words.ts';

export interface DocumentInput {
  plan: Plan;
  analysis: PlanAnalysis;
  diagnostics: ResolvedDiagnostic[];
  gantt: string | undefined;
  architecture: Map<string, string>;
  dependencies: string | undefined;
}

/** A start or finish: its date, or its working day when the plan has no dates. */
function when(timing: Timing | undefined, side: 'start' | 'finish'): string {
  if (!timing) return '';
  return timing[side] ?? `day ${side === 'start' ? timing.startDay : timing.finishDay}`;
}

function dependencyText(dependency: Dependency): string {
  const name = dependency.plan ? `${dependency.plan}#${dependency.id}` : dependency.id;
  const kind = dependency.target?.item.kind === 'phase' ? ' (phase)' : '';
  const link = dependency.type === 'FS' && dependency.lag === 0 ? '' : ` ${dependency.type}${dependency.lag ? ` ${dependency.lag > 0 ? '+' : ''}${days(dependency.lag)}` : ''}`;
  return `${name}${kind}${link}`;
}

function effortText(task: Task): string {
  if (task.status === 'cancelled') return 'cancelled';
  if (task.estimate) return `${days(task.duration)} (${days(task.estimate.optimistic)}–${days(task.estimate.pessimistic)})`;
  if (task.effort) return `${task.effort} (${days(task.duration)})`;
  if (task.durationSource === 'duration') return days(task.duration);
  return '—';
}

function section(title: string, depth: 2 | 3 | 4, content: Array<RootContent | undefined | false>): RootContent[] {
  const present = content.filter((block): block is RootContent => Boolean(block));
  return present.length > 0 ? [heading(depth, title), ...present] : [];
}

function labelled(label: string, value: string | undefined): BlockContent | undefined {
  return value === undefined ? undefined : paragraph(strong(`${label}:`), ' ', text(value));
}

function rollbackBlocks(rollback: Rollback | undefined, depth: 3 | 4): RootContent[] {
  if (!rollback) return [];
  return section('Rollback', depth, [
    labelled('Trigger', rollback.trigger),
    rollback.steps.length > 0 && textList(rollback.steps, true),
    rollback.dataRecovery !== undefined && paragraph(strong('Data recovery:'), ' ', ...untrustedInline(rollback.dataRecovery)),
    labelled('Owner', rollback.owner),
    rollback.duration !== undefined && labelled('Time to roll back', days(rollback.duration)),
  ]);
}

function riskTable(risks: Risk[], ratings: PlanAnalysis['risks']): BlockContent | undefined {
  if (risks.length === 0) return undefined;
  return table(
    ['Risk', 'Probability', 'Impact', 'Score', 'Mitigation'],
    risks.map((risk) => [
      risk.risk,
      risk.probability,
      risk.impact,
      `${ratings.get(risk)!.score} / 12`,
      risk.mitigation === undefined ? '—' : ({ type: 'emphasis', children: untrustedInline(risk.mitigation) } as PhrasingContent),
    ]),
  );
}

function verificationBlocks(checks: Verification[], depth: 3 | 4): RootContent[] {
  return section(
    'Verification',
    depth,
    checks.flatMap((check) => [
      paragraph(strong(check.title)),
      ...(check.description ? untrustedBlocks(check.description) : []),
      ...(check.run ? [code(check.run, 'sh')] : []),
      ...(check.expect ? [paragraph('Expected:'), code(check.expect)] : []),
    ]),
  );
}

function taskTable(phase: Phase, schedule: PlanSchedule | undefined, noReturn: Set<string>): BlockContent {
  return table(
    ['Task', 'Owner', 'Dependencies', 'Effort', 'Start', 'Finish', 'Float', 'Critical'],
    phase.tasks.map((task) => {
      const timing = schedule?.timings.get(task);
      const title: Phrasing[] = [`${noReturn.has(task.id) ? '⛔ ' : ''}${task.title} `, inlineCode(task.id)];
      return [
        taskCell(title, task.status),
        task.owner ?? '—',
        task.dependsOn.length > 0 ? task.dependsOn.map(dependencyText).join(', ') : '—',
        effortText(task),
        when(timing, 'start') || '—',
        when(timing, 'finish') || '—',
        timing ? days(timing.totalFloat) : '—',
        timing?.critical ? 'yes' : '',
      ];
    }),
    [null, null, null, null, null, null, 'right', 'center'],
  );
}

/** The line of facts under the title: status, kind, owner, dates, length, progress, tags. */
function factsLine({ plan, analysis }: DocumentInput): string[] {
  const schedule = analysis.schedule;
  const facts: string[] = [`Status: ${plan.status}`, `Kind: ${plan.kind}`];
  if (plan.owner) facts.push(`Owner: ${plan.owner}`);
  if (schedule?.start) facts.push(`${schedule.start} → ${schedule.finish}`);
  if (schedule) {
    const length = Math.round(schedule.duration * 10) / 10;
    facts.push(plural(length, 'working day'));
  }
  facts.push(`${analysis.progress.percent}% done`);
  if (plan.tags.length > 0) facts.push(`Tags: ${plan.tags.join(', ')}`);
  return facts;
}

/** The task cell: its title and id, struck through when cancelled, ticked when done. */
function taskCell(parts: Phrasing[], status: Task['status']): Phrasing[] {
  const children = parts.map((part) => (typeof part === 'string' ? cellText(part) : part));
  if (status === 'cancelled') return [{ type: 'delete', children }];
  if (status === 'done') return [text('✓ '), ...children];
  if (status === 'blocked') return [text('⏸ '), ...children];
  return children;
}

export function planDocument(input: DocumentInput): string {
  return printMarkdown(planDocumentTree(input));
}

export interface DocumentOptions {
  /**
   * The title and the line of facts that open the document; the site leaves them out (its
   * page shows the title, and the facts as a grid). Default: true.
   */
  header?: boolean;
}

/** The document as an mdast tree (the site turns the same tree into HTML). */
export function planDocumentTree(input: DocumentInput, options: DocumentOptions = {}): Root {
  const { plan, analysis } = input;
  const schedule = analysis.schedule;
  const noReturn = new Set(analysis.coverage.pointsOfNoReturn);
  const blocks: RootContent[] = [];
  if (options.header !== false) blocks.push(heading(1, plan.title), paragraph(emphasis(factsLine(input).join(' · '))));

  blocks.push(...section('Executive summary', 2, plan.summary ? untrustedBlocks(plan.summary, 3) : []));
  blocks.push(...section('Goals', 2, [plan.goals.length > 0 && textList(plan.goals, true)]));
  blocks.push(...section('Non-goals', 2, [plan.nonGoals.length > 0 && textList(plan.nonGoals)]));
  blocks.push(...section('Constraints', 2, [plan.constraints.length > 0 && textList(plan.constraints)]));
  blocks.push(...section('Assumptions', 2, [plan.assumptions.length > 0 && textList(plan.assumptions)]));
  blocks.push(...section('Open questions', 2, [plan.questions.length > 0 && textList(plan.questions)]));

  if (plan.successCriteria.length > 0) {
    blocks.push(
      heading(2, 'Success criteria'),
      list(
        plan.successCriteria.map((criterion) => {
          const verifiers = criterion.verifiedBy.map((ref) => ref.target);
          const done = verifiers.length > 0 && verifiers.every((target) => target?.item.kind === 'task' && target.item.status === 'done');
          const by = criterion.verifiedBy.map((ref) => (ref.plan ? `${ref.plan}#${ref.id}` : ref.id));
          return blockItem(
            [paragraph(criterion.text, ...(by.length > 0 ? [` — verified by ${by.join(', ')}`] : []))],
            done,
          );
        }),
      ),
    );
  }

  if (plan.decisions.length > 0) {
    blocks.push(heading(2, 'Decisions'));
    for (const decision of plan.decisions) {
      blocks.push(
        heading(3, decision.title),
        paragraph(emphasis([decision.status, decision.date].filter(Boolean).join(' · '))),
        ...(decision.context ? [paragraph(strong('Context')), ...untrustedBlocks(decision.context)] : []),
        paragraph(strong('Decision')),
        ...untrustedBlocks(decision.decision),
      );
      if (decision.alternatives.length > 0) {
        blocks.push(
          paragraph(strong('Alternatives')),
          table(
            ['Option', 'Rejected because'],
            decision.alternatives.map((alternative) => [
              alternative.option,
              alternative.rejectedBecause === undefined ? '—' : ({ type: 'emphasis', children: untrustedInline(alternative.rejectedBecause) } as PhrasingContent),
            ]),
          ),
        );
      }
      if (decision.consequences.length > 0) blocks.push(paragraph(strong('Consequences')), textList(decision.consequences));
      if (decision.supersedes) blocks.push(paragraph('Supersedes ', inlineCode(decision.supersedes.raw), '.'));
    }
  }

  plan.phases.forEach((phase, index) => {
    const times = schedule?.phases.get(phase);
    // The dates go under the heading, not in it: a heading's anchor must not move when the
    // schedule does, and a table of contents reads better without them.
    const span = times?.start ? `${times.start} → ${times.finish}` : times ? `Days ${times.startDay}–${times.finishDay}` : '';
    blocks.push(heading(2, `Phase ${index + 1}: ${phase.title}`));
    if (phase.summary) blocks.push(...untrustedBlocks(phase.summary));
    const about: Phrasing[] = [];
    if (span) about.push(strong('When:'), ` ${span}`);
    if (phase.owner) about.push(...(about.length ? ['. '] : []), strong('Owner:'), ` ${phase.owner}`);
    if (phase.dependsOn.length > 0) about.push(...(about.length ? ['. '] : []), strong('Depends on:'), ` ${phase.dependsOn.map(dependencyText).join(', ')}`);
    if (about.length > 0) blocks.push(paragraph(...about));
    blocks.push(heading(3, 'Tasks'), taskTable(phase, schedule, noReturn));
    const details = phase.tasks.filter((task) => task.description || task.acceptance.length > 0 || task.touches.length > 0 || !task.reversible);
    for (const task of details) {
      const parts: BlockContent[] = [];
      if (task.description) parts.push(...untrustedBlocks(task.description));
      if (task.acceptance.length > 0) parts.push(paragraph('Done when:'), textList(task.acceptance));
      if (task.touches.length > 0) parts.push(paragraph('Touches: ', ...task.touches.flatMap((path, i) => [...(i > 0 ? [', '] : []), inlineCode(path)])));
      if (!task.reversible) {
        const recovery = task.recovery;
        parts.push(
          paragraph(strong('Point of no return.'), recovery?.text ? ' Recovery: ' : recovery ? ' Recovery:' : ' No recovery is planned.', ...(recovery?.text ? untrustedInline(recovery.text) : [])),
          ...(recovery && recovery.steps.length > 0 ? [textList(recovery.steps, true)] : []),
        );
      }
      blocks.push(heading(4, `${task.title} (${task.id})`), ...parts);
    }
    blocks.push(...section('Deliverables', 3, [phase.deliverables.length > 0 && textList(phase.deliverables)]));
    blocks.push(...section('Risks', 3, [riskTable(phase.risks, analysis.risks)]));
    blocks.push(...verificationBlocks(phase.verification, 3));
    blocks.push(...rollbackBlocks(phase.rollback, 3));
  });

  blocks.push(...section('Plan-wide risks', 2, [riskTable(plan.risks, analysis.risks)]));
  if (plan.verification.length > 0) blocks.push(heading(2, 'Plan-wide verification'), ...verificationBlocks(plan.verification, 3).slice(1));

  if (plan.architecture.length > 0) {
    blocks.push(heading(2, 'Architecture'));
    for (const diagram of plan.architecture) {
      blocks.push(heading(3, diagram.title));
      if (diagram.description) blocks.push(...untrustedBlocks(diagram.description));
      blocks.push(code(input.architecture.get(diagram.id) ?? '', 'mermaid'));
    }
  }

  const migration = plan.migration;
  if (migration) {
    blocks.push(heading(2, 'Migration'));
    if (migration.overview.length > 0) {
      blocks.push(table(['Aspect', 'Current', 'Target'], migration.overview.map((row) => [row.aspect, row.current, row.target])));
    }
    if (migration.strategy) blocks.push(paragraph(strong('Strategy:'), ` ${migration.strategy}`));
    if (migration.data) {
      blocks.push(heading(3, 'Data migration'), paragraph(strong('Strategy:'), ` ${migration.data.strategy}`), textList(migration.data.steps, true));
      if (migration.data.validation.length > 0) blocks.push(paragraph(strong('Validation')), textList(migration.data.validation));
    }
  }

  const rollout = plan.rollout;
  if (rollout) {
    blocks.push(heading(2, 'Rollout'));
    const about: Phrasing[] = [];
    if (rollout.strategy) about.push(strong('Strategy:'), ` ${rollout.strategy}`);
    if (rollout.flag) about.push(...(about.length ? ['. '] : []), strong('Feature flag:'), ' ', inlineCode(rollout.flag));
    if (about.length > 0) blocks.push(paragraph(...about));
    blocks.push(
      table(
        ['Stage', 'Audience', 'Duration', 'Start', 'Finish', 'Rollback trigger'],
        rollout.stages.map((stage) => {
          const timing = schedule?.timings.get(stage);
          return [
            stage.percent === undefined ? stage.title : `${stage.title} (${stage.percent}%)`,
            stage.audience ?? '—',
            days(stage.duration),
            when(timing, 'start') || '—',
            when(timing, 'finish') || '—',
            stage.rollbackTrigger ?? (rollout.rollback?.trigger ? `${rollout.rollback.trigger} (rollout)` : '—'),
          ];
        }),
      ),
    );
    blocks.push(...rollbackBlocks(rollout.rollback, 3));
  }

  const monitoring = plan.monitoring;
  blocks.push(
    ...section('Monitoring', 2, [
      monitoring.alerts.length > 0 &&
        table(['Alert', 'Condition', 'Severity', 'Notify'], monitoring.alerts.map((alert) => [alert.name, alert.condition, alert.severity ?? '—', alert.notify ?? '—'])),
      monitoring.dashboards.length > 0 && list(monitoring.dashboards.map((dashboard) => item(dashboard.title, ...(dashboard.url ? [' — ', inlineCode(dashboard.url)] : [])))),
    ]),
  );

  if (plan.rollback) {
    blocks.push(
      ...section('Rollback plan', 2, [
        labelled('Trigger', plan.rollback.trigger),
        plan.rollback.steps.length > 0 && textList(plan.rollback.steps, true),
        plan.rollback.dataRecovery !== undefined && paragraph(strong('Data recovery:'), ' ', ...untrustedInline(plan.rollback.dataRecovery)),
        labelled('Owner', plan.rollback.owner),
        plan.rollback.duration !== undefined && labelled('Time to roll back', days(plan.rollback.duration)),
      ]),
    );
  }

  const { internal, external } = plan.dependencies;
  if (internal.length + external.length > 0) {
    blocks.push(heading(2, 'Dependencies'));
    if (internal.length > 0) {
      blocks.push(heading(3, 'Internal'), table(['Dependency', 'Owner', 'Status'], internal.map((dep) => [dep.name, dep.owner ?? '—', dep.status ?? '—'])));
    }
    if (external.length > 0) {
      blocks.push(heading(3, 'External'), table(['Dependency', 'Version', 'Purpose'], external.map((dep) => [dep.name, dep.version ?? '—', dep.purpose ?? '—'])));
    }
  }

  if (schedule) {
    blocks.push(heading(2, 'Timeline'));
    if (input.gantt) blocks.push(code(input.gantt, 'mermaid'));
    blocks.push(paragraph(strong('Critical path:'), ` ${schedule.criticalPath.join(' → ')}`));
    if (schedule.nearCritical.length > 0) blocks.push(paragraph(strong('Near-critical:'), ` ${schedule.nearCritical.join(', ')}`));
    blocks.push(paragraph(strong('Peak parallelism:'), ` ${plural(schedule.peakParallelism.tasks, 'task')} at once${schedule.peakParallelism.date ? ` (from ${schedule.peakParallelism.date})` : ''}.`));
    if (schedule.pert) {
      const mc = schedule.monteCarlo;
      blocks.push(
        paragraph(
          strong('Uncertainty:'),
          ` expected duration ${days(schedule.pert.expected)}, σ ${days(schedule.pert.sigma)} (PERT).`,
          ...(mc ? [` Simulated (${mc.runs.toLocaleString('en')} runs): P50 ${days(mc.p50)}${mc.p50Date ? ` (${mc.p50Date})` : ''}, P80 ${days(mc.p80)}${mc.p80Date ? ` (${mc.p80Date})` : ''}, P95 ${days(mc.p95)}${mc.p95Date ? ` (${mc.p95Date})` : ''}.`] : []),
        ),
      );
    }
  }

  if (plan.milestones.length > 0) {
    blocks.push(
      heading(2, 'Milestones'),
      table(
        ['Milestone', 'Scheduled', 'Due', 'Status'],
        plan.milestones.map((milestone) => {
          const status = schedule?.milestones.get(milestone);
          const scheduled = status ? (status.date ?? `day ${status.day}`) : '—';
          // Symbols that text fonts have (no emoji: a machine without an emoji font shows a box).
          let state = status?.reached ? '✓ reached' : '○ pending';
          if (status?.slip) state = `⚠ ${plural(status.slip, 'working day')} late`;
          else if (status?.probability !== undefined && milestone.due) state += ` (${Math.round(status.probability * 100)}% chance by due date)`;
          return [milestone.title, scheduled, milestone.due ?? '—', state];
        }),
      ),
    );
  }

  if (input.dependencies) blocks.push(heading(2, 'Dependency graph'), code(input.dependencies, 'mermaid'));
  else if (schedule) blocks.push(heading(2, 'Dependency graph'), paragraph('Too large to show here: see ', link('./dependencies.mmd', 'dependencies.mmd'), '.'));

  const coverage = analysis.coverage;
  if (coverage.total > 0) {
    blocks.push(
      heading(2, 'Rollback coverage'),
      paragraph(`${coverage.covered} of ${coverage.total} units covered (${coverage.percent}%): phases, rollout stages and irreversible tasks.`),
    );
    const uncovered = coverage.units.filter((unit) => !unit.covered);
    if (uncovered.length > 0) {
      blocks.push(paragraph(strong('Not covered:')), list(uncovered.map((unit) => item(`${unit.kind} `, inlineCode(unit.id), ` — missing ${unit.missing.join(', ')}`))));
    }
    if (coverage.pointsOfNoReturn.length > 0) blocks.push(paragraph(strong('Points of no return:'), ` ${coverage.pointsOfNoReturn.join(', ')}`));
  }

  if (input.diagnostics.length > 0) {
    blocks.push(
      heading(2, 'Diagnostics'),
      list(
        input.diagnostics.map((d) =>
          item(strong(`${d.severity} ${d.code}`), ` ${d.file}:${d.range.start.line}:${d.range.start.column} — `, text(d.message.replace(/\s+/g, ' '))),
        ),
      ),
    );
  }
  return root(blocks);
}
