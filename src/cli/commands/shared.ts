// What the commands share: the request the command line makes, printing a result's
// diagnostics with the reporter asked for, and the exit code a result gives.
import type { CheckResult } from '../../api/result.ts';
import { reporters, type Reporter } from '../../report/index.ts';
import { COLOUR, PLAIN, wantsColour } from '../../report/terminal.ts';
import { EXIT, UsageError, type Io, type OutputStream } from '../io.ts';
import type { ParsedArgs } from './index.ts';

export function reporterFor(format: unknown): Reporter {
  const name = String(format);
  const reporter = reporters[name];
  if (!reporter) throw new UsageError(`unknown format \`${name}\``, `Formats: ${Object.keys(reporters).join(', ')}.`);
  return reporter;
}

/** Formats for programs, not people: printed whole on standard output, even with nothing to report. */
const MACHINE_FORMATS = new Set(['json']);

/**
 * Where a writing command (build, site) sends what: its diagnostics go to standard error
 * in a format for people (quiet when there are none) and its one-line summary to standard
 * output; in a format for programs, the report is standard output's only content and the
 * summary goes to standard error.
 */
export function writerStreams(format: unknown, io: Io): { report: OutputStream; summary: OutputStream; quiet: boolean } {
  return MACHINE_FORMATS.has(String(format)) ? { report: io.stdout, summary: io.stderr, quiet: false } : { report: io.stderr, summary: io.stdout, quiet: true };
}

/** The library request of a command line: its working folder, its paths and its config file. */
export function request({ values, positionals }: ParsedArgs, io: Io): { cwd: string; paths: string[]; config?: string } {
  return { cwd: io.cwd, paths: positionals, ...(values.config !== undefined ? { config: String(values.config) } : {}) };
}

/**
 * Prints a result's diagnostics (configuration errors included) and the folders and globs
 * that matched nothing; with `quiet`, nothing at all when there are no diagnostics.
 */
export function printDiagnostics(result: CheckResult, reporter: Reporter, stream: OutputStream, io: Io, quiet = false): void {
  for (const pattern of result.unmatched) io.stderr.write(`planc: warning: \`${pattern}\` matched no plan file\n`);
  if (quiet && result.diagnostics.length === 0) return;
  const style = wantsColour(io.env, Boolean(stream.isTTY)) ? COLOUR : PLAIN;
  stream.write(reporter({ diagnostics: result.diagnostics, files: result.files.length, plans: result.plans.length, source: result.source }, style));
}

/** 2 for a configuration with errors, 1 for errors in the plans, else 0. */
export function exitCode(result: CheckResult): number {
  if (result.configInvalid) return EXIT.usage;
  return result.summary.errors > 0 ? EXIT.findings : EXIT.clean;
}
