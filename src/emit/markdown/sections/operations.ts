// How the change lands and is run: architecture, migration, rollout, monitoring, the
// plan's rollback, and what it needs from others.
import type { RootContent } from 'mdast';
import { days } from '../../../util/words.ts';
import { code, heading, inlineCode, item, list, paragraph, strong, table, textList, type Phrasing } from '../../../util/mdast.ts';
import { untrustedBlocks } from '../untrusted.ts';
import { rollbackBlocks, section, when, type Section } from './context.ts';

export const architecture: Section = ({ plan, input }) => {
  if (plan.architecture.length === 0) return [];
  const blocks: RootContent[] = [heading(2, 'Architecture')];
  for (const diagram of plan.architecture) {
    blocks.push(heading(3, diagram.title));
    if (diagram.description) blocks.push(...untrustedBlocks(diagram.description));
    blocks.push(code(input.architecture.get(diagram.id) ?? '', 'mermaid'));
  }
  return blocks;
};

export const migration: Section = ({ plan }) => {
  const migration = plan.migration;
  if (!migration) return [];
  const blocks: RootContent[] = [heading(2, 'Migration')];
  if (migration.overview.length > 0) {
    blocks.push(table(['Aspect', 'Current', 'Target'], migration.overview.map((row) => [row.aspect, row.current, row.target])));
  }
  if (migration.strategy) blocks.push(paragraph(strong('Strategy:'), ` ${migration.strategy}`));
  if (migration.data) {
    blocks.push(heading(3, 'Data migration'), paragraph(strong('Strategy:'), ` ${migration.data.strategy}`), textList(migration.data.steps, true));
    if (migration.data.validation.length > 0) blocks.push(paragraph(strong('Validation')), textList(migration.data.validation));
  }
  return blocks;
};

export const rollout: Section = ({ plan, schedule, anchored }) => {
  const rollout = plan.rollout;
  if (!rollout) return [];
  const blocks: RootContent[] = [heading(2, 'Rollout')];
  const about: Phrasing[] = [];
  if (rollout.strategy) about.push(strong('Strategy:'), ` ${rollout.strategy}`);
  if (rollout.flag) about.push(...(about.length ? ['. '] : []), strong('Feature flag:'), ' ', inlineCode(rollout.flag));
  if (about.length > 0) blocks.push(paragraph(...about));
  const stages = table(
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
  );
  rollout.stages.forEach((stage, index) => anchored.stages.set(stage, stages.children[index + 1]!));
  blocks.push(stages);
  blocks.push(...rollbackBlocks(rollout.rollback, 3));
  return blocks;
};

export const monitoring: Section = ({ plan }) => {
  const { alerts, dashboards } = plan.monitoring;
  return section('Monitoring', 2, [
    alerts.length > 0 && table(['Alert', 'Condition', 'Severity', 'Notify'], alerts.map((alert) => [alert.name, alert.condition, alert.severity ?? '—', alert.notify ?? '—'])),
    dashboards.length > 0 && list(dashboards.map((dashboard) => item(dashboard.title, ...(dashboard.url ? [' — ', inlineCode(dashboard.url)] : [])))),
  ]);
};

export const rollbackPlan: Section = ({ plan }) => rollbackBlocks(plan.rollback, 2, 'Rollback plan');

export const dependencies: Section = ({ plan }) => {
  const { internal, external } = plan.dependencies;
  if (internal.length + external.length === 0) return [];
  const blocks: RootContent[] = [heading(2, 'Dependencies')];
  if (internal.length > 0) {
    blocks.push(heading(3, 'Internal'), table(['Dependency', 'Owner', 'Status'], internal.map((dep) => [dep.name, dep.owner ?? '—', dep.status ?? '—'])));
  }
  if (external.length > 0) {
    blocks.push(heading(3, 'External'), table(['Dependency', 'Version', 'Purpose'], external.map((dep) => [dep.name, dep.version ?? '—', dep.purpose ?? '—'])));
  }
  return blocks;
};
