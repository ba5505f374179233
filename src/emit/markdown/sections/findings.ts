// What planc found: rollback coverage and the plan's diagnostics.
import type { RootContent } from 'mdast';
import { heading, inlineCode, item, list, messageInline, paragraph, strong } from '../../../util/mdast.ts';
import { idList, type Section } from './context.ts';

export const rollbackCoverage: Section = ({ analysis }) => {
  const coverage = analysis.coverage;
  if (coverage.total === 0) return [];
  const blocks: RootContent[] = [
    heading(2, 'Rollback coverage'),
    paragraph(`${coverage.covered} of ${coverage.total} units covered (${coverage.percent}%): phases, rollout stages and irreversible tasks.`),
  ];
  const uncovered = coverage.units.filter((unit) => !unit.covered);
  if (uncovered.length > 0) {
    blocks.push(paragraph(strong('Not covered:')), list(uncovered.map((unit) => item(`${unit.kind} `, inlineCode(unit.id), ` — missing ${unit.missing.join(', ')}`))));
  }
  if (coverage.pointsOfNoReturn.length > 0) blocks.push(paragraph(strong('Points of no return:'), ' ', ...idList(coverage.pointsOfNoReturn)));
  return blocks;
};

export const diagnostics: Section = ({ input }) => {
  if (input.diagnostics.length === 0) return [];
  return [
    heading(2, 'Diagnostics'),
    list(
      input.diagnostics.map((d) =>
        item(strong(`${d.severity} ${d.code}`), ` ${d.file}:${d.range.start.line}:${d.range.start.column} — `, ...messageInline(d.message)),
      ),
    ),
  ];
};
