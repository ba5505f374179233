import { explain, explanationText } from '../../api/explain.ts';
import { COLOUR, PLAIN, wantsColour } from '../../report/terminal.ts';
import { EXIT, UsageError, type Io } from '../io.ts';
import type { ParsedArgs } from './index.ts';

export async function run({ values, positionals }: ParsedArgs, io: Io): Promise<number> {
  if (positionals.length !== 1) throw new UsageError('`planc explain` takes one code or rule name', 'Example: planc explain PLAN2001');
  const format = values.format === undefined ? 'text' : String(values.format);
  if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format \`${format}\``, 'Formats: text, json.');
  const entry = explain(positionals[0]!);
  if (format === 'json') io.stdout.write(`${JSON.stringify(entry, null, 2)}\n`);
  else io.stdout.write(explanationText(entry, wantsColour(io.env, Boolean(io.stdout.isTTY)) ? COLOUR : PLAIN));
  return EXIT.clean;
}
