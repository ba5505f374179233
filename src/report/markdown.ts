// The summary for a person reading a pull request (--format markdown, and the job summary
// `--format github` appends): a one-line verdict, the counts per plan, then each finding
// with its place and a link to its explanation. A tree printed by the one printer, so every
// piece of plan text is escaped, and no `@mention` in it notifies anyone.
import type { RootContent } from 'mdast';
import { countFindings } from '../diagnostics/counts.ts';
import type { Counts } from '../diagnostics/types.ts';
import { heading, inlineCode, item, link, list, messageInline, paragraph, printComment, root, strong, table, text } from '../util/mdast.ts';
import { plural } from '../util/words.ts';
import type { ReportInput } from './types.ts';
import { verdict } from './verdict.ts';

const MARK = { error: '✖', warning: '⚠', info: 'ℹ' } as const;

export function markdown(input: ReportInput): string {
  const total = countFindings(input.diagnostics);
  const { mark, text: said } = verdict(total, input.files.length);
  const blocks: RootContent[] = [heading(2, 'planc check'), paragraph(strong(`${mark} ${said}`))];
  const byFile = new Map<string, ReportInput['diagnostics'][number][]>(input.files.map((file) => [file, []]));
  for (const d of input.diagnostics) byFile.get(d.file)?.push(d) ?? byFile.set(d.file, [d]);
  const withFindings = [...byFile].filter(([, found]) => found.length > 0);
  if (withFindings.length > 0) {
    const row = (name: string, file: string, counts: Counts) => [name, file, String(counts.errors), String(counts.warnings), String(counts.infos)];
    blocks.push(
      table(
        ['Plan', 'File', 'Errors', 'Warnings', 'Notes'],
        [...withFindings.map(([file, found]) => row(input.planOf(file) ?? '—', file, countFindings(found))), row('All', plural(input.files.length, 'file'), total)],
        [null, null, 'right', 'right', 'right'],
      ),
    );
    for (const [file, found] of withFindings) {
      blocks.push(
        heading(3, file),
        list(
          found.map((d) =>
            item(
              `${MARK[d.severity]} `,
              strong(d.severity),
              ' ',
              link(input.explanation(d.code), d.code),
              ' at ',
              inlineCode(`${d.file}:${d.range.start.line}:${d.range.start.column}`),
              ': ',
              ...messageInline(d.message),
              ...(d.help ? [text(' — '), ...messageInline(d.help)] : []),
            ),
          ),
        ),
      );
    }
  }
  if (input.suppressed.length > 0) {
    const inline = input.suppressed.filter((d) => d.suppression.kind === 'inline').length;
    const parts = [...(inline ? [`${inline} by comments in the plans`] : []), ...(input.suppressed.length - inline ? [`${input.suppressed.length - inline} by the baseline`] : [])];
    blocks.push(paragraph(`${plural(input.suppressed.length, 'finding')} suppressed: ${parts.join(', ')}.`));
  }
  return printComment(root(blocks));
}
