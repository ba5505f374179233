// A section per phase: its dates, owner and dependencies, the task table (each row anchors
// its task), the tasks' details, deliverables, risks, checks and rollback; then the
// plan-wide risks and checks.
import type { BlockContent, RootContent } from 'mdast';
import type { Phase, Task } from '../../../model/plan.ts';
import { percent } from '../../../util/numbers.ts';
import { repositoryUrl } from '../../../util/paths.ts';
import { days, plural } from '../../../util/words.ts';
import { cellText, heading, inlineCode, link, paragraph, strong, table, text, textList, type Phrasing } from '../../../util/mdast.ts';
import { untrustedBlocks, untrustedInline } from '../untrusted.ts';
import { dependencyList, riskTable, rollbackBlocks, section, verificationBlocks, when, type DocumentContext, type Section } from './context.ts';

function effortText(task: Task): string {
  if (task.status === 'cancelled') return 'cancelled';
  if (task.estimate) return `${days(task.duration)} (${days(task.estimate.optimistic)}–${days(task.estimate.pessimistic)})`;
  if (task.effort) return `${task.effort} (${days(task.duration)})`;
  if (task.durationSource === 'duration') return days(task.duration);
  return '—';
}

/** The task cell: its title and id, struck through when cancelled, ticked when done, flagged when late on the status date. */
function taskCell(parts: Phrasing[], task: Task, late: 'start' | 'finish' | undefined): Phrasing[] {
  const children = parts.map((part) => (typeof part === 'string' ? cellText(part) : part));
  const flag = late === 'finish' ? [text(' (⚠ overdue)')] : late === 'start' ? [text(' (⚠ not started)')] : [];
  if (task.status === 'cancelled') return [{ type: 'delete', children }];
  if (task.status === 'done') return [text('✓ '), ...children];
  if (task.status === 'blocked') return [text('⏸ '), ...children, ...flag];
  const share = task.status === 'in-progress' && task.progress !== undefined ? [text(` (${percent(task.progress)}% done)`)] : [];
  return [...children, ...share, ...flag];
}

function taskTable(phase: Phase, context: DocumentContext): BlockContent {
  const { schedule, noReturn } = context;
  const tasks = table(
    ['Task', 'Owner', 'Dependencies', 'Effort', 'Start', 'Finish', 'Float', 'Critical'],
    phase.tasks.map((task) => {
      const timing = schedule?.timings.get(task);
      const title: Phrasing[] = [`${noReturn.has(task.id) ? '⛔ ' : ''}${task.title} `, inlineCode(task.id)];
      return [
        taskCell(title, task, timing?.late),
        task.owner ?? '—',
        task.dependsOn.length > 0 ? dependencyList(task.dependsOn) : '—',
        effortText(task),
        when(timing, 'start') || '—',
        when(timing, 'finish') || '—',
        timing ? days(timing.totalFloat) : '—',
        timing?.critical ? 'yes' : '',
      ];
    }),
    [null, null, null, null, null, null, 'right', 'center'],
  );
  phase.tasks.forEach((task, index) => context.anchored.tasks.set(task, tasks.children[index + 1]!));
  return tasks;
}

/** Paths as written, in code. */
function pathsText(paths: readonly string[]): Phrasing[] {
  return paths.flatMap((path, i) => [...(i > 0 ? [', '] : []), inlineCode(path)]);
}

/** Files of the repository: the first `listed`, each linked to its page when the repository's address is known, and how many more. */
function filesText(files: readonly string[], listed: number, context: DocumentContext): Phrasing[] {
  const { links } = context.input;
  const prefix = context.analysis.code?.repository.prefix ?? '';
  const shown = files.slice(0, listed).flatMap((file, i) => [
    ...(i > 0 ? [', '] : []),
    links ? link(repositoryUrl(links.repository, links.branch, 'blob', prefix ? `${prefix}/${file}` : file), inlineCode(file)) : inlineCode(file),
  ]);
  const more = files.length - Math.min(files.length, listed);
  if (more === 0) return shown;
  return shown.length > 0 ? [...shown, ` and ${more} more`] : [plural(more, 'file')];
}

/** What the repository says of the task's code: its files, its tests, and whose review they need. */
function codeBlocks(task: Task, context: DocumentContext): BlockContent[] {
  const code = context.analysis.code;
  const found = code?.tasks.get(task);
  if (!code || !found) return [];
  return [
    ...(found.files.length > 0 ? [paragraph(strong(`Files (${found.files.length}):`), ' ', ...filesText(found.files, code.listed, context))] : []),
    ...(found.tests.length > 0 ? [paragraph(strong(`Test files (${found.tests.length}):`), ' ', ...filesText(found.tests, code.listed, context))] : []),
    ...(found.owners.length > 0 ? [paragraph(strong('Code owners:'), ' ', ...pathsText(found.owners))] : []),
  ];
}

/** What a task says beyond its row: description, acceptance, the code it touches, creates and tests, its recovery. */
function taskDetails(task: Task, context: DocumentContext): RootContent[] {
  if (!(task.description || task.acceptance.length > 0 || task.paths.length > 0 || !task.reversible)) return [];
  const parts: BlockContent[] = [];
  if (task.description) parts.push(...untrustedBlocks(task.description));
  if (task.acceptance.length > 0) parts.push(paragraph('Done when:'), textList(task.acceptance));
  if (task.touches.length > 0) parts.push(paragraph('Touches: ', ...pathsText(task.touches)));
  if (task.creates.length > 0) parts.push(paragraph('Creates: ', ...pathsText(task.creates)));
  if (task.tests.length > 0) parts.push(paragraph('Tests: ', ...pathsText(task.tests)));
  parts.push(...codeBlocks(task, context));
  if (!task.reversible) {
    const recovery = task.recovery;
    parts.push(
      paragraph(strong('Point of no return.'), recovery?.text ? ' Recovery: ' : recovery ? ' Recovery:' : ' No recovery is planned.', ...(recovery?.text ? untrustedInline(recovery.text) : [])),
      ...(recovery && recovery.steps.length > 0 ? [textList(recovery.steps, true)] : []),
    );
  }
  return [heading(4, `${task.title} (${task.id})`), ...parts];
}

function phaseBlocks(phase: Phase, index: number, context: DocumentContext): RootContent[] {
  const times = context.schedule?.phases.get(phase);
  // The dates go under the heading, not in it: a heading's anchor must not move when the
  // schedule does, and a table of contents reads better without them.
  const span = times?.start ? `${times.start} → ${times.finish}` : times ? `Days ${times.startDay}–${times.finishDay}` : '';
  const title = heading(2, `Phase ${index + 1}: ${phase.title}`);
  context.anchored.phases.set(phase, title);
  const blocks: RootContent[] = [title];
  if (phase.summary) blocks.push(...untrustedBlocks(phase.summary));
  const about: Phrasing[] = [];
  if (span) about.push(strong('When:'), ` ${span}`);
  if (phase.owner) about.push(...(about.length ? ['. '] : []), strong('Owner:'), ` ${phase.owner}`);
  if (phase.dependsOn.length > 0) about.push(...(about.length ? ['. '] : []), strong('Depends on:'), ' ', ...dependencyList(phase.dependsOn));
  if (about.length > 0) blocks.push(paragraph(...about));
  blocks.push(heading(3, 'Tasks'), taskTable(phase, context));
  for (const task of phase.tasks) blocks.push(...taskDetails(task, context));
  blocks.push(...section('Deliverables', 3, [phase.deliverables.length > 0 && textList(phase.deliverables)]));
  blocks.push(...section('Risks', 3, [riskTable(phase.risks, context)]));
  blocks.push(...verificationBlocks(phase.verification, 3, context.anchored));
  blocks.push(...rollbackBlocks(phase.rollback, 3));
  return blocks;
}

export const phases: Section = (context) => context.plan.phases.flatMap((phase, index) => phaseBlocks(phase, index, context));

export const planWideRisks: Section = (context) => section('Plan-wide risks', 2, [riskTable(context.plan.risks, context)]);

export const planWideVerification: Section = ({ plan, anchored }) =>
  plan.verification.length > 0 ? [heading(2, 'Plan-wide verification'), ...verificationBlocks(plan.verification, 3, anchored).slice(1)] : [];
