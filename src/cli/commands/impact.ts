// `planc impact`: argv → the library's impact → its formats → exit code. Each format goes to
// standard output or its file (`--format markdown=planc-impact.md`); in a GitHub Actions
// job the markdown also goes into the job summary.
import { formatImpact, impact, IMPACT_FORMATS } from '../../api/impact.ts';
import { COLOUR, PLAIN, wantsColour } from '../../report/terminal.ts';
import { plural } from '../../util/words.ts';
import { EXIT, type Io } from '../io.ts';
import type { ParsedArgs } from './index.ts';
import { appendJobSummary, exitCode, formatTargets, printReports, writeReportFile } from './shared.ts';

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const targets = formatTargets(args.values, IMPACT_FORMATS);
  const result = await impact({
    cwd: io.cwd,
    files: args.positionals,
    ...(args.values.base !== undefined ? { base: String(args.values.base) } : {}),
    ...(args.values.config !== undefined ? { config: String(args.values.config) } : {}),
    env: io.env,
  });
  const { impact: report } = result;
  if (result.configInvalid || !report) {
    printReports(result, [{ name: 'stylish' }], io.stderr, io);
    return EXIT.usage;
  }
  if (result.summary.errors > 0) {
    io.stderr.write(`planc: ${plural(result.notBuilt.length, 'plan file')} with errors left out of the impact (\`planc check\` shows them)\n`);
  }
  const reported = { ...result, impact: report };
  for (const target of targets) {
    if (target.file !== undefined) {
      writeReportFile(io, { name: target.name, file: target.file }, formatImpact(reported, target.name, { style: PLAIN }));
      continue;
    }
    io.stdout.write(formatImpact(reported, target.name, { style: wantsColour(io.env, Boolean(io.stdout.isTTY)) ? COLOUR : PLAIN }));
  }
  // In a GitHub Actions job the impact goes into the job's summary page too: the run's page, not a comment to find again, so no marker.
  appendJobSummary(io, () => formatImpact(reported, 'markdown', { style: PLAIN, marker: false }));
  return exitCode(result);
}
