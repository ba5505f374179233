// The machine format (--format json). Stable: fields are only ever added. Documented in
// docs/diagnostics-json.md.
import { counts } from './stylish.ts';
import type { ReportInput } from './types.ts';

export const JSON_FORMAT_VERSION = 1;

export function json(input: ReportInput): string {
  const { error, warning, info } = counts(input.diagnostics);
  return `${JSON.stringify(
    {
      version: JSON_FORMAT_VERSION,
      summary: { files: input.files, plans: input.plans, errors: error, warnings: warning, infos: info },
      diagnostics: input.diagnostics,
    },
    null,
    2,
  )}\n`;
}
