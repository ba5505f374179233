// `planc build` as a library call: check the plans (with the simulation: plan.json shows
// its figures), emit every output in memory, then write them by the output policy of
// src/write/outputs.ts — only files planc wrote are ever replaced or removed, and the
// outputs of plans not built this time are kept.
import { resolve } from 'node:path';
import { emitFiles } from '../emit/index.ts';
import { shownPath } from '../util/paths.ts';
import { OutputProblem, outputFolderProblem, readManifest, writeOutputs, type OutputFile, type WriteSummary } from '../write/outputs.ts';
import { UsageError } from './errors.ts';
import type { CheckResult } from './result.ts';
import { checkRequest, CompilerSession, type CheckRequest, type SessionOptions } from './session.ts';

export interface BuildOptions extends SessionOptions, Omit<CheckRequest, 'simulate'> {
  /** The output folder, relative to `cwd` (default: the config's `out`, relative to its folder). */
  out?: string;
  /** A session to compile with (a watcher's), instead of a new one. */
  session?: CompilerSession;
}

export interface BuildResult extends CheckResult {
  /** The output folder, absolute. */
  out: string;
  /** What was written; undefined when the configuration has errors and nothing was built. */
  written?: WriteSummary;
}

const OUTPUT_HELP = 'Choose another folder with --out (or `out` in planc.config.yaml): planc build replaces only files it wrote itself, which its manifest lists.';

export async function buildOutputs(options: BuildOptions): Promise<BuildResult> {
  const cwd = resolve(options.cwd);
  if (options.out !== undefined) {
    // Before compiling anything: an output "folder" that is a file is a usage error.
    const given = resolve(cwd, options.out);
    const problem = outputFolderProblem(given);
    if (problem) throw new UsageError(`the output folder \`${shownPath(given, cwd)}\` ${problem}`, OUTPUT_HELP);
  }
  const session = options.session ?? new CompilerSession(options);
  const result = await session.check({ ...checkRequest(options), simulate: true });
  const out = options.out !== undefined ? resolve(cwd, options.out) : resolve(result.config.root, result.config.out);
  if (result.configInvalid) return { ...result, out };
  const files = emitFiles(result);
  // Plans not built keep their previous outputs: those skipped for errors, and those whose
  // file no longer gives a plan (the last build's manifest says which plan it was).
  const previous = await readManifest(out);
  const planFiles = new Set(result.plans.map((plan) => plan.file));
  const kept = new Set([
    ...result.skipped.map((plan) => plan.id),
    ...result.notBuilt.flatMap(({ file }) => (!planFiles.has(file) && previous.plans[file] ? [previous.plans[file]] : [])),
  ]);
  const written = await writeOutputFolder(out, cwd, files, {
    keep: (path) => kept.has(path.split('/')[0]!),
    plans: Object.fromEntries(result.built.map((plan) => [plan.file, plan.id])),
  });
  return { ...result, out, written };
}

/**
 * Writes files into an output folder by the policy of src/write/outputs.ts, with what can
 * go wrong as a usage error: a folder planc must not write into (it holds files planc did
 * not write), or the disk (full, a permission, a file where a folder should be) — in which
 * case nothing was replaced.
 */
export async function writeOutputFolder(out: string, cwd: string, files: Iterable<OutputFile>, options: Parameters<typeof writeOutputs>[2] = {}, help = OUTPUT_HELP): Promise<WriteSummary> {
  try {
    return await writeOutputs(out, files, options);
  } catch (error) {
    if (error instanceof OutputProblem) throw new UsageError(`the output folder \`${shownPath(out, cwd)}\` ${error.detail}`, help);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === undefined) throw error;
    // Node's messages start with the code ("ENOSPC: no space left on device, write").
    const message = (error as Error).message;
    const detail = message.startsWith(`${code}:`) ? message : `${code}: ${message}`;
    throw new UsageError(`could not write into \`${shownPath(out, cwd)}\` (${detail}); the previous outputs are unchanged`);
  }
}
