// The formats of `planc impact` for the terminal (stylish) and for programs (json); the
// markdown one, for a pull request's comment and a job summary, is a document
// (emit/markdown/impact.ts).
import type { ImpactReport } from '../analyse/code/impact.ts';
import { impactSentence } from '../util/words.ts';
import { printable, type Style } from './terminal.ts';

export const IMPACT_JSON_VERSION = 1;

/** What an impact format reads: the report, and the repository root as the reader sees it. */
export interface ImpactInput {
  report: ImpactReport;
  /** The repository root, relative to the working folder (`.` for the folder itself). */
  root: string;
}

export function impactStylish({ report }: ImpactInput, style: Style): string {
  const out: string[] = [];
  for (const { plan, task, files, note } of report.tasks) {
    out.push(`${style.bold(printable(`${plan.id}#${task.id}`))} ${printable(task.title)} ${style.dim(`(${task.status})`)}`);
    for (const { path, list } of files) out.push(`  ${printable(path)} ${style.dim(list)}`);
    if (note) out.push(`  ${style.yellow('note')}: ${printable(note.text)}`);
    out.push('');
  }
  if (report.uncovered.length > 0) {
    out.push(style.bold('In no plan:'));
    for (const path of report.uncovered) out.push(`  ${printable(path)}`);
    out.push('');
  }
  out.push(printable(impactSentence(report.summary, report.since)));
  return `${out.join('\n')}\n`;
}

export function impactJson({ report, root }: ImpactInput): string {
  return `${JSON.stringify(
    {
      version: IMPACT_JSON_VERSION,
      root,
      changes: report.changes,
      summary: report.summary,
      changed: report.changed,
      tasks: report.tasks.map(({ plan, task, files, note }) => ({
        plan: plan.id,
        file: plan.file,
        task: task.id,
        title: task.title,
        status: task.status,
        ...(task.owner ? { owner: task.owner } : {}),
        files,
        ...(note ? { note } : {}),
      })),
      uncovered: report.uncovered,
    },
    null,
    2,
  )}\n`;
}
