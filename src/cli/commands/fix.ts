import { fixDiff, fixFiles } from '../../api/fix.ts';
import { MACHINE_FORMATS } from '../../report/index.ts';
import { plural } from '../../util/words.ts';
import { UsageError, type Io } from '../io.ts';
import { progressLine } from '../progress.ts';
import type { ParsedArgs } from './index.ts';
import { exitCode, formatTargets, printReports, request } from './shared.ts';

export async function run(args: ParsedArgs, io: Io): Promise<number> {
  const { values } = args;
  const dryRun = values['dry-run'] === true;
  const targets = formatTargets(values);
  const shown = targets.find((target) => target.file === undefined)!;
  const machine = MACHINE_FORMATS.has(shown.name);
  if (dryRun && machine) {
    throw new UsageError(`with --dry-run, standard output is the diff: send the ${shown.name} report to a file`, `Write \`--format ${shown.name}=planc-fix.${shown.name === 'junit' ? 'xml' : 'json'}\`.`);
  }
  const progress = progressLine(io);
  const result = await fixFiles({
    ...request(args, io),
    write: !dryRun,
    renameDuplicates: values['rename-duplicates'] === true,
    onProgress: (done, total) => progress.show('fixing', done, total),
  });
  progress.clear();
  // The diff is all of standard output in a dry run; what is left then goes to standard error.
  if (dryRun) io.stdout.write(fixDiff(result.fixed));
  const report = dryRun ? io.stderr : io.stdout;
  const summary = dryRun || machine ? io.stderr : io.stdout;
  const problems = result.fixed.reduce((sum, fix) => sum + fix.applied.length, 0);
  if (!result.configInvalid) {
    for (const fix of result.fixed) summary.write(`${dryRun ? 'Would fix' : 'Fixed'} ${fix.file}: ${plural(fix.applied.length, 'problem')} (${codes(fix.applied.map((applied) => applied.code))})\n`);
    summary.write(
      problems === 0
        ? 'Nothing to fix.\n'
        : `${dryRun ? 'Would fix' : 'Fixed'} ${plural(problems, 'problem')} in ${plural(result.fixed.length, 'file')}${dryRun ? ' (nothing written: --dry-run)' : ''}.\n`,
    );
  }
  printReports(result, targets, report, io, { quietWhenEmpty: true });
  return exitCode(result);
}

/** `PLAN2001, PLAN2005 ×2`: the codes fixed, in order, each once with how often. */
function codes(list: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const code of list) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts].map(([code, count]) => (count > 1 ? `${code} ×${count}` : code)).join(', ');
}
