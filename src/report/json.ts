// The machine format (--format json). Stable: fields are only ever added. Documented in
// docs/json-output.md. `jsonReport` is the object, for tools that take it as it is (the
// MCP server's `check`).
import { countFindings } from '../diagnostics/counts.ts';
import type { ResolvedDiagnostic } from '../diagnostics/types.ts';
import type { SuppressedDiagnostic } from '../diagnostics/suppressions.ts';
import type { ReportInput } from './types.ts';

export const JSON_FORMAT_VERSION = 1;

export interface JsonReport {
  version: number;
  summary: { files: number; plans: number; errors: number; warnings: number; infos: number; suppressed: number };
  diagnostics: Array<ResolvedDiagnostic & { url: string }>;
  suppressed: Array<SuppressedDiagnostic & { url: string }>;
}

export function json(input: ReportInput): string {
  return `${JSON.stringify(jsonReport(input), null, 2)}\n`;
}

/** The report as a value (a watcher sends one per run, on a line of its own; the MCP server's `check` returns it). */
export function jsonReport(input: ReportInput): JsonReport {
  const withUrl = <D extends ResolvedDiagnostic>(d: D) => ({ ...d, url: input.explanation(d.code) });
  return {
    version: JSON_FORMAT_VERSION,
    summary: { files: input.files.length, plans: input.plans, ...countFindings(input.diagnostics), suppressed: input.suppressed.length },
    diagnostics: input.diagnostics.map(withUrl),
    suppressed: input.suppressed.map(withUrl),
  };
}
