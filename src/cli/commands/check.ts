import { EXIT, UsageError, type Io } from '../io.ts';
import type { ParsedArgs } from './index.ts';
import { compileFor, report, reporterFor } from './shared.ts';
import { plural } from '../../util/words.ts';

export async function run({ values, positionals }: ParsedArgs, io: Io): Promise<number> {
  const reporter = reporterFor(values.format);
  const maxWarnings = parseMaxWarnings(values['max-warnings']);
  const result = await compileFor(values, positionals, io);
  if (typeof result === 'number') return result;
  const diagnostics = report(result, reporter, io.stdout, io);
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (errors > 0) return EXIT.findings;
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    io.stderr.write(`planc: ${plural(warnings, 'warning')}, more than --max-warnings ${maxWarnings}\n`);
    return EXIT.findings;
  }
  return EXIT.clean;
}

/** A whole number; -1 means no limit, as in ESLint. */
function parseMaxWarnings(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value);
  if (text === '-1') return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`--max-warnings takes a whole number (or -1 for no limit), not \`${text}\``);
  return Number(text);
}
