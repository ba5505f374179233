// What check and build share: running the compiler over the paths of the command line and
// printing the diagnostics.
import { check, type CheckOutcome } from '../../check.ts';
import type { CompileResult } from '../../compile.ts';
import type { ResolvedDiagnostic } from '../../diagnostics/types.ts';
import { reporters, type Reporter } from '../../report/index.ts';
import { stylish } from '../../report/stylish.ts';
import { COLOUR, PLAIN, wantsColour } from '../../report/terminal.ts';
import { relative } from 'node:path';
import { UsageError, type Io, type OutputStream } from '../io.ts';

export function reporterFor(format: unknown): Reporter {
  const name = String(format);
  const reporter = reporters[name];
  if (!reporter) throw new UsageError(`unknown format \`${name}\``, `Formats: ${Object.keys(reporters).join(', ')}.`);
  return reporter;
}

/**
 * Compiles the plans the command names. A config error is printed and becomes exit code 2
 * (returned as a number); no matching file is a usage error.
 */
export async function compileFor(
  values: Record<string, unknown>,
  positionals: string[],
  io: Io,
  options: { simulate?: boolean } = {},
): Promise<CompileResult | number> {
  if (positionals.some((path) => path.trim() === '')) throw new UsageError('an empty path was given', 'Name plan files, folders or globs (or none: the plans folder).');
  const outcome: CheckOutcome = await check({
    cwd: io.cwd,
    paths: positionals,
    ...(values.config ? { config: String(values.config) } : {}),
    ...(options.simulate ? { simulate: true } : {}),
  });
  if (outcome.kind === 'config-error') {
    const style = wantsColour(io.env, Boolean(io.stderr.isTTY)) ? COLOUR : PLAIN;
    io.stderr.write(stylish({ diagnostics: outcome.diagnostics, files: 0, plans: 0, source: outcome.source }, style));
    return 2;
  }
  if (outcome.kind === 'missing') {
    // A typo in CI must not pass; a glob that matches nothing may be on purpose (a warning).
    throw new UsageError(
      `${outcome.missing.length === 1 ? 'no such file or folder' : 'no such files or folders'}: ${outcome.missing.map((p) => `\`${p}\``).join(', ')}`,
      'Name existing plan files or folders, or globs.',
    );
  }
  if (outcome.kind === 'no-files') {
    throw new UsageError(
      `no plan files matched ${outcome.patterns.map((p) => `\`${p}\``).join(', ')}`,
      'Pass plan files, folders or globs, or set `plans:` in planc.config.yaml.',
    );
  }
  for (const pattern of outcome.unmatched) io.stderr.write(`planc: warning: \`${pattern}\` matched no plan file\n`);
  return outcome.result;
}

/** Prints the diagnostics; with `quiet`, nothing at all when there are none. */
export function report(result: CompileResult, reporter: Reporter, stream: OutputStream, io: Io, quiet = false): ResolvedDiagnostic[] {
  const diagnostics = result.diagnostics.map((d) => result.sources.resolve(d));
  if (quiet && diagnostics.length === 0) return diagnostics;
  const style = wantsColour(io.env, Boolean(stream.isTTY)) ? COLOUR : PLAIN;
  stream.write(
    reporter({ diagnostics, files: result.files.length, plans: result.plans.length, source: (path) => result.sources.get(path) }, style),
  );
  return diagnostics;
}

/**
 * Compiles (with the simulation: outputs show its figures) and prints the diagnostics on
 * standard error, nothing when there are none. A number is an exit code to return.
 */
export async function compileAndReport(
  values: Record<string, unknown>,
  positionals: string[],
  io: Io,
): Promise<{ result: CompileResult; diagnostics: ResolvedDiagnostic[] } | number> {
  const reporter = reporterFor(values.format);
  const result = await compileFor(values, positionals, io, { simulate: true });
  if (typeof result === 'number') return result;
  return { result, diagnostics: report(result, reporter, io.stderr, io, true) };
}

/** A folder as a message shows it: relative to the working folder when inside it. */
export function shownPath(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
}
