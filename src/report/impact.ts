// The formats of `planc impact`: for the terminal (stylish), for a pull request's comment
// and a CI job's summary (markdown: a tree printed by the one printer, so plan text and
// file names are escaped once, and mention no one), and for programs (json). Each reads
// one ImpactInput, which the library makes (src/api/impact.ts, formatImpact).
import type { RootContent } from 'mdast';
import type { ImpactReport } from '../analyse/code/impact.ts';
import type { Plan } from '../model/plan.ts';
import { heading, html, inlineCode, link, paragraph, printComment, root, strong, table, text, type Phrasing } from '../util/mdast.ts';
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

export interface ImpactFormatOptions {
  style: Style;
  /** The hidden marker the markdown starts with (`<!-- planc-impact -->`), for a workflow to find its comment by; none when undefined. */
  marker?: string;
}

export type ImpactReporter = (input: ImpactInput, options: ImpactFormatOptions) => string;

/** The marker a pull request comment of `planc impact` starts with. */
export const IMPACT_MARKER = 'planc-impact';

/** What the comment holds beside its marker when no task's code changed: a workflow that finds it need not add a comment. */
export const UNTOUCHED_MARKER = '<!-- planc-impact: no task touched -->';

/** GitHub takes comments up to 65,536 characters: the rows that do not fit are counted instead. */
const MAX_LENGTH = 60_000;

export function impactStylish({ report }: ImpactInput, { style }: ImpactFormatOptions): string {
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

export function impactMarkdown(input: ImpactInput, options: Pick<ImpactFormatOptions, 'marker'> = {}): string {
  const { report } = input;
  const head: RootContent[] = [];
  if (options.marker !== undefined) head.push(html(`<!-- ${options.marker} -->`));
  if (report.tasks.length === 0) head.push(html(UNTOUCHED_MARKER));
  head.push(heading(2, 'Plans this change touches'), paragraph(impactSentence(report.summary, report.since)));
  const rows = report.tasks.map(({ plan, task, files, note }) => {
    const page = input.planPage(plan);
    return [
      page ? link(page, inlineCode(plan.id)) : inlineCode(plan.id),
      [text(`${task.title} `), inlineCode(task.id)],
      task.status,
      fileList(files.map((file) => ({ path: file.path, ...(file.list === 'touches' ? {} : { after: ` (${file.list})` }) })), input, FILES_IN_ROW),
      note ? note.text : '',
    ];
  });
  const tail: RootContent[] = report.uncovered.length > 0 ? [paragraph(strong('In no plan:'), ' ', ...fileList(report.uncovered.map((path) => ({ path })), input, UNCOVERED_NAMED))] : [];
  const print = (shown: number) =>
    printComment(
      root([
        ...head,
        ...(shown > 0 ? [table(['Plan', 'Task', 'Status', 'Changed files', 'Note'], rows.slice(0, shown))] : []),
        ...(shown < rows.length ? [paragraph(`… and ${rows.length - shown} more tasks, too many for one comment: `, inlineCode('planc impact'), ' lists them all.')] : []),
        ...tail,
      ]),
    );
  // Rows are dropped in proportion to the excess until the text fits.
  let shown = rows.length;
  let printed = print(shown);
  while (printed.length > MAX_LENGTH && shown > 0) {
    shown = Math.min(shown - 1, Math.floor((shown * MAX_LENGTH) / printed.length));
    printed = print(shown);
  }
  return printed;
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
  markdown: (input, { marker }) => impactMarkdown(input, marker !== undefined ? { marker } : {}),
  json: (input) => impactJson(input),
};
