// Findings counted by severity: the one count every summary, exit code and report reads.
import type { Counts, ResolvedDiagnostic, Severity } from './types.ts';

const FIELD: Record<Severity, keyof Counts> = { error: 'errors', warning: 'warnings', info: 'infos' };

/** Counts by severity. */
export function countFindings(diagnostics: readonly Pick<ResolvedDiagnostic, 'severity'>[]): Counts {
  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const d of diagnostics) counts[FIELD[d.severity]] += 1;
  return counts;
}

/** Severities from the least to the most serious. */
export const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error'];

/** Whether a finding of `severity` is at or above `threshold`. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITIES.indexOf(severity) >= SEVERITIES.indexOf(threshold);
}
