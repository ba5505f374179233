import { appendFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { impact } from '../../api/impact.ts';
import { impactMarkdown } from '../../emit/markdown/impact.ts';
import { impactJson, impactStylish, type ImpactInput } from '../../report/impact.ts';
import { COLOUR, PLAIN, wantsColour } from '../../report/terminal.ts';
import { plural } from '../../util/words.ts';
import { EXIT, UsageError, type Io } from '../io.ts';
import type { ParsedArgs } from './index.ts';
import { exitCode, printDiagnostics, reporterFor } from './shared.ts';

const FORMATS: Record<string, (input: ImpactInput, colour: boolean) => string> = {
  stylish: (input, colour) => impactStylish(input, colour ? COLOUR : PLAIN),
  markdown: (input) => impactMarkdown(input.report),
  json: (input) => impactJson(input),
};

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const name = String(args.values.format);
  const format = FORMATS[name];
  if (!format) throw new UsageError(`unknown format \`${name}\``, `Formats: ${Object.keys(FORMATS).join(', ')}.`);
  const result = await impact({
    cwd: io.cwd,
    files: args.positionals,
    ...(args.values.base !== undefined ? { base: String(args.values.base) } : {}),
    ...(args.values.config !== undefined ? { config: String(args.values.config) } : {}),
  });
  if (result.configInvalid || !result.impact) {
    printDiagnostics(result, reporterFor('stylish'), io.stderr, io);
    return EXIT.usage;
  }
  if (result.summary.errors > 0) {
    io.stderr.write(`planc: ${plural(result.notBuilt.length, 'plan file')} with errors left out of the impact (\`planc check\` shows them)\n`);
  }
  const input: ImpactInput = { report: result.impact, root: relative(io.cwd, result.root).split('\\').join('/') || '.' };
  io.stdout.write(format(input, wantsColour(io.env, Boolean(io.stdout.isTTY))));
  // In a GitHub Actions job, the report goes into the job's summary page as well.
  const summary = io.env.GITHUB_STEP_SUMMARY;
  if (summary) {
    try {
      appendFileSync(resolve(io.cwd, summary), `${impactMarkdown(result.impact)}\n`);
    } catch (error) {
      io.stderr.write(`planc: warning: cannot add the impact to the job summary (${summary}): ${(error as NodeJS.ErrnoException).code ?? String(error)}\n`);
    }
  }
  return exitCode(result);
}
