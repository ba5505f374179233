// What the commands share: the request the command line makes, the formats asked for and
// where each goes, printing a result's reports, and the exit code a result gives.
import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { ConfigResult } from '../../api/config.ts';
import { formatResult, type ReportOptions } from '../../api/report.ts';
import type { CheckResult } from '../../api/result.ts';
import { atLeast, SEVERITIES } from '../../diagnostics/counts.ts';
import type { Severity } from '../../diagnostics/types.ts';
import { MACHINE_FORMATS, reporters } from '../../report/index.ts';
import { COLOUR, PLAIN, wantsColour } from '../../report/terminal.ts';
import { writeAtomically } from '../../util/atomic.ts';
import { suggest } from '../../util/suggest.ts';
import { localDate } from '../../util/dates.ts';
import { EXIT, UsageError, type Io, type OutputStream } from '../io.ts';
import type { ParsedArgs } from './index.ts';

/** A format asked for, and the file it goes to (standard output when none). */
export interface FormatTarget {
  name: string;
  file?: string;
}

function knownFormat(name: string, formats: readonly string[]): string {
  if (formats.includes(name)) return name;
  const near = suggest(name, formats);
  throw new UsageError(`unknown format \`${name}\`${near ? `; did you mean \`${near}\`?` : ''}`, `Formats: ${formats.join(', ')}.`);
}

/**
 * `--format NAME` (standard output) and `--format NAME=FILE`, repeated; `--output-file
 * FILE` sends the first format without a file there, as ESLint's does. At most one format
 * goes to standard output; when every one goes to a file, the terminal gets `stylish`.
 * `formats` are the command's (by default, those of `check`).
 */
export function formatTargets(values: ParsedArgs['values'], formats: readonly string[] = Object.keys(reporters)): FormatTarget[] {
  const given = ([] as unknown[]).concat(values.format ?? []).map(String);
  const targets: FormatTarget[] = (given.length > 0 ? given : ['stylish']).map((spec) => {
    const at = spec.indexOf('=');
    if (at === -1) return { name: knownFormat(spec, formats) };
    const file = spec.slice(at + 1);
    if (file === '') throw new UsageError(`\`--format ${spec}\` names no file`, `Name the file after the \`=\`: \`--format ${spec}FILE\`.`);
    return { name: knownFormat(spec.slice(0, at), formats), file };
  });
  if (values['output-file'] !== undefined) {
    const first = targets.find((target) => target.file === undefined);
    if (!first) throw new UsageError('`--output-file` has no format to take: every `--format` names its own file');
    first.file = String(values['output-file']);
  }
  const toStdout = targets.filter((target) => target.file === undefined);
  if (toStdout.length > 1) {
    throw new UsageError(`only one format can go to standard output, not ${toStdout.map((t) => `\`${t.name}\``).join(' and ')}`, 'Send the others to files: `--format sarif=planc.sarif`.');
  }
  if (toStdout.length === 0) targets.unshift({ name: 'stylish' });
  return targets;
}

/** `--fail-severity error|warning|info` (as Spectral's): the least severity that fails the run. */
export function failSeverity(value: unknown): Severity {
  if (value === undefined) return 'error';
  const text = String(value);
  if ((SEVERITIES as readonly string[]).includes(text)) return text as Severity;
  throw new UsageError(`--fail-severity takes ${SEVERITIES.map((s) => `\`${s}\``).join(', ')}, not \`${text}\``);
}

/** The library request of a command line: its working folder, its paths, its config file and its status date. */
export function request({ values, positionals }: ParsedArgs, io: Io): { cwd: string; paths: string[]; config?: string; statusDate?: string } {
  return {
    cwd: io.cwd,
    paths: positionals,
    ...(values.config !== undefined ? { config: String(values.config) } : {}),
    ...(values['status-date'] !== undefined ? { statusDate: statusDate(String(values['status-date']), io) } : {}),
  };
}

/**
 * `--status-date`: a date as written (the library checks it), or `today`, the one place
 * planc reads the clock: the caller's local day (`io.today`, or the clock's).
 */
function statusDate(value: string, io: Io): string {
  return value === 'today' ? localDate(io.today?.() ?? new Date()) : value;
}

/**
 * Prints a result's reports: each format to its file (written whole or not at all) or to
 * `stream`; `--format github` also appends the markdown summary to the job summary
 * (`$GITHUB_STEP_SUMMARY`) when there is one. Folders and globs that matched nothing are
 * said on standard error. With `quiet`, a report for people is left out when there is
 * nothing in it.
 */
export function printReports(
  result: CheckResult | ConfigResult,
  targets: readonly FormatTarget[],
  stream: OutputStream,
  io: Io,
  options: ReportOptions & { quietWhenEmpty?: boolean } = {},
): void {
  for (const pattern of 'unmatched' in result ? result.unmatched : []) io.stderr.write(`planc: warning: \`${pattern}\` matched no plan file\n`);
  for (const target of targets) {
    if (target.file !== undefined) {
      writeReportFile(io, target as Required<FormatTarget>, formatResult(result, target.name, PLAIN, options));
      continue;
    }
    if (options.quietWhenEmpty && !MACHINE_FORMATS.has(target.name) && result.diagnostics.length === 0) continue;
    const style = wantsColour(io.env, Boolean(stream.isTTY)) ? COLOUR : PLAIN;
    stream.write(formatResult(result, target.name, style, options));
  }
  if (targets.some((target) => target.name === 'github')) appendJobSummary(io, () => formatResult(result, 'markdown', PLAIN, options));
}

/** A report written to its file whole or not at all (folders made as needed); a file that cannot be written is a usage error. */
export function writeReportFile(io: Io, target: Required<FormatTarget>, text: string): void {
  const path = resolve(io.cwd, target.file);
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeAtomically(path, text);
  } catch (error) {
    throw new UsageError(`could not write the ${target.name} report to \`${target.file}\` (${(error as Error).message})`);
  }
}

/**
 * In a GitHub Actions job (`$GITHUB_STEP_SUMMARY` set), appends markdown to the job's
 * summary; one that cannot be written is said on standard error, and the run goes on.
 */
export function appendJobSummary(io: Io, markdown: () => string): void {
  const summary = io.env.GITHUB_STEP_SUMMARY;
  if (!summary) return;
  try {
    appendFileSync(summary, markdown());
  } catch (error) {
    io.stderr.write(`planc: warning: could not append to the job summary (${(error as Error).message})\n`);
  }
}

/**
 * Where a writing command (build, site) sends what: its diagnostics go to standard error
 * in a format for people (quiet when there are none) and its one-line summary to standard
 * output; in a format for programs, the report is standard output's only content and the
 * summary goes to standard error.
 */
export function writerStreams(targets: readonly FormatTarget[], io: Io): { report: OutputStream; summary: OutputStream } {
  const shown = targets.find((target) => target.file === undefined)!;
  return MACHINE_FORMATS.has(shown.name) ? { report: io.stdout, summary: io.stderr } : { report: io.stderr, summary: io.stdout };
}

/** 2 for a configuration with errors; 1 for findings at or above the failing severity; else 0. */
export function exitCode(result: CheckResult | ConfigResult, options: ReportOptions = {}): number {
  if (result.configInvalid) return EXIT.usage;
  const failAt = options.quiet ? 'error' : (options.failAt ?? 'error');
  return result.diagnostics.some((d) => atLeast(d.severity, failAt)) ? EXIT.findings : EXIT.clean;
}
