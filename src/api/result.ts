// What every library call returns: one shape for a check, a build and a site, whatever
// went wrong — a configuration file with errors gives its diagnostics here too, so every
// reporter shows them. The figures derived from the diagnostics (counts per file, which
// plans outputs are made of) are worked out once, here, and only read after.
import type { ProjectAnalysis } from '../analyse/analyse.ts';
import type { Config } from '../config/config.ts';
import type { SourceText } from '../diagnostics/source.ts';
import type { SuppressedDiagnostic } from '../diagnostics/suppressions.ts';
import { countFindings } from '../diagnostics/counts.ts';
import type { Counts, ResolvedDiagnostic } from '../diagnostics/types.ts';
import type { Plan } from '../model/plan.ts';
import { byCode } from '../diagnostics/catalogue.ts';

export type { Counts };

export interface Summary extends Counts {
  /** Plan files checked. */
  files: number;
  /** Plans built from them (files with YAML or schema errors give none). */
  plans: number;
}

export interface CheckResult {
  /** The folder paths are relative to. */
  cwd: string;
  /** The configuration used: the defaults when there is no config file, or when it has errors. */
  config: Config;
  /** The config file has errors (PLAN6001, in `diagnostics`): nothing else was checked. */
  configInvalid: boolean;
  /** Plan files checked, relative to `cwd`, in order. */
  files: string[];
  /** Folders and globs that matched no plan file. */
  unmatched: string[];
  plans: Plan[];
  analysis: ProjectAnalysis;
  /** Every diagnostic, with lines and columns, by file, then position (the suppressed ones left out). */
  diagnostics: ResolvedDiagnostic[];
  /** Findings suppressed by a comment in the plan or by the baseline: reported apart, never counted. */
  suppressed: SuppressedDiagnostic[];
  /** The baseline used or written, with the entries that matched nothing (fixed since). */
  baseline?: BaselineState;
  /** The diagnostics of each file checked (an empty list for a clean one). */
  byFile: ReadonlyMap<string, readonly ResolvedDiagnostic[]>;
  /** Findings per file checked. */
  counts: ReadonlyMap<string, Counts>;
  summary: Summary;
  /** The plans outputs are made of: those whose file has no error, the first of each id. */
  built: Plan[];
  /** Plans left out of outputs: an error in their file, or an id another plan took first. */
  skipped: Plan[];
  /** The files outputs leave out (every file with an error), in file order. */
  notBuilt: Array<{ file: string; errors: number }>;
  /** A file's text, for code frames. */
  source(path: string): SourceText | undefined;
}

const NO_FINDINGS: Counts = Object.freeze({ errors: 0, warnings: 0, infos: 0 });

export interface BaselineState {
  /** As given, relative to `cwd`. */
  file: string;
  /** Entries that no finding matched. */
  stale: number;
  /** Whether this check wrote it (`updateBaseline`). */
  written: boolean;
}

export interface ResultParts {
  cwd: string;
  config: Config;
  configInvalid?: boolean;
  files: string[];
  unmatched?: string[];
  plans: Plan[];
  analysis: ProjectAnalysis;
  diagnostics: ResolvedDiagnostic[];
  suppressed?: SuppressedDiagnostic[];
  baseline?: BaselineState;
  source(path: string): SourceText | undefined;
}

export function makeResult(parts: ResultParts): CheckResult {
  const byFile = new Map<string, ResolvedDiagnostic[]>(parts.files.map((file) => [file, []]));
  for (const d of parts.diagnostics) {
    let list = byFile.get(d.file);
    if (!list) byFile.set(d.file, (list = []));
    list.push(d);
  }
  const counts = new Map<string, Counts>();
  for (const [file, list] of byFile) counts.set(file, list.length === 0 ? NO_FINDINGS : countFindings(list));
  // Outputs leave out a file with an error, unless its only errors are about how the plan
  // is going (a milestone past due): those plans are built, and their documents say so.
  const blocking = new Map<string, number>();
  for (const d of parts.diagnostics) if (d.severity === 'error' && !byCode.get(d.code)?.keepsOutputs) blocking.set(d.file, (blocking.get(d.file) ?? 0) + 1);
  const hasError = (file: string) => blocking.has(file);
  // A document built on a broken plan would mislead; so would a second plan with an id taken.
  const built: Plan[] = [];
  const skipped: Plan[] = [];
  const seen = new Set<string>();
  for (const plan of parts.plans) {
    if (hasError(plan.file) || seen.has(plan.id)) skipped.push(plan);
    else {
      seen.add(plan.id);
      built.push(plan);
    }
  }
  // Every file left out has an error: its own, or PLAN3005 for an id taken.
  const notBuilt = parts.files.filter(hasError).map((file) => ({ file, errors: counts.get(file)!.errors }));
  return {
    cwd: parts.cwd,
    config: parts.config,
    configInvalid: parts.configInvalid ?? false,
    files: parts.files,
    unmatched: parts.unmatched ?? [],
    plans: parts.plans,
    analysis: parts.analysis,
    diagnostics: parts.diagnostics,
    suppressed: parts.suppressed ?? [],
    ...(parts.baseline ? { baseline: parts.baseline } : {}),
    byFile,
    counts,
    summary: { files: parts.files.length, plans: parts.plans.length, ...countFindings(parts.diagnostics) },
    built,
    skipped,
    notBuilt,
    source: parts.source,
  };
}
