import { resolve } from 'node:path';
import { emitAll } from '../../emit/index.ts';
import { OutputProblem, outputFolderProblem, readManifest, writeOutputs } from '../../write/outputs.ts';
import { EXIT, UsageError, type Io } from '../io.ts';
import type { ParsedArgs } from './index.ts';
import { compileAndReport, shownPath } from './shared.ts';
import { plural } from '../../util/words.ts';

const OUTPUT_HELP = 'Choose another folder with --out (or `out` in planc.config.yaml): planc build replaces only files it wrote itself, which its manifest lists.';

export async function run({ values, positionals }: ParsedArgs, io: Io): Promise<number> {
  if (values.out !== undefined) {
    // Before compiling anything: an output "folder" that is a file is a usage error.
    const given = resolve(io.cwd, String(values.out));
    const problem = outputFolderProblem(given);
    if (problem) throw new UsageError(`the output folder \`${shownPath(given, io.cwd)}\` ${problem}`, OUTPUT_HELP);
  }
  const compiled = await compileAndReport(values, positionals, io);
  if (typeof compiled === 'number') return compiled;
  const { result, diagnostics } = compiled;
  const out = values.out !== undefined ? resolve(io.cwd, String(values.out)) : resolve(result.config.root, result.config.out);
  const emitted = emitAll(result);
  // Plans not built keep their previous outputs: those skipped for errors, and those whose
  // file no longer parses (the last build's manifest says which plan they were).
  const previous = await readManifest(out);
  const kept = new Set([
    ...emitted.skipped.map((plan) => plan.id),
    ...emitted.failed.flatMap((file) => (previous.plans[file] ? [previous.plans[file]] : [])),
  ]);
  const built = result.plans.filter((plan) => !emitted.skipped.includes(plan));
  let summary;
  try {
    summary = await writeOutputs(out, emitted.files, {
      keep: (path) => kept.has(path.split('/')[0]!),
      plans: Object.fromEntries(built.map((plan) => [plan.file, plan.id])),
    });
  } catch (error) {
    if (error instanceof OutputProblem) throw new UsageError(`the output folder \`${shownPath(out, io.cwd)}\` ${error.detail}`, OUTPUT_HELP);
    // The disk, not planc: a full disk, a permission, a file where a folder should be.
    // Nothing was replaced (writeOutputs renames only once every file is written).
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    throw new UsageError(`could not write into \`${shownPath(out, io.cwd)}\` (${code}: ${(error as Error).message}); the previous outputs are unchanged`);
  }
  const shown = shownPath(out, io.cwd);
  io.stdout.write(
    `Built ${plural(built.length, 'plan')} into ${shown}/: ${plural(summary.written, 'file')} written, ${summary.unchanged} unchanged, ${summary.removed} removed.\n`,
  );
  const order = new Map(result.files.map((file, i) => [file, i]));
  const notBuilt = [...emitted.skipped.map((plan) => plan.file), ...emitted.failed].sort((a, b) => order.get(a)! - order.get(b)!);
  if (notBuilt.length > 0) {
    io.stdout.write(`Not built (errors): ${notBuilt.join(', ')}; their previous outputs were kept.\n`);
  }
  return diagnostics.some((d) => d.severity === 'error') ? EXIT.findings : EXIT.clean;
}
