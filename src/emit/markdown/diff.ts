// The pull request comment of `planc diff` (and its job summary): a hidden marker a workflow
// finds its previous comment by, the verdict on one line, then each plan with a summary
// table and its details in a <details> block, its title linking to its page on the site
// when the site's address is known. Built as an mdast tree and printed by the one printer,
// so plan text is escaped like everywhere else (and mentions no one); the raw HTML here is
// planc's own.
import type { RootContent } from 'mdast';
import type { DiffDescription, Phrase, PlanDescription } from '../../diff/describe.ts';
import { html, inlineCode, link, list, item, messageInline, paragraph, printComment, root, strong, table, text, type Phrasing } from '../../util/mdast.ts';

export interface DiffMarkdownOptions {
  /** The hidden marker (`<!-- planc-diff -->`) a workflow finds its comment by; none when undefined. */
  marker?: string;
  /** The address of a plan's page on the site, when the site's address is set. */
  planUrl?: (id: string) => string | undefined;
  /**
   * The longest the text may be (GitHub takes comments up to 65,536 characters): the plans
   * that do not fit are named, with what to run to see them.
   */
  maxLength?: number;
}

/** The marker a pull request comment of `planc diff` starts with unless told otherwise. */
export const DEFAULT_MARKER = 'planc-diff';

/** What an empty diff's comment holds beside its marker: a workflow that finds it need not add a comment. */
export const UNCHANGED_MARKER = '<!-- planc-diff: no plan changed -->';

/** Markers are planc's own HTML comments: a word of letters, digits and `-_.:`. */
export const MARKER_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]*$/;

const DEFAULT_MAX_LENGTH = 60_000;

function phrasing(parts: Phrase): Phrasing[] {
  return parts.flatMap((part): Phrasing | Phrasing[] => {
    if (typeof part === 'string') return text(part);
    if ('strong' in part) return strong(part.strong);
    if ('message' in part) return messageInline(part.message);
    return part.url ? link(part.url, inlineCode(part.code)) : inlineCode(part.code);
  });
}

function planBlocks(plan: PlanDescription, planUrl: DiffMarkdownOptions['planUrl']): RootContent[] {
  const url = planUrl?.(plan.id);
  const title = url ? link(url, text(plan.title)) : strong(plan.title);
  const blocks: RootContent[] = [
    paragraph(title, ' ', inlineCode(plan.id), ' — ', ...phrasing(plan.headline)),
    table(
      ['', 'Base', 'Head', 'Change'],
      plan.rows.map((row) => [row.label, phrasing(row.base), phrasing(row.head), phrasing(row.change)]),
    ),
  ];
  if (plan.details.length > 0) {
    blocks.push(html('<details><summary>Details</summary>'));
    for (const section of plan.details) {
      blocks.push(paragraph(strong(section.heading)), list(section.lines.map((line) => item(...phrasing(line)))));
    }
    blocks.push(html('</details>'));
  }
  return blocks;
}

export function markdownDiff(description: DiffDescription, options: DiffMarkdownOptions = {}): string {
  const head: RootContent[] = [];
  if (options.marker !== undefined) head.push(html(`<!-- ${options.marker} -->`));
  if (description.empty) head.push(html(UNCHANGED_MARKER));
  head.push(paragraph(...phrasing(description.verdict)));
  for (const note of description.notes) head.push(paragraph(...phrasing(note)));
  const parts = [printComment(root(head))];
  const budget = options.maxLength ?? DEFAULT_MAX_LENGTH;
  let length = parts[0]!.length;
  let shown = 0;
  for (const plan of description.plans) {
    const printed = printComment(root(planBlocks(plan, options.planUrl)));
    // Room is kept for the closing line that names what was left out.
    if (length + printed.length + 300 > budget) break;
    parts.push(printed);
    length += printed.length + 1;
    shown += 1;
  }
  const left = description.plans.slice(shown);
  if (left.length > 0) {
    const names = left.slice(0, 20).flatMap((plan, i): Phrasing[] => [...(i ? [', '] : []), inlineCode(plan.id)]);
    parts.push(
      printComment(
        root([
          paragraph(`${left.length} more ${left.length === 1 ? 'plan changed' : 'plans changed'} (too long for one comment): `, ...names, ...(left.length > 20 ? [' and more'] : []), '. Run ', inlineCode('planc diff'), ' to see them all.'),
        ]),
      ),
    );
  }
  return parts.join('\n');
}
