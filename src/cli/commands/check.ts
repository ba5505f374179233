import { check } from '../../api/check.ts';
import { plural } from '../../util/words.ts';
import { EXIT, UsageError, type Io } from '../io.ts';
import type { ParsedArgs } from './index.ts';
import { exitCode, printDiagnostics, reporterFor, request } from './shared.ts';

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const reporter = reporterFor(args.values.format);
  const maxWarnings = parseMaxWarnings(args.values['max-warnings']);
  const result = await check(request(args, io));
  printDiagnostics(result, reporter, io.stdout, io);
  const code = exitCode(result);
  if (code !== EXIT.clean) return code;
  const { warnings } = result.summary;
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
