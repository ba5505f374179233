// `planc impact --format markdown`: the impact of a change as a short document, for a pull
// request's comment and a CI job's summary. Built as a tree and printed like the plan
// documents, so plan text (titles, file names) is escaped by the printer, once.
import type { RootContent } from 'mdast';
import type { ImpactReport } from '../../analyse/code/impact.ts';
import { impactSentence } from '../../util/words.ts';
import { heading, inlineCode, paragraph, printMarkdown, root, strong, table, type Phrasing } from '../../util/mdast.ts';

/** How many files a row names before it counts the rest. */
const FILES_IN_ROW = 10;

/** Paths in code, each with what follows it, the first `limit` of them, and how many more. */
function codeList(values: ReadonlyArray<string | { path: string; after: string }>, limit = Infinity): Phrasing[] {
  const shown = values.slice(0, limit).flatMap((value, i) => {
    const [path, after] = typeof value === 'string' ? [value, ''] : [value.path, value.after];
    return [...(i > 0 ? [', '] : []), inlineCode(path), ...(after ? [after] : [])];
  });
  return values.length > limit ? [...shown, ` and ${values.length - limit} more`] : shown;
}

export function impactMarkdown(report: ImpactReport): string {
  const blocks: RootContent[] = [heading(2, 'Plans this change touches'), paragraph(impactSentence(report.summary, report.since))];
  if (report.tasks.length > 0) {
    blocks.push(
      table(
        ['Plan', 'Task', 'Status', 'Changed files', 'Note'],
        report.tasks.map(({ plan, task, files, note }) => [
          inlineCode(plan.id),
          [`${task.title} `, inlineCode(task.id)],
          task.status,
          codeList(files.map((file) => ({ path: file.path, after: file.list === 'touches' ? '' : ` (${file.list})` })), FILES_IN_ROW),
          note?.text ?? '',
        ]),
      ),
    );
  }
  if (report.uncovered.length > 0) blocks.push(paragraph(strong('In no plan:'), ' ', ...codeList(report.uncovered, 50)));
  return printMarkdown(root(blocks));
}
