import { check } from '../../api/check.ts';
import type { ReportOptions } from '../../api/report.ts';
import { plural } from '../../util/words.ts';
import { EXIT, UsageError, type Io } from '../io.ts';
import type { ParsedArgs } from './index.ts';
import { exitCode, failSeverity, formatTargets, printReports, request } from './shared.ts';

/** The path a plan read from standard input is checked as, unless `--stdin-filename` names one. */
const STDIN_NAME = 'stdin.plan.yaml';

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const { values } = args;
  const targets = formatTargets(values);
  const maxWarnings = parseMaxWarnings(values['max-warnings']);
  const options: ReportOptions = { failAt: failSeverity(values['fail-severity']), quiet: values.quiet === true };
  if (values['update-baseline'] === true && values.baseline === undefined) throw new UsageError('`--update-baseline` needs `--baseline <file>`');
  const base = request(args, io);
  // `-` is a plan on standard input, checked as `--stdin-filename` (editors, pre-commit hooks, agents).
  const fromStdin = base.paths.includes('-');
  if (values['stdin-filename'] !== undefined && !fromStdin) throw new UsageError('`--stdin-filename` names the plan read from standard input: pass `-` too');
  const stdinName = values['stdin-filename'] !== undefined ? String(values['stdin-filename']) : STDIN_NAME;
  const overlays = fromStdin ? { [stdinName]: await io.readStdin() } : undefined;
  const result = await check({
    ...base,
    paths: base.paths.map((path) => (path === '-' ? stdinName : path)),
    ...(overlays ? { overlays } : {}),
    ...(values.baseline !== undefined ? { baseline: String(values.baseline), updateBaseline: values['update-baseline'] === true } : {}),
  });
  printReports(result, targets, io.stdout, io, options);
  if (result.baseline?.written) io.stderr.write(`planc: wrote the baseline ${result.baseline.file}: ${plural(result.suppressed.filter((d) => d.suppression.kind === 'baseline').length, 'finding')}\n`);
  else if (result.baseline && result.baseline.stale > 0) {
    io.stderr.write(`planc: note: ${plural(result.baseline.stale, 'finding')} of the baseline ${result.baseline.stale === 1 ? 'is' : 'are'} gone; \`--update-baseline\` drops ${result.baseline.stale === 1 ? 'it' : 'them'}\n`);
  }
  const code = exitCode(result, options);
  if (code !== EXIT.clean) return code;
  const { warnings } = result.summary;
  if (maxWarnings !== undefined && !options.quiet && warnings > maxWarnings) {
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
