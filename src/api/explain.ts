// Looking a diagnostic up by code or rule name, for `planc explain` and tools.
import { byCode, byName, catalogue } from '../diagnostics/catalogue.ts';
import { explanationOf, type Explanation } from '../diagnostics/explain.ts';
import { PLAIN, printable, type Style } from '../report/terminal.ts';
import { suggest } from '../util/suggest.ts';
import { UsageError } from './errors.ts';

export type { Explanation };

/** The explanation of a code (`PLAN2001`) or rule name (`unknown-property`); a UsageError for neither. */
export function explain(codeOrName: string): Explanation {
  const wanted = codeOrName.trim();
  const definition = byCode.get(wanted.toUpperCase()) ?? byName.get(wanted.toLowerCase());
  if (!definition) {
    const near = suggest(wanted, [...catalogue.map((d) => d.code), ...catalogue.map((d) => d.name)]);
    throw new UsageError(`there is no diagnostic \`${wanted}\`${near ? `; did you mean \`${near}\`?` : ''}`, 'Codes are PLAN and four digits (PLAN2001), or a rule name (unknown-property); docs/diagnostics.md lists them all.');
  }
  return explanationOf(definition);
}

/** Indented by four spaces, line by line. */
function indented(block: string): string {
  return block.replace(/\n$/, '').split('\n').map((line) => (line === '' ? '' : `    ${line}`)).join('\n');
}

/** An explanation as `planc explain` prints it (and the MCP `explain` tool says it). */
export function explanationText(entry: Explanation, style: Style = PLAIN): string {
  const setting = entry.configurable ? `the configuration may change it (rules: { ${entry.name}: error | warning | info | off })` : 'it cannot be turned off';
  const lines = [
    style.bold(`${entry.code} ${entry.name}: ${entry.title}`),
    style.dim(`${entry.severity} by default; ${setting}`),
    '',
    entry.explanation,
    '',
    `${style.cyan('Fix')}: ${entry.fix}`,
    ...(entry.autofix !== undefined ? ['', `${style.cyan('planc fix')}: ${entry.autofix}`] : []),
  ];
  if (entry.example) {
    lines.push('', style.bold('Example'));
    for (const [path, content] of Object.entries(entry.example.files)) lines.push('', `  ${style.dim(`${path}:`)}`, indented(printable(content)));
    if (entry.example.output !== undefined) lines.push('', `  ${style.dim('planc check prints:')}`, '', indented(printable(entry.example.output)));
  }
  lines.push('', `More: ${entry.url}`, '');
  return lines.join('\n');
}
