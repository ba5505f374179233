// GitHub Actions workflow commands (--format github): one `::error`, `::warning` or
// `::notice` per finding, which the runner turns into an annotation on the line, escaped
// as the runner unescapes them (actions/toolkit, command.ts): `%`, CR and LF in the
// message, and also `:` and `,` in the properties. A message cannot hold a line that the
// runner would read as a command of its own: every line break in it is escaped.
import type { Severity } from '../diagnostics/types.ts';
import type { ReportInput } from './types.ts';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** A command's message. */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command's property value. */
function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function github(input: ReportInput): string {
  const lines = input.diagnostics.map((d) => {
    const { start, end } = d.range;
    const properties = [
      `file=${escapeProperty(d.file)}`,
      `line=${start.line}`,
      `col=${start.column}`,
      `endLine=${end.line}`,
      `endColumn=${end.column}`,
      `title=${escapeProperty(d.code)}`,
    ].join(',');
    const message = [d.message, ...(d.help ? [`help: ${d.help}`] : []), ...d.related.map((r) => `note: ${r.file}:${r.range.start.line}:${r.range.start.column}: ${r.message}`), input.explanation(d.code)].join('\n');
    return `::${COMMAND[d.severity]} ${properties}::${escapeData(message)}`;
  });
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}
