// The portfolio (`index.md` at the top of the output folder): every plan with its kind,
// status, owner, dates, duration, progress, rollback coverage and open findings, linking
// to its document; files that could not be built are listed with their errors.
import type { RootContent } from 'mdast';
import type { PlanAnalysis } from '../../analyse/types.ts';
import type { Counts } from '../../diagnostics/types.ts';
import type { Plan } from '../../model/plan.ts';
import { heading, inlineCode, item, link, list, paragraph, printMarkdown, root, table, text, type Phrasing } from '../../util/mdast.ts';
import { days, findingsText, plural } from '../../util/words.ts';

export interface PortfolioEntry {
  plan: Plan;
  analysis: PlanAnalysis;
  counts: Counts;
}

export function portfolio(entries: PortfolioEntry[], notBuilt: Array<{ file: string; counts: Counts }>): string {
  const rows = entries.map(({ plan, analysis, counts }): Array<Phrasing | Phrasing[]> => {
    const schedule = analysis.schedule;
    const coverage = analysis.coverage;
    return [
      [link(`./${plan.id}/index.md`, text(plan.title)), ' ', inlineCode(plan.id)],
      plan.kind,
      plan.status,
      plan.owner ?? '—',
      schedule?.start ?? '—',
      schedule?.finish ?? '—',
      schedule ? days(schedule.duration) : '—',
      `${analysis.progress.percent}%`,
      coverage.total > 0 ? `${coverage.covered}/${coverage.total} (${coverage.percent}%)` : '—',
      findingsText(counts),
    ];
  });
  const blocks: RootContent[] = [
    heading(1, 'Plans'),
    paragraph(`${plural(entries.length, 'plan')}${notBuilt.length ? `, ${notBuilt.length} not built because of errors` : ''}. Durations are in working days.`),
    table(['Plan', 'Kind', 'Status', 'Owner', 'Start', 'Finish', 'Duration', 'Progress', 'Rollback coverage', 'Findings'], rows, [
      null,
      null,
      null,
      null,
      null,
      null,
      'right',
      'right',
      'right',
      null,
    ]),
  ];
  if (notBuilt.length > 0) {
    blocks.push(
      heading(2, 'Not built'),
      list(notBuilt.map(({ file, counts }) => item(inlineCode(file), ` — ${findingsText(counts)}; run `, inlineCode(`planc check ${file}`)))),
    );
  }
  return printMarkdown(root(blocks));
}
