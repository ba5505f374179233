// The formats of `planc impact`: for the terminal (stylish), for a pull request's comment
// and a CI job's summary (markdown: a tree printed by the one printer, so plan text and
// file names are escaped once), and for programs (json). Each reads one ImpactInput,
// which the library makes (src/api/impact.ts, formatImpact).
import type { RootContent } from 'mdast';
import type { ImpactReport } from '../analyse/code/impact.ts';
import type { Plan } from '../model/plan.ts';
import { heading, inlineCode, link, paragraph, printMarkdown, root, strong, table, type Phrasing } from '../util/mdast.ts';
import { impactSentence } from '../util/words.ts';
import { printable, type Style } from './terminal.ts';

export const IMPACT_JSON_VERSION = 1;

/** What an impact format reads: the report, the repository root as the reader sees it, and where links go. */
export interface ImpactInput {
  report: ImpactReport;
  /** The repository root, relative to the working folder (`.` for the folder itself). */
  root: string;
  /** The page of a plan on the published site (`site.url`), when there is one. */
  planPage(plan: Plan): string | undefined;
  /** The page of a file of the repository (`site.repository`), when its address is known. */
  filePage(path: string): string | undefined;
}

export type ImpactReporter = (input: ImpactInput, style: Style) => string;

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

/** How many files a row of the markdown table names before it counts the rest. */
const FILES_IN_ROW = 10;
/** How many files no plan covers the markdown names before it counts the rest. */
const UNCOVERED_NAMED = 50;

/** Files in code, each linked to its page when there is one, with what follows it; the first `limit`, and how many more. */
function fileList(files: ReadonlyArray<{ path: string; after?: string }>, input: ImpactInput, limit: number): Phrasing[] {
  const shown = files.slice(0, limit).flatMap(({ path, after }, i) => {
    const page = input.filePage(path);
    return [...(i > 0 ? [', '] : []), page ? link(page, inlineCode(path)) : inlineCode(path), ...(after ? [after] : [])];
  });
  return files.length > limit ? [...shown, ` and ${files.length - limit} more`] : shown;
}

export function impactMarkdown(input: ImpactInput): string {
  const { report } = input;
  const blocks: RootContent[] = [heading(2, 'Plans this change touches'), paragraph(impactSentence(report.summary, report.since))];
  if (report.tasks.length > 0) {
    blocks.push(
      table(
        ['Plan', 'Task', 'Status', 'Changed files', 'Note'],
        report.tasks.map(({ plan, task, files, note }) => {
          const page = input.planPage(plan);
          return [
            page ? link(page, inlineCode(plan.id)) : inlineCode(plan.id),
            [`${task.title} `, inlineCode(task.id)],
            task.status,
            fileList(files.map((file) => ({ path: file.path, ...(file.list === 'touches' ? {} : { after: ` (${file.list})` }) })), input, FILES_IN_ROW),
            note?.text ?? '',
          ];
        }),
      ),
    );
  }
  if (report.uncovered.length > 0) {
    blocks.push(paragraph(strong('In no plan:'), ' ', ...fileList(report.uncovered.map((path) => ({ path })), input, UNCOVERED_NAMED)));
  }
  return printMarkdown(root(blocks));
}

export function impactJson({ report, root: rootFolder }: ImpactInput): string {
  return `${JSON.stringify(
    {
      version: IMPACT_JSON_VERSION,
      root: rootFolder,
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

/** The formats of `planc impact`, by name. */
export const impactReporters: Readonly<Record<string, ImpactReporter>> = {
  stylish: impactStylish,
  markdown: (input) => impactMarkdown(input),
  json: (input) => impactJson(input),
};
