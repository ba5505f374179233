// The human format: `file:line:col - severity CODE: message`, a code frame with a caret
// under the range, the help line and related locations, then a summary.
import type { SourceText } from '../diagnostics/source.ts';
import type { ResolvedDiagnostic, Severity } from '../diagnostics/types.ts';
import { printable, type Style } from './terminal.ts';
import { displayWidth } from './width.ts';
import type { ReportInput } from './types.ts';
import { countFindings } from '../diagnostics/counts.ts';
import { verdict, type Verdict } from './verdict.ts';

const MAX_LINE = 160;

/** The report; `summary: false` leaves out its closing verdict (a watcher prints a status line of its own). */
export function stylish(input: ReportInput, style: Style, options: { summary?: boolean } = {}): string {
  const out: string[] = [];
  for (const diagnostic of input.diagnostics) {
    out.push(header(diagnostic, style));
    const source = input.source(diagnostic.file);
    if (source && source.text.length > 0) out.push('', ...frame(source, diagnostic, style));
    if (diagnostic.help) out.push('', `  ${style.cyan('help')}: ${oneLine(diagnostic.help)}`);
    for (const related of diagnostic.related) {
      out.push(
        `  ${style.dim('note')}: ${related.file}:${related.range.start.line}:${related.range.start.column}: ${oneLine(related.message)}`,
      );
    }
    out.push('');
  }
  if (options.summary === false) return out.length > 0 ? `${out.join('\n')}\n` : '';
  out.push(summary(input, style));
  return `${out.join('\n')}\n`;
}

function colourFor(severity: Severity, style: Style): (text: string) => string {
  return severity === 'error' ? style.red : severity === 'warning' ? style.yellow : style.cyan;
}

function header(d: ResolvedDiagnostic, style: Style): string {
  const where = `${d.file}:${d.range.start.line}:${d.range.start.column}`;
  const label = colourFor(d.severity, style)(`${d.severity} ${d.code}`);
  return `${style.bold(where)} - ${label}: ${style.bold(oneLine(d.message))}`;
}

/** A message on one line, as the `file:line:col` format needs: line feeds from plan text shown as `\n`. */
function oneLine(text: string): string {
  return printable(text).replace(/\n/g, '\\n');
}

/** The line before (for context) and the line of the range, with carets under the range. */
export function frame(source: SourceText, d: ResolvedDiagnostic, style: Style): string[] {
  const { start, end } = d.range;
  const first = Math.max(1, start.line - 1);
  const width = String(start.line).length;
  const lines: string[] = [];
  for (let line = first; line <= start.line; line++) {
    const { text, offset } = window(source.line(line), start.column);
    const shown = line === start.line ? text : window(source.line(line), 1).text;
    lines.push(`  ${style.dim(`${String(line).padStart(width)} |`)} ${printable(shown)}`);
    if (line === start.line) {
      const from = Math.max(0, start.column - 1 - offset);
      const to = end.line === start.line ? end.column - 1 - offset : text.length;
      // As wide as the text above it, on screen: a CJK character or an emoji takes two
      // columns, an escaped control character several; tabs stay tabs.
      const lead = printable(text.slice(0, from))
        .split('\t')
        .map((part) => ' '.repeat(displayWidth(part)))
        .join('\t');
      const under = displayWidth(printable(text.slice(from, to))) + (to > text.length ? 1 : 0);
      const carets = '^'.repeat(Math.max(1, under));
      lines.push(`  ${style.dim(`${' '.repeat(width)} |`)} ${lead}${colourFor(d.severity, style)(carets)}`);
    }
  }
  return lines;
}

/** A long line is cut to a window around the column, marked with ellipses. */
function window(line: string, column: number): { text: string; offset: number } {
  if (line.length <= MAX_LINE) return { text: line, offset: 0 };
  const start = Math.max(0, Math.min(column - 1 - MAX_LINE / 2, line.length - MAX_LINE));
  const text = line.slice(start, start + MAX_LINE);
  return start > 0 ? { text: `…${text}…`, offset: start - 1 } : { text: `${text}…`, offset: 0 };
}

function summary(input: ReportInput, style: Style): string {
  return painted(verdict(countFindings(input.diagnostics), input.files.length, input.suppressed.length), style);
}

/** A verdict as the terminal shows it: all green when clean, else its mark in red or yellow. */
export function painted({ mark, text }: Verdict, style: Style): string {
  const paint = mark === '✔' ? style.green : mark === '✖' ? style.red : style.yellow;
  return mark === '✔' ? paint(`${mark} ${text}`) : `${paint(mark)} ${text}`;
}
