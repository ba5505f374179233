// Reporters for `planc diff`: the terminal's (`stylish`: the description of src/diff/describe.ts,
// each plan's summary table aligned, its details indented, the verdict last) and the
// machine format (`json`: the diff itself, documented in docs/diff-json.md).
import type { DiffDescription, Phrase, SummaryRow } from '../diff/describe.ts';
import type { Diff } from '../diff/types.ts';
import { printable, type Style } from './terminal.ts';
import { displayWidth } from './width.ts';

/** How a side is named, and what it is. */
export interface RevisionInfo {
  ref?: string;
  commit?: string;
  mergeBase?: boolean;
  label: string;
}

/** A gate asked for with `--fail-on`, and whether it holds. */
export interface GateResult {
  gate: string;
  holds: boolean;
  reasons: string[];
}

export interface DiffReportInput {
  diff: Diff;
  base: RevisionInfo;
  head: RevisionInfo;
  gates: readonly GateResult[];
}

export const DIFF_JSON_FORMAT_VERSION = 1;

/** The machine format: one JSON object. Stable: fields are only ever added. */
export function jsonDiff(input: DiffReportInput): string {
  const { diff } = input;
  return `${JSON.stringify(
    { version: DIFF_JSON_FORMAT_VERSION, base: input.base, head: input.head, summary: diff.summary, config: diff.config, gates: input.gates, plans: diff.plans },
    null,
    2,
  )}\n`;
}

function phrase(parts: Phrase, style: Style): string {
  return parts
    .map((part) => {
      if (typeof part === 'string') return printable(part);
      if ('strong' in part) return style.bold(printable(part.strong));
      // A message reads as the terminal shows every finding's: its `quoted` parts as written.
      if ('message' in part) return printable(part.message.replace(/\s+/g, ' '));
      return `\`${printable(part.code)}\``;
    })
    .join('');
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

function table(rows: readonly SummaryRow[], style: Style): string[] {
  const cells = rows.map((row) => [row.label, phrase(row.base, style), phrase(row.head, style), phrase(row.change, style)] as const);
  const width = (column: 0 | 1 | 2) => Math.max(...cells.map((cell) => displayWidth(cell[column])));
  const [label, base, head] = [width(0), width(1), width(2)];
  return cells.map(([l, b, h, c]) => {
    // A row that only says what changed (float consumed) has no sides to show.
    const sides = b === '—' && h === '—' ? ' '.repeat(base + head + 3) : `${pad(b, base)} → ${pad(h, head)}`;
    return `  ${pad(l, label)}  ${sides}  ${c === '—' ? '' : style.cyan(c)}`.trimEnd();
  });
}

/** The terminal's format: nothing changed is one line; otherwise each plan, then the verdict. */
export function stylishDiff(description: DiffDescription, style: Style): string {
  const verdict = phrase(description.verdict, style);
  if (description.empty) return `${style.green('✔')} ${verdict}\n`;
  const out: string[] = [];
  for (const note of description.notes) out.push(style.dim(phrase(note, style)), '');
  for (const plan of description.plans) {
    out.push(`${style.bold(printable(plan.id))}  ${printable(plan.title)} — ${phrase(plan.headline, style)}`);
    out.push(...table(plan.rows, style));
    for (const section of plan.details) {
      out.push(`  ${style.dim(section.heading)}`);
      for (const line of section.lines) out.push(`    ${phrase(line, style)}`);
    }
    out.push('');
  }
  out.push(`${style.yellow('●')} ${verdict}`);
  return `${out.join('\n')}\n`;
}
