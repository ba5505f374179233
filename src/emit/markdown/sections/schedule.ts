// When: the timeline (the Gantt chart, the critical path, uncertainty), the milestones,
// and the dependency graph.
import type { RootContent } from 'mdast';
import { dayLabel, days, plural, workingDays } from '../../../util/words.ts';
import { code, heading, inlineCode, link, paragraph, strong, table, type Phrasing } from '../../../util/mdast.ts';
import { behindText, idList, milestoneState, type Section } from './context.ts';

export const timeline: Section = ({ input, schedule }) => {
  if (!schedule) return [];
  const blocks: RootContent[] = [heading(2, 'Timeline')];
  const status = schedule.status;
  if (status) {
    blocks.push(
      paragraph(
        strong(`Status on ${status.date}:`),
        ` forecast finish ${schedule.finish} (${workingDays(schedule.duration)}); planned ${status.planned.finish} (${workingDays(status.planned.duration)}).`,
        ` ${behindText(status)}`,
      ),
    );
  }
  // Marked as the timeline, so that the site can put the chart planc draws in its place.
  if (input.gantt) blocks.push({ ...code(input.gantt, 'mermaid'), data: { hProperties: { dataPlancDrawing: 'gantt' } } });
  // For readers of the markdown: the site shows that chart in the Mermaid one's place.
  if (input.gantt) blocks.push({ ...paragraph('The same timeline drawn by planc, with dependencies, float and progress: ', link('./gantt.svg', 'gantt.svg'), '.'), data: { hProperties: { dataPlancMarkdownOnly: 'gantt' } } });
  blocks.push(paragraph(strong('Critical path:'), ' ', ...idList(schedule.criticalPath, ' → ')));
  if (schedule.nearCritical.length > 0) blocks.push(paragraph(strong('Near-critical:'), ' ', ...idList(schedule.nearCritical)));
  const peak = schedule.peakParallelism;
  blocks.push(paragraph(strong('Peak parallelism:'), ` ${plural(peak.tasks, 'task')} at once${peak.date ? ` (from ${peak.date})` : ''}.`));
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
  return blocks;
};

export const milestones: Section = ({ plan, schedule, anchored }) => {
  if (plan.milestones.length === 0) return [];
  const tracked = schedule?.status !== undefined;
  const rows = table(
    // With a status date the schedule is the forecast, beside what was planned.
    ['Milestone', ...(tracked ? ['Planned', 'Forecast'] : ['Scheduled']), 'Due', 'Status'],
    plan.milestones.map((milestone) => {
      const status = schedule?.milestones.get(milestone);
      const scheduled = status ? (status.date ?? dayLabel(status.day)) : '—';
      const planned = status?.planned ? (status.planned.date ?? dayLabel(status.planned.day)) : '—';
      return [milestone.title, ...(tracked ? [planned] : []), scheduled, milestone.due ?? '—', milestoneState(milestone, status)];
    }),
  );
  plan.milestones.forEach((milestone, index) => anchored.milestones.set(milestone, rows.children[index + 1]!));
  return [heading(2, 'Milestones'), rows];
};

/**
 * Each owner's load against their capacity: a row per owner (anchored, so a finding about an
 * owner can link to it) with the stretches over capacity. The histogram is workload.svg
 * beside the document; the site shows it in this paragraph's place.
 */
export const workload: Section = ({ schedule, anchored }) => {
  const workloads = schedule?.workload ?? [];
  if (workloads.length === 0) return [];
  const rows = table(
    ['Owner', 'Tasks', 'Capacity', 'Most at once', 'Over capacity'],
    workloads.map((load) => [
      load.owner,
      String(load.tasks.length),
      String(load.capacity),
      String(load.peak),
      load.overloads.length === 0
        ? '—'
        : load.overloads.flatMap((window, i): Phrasing[] => [
            ...(i > 0 ? ['; '] : []),
            `${window.start === window.finish ? window.start : `${window.start} → ${window.finish}`}: `,
            ...idList(window.tasks.map((task) => task.id)),
          ]),
    ]),
    [null, 'right', 'right', 'right', null],
  );
  workloads.forEach((load, index) => anchored.owners.set(load.owner, rows.children[index + 1]!));
  return [
    heading(2, 'Workload'),
    { ...paragraph('Tasks at once per owner over time, against their capacity: ', link('./workload.svg', 'workload.svg'), '.'), data: { hProperties: { dataPlancDrawing: 'workload' } } },
    rows,
  ];
};

export const dependencyGraph: Section = ({ input, schedule }) => {
  if (input.dependencies) return [heading(2, 'Dependency graph'), code(input.dependencies, 'mermaid')];
  if (schedule) return [heading(2, 'Dependency graph'), paragraph('Too large to show here: see ', link('./dependencies.mmd', 'dependencies.mmd'), '.')];
  return [];
};
