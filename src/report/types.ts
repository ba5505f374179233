import type { SourceText } from '../diagnostics/source.ts';
import type { ResolvedDiagnostic } from '../diagnostics/types.ts';

export interface ReportInput {
  diagnostics: readonly ResolvedDiagnostic[];
  /** How many plan files were checked. */
  files: number;
  /** How many plans were built (files without YAML or schema errors). */
  plans: number;
  source(path: string): SourceText | undefined;
}
