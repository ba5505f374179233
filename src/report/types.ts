import type { SourceText } from '../diagnostics/source.ts';
import type { SuppressedDiagnostic } from '../diagnostics/suppressions.ts';
import type { ResolvedDiagnostic, Severity } from '../diagnostics/types.ts';

/** What every reporter reads: a check's findings and what it checked (src/api/report.ts makes it). */
export interface ReportInput {
  /** The findings reported (the suppressed ones left out), by file, then position. */
  diagnostics: readonly ResolvedDiagnostic[];
  /** Findings suppressed by a comment or the baseline. */
  suppressed: readonly SuppressedDiagnostic[];
  /** The plan files checked, in order. */
  files: readonly string[];
  /** How many plans were built (files without YAML or schema errors). */
  plans: number;
  /** The least severity that fails the run (`--fail-severity`). */
  failAt: Severity;
  /** The id of the plan a file holds. */
  planOf(file: string): string | undefined;
  /** What a finding is about, stably: its plan, code and item (ids, not lines). */
  identity(diagnostic: ResolvedDiagnostic): string;
  /** The address of a code's explanation. */
  explanation(code: string): string;
  source(path: string): SourceText | undefined;
}

/** planc itself, as reports name it. */
export interface ToolInfo {
  name: string;
  version: string;
  /** planc's home page. */
  informationUri: string;
}
