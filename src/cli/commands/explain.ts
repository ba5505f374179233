import { explain, type Explanation } from '../../api/explain.ts';
import { COLOUR, PLAIN, printable, wantsColour, type Style } from '../../report/terminal.ts';
import { EXIT, UsageError, type Io } from '../io.ts';
import type { ParsedArgs } from './index.ts';

export async function run({ values, positionals }: ParsedArgs, io: Io): Promise<number> {
  if (positionals.length !== 1) throw new UsageError('`planc explain` takes one code or rule name', 'Example: planc explain PLAN2001');
  const format = values.format === undefined ? 'text' : String(values.format);
  if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format \`${format}\``, 'Formats: text, json.');
  const entry = explain(positionals[0]!);
  if (format === 'json') io.stdout.write(`${JSON.stringify(entry, null, 2)}\n`);
  else io.stdout.write(text(entry, wantsColour(io.env, Boolean(io.stdout.isTTY)) ? COLOUR : PLAIN));
  return EXIT.clean;
}

/** Indented by four spaces, line by line. */
function indented(block: string): string {
  return block.replace(/\n$/, '').split('\n').map((line) => (line === '' ? '' : `    ${line}`)).join('\n');
}

function text(entry: Explanation, style: Style): string {
  const setting = entry.configurable ? `the configuration may change it (rules: { ${entry.name}: error | warning | info | off })` : 'it cannot be turned off';
  const lines = [
    style.bold(`${entry.code} ${entry.name}: ${entry.title}`),
    style.dim(`${entry.severity} by default; ${setting}`),
    '',
    entry.explanation,
    '',
    `${style.cyan('Fix')}: ${entry.fix}`,
  ];
  if (entry.example) {
    lines.push('', style.bold('Example'));
    for (const [path, content] of Object.entries(entry.example.files)) lines.push('', `  ${style.dim(`${path}:`)}`, indented(printable(content)));
    if (entry.example.output !== undefined) lines.push('', `  ${style.dim('planc check prints:')}`, '', indented(printable(entry.example.output)));
  }
  lines.push('', `More: ${entry.url}`, '');
  return lines.join('\n');
}
